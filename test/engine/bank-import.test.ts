// Bank files through the real engine (SPEC 11): payments matched by KID pay their
// invoices; what does not match waits for a clerk; the same file, or the same
// transaction in another file, never pays twice; a malformed file changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankImportReport } from '../../shared/channels/receivables';
import { auditViolations, queryFile } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/bank', name), 'utf8');

let w: SalesWorld;
/** Invoices 1–5 of Bergen Bygg AS (customer 10001), 1 250,00 each; the fixtures carry their KIDs. */
const invoices: { id: number; number: number; kid: string; orderId: number }[] = [];

async function paidOre(invoiceId: number): Promise<number> {
  return (await queryFile<{ paid: number }>(w.t.file, 'SELECT paid_ore AS paid FROM invoice_balance WHERE invoice_id = ?', invoiceId))[0]!.paid;
}
async function creditOre(customerId: number): Promise<number> {
  const [r] = await queryFile<{ credit: number }>(
    w.t.file,
    `SELECT COALESCE((SELECT SUM(amount_ore) FROM customer_payment WHERE party_id = ?), 0)
          - COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id WHERE p.party_id = ?), 0) AS credit`,
    customerId,
    customerId,
  );
  return r!.credit;
}
const byRef = (r: BankImportReport, bankRefEnd: string) => r.transactions.find((t) => t.externalRef.includes(bankRefEnd))!;

beforeAll(async () => {
  w = await salesWorld();
  for (let i = 0; i < 5; i++) {
    const o = await w.order(1, 'confirmed', [[w.drill, 1000]]);
    const s = await w.move(o, 'shipped', { deliverRemaining: true });
    const inv = (await w.t.ok('orders.invoice', { id: s.id, version: s.version })).invoice;
    invoices.push({ id: inv.id, number: inv.number, kid: inv.kid!, orderId: o.id });
  }
});
afterAll(() => w.t.close());

describe('bank.import: payments matched by KID', () => {
  let first: BankImportReport;

  it('the fixtures were written for these invoices (their KIDs and amounts)', async () => {
    expect(invoices.map((i) => i.kid)).toEqual(['01000100000016', '01000100000024', '01000100000032', '01000100000040', '01000100000057']);
    const amounts = await queryFile<{ p: number }>(w.t.file, 'SELECT payable_ore AS p FROM invoice_balance ORDER BY invoice_id');
    expect(amounts.map((a) => a.p)).toEqual([125000, 125000, 125000, 125000, 125000]);
  });

  it('an OCR file: exact matches pay their invoices; the rest waits with why and the likely invoice', async () => {
    first = await w.t.ok('bank.import', { fileName: 'OCR.D030125.txt', content: fixture('ocr-payments.txt') });
    expect(first.format).toBe('ocr');
    expect(first.transactions.map((t) => [t.kid, t.amountOre, t.state, t.problem, t.invoiceNumber])).toEqual([
      ['01000100000016', 125000, 'matched', null, 1],
      ['01000100000024', 100000, 'unmatched', 'wrong_amount', 2],
      ['01000100000990', 50000, 'unmatched', 'unknown_kid', null],
      [null, 75000, 'unmatched', 'no_kid', null],
      ['01000100000033', 125000, 'unmatched', 'invalid_kid', null],
      // The same invoice paid twice in one file: the second waits.
      ['01000100000016', 125000, 'unmatched', 'already_settled', 1],
      ['01000100000040', 125000, 'matched', null, 4],
    ]);
    expect(first).toMatchObject({ matchedCount: 2, matchedOre: 250000, unmatchedCount: 5, unmatchedOre: 475000, duplicates: [], ignored: [] });
    expect(await paidOre(invoices[0]!.id)).toBe(125000);
    expect(await paidOre(invoices[1]!.id)).toBe(0);
    expect(await paidOre(invoices[3]!.id)).toBe(125000);
    const payments = await queryFile<{ source: string; method: string; reference: string; kid: string; paid_on: string }>(
      w.t.file,
      'SELECT source, method, reference, kid, paid_on FROM customer_payment ORDER BY id',
    );
    expect(payments).toEqual([
      { source: 'bank_file', method: 'bank', reference: '800100001', kid: '01000100000016', paid_on: '2025-01-03' },
      { source: 'bank_file', method: 'bank', reference: '800200001', kid: '01000100000040', paid_on: '2025-01-03' },
    ]);
  });

  it('a paid invoice moves its order to Betalt', async () => {
    expect((await w.t.ok('orders.get', { id: invoices[0]!.orderId })).statusKind).toBe('paid');
    expect((await w.t.ok('orders.get', { id: invoices[1]!.orderId })).statusKind).toBe('invoiced');
  });

  it('the same file twice is refused, naming when it was imported, and changes nothing', async () => {
    const before = w.t.engine.fingerprint();
    const e = await w.t.refused('bank.import', { fileName: 'kopi.txt', content: fixture('ocr-payments.txt') });
    expect(e).toMatchObject({ code: 'bank_file_already_imported', field: 'content' });
    expect(e.message.nb).toContain('05.01.2025');
    expect(e.message.nb).toContain('OCR.D030125.txt');
    expect(w.t.engine.fingerprint()).toEqual(before);
  });

  it('the same transaction in the next day’s file is a duplicate and pays nothing; a MOD11 KID is read', async () => {
    const next = await w.t.ok('bank.import', { fileName: 'OCR.D040125.txt', content: fixture('ocr-next-day.txt') });
    expect(next.duplicates).toEqual([{ externalRef: first.transactions[0]!.externalRef, amountOre: 125000, kid: '01000100000016', importId: first.importId }]);
    expect(next.transactions.map((t) => [t.kid, t.state, t.problem])).toEqual([['77001239', 'unmatched', 'unknown_kid']]);
    expect(await paidOre(invoices[0]!.id)).toBe(125000);
  });

  it('a camt.054 file: credits matched by KID, a debit ignored with why, a second file’s repeat a duplicate', async () => {
    const camt = await w.t.ok('bank.import', { fileName: 'camt054.xml', content: fixture('camt054-payments.xml') });
    expect(camt.format).toBe('camt054');
    expect(camt.transactions.map((t) => [t.externalRef, t.state, t.problem, t.invoiceNumber, t.payerName])).toEqual([
      ['camt:TX-0001', 'matched', null, 3, 'Bergen Bygg AS'],
      ['camt:TX-0002', 'unmatched', 'unknown_kid', null, 'Åse Ødegård'],
      ['camt:TX-0003', 'unmatched', 'no_kid', null, 'Ola Nordmann'],
      ['camt:NR-77:E2E-77', 'matched', null, 5, 'Bergen Bygg AS'],
    ]);
    expect(camt.ignored).toEqual([expect.objectContaining({ amountOre: 9900, reasonEn: 'A debit, not a payment received' })]);
    const again = await w.t.ok('bank.import', { fileName: 'camt054-2.xml', content: fixture('camt054-again.xml') });
    expect(again.transactions).toEqual([]);
    expect(again.duplicates.map((d) => [d.externalRef, d.importId])).toEqual([['camt:TX-0001', camt.importId]]);
    expect(again.ignored.map((i) => i.reasonNb)).toEqual(['Beløpet er i EUR, ikke NOK']);
    expect(await paidOre(invoices[2]!.id)).toBe(125000);
    expect(await paidOre(invoices[4]!.id)).toBe(125000);
  });

  it('a wrong amount matched by hand is a partial payment; an amount over what is left becomes the customer’s credit', async () => {
    const wrong = byRef(first, ':0000002:');
    const partial = await w.t.ok('bank.match', { transactionId: wrong.id, invoiceId: invoices[1]!.id });
    expect(partial).toMatchObject({ state: 'manual', problem: 'wrong_amount', invoiceNumber: 2, customerId: w.customer });
    expect(partial.paymentId).not.toBeNull();
    expect(await paidOre(invoices[1]!.id)).toBe(100000);
    expect((await w.t.ok('orders.get', { id: invoices[1]!.orderId })).statusKind).toBe('invoiced');

    const noKid = byRef(first, ':0000004:');
    await w.t.ok('bank.match', { transactionId: noKid.id, invoiceId: invoices[1]!.id });
    expect(await paidOre(invoices[1]!.id)).toBe(125000);
    expect(await creditOre(w.customer)).toBe(50000);
    expect((await w.t.ok('orders.get', { id: invoices[1]!.orderId })).statusKind).toBe('paid');

    const e = await w.t.refused('bank.match', { transactionId: wrong.id, invoiceId: invoices[1]!.id });
    expect(e).toMatchObject({ code: 'bank_transaction_resolved', field: 'transactionId' });
  });

  it('an unknown KID put to a customer’s credit by hand', async () => {
    const unknown = byRef(first, ':0000003:');
    const r = await w.t.ok('bank.toCredit', { transactionId: unknown.id, customerId: w.privateCustomer });
    expect(r).toMatchObject({ state: 'manual', customerId: w.privateCustomer, invoiceId: null });
    expect(await creditOre(w.privateCustomer)).toBe(50000);
    expect((await w.t.refused('bank.toCredit', { transactionId: unknown.id, customerId: w.privateCustomer })).code).toBe('bank_transaction_resolved');
    expect((await w.t.refused('bank.toCredit', { transactionId: byRef(first, ':0000005:').id, customerId: 999_999 })).code).toBe('unknown_customer');
  });

  it('bank.transactions lists what still waits (or all of one import); bank.imports sums each file', async () => {
    const waiting = await w.t.ok('bank.transactions', {});
    expect(waiting.map((t) => [t.kid, t.problem])).toEqual([
      ['01000100000033', 'invalid_kid'],
      ['01000100000016', 'already_settled'],
      ['77001239', 'unknown_kid'],
      ['77001239', 'unknown_kid'],
      [null, 'no_kid'],
    ]);
    expect((await w.t.ok('bank.transactions', { importId: first.importId, state: 'all' })).map((t) => t.state)).toEqual(['matched', 'manual', 'manual', 'manual', 'unmatched', 'unmatched', 'matched']);
    const imports = await w.t.ok('bank.imports', {});
    expect(imports.map((i) => [i.fileName, i.format, i.count, i.matchedCount, i.totalOre])).toEqual([
      ['camt054-2.xml', 'camt054', 0, 0, 0],
      ['camt054.xml', 'camt054', 4, 2, 325000],
      ['OCR.D040125.txt', 'ocr', 1, 0, 20000],
      ['OCR.D030125.txt', 'ocr', 7, 2, 725000],
    ]);
  });

  it('a malformed file is refused and changes nothing', async () => {
    const before = w.t.engine.fingerprint();
    const broken = fixture('ocr-next-day.txt').replace('NY000089', 'NY000088');
    expect((await w.t.refused('bank.import', { fileName: 'feil.txt', content: broken })).code).toBe('bank_file_unknown_record');
    const bad = fixture('camt054-payments.xml').replace('<Amt Ccy="NOK">750.00</Amt>', '<Amt Ccy="NOK">760.00</Amt>');
    expect((await w.t.refused('bank.import', { fileName: 'feil.xml', content: bad })).code).toBe('bank_file_totals');
    expect(w.t.engine.fingerprint()).toEqual(before);
  });

  it('what the bank said cannot be changed or deleted in the file', async () => {
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const db = openDatabase(w.t.file);
    try {
      expect(() => db.prepare('UPDATE bank_transaction SET amount_ore = 1 WHERE id = 1').run()).toThrow(/resolved once/);
      expect(() => db.prepare("UPDATE bank_transaction SET state = 'unmatched', payment_id = NULL WHERE state = 'manual'").run()).toThrow(/resolved once/);
      expect(() => db.prepare('DELETE FROM bank_transaction').run()).toThrow(/cannot be deleted/);
      expect(() => db.prepare('DELETE FROM bank_import').run()).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }
  });

  it('the sales rules still hold over the whole file', async () => {
    expect(await auditViolations(w.t.file)).toEqual([]);
  });
});
