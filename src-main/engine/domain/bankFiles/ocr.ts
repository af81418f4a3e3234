// Nets OCR giro (the «OCR giro systemspesifikasjon»): 80-character records.
// Forsendelse start NY000010, per oppdrag NY090020 … NY090088, per transaction
// beløpspost 1 (NY09tt30) and 2 (NY09tt31), optionally 3 (NY09tt32, a message
// for Nettgiro with free text), and forsendelse end NY000089. The oppdrag and
// forsendelse end records carry counts and sums, checked here: a file whose
// records do not add up is refused whole. Pure: text in, transactions out.
import { DomainError } from '../../../../shared/errors';
import { formatAmount } from '../../../../shared/format';
import type { BankFileTransaction, IgnoredEntry, ParsedBankFile } from './types';

const FIELD = 'content';

/** 1-based, inclusive character positions as the specification numbers them. */
const at = (line: string, from: number, to: number) => line.slice(from - 1, to);

function bad(line: number, what: string, whatEn: string, value: string): never {
  throw new DomainError('bank_file_bad_field', FIELD, { line, what, whatEn, value: value.trim() || '(blank)' });
}

function structure(line: number, what: string, whatEn: string): never {
  throw new DomainError('bank_file_structure', FIELD, { line, what, whatEn });
}

function digits(line: number, value: string, what: string, whatEn: string): string {
  if (!/^\d+$/.test(value)) bad(line, what, whatEn, value);
  return value;
}

/** DDMMÅÅ as Nets writes dates (this century). */
function nbDate(line: number, value: string, what: string, whatEn: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) bad(line, what, whatEn, value);
  const iso = `20${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) bad(line, what, whatEn, value);
  return iso;
}

function totals(line: number, where: string, whereEn: string, checks: readonly [string, string, number, number, boolean?][]): void {
  for (const [what, whatEn, expected, found, money] of checks) {
    if (expected !== found) {
      const show = (n: number) => (money ? formatAmount(n) : String(n));
      throw new DomainError('bank_file_totals', FIELD, { line, where: `Linje ${line} (${where})`, whereEn: `Line ${line} (${whereEn})`, what, whatEn, expected: show(expected), found: show(found) });
    }
  }
}

interface Oppdrag {
  readonly startLine: number;
  readonly agreementId: string;
  readonly number: string;
  records: number;
  count: number;
  sumOre: number;
}

interface Pending {
  readonly line: number;
  readonly type: string;
  readonly number: string;
  readonly date: string;
  readonly amountOre: number;
  readonly kid: string | null;
  bankRef?: string;
  payerAccount?: string | null;
  message?: string | null;
}

/** Whether the text looks like an OCR giro file (its first record is a forsendelse start). */
export function looksLikeOcr(content: string): boolean {
  return content.replace(/^\uFEFF/, '').startsWith('NY0000');
}

export function parseOcr(content: string): ParsedBankFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0) throw new DomainError('bank_file_empty', FIELD);

  const transactions: BankFileTransaction[] = [];
  const ignored: IgnoredEntry[] = [];
  let started = false;
  let ended = false;
  let oppdrag: Oppdrag | null = null;
  let pending: Pending | null = null;
  let fileCount = 0;
  let fileSum = 0;

  const finish = (p: Pending, o: Oppdrag) => {
    if (p.bankRef === undefined) structure(p.line, 'beløpspost 1 mangler sin beløpspost 2', 'amount item 1 lacks its amount item 2');
    // Nets numbers transactions within an assignment and assignments per agreement; with the
    // settlement date, amount and KID this names one payment however often it is delivered.
    const externalRef = `ocr:${o.agreementId}:${o.number}:${p.number}:${p.date}:${p.amountOre}:${p.kid ?? ''}`;
    if (p.amountOre <= 0) {
      ignored.push({ externalRef, amountOre: p.amountOre, kid: p.kid, reasonNb: 'Tilbakeføring (negativt beløp), ikke en innbetaling', reasonEn: 'A reversal (negative amount), not a payment' });
      return;
    }
    transactions.push({ externalRef, bankRef: p.bankRef, bookingDate: p.date, amountOre: p.amountOre, kid: p.kid, payerName: null, payerAccount: p.payerAccount ?? null, message: p.message ?? null });
  };

  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.length !== 80) throw new DomainError('bank_file_record_length', FIELD, { line: n, length: raw.length });
    if (ended) structure(n, 'det står poster etter forsendelse slutt', 'there are records after the transmission end');
    const key = raw.slice(0, 8);
    const record = raw.slice(6, 8);
    if (!started && key !== 'NY000010') structure(n, 'filen må begynne med forsendelse start (NY000010)', 'the file must begin with a transmission start (NY000010)');

    if (key === 'NY000010') {
      if (started) structure(n, 'forsendelse start to ganger', 'a second transmission start');
      started = true;
    } else if (key === 'NY090020') {
      if (oppdrag) structure(n, 'nytt oppdrag før forrige oppdrag er avsluttet', 'a new assignment before the previous one ended');
      oppdrag = {
        startLine: n,
        agreementId: digits(n, at(raw, 9, 17), 'avtale-ID', 'agreement ID'),
        number: digits(n, at(raw, 18, 24), 'oppdragsnummer', 'assignment number'),
        records: 1,
        count: 0,
        sumOre: 0,
      };
    } else if (raw.startsWith('NY09') && (record === '30' || record === '31' || record === '32')) {
      const o = oppdrag as Oppdrag | null;
      if (!o) structure(n, 'beløpspost utenfor et oppdrag', 'an amount item outside an assignment');
      o.records++;
      const type = at(raw, 5, 6);
      const number = digits(n, at(raw, 9, 15), 'transaksjonsnummer', 'transaction number');
      if (record === '30') {
        if (pending) finish(pending, o);
        const sign = at(raw, 32, 32);
        if (sign !== '0' && sign !== '-') bad(n, 'fortegn', 'sign', sign);
        const amount = Number(digits(n, at(raw, 33, 49), 'beløp', 'amount')) * (sign === '-' ? -1 : 1);
        const kidField = at(raw, 50, 74).trim();
        if (kidField !== '' && !/^\d+-?$/.test(kidField)) bad(n, 'KID', 'KID', kidField);
        pending = { line: n, type, number, date: nbDate(n, at(raw, 16, 21), 'oppgjørsdato', 'settlement date'), amountOre: amount, kid: kidField === '' || /^0+$/.test(kidField) ? null : kidField };
        o.count++;
        o.sumOre += amount;
      } else {
        const p = pending as Pending | null;
        if (!p || p.number !== number || p.type !== type) structure(n, `beløpspost ${record === '31' ? 2 : 3} hører ikke til beløpspost 1 foran`, `amount item ${record === '31' ? 2 : 3} does not belong to the amount item 1 before it`);
        if (record === '31') {
          p.bankRef = digits(n, at(raw, 26, 34), 'arkivreferanse', 'archive reference');
          const account = digits(n, at(raw, 48, 58), 'debetkonto', 'debit account');
          p.payerAccount = /^0+$/.test(account) ? null : account;
        } else {
          p.message = at(raw, 16, 55).trim() || null;
        }
      }
    } else if (key === 'NY090088') {
      const o = oppdrag as Oppdrag | null;
      if (!o) structure(n, 'oppdrag slutt uten oppdrag start', 'an assignment end without its start');
      if (pending) finish(pending, o);
      pending = null;
      o.records++;
      totals(n, 'oppdrag slutt', 'assignment end', [
        ['antall transaksjoner', 'the number of transactions', Number(digits(n, at(raw, 9, 16), 'antall transaksjoner', 'number of transactions')), o.count],
        ['antall poster', 'the number of records', Number(digits(n, at(raw, 17, 24), 'antall poster', 'number of records')), o.records],
        ['sum beløp', 'the total amount', Number(digits(n, at(raw, 25, 41), 'sum beløp', 'total amount')), o.sumOre, true],
      ]);
      fileCount += o.count;
      fileSum += o.sumOre;
      oppdrag = null;
    } else if (key === 'NY000089') {
      if (oppdrag) structure(n, 'forsendelse slutt før oppdraget er avsluttet', 'a transmission end before the assignment ended');
      totals(n, 'forsendelse slutt', 'transmission end', [
        ['antall transaksjoner', 'the number of transactions', Number(digits(n, at(raw, 9, 16), 'antall transaksjoner', 'number of transactions')), fileCount],
        ['antall poster', 'the number of records', Number(digits(n, at(raw, 17, 24), 'antall poster', 'number of records')), n],
        ['sum beløp', 'the total amount', Number(digits(n, at(raw, 25, 41), 'sum beløp', 'total amount')), fileSum, true],
      ]);
      ended = true;
    } else {
      throw new DomainError('bank_file_unknown_record', FIELD, { line: n, record: key });
    }
  });
  if (!ended) structure(lines.length, 'filen slutter uten forsendelse slutt (NY000089)', 'the file ends without a transmission end (NY000089)');
  return { format: 'ocr', transactions, ignored };
}
