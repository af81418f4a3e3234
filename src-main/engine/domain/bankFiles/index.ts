// A bank file, told by its content (never by its name): Nets OCR giro or camt.054.
import { DomainError } from '../../../../shared/errors';
import { looksLikeXml, parseCamt054 } from './camt054';
import { looksLikeOcr, parseOcr } from './ocr';
import type { ParsedBankFile } from './types';

export type { BankFileTransaction, IgnoredEntry, ParsedBankFile } from './types';

export function parseBankFile(content: string): ParsedBankFile {
  if (content.trim() === '') throw new DomainError('bank_file_empty', 'content');
  if (looksLikeOcr(content)) return parseOcr(content);
  if (looksLikeXml(content)) return parseCamt054(content);
  throw new DomainError('bank_file_unknown_format', 'content');
}
