// What every bank file format is read into (SPEC 11): one incoming payment each,
// with the reference that identifies it across files, so it is never paid twice.
import type { BankFormat } from '../../../../shared/channels/receivables';

export interface BankFileTransaction {
  /** Identifies the transaction across files: the same payment in a later file has the same one. */
  readonly externalRef: string;
  /** The bank's own reference as a clerk reads it (OCR: arkivreferanse; camt: AcctSvcrRef or EndToEndId). */
  readonly bankRef: string;
  readonly bookingDate: string;
  readonly amountOre: number;
  readonly kid: string | null;
  readonly payerName: string | null;
  readonly payerAccount: string | null;
  readonly message: string | null;
}

/** An entry the file holds that is not a payment to us (a debit, a reversal, another currency), with why. */
export interface IgnoredEntry {
  readonly externalRef: string | null;
  readonly amountOre: number;
  readonly kid: string | null;
  readonly reasonNb: string;
  readonly reasonEn: string;
}

export interface ParsedBankFile {
  readonly format: BankFormat;
  readonly transactions: readonly BankFileTransaction[];
  readonly ignored: readonly IgnoredEntry[];
}
