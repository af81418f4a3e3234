// The accounting tables (migration 014): chart, mapping, batches, vouchers, exports.
import type { AccountingBatch, BatchKind, BatchState, MappedAccount, TrialBalanceRow, Voucher, VoucherLine } from '../../../shared/channels/accounting';
import type { ReceiptMethod, VatCode } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { ACCOUNT_KEYS, type AccountKey } from '../domain/accountKeys';

export interface Account {
  readonly number: string;
  readonly name: string;
  readonly standardAccount: string;
}

/** The mapping as the engine books with it: key → account. */
export function accountMap(db: Db): Map<string, Account> {
  const rows = stmt(
    db,
    `SELECT m.key, a.number, a.name, a.standard_account AS standardAccount FROM account_mapping m JOIN account a ON a.number = m.account`,
  ).all() as (Account & { key: string })[];
  return new Map(rows.map((r) => [r.key, { number: r.number, name: r.name, standardAccount: r.standardAccount }]));
}

export function mappingList(db: Db): MappedAccount[] {
  const map = accountMap(db);
  return ACCOUNT_KEYS.flatMap((k) => {
    const a = map.get(k.key);
    return a ? [{ key: k.key, labelNb: k.nb, labelEn: k.en, account: a.number, accountName: a.name, standardAccount: a.standardAccount }] : [];
  });
}

export function getAccount(db: Db, number: string): Account | null {
  return (stmt(db, 'SELECT number, name, standard_account AS standardAccount FROM account WHERE number = ?').get(number) as Account | undefined) ?? null;
}

export function upsertAccount(db: Db, a: Account, today: string): void {
  stmt(
    db,
    `INSERT INTO account (number, name, standard_account, created_on) VALUES (@number, @name, @standardAccount, @today)
     ON CONFLICT (number) DO UPDATE SET name = excluded.name`,
  ).run({ ...a, today });
}

export function setMapping(db: Db, key: AccountKey, account: string): void {
  stmt(db, 'INSERT INTO account_mapping (key, account) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET account = excluded.account').run(key, account);
}

export interface BatchValues {
  readonly kind: BatchKind;
  readonly source: string;
  readonly reference: string;
  readonly date: string;
  readonly posted: boolean;
  readonly invoiceId: number | null;
  readonly at: string;
}

export function batchIdOfSource(db: Db, source: string): number | null {
  return (stmt(db, 'SELECT id FROM accounting_batch WHERE source = ?').get(source) as { id: number } | undefined)?.id ?? null;
}

export function insertBatch(db: Db, b: BatchValues): number {
  return Number(
    stmt(
      db,
      `INSERT INTO accounting_batch (kind, source, reference, on_date, state, invoice_id, created_at, posted_at)
       VALUES (@kind, @source, @reference, @date, @state, @invoiceId, @at, @postedAt)`,
    ).run({ ...b, state: b.posted ? 'posted' : 'unposted', postedAt: b.posted ? b.at : null, posted: undefined }).lastInsertRowid,
  );
}

export function batchHasVouchers(db: Db, batchId: number): boolean {
  return stmt(db, 'SELECT 1 FROM voucher WHERE batch_id = ? LIMIT 1').get(batchId) !== undefined;
}

export interface StoredLine {
  readonly account: string;
  readonly debitOre: number;
  readonly creditOre: number;
  readonly taxCode: string | null;
  readonly taxBaseOre: number | null;
  readonly customerId: number | null;
  readonly supplierId: number | null;
  readonly description: string;
}

/** A voucher with the next number: numbers run without gaps across all batches. */
export function insertVoucher(db: Db, batchId: number, date: string, description: string, lines: readonly StoredLine[]): number {
  const number = (stmt(db, 'SELECT coalesce(max(number), 0) + 1 AS n FROM voucher').get() as { n: number }).n;
  const id = Number(stmt(db, 'INSERT INTO voucher (batch_id, number, on_date, description) VALUES (?, ?, ?, ?)').run(batchId, number, date, description).lastInsertRowid);
  const add = stmt(
    db,
    `INSERT INTO voucher_line (voucher_id, account, debit_ore, credit_ore, tax_code, tax_base_ore, customer_id, supplier_id, description)
     VALUES (@id, @account, @debitOre, @creditOre, @taxCode, @taxBaseOre, @customerId, @supplierId, @description)`,
  );
  for (const l of lines) add.run({ ...l, id });
  return id;
}

/** The lines of a batch's vouchers (a void reverses them). */
export function linesOfBatch(db: Db, batchId: number): StoredLine[] {
  return stmt(
    db,
    `SELECT l.account, l.debit_ore AS debitOre, l.credit_ore AS creditOre, l.tax_code AS taxCode, l.tax_base_ore AS taxBaseOre,
            l.customer_id AS customerId, l.supplier_id AS supplierId, l.description
     FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.batch_id = ? ORDER BY v.number, l.id`,
  ).all(batchId) as StoredLine[];
}

export function claimAllocations(db: Db, batchId: number, allocationIds: readonly number[]): void {
  const add = stmt(db, 'INSERT INTO accounting_allocation (allocation_id, batch_id) VALUES (?, ?)');
  for (const id of allocationIds) add.run(id, batchId);
}

export interface AllocationRow {
  readonly id: number;
  readonly paymentId: number;
  readonly kind: 'settle' | 'refund';
  readonly amountOre: number;
  readonly invoiceId: number | null;
  readonly reminderId: number | null;
  readonly onDate: string;
  readonly at: string;
  readonly customerId: number;
  readonly method: ReceiptMethod;
  readonly source: 'manual' | 'bank_file' | 'cash_sale' | 'card_capture';
  readonly invoiceNumber: number | null;
}

const ALLOCATION_SELECT = `
  SELECT a.id, a.payment_id AS paymentId, a.kind, a.amount_ore AS amountOre, a.invoice_id AS invoiceId, a.reminder_id AS reminderId,
         a.on_date AS onDate, a.at, p.party_id AS customerId, p.method, p.source, i.number AS invoiceNumber
  FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id LEFT JOIN invoice i ON i.id = a.invoice_id`;

/**
 * Allocations no batch has booked yet: of one payment, or made at one moment (a
 * step's own, found by index), or all of them (a file booked on opening). A cash
 * sale's own settlement is booked with the sale (its batch), never as a movement of credit.
 */
export function unbookedAllocations(db: Db, of: { paymentId?: number; at?: string } = {}): AllocationRow[] {
  return stmt(
    db,
    `${ALLOCATION_SELECT}
     WHERE NOT EXISTS (SELECT 1 FROM accounting_allocation x WHERE x.allocation_id = a.id)
       AND NOT (p.source = 'cash_sale' AND a.kind = 'settle' AND a.amount_ore > 0)
       ${of.paymentId === undefined ? '' : 'AND a.payment_id = @paymentId'}
       ${of.at === undefined ? '' : 'AND a.at = @at'}
     ORDER BY a.id`,
  ).all({ ...(of.paymentId === undefined ? {} : { paymentId: of.paymentId }), ...(of.at === undefined ? {} : { at: of.at }) }) as AllocationRow[];
}

/** The cash sale payments' own settlements of an invoice (booked with the sale). */
export function cashSaleSettlements(db: Db, invoiceId: number): AllocationRow[] {
  return stmt(
    db,
    `${ALLOCATION_SELECT}
     WHERE a.invoice_id = ? AND p.source = 'cash_sale' AND a.kind = 'settle' AND a.amount_ore > 0
       AND NOT EXISTS (SELECT 1 FROM accounting_allocation x WHERE x.allocation_id = a.id)`,
  ).all(invoiceId) as AllocationRow[];
}

export interface PaymentRow {
  readonly id: number;
  readonly customerId: number;
  readonly paidOn: string;
  readonly amountOre: number;
  readonly method: ReceiptMethod;
  readonly source: AllocationRow['source'];
  readonly reference: string | null;
  readonly kid: string | null;
  readonly createdAt: string;
}

export function paymentRow(db: Db, id: number): PaymentRow | null {
  return (
    (stmt(
      db,
      `SELECT id, party_id AS customerId, paid_on AS paidOn, amount_ore AS amountOre, method, source, reference, kid, created_at AS createdAt
       FROM customer_payment WHERE id = ?`,
    ).get(id) as PaymentRow | undefined) ?? null
  );
}

/**
 * What stock-managed goods on an invoice cost as they left stock (the issue cost of
 * each order line from its stock movements, times the quantity invoiced); for a
 * credit note, what came back into stock with it (negative).
 */
export function costOfGoodsOre(db: Db, invoiceId: number, kind: 'invoice' | 'credit_note', number: number): number {
  if (kind === 'credit_note') {
    const r = stmt(db, `SELECT sum(quantity * cost_ore) AS v FROM stock_movement WHERE cause = 'credit' AND note = ? AND cost_ore IS NOT NULL`).get(
      `Kreditnota ${number}`,
    ) as { v: number | null };
    return -Math.round((r.v ?? 0) / 1000);
  }
  const r = stmt(
    db,
    `SELECT sum(CAST(round(l.quantity * c.cost / 1000.0) AS INTEGER)) AS v
     FROM invoice_line l JOIN product p ON p.id = l.product_id AND p.stock_managed = 1
     JOIN (SELECT order_line_id, sum(-quantity * cost_ore) * 1.0 / sum(-quantity) AS cost FROM stock_movement
           WHERE cause = 'issue' AND cost_ore IS NOT NULL AND order_line_id IN (SELECT order_line_id FROM invoice_line WHERE invoice_id = @id)
           GROUP BY order_line_id HAVING sum(-quantity) <> 0) c ON c.order_line_id = l.order_line_id
     WHERE l.invoice_id = @id`,
  ).get({ id: invoiceId }) as { v: number | null };
  return r.v ?? 0;
}

export interface SupplierInvoiceRow {
  readonly id: number;
  readonly supplierId: number;
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly createdAt: string;
}

export function supplierInvoiceRow(db: Db, id: number): SupplierInvoiceRow | null {
  return (
    (stmt(
      db,
      'SELECT id, supplier_id AS supplierId, invoice_number AS invoiceNumber, invoice_date AS invoiceDate, created_at AS createdAt FROM supplier_invoice WHERE id = ?',
    ).get(id) as SupplierInvoiceRow | undefined) ?? null
  );
}

export function supplierInvoiceLines(db: Db, id: number): { vatCode: VatCode; amountOre: number; stockManaged: boolean }[] {
  return (
    stmt(
      db,
      `SELECT coalesce(ol.vat_code, '25') AS vatCode, l.amount_ore AS amountOre, coalesce(p.stock_managed, 0) AS stockManaged
       FROM supplier_invoice_line l JOIN order_line ol ON ol.id = l.order_line_id LEFT JOIN product p ON p.id = ol.product_id
       WHERE l.supplier_invoice_id = ? ORDER BY l.id`,
    ).all(id) as { vatCode: VatCode; amountOre: number; stockManaged: number }[]
  ).map((r) => ({ ...r, stockManaged: r.stockManaged === 1 }));
}

export function reminderFeeRow(db: Db, reminderId: number): { id: number; customerId: number; sentOn: string; feeOre: number } | null {
  return (
    (stmt(db, 'SELECT id, party_id AS customerId, sent_on AS sentOn, fee_ore AS feeOre FROM reminder WHERE id = ?').get(reminderId) as
      | { id: number; customerId: number; sentOn: string; feeOre: number }
      | undefined) ?? null
  );
}

/** Whether an invoice's batch has gone to the accountant (a void is then refused: domain/voidRule.ts). */
export function invoiceExported(db: Db, invoiceId: number): boolean {
  return stmt(db, `SELECT 1 FROM accounting_batch WHERE invoice_id = ? AND state = 'exported' LIMIT 1`).get(invoiceId) !== undefined;
}

interface BatchRow {
  id: number;
  kind: BatchKind;
  reference: string;
  on_date: string;
  state: BatchState;
  debit: number;
  credit: number;
  vouchers: number;
  created_at: string;
  posted_at: string | null;
  export_id: number | null;
}

const BATCH_SELECT = `
  SELECT b.id, b.kind, b.reference, b.on_date, b.state, b.created_at, b.posted_at, b.export_id,
         coalesce((SELECT sum(l.debit_ore) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id WHERE v.batch_id = b.id), 0) AS debit,
         coalesce((SELECT sum(l.credit_ore) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id WHERE v.batch_id = b.id), 0) AS credit,
         (SELECT count(*) FROM voucher v WHERE v.batch_id = b.id) AS vouchers
  FROM accounting_batch b`;

const toBatch = (r: BatchRow): AccountingBatch => ({
  id: r.id,
  kind: r.kind,
  reference: r.reference,
  date: r.on_date,
  state: r.state,
  debitOre: r.debit,
  creditOre: r.credit,
  voucherCount: r.vouchers,
  createdAt: r.created_at,
  postedAt: r.posted_at,
  exportId: r.export_id,
});

export function listBatches(
  db: Db,
  q: { state?: BatchState | undefined; from?: string | undefined; to?: string | undefined; startRow: number; endRow: number },
): { rows: AccountingBatch[]; rowCount: number } {
  const where = [
    q.state ? 'b.state = @state' : null,
    q.from ? 'b.on_date >= @from' : null,
    q.to ? 'b.on_date <= @to' : null,
  ].filter((w) => w !== null);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const params = { state: q.state ?? null, from: q.from ?? null, to: q.to ?? null };
  const rowCount = (stmt(db, `SELECT count(*) AS n FROM accounting_batch b ${clause}`).get(params) as { n: number }).n;
  const rows = stmt(db, `${BATCH_SELECT} ${clause} ORDER BY b.on_date DESC, b.id DESC LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: Math.max(0, q.endRow - q.startRow),
    offset: q.startRow,
  }) as BatchRow[];
  return { rows: rows.map(toBatch), rowCount };
}

export function getBatch(db: Db, id: number): AccountingBatch | null {
  const r = stmt(db, `${BATCH_SELECT} WHERE b.id = ?`).get(id) as BatchRow | undefined;
  return r ? toBatch(r) : null;
}

interface VoucherLineRow {
  voucher_id: number;
  number: number;
  on_date: string;
  vdesc: string;
  account: string;
  account_name: string;
  debit_ore: number;
  credit_ore: number;
  tax_code: string | null;
  tax_base_ore: number | null;
  customer_id: number | null;
  supplier_id: number | null;
  description: string;
  batch_id: number;
  batch_kind: BatchKind;
}

const VOUCHER_LINE_SELECT = `
  SELECT v.id AS voucher_id, v.number, v.on_date, v.description AS vdesc, l.account, a.name AS account_name, l.debit_ore, l.credit_ore,
         l.tax_code, l.tax_base_ore, l.customer_id, l.supplier_id, l.description, b.id AS batch_id, b.kind AS batch_kind
  FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id JOIN account a ON a.number = l.account JOIN accounting_batch b ON b.id = v.batch_id`;

export interface VoucherWithBatch extends Voucher {
  readonly batchId: number;
  readonly batchKind: BatchKind;
}

function groupVouchers(rows: readonly VoucherLineRow[]): VoucherWithBatch[] {
  const out: VoucherWithBatch[] = [];
  let current: { v: VoucherWithBatch; lines: VoucherLine[] } | null = null;
  for (const r of rows) {
    if (!current || current.v.id !== r.voucher_id) {
      const lines: VoucherLine[] = [];
      current = { v: { id: r.voucher_id, number: r.number, date: r.on_date, description: r.vdesc, lines, batchId: r.batch_id, batchKind: r.batch_kind }, lines };
      out.push(current.v);
    }
    current.lines.push({
      account: r.account,
      accountName: r.account_name,
      debitOre: r.debit_ore,
      creditOre: r.credit_ore,
      taxCode: r.tax_code,
      taxBaseOre: r.tax_base_ore,
      customerId: r.customer_id,
      supplierId: r.supplier_id,
      description: r.description,
    });
  }
  return out;
}

export function vouchersOfBatch(db: Db, batchId: number): VoucherWithBatch[] {
  return groupVouchers(stmt(db, `${VOUCHER_LINE_SELECT} WHERE v.batch_id = ? ORDER BY v.number, l.id`).all(batchId) as VoucherLineRow[]);
}

/** Posted and exported batches of a period: what the accountant gets. */
const BOOKED_IN_PERIOD = `b.state IN ('posted', 'exported') AND b.on_date BETWEEN @from AND @to`;

export function vouchersOfPeriod(db: Db, from: string, to: string): VoucherWithBatch[] {
  return groupVouchers(stmt(db, `${VOUCHER_LINE_SELECT} WHERE ${BOOKED_IN_PERIOD} ORDER BY v.number, l.id`).all({ from, to }) as VoucherLineRow[]);
}

export function postBatches(db: Db, ids: readonly number[], at: string): number {
  const post = stmt(db, `UPDATE accounting_batch SET state = 'posted', posted_at = ? WHERE id = ? AND state = 'unposted'`);
  return ids.reduce((n, id) => n + post.run(at, id).changes, 0);
}

/** Sums per account of the booked vouchers dated in [from, to] (from null: since the start). */
export function accountTotals(db: Db, from: string | null, to: string): TrialBalanceRow[] {
  return (
    stmt(
      db,
      `SELECT l.account, a.name AS accountName, sum(l.debit_ore) AS debitOre, sum(l.credit_ore) AS creditOre
       FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN accounting_batch b ON b.id = v.batch_id JOIN account a ON a.number = l.account
       WHERE b.state IN ('posted', 'exported') AND b.on_date <= @to AND (@from IS NULL OR b.on_date >= @from)
       GROUP BY l.account ORDER BY l.account`,
    ).all({ from, to }) as Omit<TrialBalanceRow, 'balanceOre'>[]
  ).map((r) => ({ ...r, balanceOre: r.debitOre - r.creditOre }));
}

/** An account's balance over every batch, posted or not, or one customer's part of it (receivables against the customer ledger). */
export function accountBalanceOre(db: Db, account: string, customerId: number | null = null): number {
  return (
    stmt(db, 'SELECT coalesce(sum(debit_ore - credit_ore), 0) AS b FROM voucher_line WHERE account = @account AND (@customerId IS NULL OR customer_id = @customerId)').get({
      account,
      customerId,
    }) as { b: number }
  ).b;
}

export function periodBatchCounts(db: Db, from: string, to: string): { total: number; fresh: number } {
  const r = stmt(
    db,
    `SELECT count(*) AS total, coalesce(sum(b.state = 'posted'), 0) AS fresh FROM accounting_batch b WHERE ${BOOKED_IN_PERIOD}`,
  ).get({ from, to }) as { total: number; fresh: number };
  return r;
}

export function insertExport(
  db: Db,
  e: { format: 'saft' | 'csv'; from: string; to: string; fileName: string; batchCount: number; newBatchCount: number; at: string; userId: number | null },
): number {
  return Number(
    stmt(
      db,
      `INSERT INTO accounting_export (format, from_date, to_date, file_name, batch_count, new_batch_count, created_at, user_id)
       VALUES (@format, @from, @to, @fileName, @batchCount, @newBatchCount, @at, @userId)`,
    ).run(e).lastInsertRowid,
  );
}

/** Marks the period's posted batches exported by this export; those exported before keep their first export. */
export function markExported(db: Db, exportId: number, from: string, to: string): void {
  stmt(db, `UPDATE accounting_batch SET state = 'exported', export_id = @exportId WHERE state = 'posted' AND on_date BETWEEN @from AND @to`).run({
    exportId,
    from,
    to,
  });
}

export function listExports(db: Db): { id: number; format: 'saft' | 'csv'; from: string; to: string; createdAt: string; batchCount: number; newBatchCount: number }[] {
  return stmt(
    db,
    `SELECT id, format, from_date AS "from", to_date AS "to", created_at AS createdAt, batch_count AS batchCount, new_batch_count AS newBatchCount
     FROM accounting_export ORDER BY id DESC`,
  ).all() as never;
}

export interface PartyMaster {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly orgNumber: string | null;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
  readonly email: string | null;
  readonly phone: string | null;
}

/** The customers or suppliers the given voucher lines name. */
export function partiesByIds(db: Db, ids: readonly number[]): PartyMaster[] {
  if (ids.length === 0) return [];
  const one = stmt(
    db,
    `SELECT id, number, name, org_number AS orgNumber, address_line1 AS addressLine1, postal_code AS postalCode, city, country, email, phone
     FROM party WHERE id = ?`,
  );
  return ids.flatMap((id) => {
    const r = one.get(id) as PartyMaster | undefined;
    return r ? [r] : [];
  });
}

// ---- A file from before the handoff (migration 014 marks it; services/accounting.ts books it once) ----

/** Whether the file still waits to have what it held before the handoff booked. */
export function backfillPending(db: Db): boolean {
  return stmt(db, 'SELECT 1 FROM accounting_backfill').get() !== undefined;
}

export function clearBackfill(db: Db): void {
  stmt(db, 'DELETE FROM accounting_backfill').run();
}

/** Everything a file held that the handoff books, each with the moment it happened. */
export function backfillSources(db: Db): {
  invoices: { id: number; at: string; voided: number }[];
  payments: { id: number; at: string }[];
  reminders: { id: number; at: string }[];
  supplierInvoices: { id: number; at: string }[];
} {
  return {
    invoices: stmt(db, 'SELECT id, created_at AS at, voided FROM invoice').all() as { id: number; at: string; voided: number }[],
    payments: stmt(db, `SELECT id, created_at AS at FROM customer_payment WHERE source <> 'cash_sale'`).all() as { id: number; at: string }[],
    reminders: stmt(db, 'SELECT id, created_at AS at FROM reminder WHERE fee_ore > 0').all() as { id: number; at: string }[],
    supplierInvoices: stmt(db, 'SELECT id, created_at AS at FROM supplier_invoice').all() as { id: number; at: string }[],
  };
}

/** The chart of accounts: name and standard account (NS 4102) of each account number. */
export function chartOfAccounts(db: Db): { number: string; name: string; std: string; createdOn: string }[] {
  return stmt(db, 'SELECT number, name, standard_account AS std, created_on AS createdOn FROM account').all() as {
    number: string;
    name: string;
    std: string;
    createdOn: string;
  }[];
}
