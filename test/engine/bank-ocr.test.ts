// Nets OCR giro files (SPEC 11): the parser on our own fixture files, written from
// the published record layout, and the refusals for malformed variants of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidKid, isValidKidMod10, isValidKidMod11, kidMod11CheckDigit } from '../../shared/checks';
import { DomainError } from '../../shared/errors';
import { parseBankFile } from '../../src-main/engine/domain/bankFiles';
import { parseOcr } from '../../src-main/engine/domain/bankFiles/ocr';
import { ocrFile } from '../helpers/bankFiles';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/bank', name), 'utf8');

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.data;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('KID check digits', () => {
  it('MOD11: weights 2..7 from the right, remainder 0 gives 0 and 10 gives «-»', () => {
    // 1234567: 7*2+6*3+5*4+4*5+3*6+2*7+1*2 = 106; 106 % 11 = 7 → 11 - 7 = 4
    expect(kidMod11CheckDigit('1234567')).toBe('4');
    expect(isValidKidMod11('12345674')).toBe(true);
    expect(isValidKidMod11('12345675')).toBe(false);
    // 5: 5*2 = 10 → remainder 10 → check 1; 6: 12 % 11 = 1 → «-»
    expect(kidMod11CheckDigit('5')).toBe('1');
    expect(kidMod11CheckDigit('6')).toBe('-');
    expect(isValidKidMod11('6-')).toBe(true);
    expect(isValidKid('6-')).toBe(true);
    expect(isValidKidMod10('6-')).toBe(false);
  });
  it('a KID is valid with either check digit', () => {
    expect(isValidKid('01000100000016')).toBe(true); // MOD10, as invoices carry it
    expect(isValidKid('77001239')).toBe(true); // MOD11
    expect(isValidKid('01000100000017')).toBe(false);
  });
});

describe('OCR giro parser', () => {
  it('reads the fixture: every beløpspost with KID, amount, settlement date, archive reference and payer account', () => {
    const p = parseBankFile(fixture('ocr-payments.txt'));
    expect(p.format).toBe('ocr');
    expect(p.ignored).toEqual([]);
    expect(p.transactions.map((t) => [t.kid, t.amountOre, t.bookingDate, t.bankRef])).toEqual([
      ['01000100000016', 125000, '2025-01-03', '800100001'],
      ['01000100000024', 100000, '2025-01-03', '800100002'],
      ['01000100000990', 50000, '2025-01-03', '800100003'],
      [null, 75000, '2025-01-03', '800100004'],
      ['01000100000033', 125000, '2025-01-03', '800100005'],
      ['01000100000016', 125000, '2025-01-03', '800100006'],
      ['01000100000040', 125000, '2025-01-03', '800200001'],
    ]);
    expect(p.transactions[0]!.payerAccount).toBe('97101234565');
    // The same payment twice in a file (same KID and amount) is still two transactions.
    expect(new Set(p.transactions.map((t) => t.externalRef)).size).toBe(7);
  });

  it('the same transaction in the next day’s file has the same external reference', () => {
    const a = parseOcr(fixture('ocr-payments.txt'));
    const b = parseOcr(fixture('ocr-next-day.txt'));
    expect(b.transactions[0]!.externalRef).toBe(a.transactions[0]!.externalRef);
    expect(b.transactions[1]!.externalRef).not.toBe(a.transactions[1]!.externalRef);
  });

  it('a reversal (negative amount) is reported as ignored, not paid', () => {
    const p = parseOcr(ocrFile([{ number: 9, payments: [{ kid: '01000100000016', amountOre: 125000, date: '2025-01-03' }, { kid: '01000100000016', amountOre: -125000, date: '2025-01-03', type: 18 }] }]));
    expect(p.transactions).toHaveLength(1);
    expect(p.ignored).toEqual([expect.objectContaining({ amountOre: -125000, reasonNb: expect.stringContaining('Tilbakeføring') })]);
  });

  const lines = () => fixture('ocr-payments.txt').split('\r\n').filter((l) => l !== '');
  const join_ = (ls: string[]) => ls.join('\r\n');
  const refusals: [string, () => string, string, Record<string, unknown>][] = [
    ['a record that is not 80 characters', () => { const l = lines(); l[3] = l[3]!.slice(0, 79); return join_(l); }, 'bank_file_record_length', { line: 4, length: 79 }],
    ['an unknown record type', () => { const l = lines(); l[2] = `NY0913${'99'}${l[2]!.slice(8)}`; return join_(l); }, 'bank_file_unknown_record', { line: 3 }],
    ['an oppdrag sum that does not add up', () => { const l = lines(); const i = l.findIndex((x) => x.startsWith('NY090088')); l[i] = l[i]!.slice(0, 24) + String(Number(l[i]!.slice(24, 41)) + 1).padStart(17, '0') + l[i]!.slice(41); return join_(l); }, 'bank_file_totals', { line: 15 }],
    ['a forsendelse count that does not add up', () => { const l = lines(); const i = l.length - 1; l[i] = `NY000089${'00000006'}${l[i]!.slice(16)}`; return join_(l); }, 'bank_file_totals', { line: 20 }],
    ['a record count that does not add up', () => { const l = lines(); const i = l.findIndex((x) => x.startsWith('NY090088')); l[i] = `${l[i]!.slice(0, 16)}${'00000099'}${l[i]!.slice(24)}`; return join_(l); }, 'bank_file_totals', { line: 15 }],
    ['a bad settlement date', () => { const l = lines(); l[2] = `${l[2]!.slice(0, 15)}310225${l[2]!.slice(21)}`; return join_(l); }, 'bank_file_bad_field', { line: 3 }],
    ['letters in the amount', () => { const l = lines(); l[2] = `${l[2]!.slice(0, 40)}12A45${l[2]!.slice(45)}`; return join_(l); }, 'bank_file_bad_field', { line: 3 }],
    ['a beløpspost 2 without its beløpspost 1', () => { const l = lines(); l.splice(2, 1); return join_(l); }, 'bank_file_structure', { line: 3 }],
    ['no forsendelse end', () => join_(lines().slice(0, -1)), 'bank_file_structure', {}],
    ['no forsendelse start', () => join_(lines().slice(1)), 'bank_file_unknown_format', {}],
  ];
  for (const [name, make, code, params] of refusals) {
    it(`refuses ${name} (${code}), naming the line`, () => {
      const e = refusal(() => parseBankFile(make()));
      expect(e.code).toBe(code);
      expect(e.field).toBe('content');
      expect(e.params).toMatchObject(params);
      expect(e.message.nb).not.toBe(e.message.en);
      if ('line' in params) expect(e.message.nb).toContain(`inje ${params.line as number}`);
    });
  }

  it('refuses an empty file and a file in no known format', () => {
    expect(refusal(() => parseBankFile('  \n')).code).toBe('bank_file_empty');
    expect(refusal(() => parseBankFile('Dato;Beløp;KID\n03.01.2025;1250,00;01000100000016')).code).toBe('bank_file_unknown_format');
  });
});
