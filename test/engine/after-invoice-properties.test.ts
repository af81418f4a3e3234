// Invariants after the invoice (issue 11) over random sequences of operations
// (fast-check): invoices of every invoicing order type (Normal, Direct, Cash,
// Card payment by import, collective), credit notes, payments by hand (part,
// exact, over), the customer's credit used and paid back, bank files (Nets OCR and
// camt.054, with unknown KIDs, wrong amounts, the same transaction again in
// another file and the same file twice), matching by hand, reminders, voids,
// posting and exporting accounting batches; days pass, company settings change
// (VAT, closing paid orders, the reminder fee, posting cash sales) and each call
// is made by a user with all rights, some or none.
//
// After every step: the whole-file audit is clean; each invoice's state and
// figures equal an independent restatement from its lines, credit notes and
// payments; paid + credited never exceeds what it asks (an overpayment is the
// customer's credit); every accounting batch balances; the receivables account
// equals the customer ledger's open items and fees less nothing; no bank
// transaction pays twice; a refused call leaves the file exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/catalog';
import type { Invoice } from '../../shared/channels/processing';
import { auditViolations, COMPANY, queryFile } from '../helpers/engine';
import { camtFile, ocrFile } from '../helpers/bankFiles';
import { salesWorld, userSessions, type SalesWorld } from '../helpers/sales';

const RUNS = Number(process.env.ORDREBOK_SOAK_RUNS ?? 15);

const who = fc.constantFrom('admin', 'admin', 'admin', 'clerk', 'none');
const qty = fc.integer({ min: 1, max: 6 }).map((n) => n * 1000);
const METHODS = ['cash', 'card', 'vipps', 'other'] as const;

const command = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('sale' as const), type: fc.constantFrom(1, 1, 2, 3), customer: fc.nat(2), product: fc.nat(2), qty, method: fc.constantFrom(...METHODS), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('card' as const), product: fc.nat(2), qty }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('collective' as const), customer: fc.nat(2), who }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('credit' as const), invoice: fc.nat(), part: fc.boolean(), who }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('pay' as const), invoice: fc.nat(), how: fc.constantFrom('exact', 'part', 'over'), method: fc.constantFrom('bank', 'cash', 'card', 'vipps', 'other'), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('useCredit' as const), invoice: fc.nat(), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refund' as const), customer: fc.nat(2), who }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('bank' as const),
      format: fc.constantFrom('ocr', 'camt'),
      items: fc.array(fc.record({ invoice: fc.nat(), how: fc.constantFrom('exact', 'exact', 'part', 'over', 'unknownKid', 'noKid', 'again') }), { minLength: 1, maxLength: 4 }),
      who,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sameFileAgain' as const), who }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('match' as const), transaction: fc.nat(), invoice: fc.nat(), toCredit: fc.boolean(), who }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remind' as const), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('void' as const), invoice: fc.nat(), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('post' as const), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('export' as const), format: fc.constantFrom('saft', 'csv'), who }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('time' as const), days: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('settings' as const), vatRegistered: fc.boolean(), closeWhenPaid: fc.boolean(), reminderFeeOre: fc.constantFrom(0, 2000, 3500, 5000), postCashInvoices: fc.boolean() }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

interface Run {
  readonly w: SalesWorld;
  readonly now: Date;
  readonly customers: number[];
  readonly products: number[];
  readonly invoices: number[];
  readonly transactions: number[];
  readonly sessions: Record<'admin' | 'clerk' | 'none', string>;
  /** Bank transactions written so far (reused to send the same transaction again in another file). */
  readonly sent: { ref: string; kid: string | null; amountOre: number }[];
  lastFile: string | null;
  fileNo: number;
  /** The file's fingerprint just before a composite step's last call (the one that may be refused). */
  mark: unknown;
}

async function setUp(): Promise<Run> {
  const now = new Date('2025-01-05T10:00:00');
  const w = await salesWorld({ now });
  const payer = (await w.t.ok('customers.create', { kind: 'private', name: 'Åse Kortbetaler' })).id;
  await w.t.ok('stock.receive', { productId: w.bread, quantity: 500_000, costOre: 2000 });
  const sessions = await userSessions(w.t);
  return { w, now, customers: [w.customer, w.privateCustomer, payer], products: [w.drill, w.bread, w.service], invoices: [], transactions: [], sessions, sent: [], lastFile: null, fileNo: 0, mark: undefined };
}

const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A KID with a valid MOD10 check digit that no invoice has. */
function strangerKid(n: number): string {
  const body = `9${String(n).padStart(8, '0')}`;
  let sum = 0;
  [...body].reverse().forEach((ch, i) => {
    let d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  });
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function step(r: Run, c: Command): Promise<{ ok: boolean; code?: string }> {
  const { w } = r;
  const as = 'who' in c ? { sessionKey: r.sessions[c.who] } : {};
  const call = <K extends ChannelName>(channel: K, input: unknown) => w.t.engine.call(channel, input, as);
  const today = iso(r.now);
  const invoice = async (i: number): Promise<Invoice | undefined> => {
    const id = pick(r.invoices, i);
    return id === undefined ? undefined : w.t.ok('invoices.get', { id });
  };
  const track = (inv: { id: number }) => {
    if (!r.invoices.includes(inv.id)) r.invoices.push(inv.id);
  };
  const trackOrder = async (orderId: number) => {
    for (const inv of await w.t.ok('invoices.list', { orderId })) track({ id: inv.id });
  };
  let res;
  switch (c.op) {
    case 'sale': {
      const customerId = pick(r.customers, c.customer)!;
      const lines = [{ productId: pick(r.products, c.product)!, quantity: c.qty }];
      const preview = await w.t.ok('orders.previewTotals', { lines: lines.map((l) => ({ quantity: l.quantity, unitPriceOre: 100_000, vatCode: '25' })) });
      // The order is made by the administrator; the invoicing step (or the cash sale itself) by whoever acts.
      res = await (c.type === 3 ? call : w.t.engine.call.bind(w.t.engine))('orders.create', {
        header: { customerId, orderType: c.type, statusId: w.status('confirmed') },
        lines,
        confirm: { allowShortage: true, overrideCreditLimit: true },
        ...(c.type === 3 ? { payment: { method: c.method, receivedOre: preview.grossOre * 2 } } : {}),
      });
      if (!res.ok || c.type === 3) {
        if (res.ok) await trackOrder(res.value.id);
        break;
      }
      const o = res.value;
      if (c.type === 1) {
        const d = await w.t.engine.call('orders.deliver', { id: o.id, version: o.version, lines: o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })), closeShort: [] });
        // Stock may have run out (a Normal order delivers only what is there): the order stays undelivered.
        if (!d.ok) return { ok: true };
        r.mark = w.t.engine.fingerprint();
        res = await call('orders.invoice', { id: o.id, version: d.value.version });
      } else {
        r.mark = w.t.engine.fingerprint();
        res = await call('orders.invoice', { id: o.id, version: o.version });
      }
      if (res.ok) track(res.value.invoice);
      break;
    }
    case 'card': {
      const lines = [{ productId: pick(r.products, c.product)!, quantity: c.qty }];
      const priced = await w.t.ok('products.list', {});
      const gross = lines.reduce((s, l) => s + Math.round((priced.rows.find((p) => p.id === l.productId)!.priceOre * l.quantity * 1.25) / 1000), 0);
      const o = await call('orders.import', {
        source: 'web',
        customerId: r.customers[2],
        invoiceCustomerId: r.customers[2],
        orderType: 9,
        card: { invoiceReference: `WEB-${r.invoices.length}-${r.fileNo++}`, currency: 'NOK', contractAmountOre: gross * 2, maskedCardNumber: '4571********1234', cardCompany: 'Nets' },
        lines,
      });
      if (!o.ok) return { ok: false, code: o.error.code };
      const confirmed = await w.t.ok('orders.setStatus', { id: o.value.id, version: o.value.version, statusId: w.status('confirmed'), confirm: { allowShortage: true } });
      const d = await w.t.ok('orders.deliver', { id: confirmed.id, version: confirmed.version, lines: confirmed.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })), closeShort: [] });
      res = await w.t.engine.call('orders.invoice', { id: d.id, version: d.version });
      if (res.ok) track(res.value.invoice);
      break;
    }
    case 'collective': {
      const customerId = pick(r.customers, c.customer)!;
      for (let i = 0; i < 2; i++) {
        const o = await w.t.ok('orders.create', { header: { customerId, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.service, quantity: 1000 }] });
        await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1000 }], closeShort: [] });
      }
      r.mark = w.t.engine.fingerprint();
      res = await call('orders.collectiveInvoice', { customerId });
      if (res.ok) track(res.value);
      break;
    }
    case 'credit': {
      const inv = await invoice(c.invoice);
      if (!inv || inv.kind !== 'invoice') return { ok: true };
      const lines = inv.lines.filter((l) => l.quantity - l.qtyCredited > 0).map((l) => ({ invoiceLineId: l.id, quantity: c.part ? Math.min(1000, l.quantity - l.qtyCredited) : l.quantity - l.qtyCredited }));
      if (lines.length === 0) return { ok: true };
      res = await call('invoices.credit', { invoiceId: inv.id, lines, returnToStock: true });
      if (res.ok) track(res.value);
      break;
    }
    case 'pay': {
      const id = pick(r.invoices, c.invoice);
      if (id === undefined) return { ok: true };
      const d = await w.t.ok('invoices.detail', { invoiceId: id });
      const out = Math.max(d.balance.outstandingOre, 100);
      const amountOre = c.how === 'exact' ? out : c.how === 'part' ? Math.max(1, Math.floor(out / 3)) : out + 12_345;
      res = await call('payments.register', { invoiceId: id, amountOre, paidOn: today, method: c.method, reference: 'Test' });
      break;
    }
    case 'useCredit': {
      const id = pick(r.invoices, c.invoice);
      if (id === undefined) return { ok: true };
      res = await call('payments.useCredit', { invoiceId: id });
      break;
    }
    case 'refund': {
      const customerId = pick(r.customers, c.customer)!;
      const ledger = await w.t.ok('ledger.customer', { customerId });
      res = await call('payments.refundCredit', { customerId, amountOre: Math.max(1, ledger.creditOre), paidOn: today, reference: null });
      break;
    }
    case 'bank': {
      const payments: { kid: string | null; amountOre: number; ref: string }[] = [];
      for (const item of c.items) {
        if (item.how === 'again') {
          const old = pick(r.sent, item.invoice);
          if (old) payments.push(old);
          continue;
        }
        const inv = await invoice(item.invoice);
        if (!inv || inv.kind !== 'invoice') continue;
        const d = await w.t.ok('invoices.detail', { invoiceId: inv.id });
        const out = Math.max(d.balance.outstandingOre, 100);
        const amountOre = item.how === 'part' ? Math.max(1, Math.floor(out / 2)) : item.how === 'over' ? out + 5000 : out;
        const kid = item.how === 'unknownKid' ? strangerKid(r.fileNo * 10 + payments.length) : item.how === 'noKid' ? null : inv.kid;
        payments.push({ kid, amountOre, ref: `${r.fileNo * 100 + payments.length}`.padStart(9, '0') });
      }
      if (payments.length === 0) return { ok: true };
      r.fileNo += 1;
      const content =
        c.format === 'ocr'
          ? ocrFile([{ number: r.fileNo, payments: payments.map((p) => ({ kid: p.kid, amountOre: p.amountOre, date: today, archiveRef: p.ref })) }], { transmission: r.fileNo })
          : camtFile([{ bookingDate: today, txs: payments.map((p) => ({ amountOre: p.amountOre, kid: p.kid, ref: p.ref })) }], { msgId: `MSG-${r.fileNo}` });
      res = await call('bank.import', { fileName: `bank-${r.fileNo}.${c.format === 'ocr' ? 'txt' : 'xml'}`, content });
      if (res.ok) {
        r.lastFile = content;
        r.sent.push(...payments);
        for (const t of res.value.transactions) if (!r.transactions.includes(t.id)) r.transactions.push(t.id);
      }
      break;
    }
    case 'sameFileAgain': {
      if (!r.lastFile) return { ok: true };
      res = await call('bank.import', { fileName: 'igjen.txt', content: r.lastFile });
      break;
    }
    case 'match': {
      const waiting = await w.t.ok('bank.transactions', { state: 'unmatched' });
      const t = pick(waiting, c.transaction);
      if (!t) return { ok: true };
      if (c.toCredit) res = await call('bank.toCredit', { transactionId: t.id, customerId: t.customerId ?? r.customers[0] });
      else {
        const id = pick(r.invoices, c.invoice);
        if (id === undefined) return { ok: true };
        res = await call('bank.match', { transactionId: t.id, invoiceId: id });
      }
      break;
    }
    case 'remind': {
      const candidates = await w.t.ok('reminders.candidates', {});
      if (candidates.length === 0) return { ok: true };
      res = await call('reminders.send', { customerIds: candidates.map((x) => x.customerId) });
      break;
    }
    case 'void': {
      const id = pick(r.invoices, c.invoice);
      if (id === undefined) return { ok: true };
      res = await call('invoices.void', { invoiceId: id, reason: 'Feilskrevet' });
      break;
    }
    case 'post': {
      const waiting = await w.t.ok('accounting.batches', { state: 'unposted' });
      if (waiting.rows.length === 0) return { ok: true };
      res = await call('accounting.post', { batchIds: waiting.rows.map((b) => b.id) });
      break;
    }
    case 'export': {
      res = await call('accounting.export', { from: '2025-01-01', to: '2025-12-31', format: c.format });
      break;
    }
    case 'time': {
      r.now.setTime(r.now.getTime() + c.days * 86_400_000);
      return { ok: true };
    }
    case 'settings': {
      const { op: _op, ...values } = c;
      res = await w.t.engine.call('company.save', { ...COMPANY, ...values });
      break;
    }
  }
  if (!res || res.ok) return { ok: true };
  expect(res.error.code, JSON.stringify(res.error)).not.toBe('internal');
  return { ok: false, code: res.error.code };
}

/** An invoice's state restated from scratch: not the engine's rule, the issue's words. */
function restate(f: { voided: boolean; kind: string; payable: number; credited: number; paid: number; dueDate: string }, today: string): string {
  if (f.voided) return 'void';
  if (f.kind === 'credit_note') return 'credit_note';
  if (f.credited > 0 && f.credited >= f.payable) return 'credited';
  const left = f.payable - f.credited - f.paid;
  if (left <= 0) return 'paid';
  if (today > f.dueDate) return 'overdue';
  return f.paid > 0 || f.credited > 0 ? 'partly_paid' : 'open';
}

async function checkInvariants(r: Run, label: string): Promise<void> {
  const { t } = r.w;
  expect(await auditViolations(t.file), `the audit after ${label}`).toEqual([]);
  const today = iso(r.now);
  const all = new Map<number, Invoice>();
  for (const id of r.invoices) all.set(id, await t.ok('invoices.get', { id }));
  for (const inv of all.values()) {
    const d = await t.ok('invoices.detail', { invoiceId: inv.id });
    const notes = await t.ok('invoices.list', { customerId: inv.customerId, limit: 500 });
    const voids = (await queryFile<{ id: number }>(t.file, 'SELECT id FROM invoice WHERE voided = 1')).map((x) => x.id);
    const credited = 0 - notes.filter((n) => n.kind === 'credit_note' && n.creditedInvoiceId === inv.id && !voids.includes(n.id)).reduce((s, n) => s + n.payableOre, 0);
    const paid = d.payments.reduce((s, p) => s + p.allocatedHereOre, 0);
    const payable = inv.payableOre;
    const voided = voids.includes(inv.id);
    expect(d.balance.payableOre, `payable of ${inv.number}`).toBe(payable);
    expect(d.balance.creditedOre, `credited of ${inv.number}`).toBe(inv.kind === 'credit_note' ? 0 : credited);
    expect(d.balance.paidOre, `paid of ${inv.number}`).toBe(paid);
    expect(d.balance.state, `state of ${inv.number}`).toBe(restate({ voided, kind: inv.kind, payable, credited, paid, dueDate: inv.dueDate }, today));
    if (inv.kind === 'invoice' && paid > 0) expect(paid + credited, `paid + credited ≤ payable on ${inv.number}`).toBeLessThanOrEqual(payable);
    expect(paid, 'never negative').toBeGreaterThanOrEqual(0);
  }
  // Every accounting batch balances to the øre.
  const batches = await t.ok('accounting.batches', { startRow: 0, endRow: 100_000 });
  for (const b of batches.rows) expect(b.debitOre, `batch ${b.reference} balances`).toBe(b.creditOre);
  // Receivables in the accounts = open items and unpaid fees in the customer ledger (credit has an account of its own).
  const mapping = await t.ok('accounting.mapping', {});
  const receivables = mapping.find((m) => m.key === 'receivables')!.account;
  const balance = (await queryFile<{ balance: number }>(t.file, 'SELECT COALESCE(SUM(debit_ore - credit_ore), 0) AS balance FROM voucher_line WHERE account = ?', receivables))[0]!.balance;
  let owed = 0;
  for (const customerId of r.customers) owed += (await t.ok('ledger.customer', { customerId })).totalOre;
  expect(balance, 'receivables account = open items and unpaid fees of the customer ledger').toBe(owed);
  // No bank transaction pays twice.
  const twice = await queryFile(t.file, 'SELECT payment_id, COUNT(*) AS n FROM bank_transaction WHERE payment_id IS NOT NULL GROUP BY payment_id HAVING n > 1');
  expect(twice, 'a bank payment is paid once').toEqual([]);
}

const stats = new Map<string, { ok: number; refused: Map<string, number> }>();
function count(op: string, result: { ok: boolean; code?: string }): void {
  const s = stats.get(op) ?? { ok: 0, refused: new Map<string, number>() };
  if (result.ok) s.ok += 1;
  else s.refused.set(result.code ?? '?', (s.refused.get(result.code ?? '?') ?? 0) + 1);
  stats.set(op, s);
}

describe('after the invoice: payments, bank files, reminders, voids and the accounts', () => {
  it('hold after every step of any sequence, as days pass, settings change and users with other rights act', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const r = await setUp();
        try {
          for (const c of commands) {
            r.mark = undefined;
            const before = r.w.t.engine.fingerprint();
            const result = await step(r, c);
            count(c.op, result);
            if (!result.ok) expect(r.w.t.engine.fingerprint(), `refused ${c.op} (${result.code}) changed the database`).toEqual(r.mark ?? before);
            await checkInvariants(r, c.op);
          }
        } finally {
          r.w.t.close();
        }
      }),
      { numRuns: RUNS },
    );
    const lines = [...stats].map(([op, s]) => {
      const top = [...s.refused].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code, n]) => `${code} ${n}`);
      return `${op}: ${s.ok} ok${top.length ? `; refused ${top.join(', ')}` : ''}`;
    });
    console.log(`after-invoice properties, ${RUNS} sequences:\n  ${lines.join('\n  ')}`);
  }, 900_000);
});
