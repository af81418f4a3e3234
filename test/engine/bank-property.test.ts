// Property (SPEC 11): random payments, written into Nets OCR and camt.054 files by
// our own writers, imported in random order with whole files and single
// transactions repeated. Against an independent restatement of the rule: each
// transaction is kept once, an invoice is paid only by the first exact payment with
// its KID, and the money registered equals the distinct matched transactions.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKid } from '../../src-main/engine/domain/invoiceRules';
import { camtFile, ocrFile } from '../helpers/bankFiles';
import { makeEngine, queryFile } from '../helpers/engine';
import { salesWorld } from '../helpers/sales';

const INVOICES = 3;
const PAYABLE = 125_000;
let template = '';
let templateDir = '';
const kids: string[] = [];

beforeAll(async () => {
  const w = await salesWorld();
  for (let i = 0; i < INVOICES; i++) {
    const o = await w.order(1, 'confirmed', [[w.drill, 1000]]);
    const s = await w.move(o, 'shipped', { deliverRemaining: true });
    kids.push((await w.t.ok('orders.invoice', { id: s.id, version: s.version })).invoice.kid!);
  }
  templateDir = mkdtempSync(join(tmpdir(), 'ordrebok-bank-'));
  template = join(templateDir, 'mal.ordrebok');
  w.t.engine.close();
  copyFileSync(w.t.file, template);
  rmSync(w.t.dir, { recursive: true, force: true });
}, 60_000);
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

interface Payment {
  readonly format: 'ocr' | 'camt054';
  /** Which invoice's KID it carries, or -1 for a KID nobody has. */
  readonly target: number;
  readonly amountOre: number;
}

const payment = fc.record({
  format: fc.constantFrom('ocr' as const, 'camt054' as const),
  target: fc.integer({ min: -1, max: INVOICES - 1 }),
  amountOre: fc.oneof(fc.constant(PAYABLE), fc.integer({ min: 1, max: 300_000 })),
});

const kidOf = (p: Payment) => (p.target < 0 ? makeKid(77777, 1234) : kids[p.target]!);

/** One file of the payments picked (by index), in that format. Each payment keeps its own references, so it is the same transaction in every file. */
function fileOf(payments: readonly Payment[], picked: readonly number[], format: Payment['format']): string {
  const mine = picked.filter((i) => payments[i]!.format === format);
  return format === 'ocr'
    ? ocrFile(mine.map((i) => ({ number: i + 1, payments: [{ kid: kidOf(payments[i]!), amountOre: payments[i]!.amountOre, date: '2025-01-03', archiveRef: String(500_000 + i) }] })))
    : camtFile(mine.map((i) => ({ bookingDate: '2025-01-03', ref: `N-${i}`, txs: [{ ref: `T-${i}`, amountOre: payments[i]!.amountOre, kid: kidOf(payments[i]!) }] })));
}

describe('bank files never pay twice', () => {
  it('property: imports in any order and repetition pay each transaction at most once, as the rule says', async () => {
    const scenario = fc
      .array(payment, { minLength: 1, maxLength: 8 })
      .chain((payments) =>
        fc.record({
          payments: fc.constant(payments),
          files: fc.array(fc.record({ picked: fc.subarray(payments.map((_, i) => i), { minLength: 1 }), format: fc.constantFrom('ocr' as const, 'camt054' as const) }), { minLength: 1, maxLength: 4 }),
        }),
      )
      .chain((s) => fc.record({ s: fc.constant(s), order: fc.array(fc.integer({ min: 0, max: s.files.length - 1 }), { minLength: 1, maxLength: 7 }) }));

    await fc.assert(
      fc.asyncProperty(scenario, async ({ s, order }) => {
        const t = await makeEngine({ copyOf: template });
        try {
          // The restatement: what each import should do, from the payments alone.
          const seenContent = new Set<string>();
          const seenPayment = new Set<number>();
          const paid = new Set<number>();
          let expectedPaidOre = 0;
          for (const f of order) {
            const file = s.files[f]!;
            const content = fileOf(s.payments, file.picked, file.format);
            const mine = file.picked.filter((i) => s.payments[i]!.format === file.format);
            const r = await t.engine.call('bank.import', { fileName: `fil-${f}`, content });
            if (seenContent.has(content)) {
              expect(r.ok ? 'ok' : r.error.code).toBe('bank_file_already_imported');
              continue;
            }
            seenContent.add(content);
            if (!r.ok) throw new Error(r.error.message.en);
            const expectNew = mine.filter((i) => !seenPayment.has(i));
            expect(r.value.transactions).toHaveLength(expectNew.length);
            expect(r.value.duplicates).toHaveLength(mine.length - expectNew.length);
            let matchedHere = 0;
            for (const i of expectNew) {
              seenPayment.add(i);
              const p = s.payments[i]!;
              if (p.target >= 0 && p.amountOre === PAYABLE && !paid.has(p.target)) {
                paid.add(p.target);
                matchedHere++;
              }
            }
            expectedPaidOre += matchedHere * PAYABLE;
            expect([r.value.matchedCount, r.value.matchedOre]).toEqual([matchedHere, matchedHere * PAYABLE]);
          }
          const rows = await queryFile<{ refs: number; distinct_refs: number; matched_ore: number; payments_ore: number; payments: number; matched: number }>(
            t.file,
            `SELECT (SELECT COUNT(*) FROM bank_transaction) AS refs,
                    (SELECT COUNT(DISTINCT external_ref) FROM bank_transaction) AS distinct_refs,
                    (SELECT COALESCE(SUM(amount_ore), 0) FROM bank_transaction WHERE state = 'matched') AS matched_ore,
                    (SELECT COUNT(*) FROM bank_transaction WHERE state = 'matched') AS matched,
                    (SELECT COALESCE(SUM(amount_ore), 0) FROM customer_payment WHERE source = 'bank_file') AS payments_ore,
                    (SELECT COUNT(*) FROM customer_payment WHERE source = 'bank_file') AS payments`,
          );
          const r = rows[0]!;
          expect(r.refs).toBe(seenPayment.size);
          expect(r.distinct_refs).toBe(r.refs);
          expect(r.matched).toBe(paid.size);
          expect(r.payments).toBe(paid.size);
          expect(r.matched_ore).toBe(expectedPaidOre);
          expect(r.payments_ore).toBe(expectedPaidOre);
          const balances = await queryFile<{ paid_ore: number; payable_ore: number }>(t.file, "SELECT paid_ore, payable_ore FROM invoice_balance WHERE kind = 'invoice' ORDER BY invoice_id");
          balances.forEach((b, i) => expect(b.paid_ore).toBe(paid.has(i) ? b.payable_ore : 0));
        } finally {
          t.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
