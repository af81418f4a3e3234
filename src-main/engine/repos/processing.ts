// Statements behind sales processing: line quantities, status and type,
// deliveries, card events, subscription runs (jobs: repos/jobs.ts).
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

export function addLineQuantities(
  db: Db,
  lineId: number,
  d: { reserved?: number; onLoan?: number; delivered?: number; invoiced?: number; credited?: number },
): void {
  stmt(
    db,
    `UPDATE order_line SET qty_reserved = qty_reserved + @reserved, qty_on_loan = qty_on_loan + @onLoan,
       qty_delivered = qty_delivered + @delivered, qty_invoiced = qty_invoiced + @invoiced, qty_credited = qty_credited + @credited
     WHERE id = @lineId`,
  ).run({ lineId, reserved: d.reserved ?? 0, onLoan: d.onLoan ?? 0, delivered: d.delivered ?? 0, invoiced: d.invoiced ?? 0, credited: d.credited ?? 0 });
}

export function setClosedShort(db: Db, lineId: number, closed: boolean): void {
  stmt(db, 'UPDATE order_line SET closed_short = ? WHERE id = ?').run(closed ? 1 : 0, lineId);
}

export function setLineQuantity(db: Db, lineId: number, quantity: number, amountOre: number): void {
  stmt(db, 'UPDATE order_line SET quantity = ?, amount_ore = ? WHERE id = ?').run(quantity, amountOre, lineId);
}

export function setOrderStatus(db: Db, orderId: number, statusId: number, now: string): void {
  stmt(db, 'UPDATE order_header SET status_id = ?, updated_at = ? WHERE id = ?').run(statusId, now, orderId);
}

export function setOrderType(db: Db, orderId: number, orderType: OrderTypeId, leftCardType: boolean): void {
  stmt(db, 'UPDATE order_header SET order_type = ?, left_card_type = max(left_card_type, ?) WHERE id = ?').run(
    orderType,
    leftCardType ? 1 : 0,
    orderId,
  );
}

export function leftCardType(db: Db, orderId: number): boolean {
  return (stmt(db, 'SELECT left_card_type AS v FROM order_header WHERE id = ?').get(orderId) as { v: number }).v === 1;
}

export function setOrderDate(db: Db, orderId: number, date: string): void {
  stmt(db, 'UPDATE order_header SET order_date = ? WHERE id = ?').run(date, orderId);
}

export function setOverCreditLimitBy(db: Db, orderId: number, userId: number | null): void {
  stmt(db, 'UPDATE order_header SET over_credit_limit_by = ? WHERE id = ?').run(userId, orderId);
}

export function setSourceOrder(db: Db, orderId: number, sourceId: number): void {
  stmt(db, 'UPDATE order_header SET source_order_id = ? WHERE id = ?').run(sourceId, orderId);
}

export function setBackorderOf(db: Db, orderId: number, ofId: number): void {
  stmt(db, 'UPDATE order_header SET backorder_of_id = ? WHERE id = ?').run(ofId, orderId);
}

export function setSubscription(db: Db, orderId: number, interval: string | null, start: string | null): void {
  stmt(db, 'UPDATE order_header SET subscription_interval = ?, subscription_start = ? WHERE id = ?').run(interval, start, orderId);
}

export function setCardFields(
  db: Db,
  orderId: number,
  c: { invoiceReference: string; currency: string; contractAmountOre: number; maskedCardNumber: string; cardCompany: string; invoicePartyId: number },
): void {
  stmt(
    db,
    `UPDATE order_header SET invoice_reference = ?, currency = ?, contract_amount_ore = ?, masked_card_number = ?,
       card_company = ?, invoice_party_id = ?, card_state = 'reserved' WHERE id = ?`,
  ).run(c.invoiceReference, c.currency, c.contractAmountOre, c.maskedCardNumber, c.cardCompany, c.invoicePartyId, orderId);
}

export function setCardState(db: Db, orderId: number, state: 'reserved' | 'captured' | 'cancelled' | 'credited'): void {
  stmt(db, 'UPDATE order_header SET card_state = ? WHERE id = ?').run(state, orderId);
}

export function addCardEvent(db: Db, orderId: number, kind: 'capture' | 'cancel' | 'credit', amountOre: number, at: string): void {
  stmt(db, 'INSERT INTO card_event (order_id, kind, amount_ore, at) VALUES (?, ?, ?, ?)').run(orderId, kind, amountOre, at);
}

/** A delivery (what one packing slip prints), or a return of delivered goods when the order moves back past shipping. */
export function insertDelivery(
  db: Db,
  orderId: number,
  at: string,
  userId: number | null,
  lines: readonly { lineId: number; qty: number }[],
  kind: 'delivery' | 'return' = 'delivery',
): number {
  const id = Number(
    stmt(db, 'INSERT INTO delivery (order_id, delivered_at, user_id, kind) VALUES (?, ?, ?, ?)').run(orderId, at, userId, kind).lastInsertRowid,
  );
  const add = stmt(db, 'INSERT INTO delivery_line (delivery_id, order_line_id, quantity) VALUES (?, ?, ?)');
  for (const l of lines) add.run(id, l.lineId, l.qty);
  return id;
}

export function lastDeliveryDate(db: Db, orderIds: readonly number[]): string | null {
  return (
    stmt(db, "SELECT max(delivered_at) AS d FROM delivery WHERE kind = 'delivery' AND order_id IN (SELECT value FROM json_each(?))").get(
      JSON.stringify(orderIds),
    ) as { d: string | null }
  ).d;
}

export function deleteOrderRow(db: Db, orderId: number): void {
  stmt(db, 'UPDATE order_header SET source_order_id = NULL WHERE source_order_id = ?').run(orderId);
  stmt(db, 'UPDATE order_header SET backorder_of_id = NULL WHERE backorder_of_id = ?').run(orderId);
  stmt(db, 'DELETE FROM order_search WHERE rowid = ?').run(orderId);
  stmt(db, 'DELETE FROM order_header WHERE id = ?').run(orderId);
}

export function statusIdsOfKind(db: Db, kind: StatusKind): { id: number; hidden: boolean; labelNb: string }[] {
  return (
    stmt(
      db,
      `SELECT id, hidden, label_nb AS labelNb FROM status WHERE transaction_type = 'sales' AND kind = ? ORDER BY hidden, sort_order, id`,
    ).all(kind) as { id: number; hidden: number; labelNb: string }[]
  ).map((r) => ({ ...r, hidden: r.hidden === 1 }));
}

/** Orders of a customer in the given kinds, oldest first. */
export function orderIdsOfCustomerInKinds(db: Db, customerId: number, kinds: readonly StatusKind[]): number[] {
  return (
    stmt(
      db,
      `SELECT o.id FROM order_header o JOIN status s ON s.id = o.status_id
       WHERE o.party_id = ? AND o.transaction_type = 'sales' AND s.kind IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
    ).all(customerId, JSON.stringify(kinds)) as { id: number }[]
  ).map((r) => r.id);
}

/** What a customer owes or has on order: gross of orders in the given kinds, but one. */
export function customerExposureOre(db: Db, customerId: number, kinds: readonly StatusKind[], exceptOrderId: number): number {
  return (
    stmt(
      db,
      `SELECT coalesce(sum(o.total_gross_ore), 0) AS n FROM order_header o JOIN status s ON s.id = o.status_id
       WHERE o.party_id = ? AND o.id <> ? AND s.kind IN (SELECT value FROM json_each(?))`,
    ).get(customerId, exceptOrderId, JSON.stringify(kinds)) as { n: number }
  ).n;
}

export function subscriptionOrders(db: Db): { id: number; interval: string; start: string }[] {
  return stmt(
    db,
    `SELECT o.id, o.subscription_interval AS interval, o.subscription_start AS start FROM order_header o
     JOIN status s ON s.id = o.status_id
     WHERE s.kind = 'subscription' AND o.subscription_interval IS NOT NULL AND o.subscription_start IS NOT NULL ORDER BY o.id`,
  ).all() as { id: number; interval: string; start: string }[];
}

export function subscriptionPeriodDone(db: Db, orderId: number, period: string): boolean {
  return stmt(db, 'SELECT 1 FROM subscription_run WHERE order_id = ? AND period = ?').get(orderId, period) !== undefined;
}

export function recordSubscriptionRun(db: Db, orderId: number, period: string, interval: string, invoiceId: number): void {
  stmt(db, 'INSERT INTO subscription_run (order_id, period, interval, invoice_id) VALUES (?, ?, ?, ?)').run(orderId, period, interval, invoiceId);
}

/** The periods of an order already invoiced, each with the interval it was invoiced for. */
export function subscriptionRunsOf(db: Db, orderId: number): { period: string; interval: string }[] {
  return stmt(db, 'SELECT period, interval FROM subscription_run WHERE order_id = ? ORDER BY period').all(orderId) as { period: string; interval: string }[];
}

/** Whether an invoice is a subscription period's (it does not count on the order's lines). */
export function isSubscriptionInvoice(db: Db, invoiceId: number): boolean {
  return stmt(db, 'SELECT 1 FROM subscription_run WHERE invoice_id = ?').get(invoiceId) !== undefined;
}

export function activityOf(db: Db, entity: string, entityId: number) {
  return (
    stmt(
      db,
      `SELECT a.id, a.at, a.user_id AS userId, u.name AS userName, a.action, a.before_json, a.after_json
       FROM activity_log a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT 500`,
    ).all(entity, entityId) as { id: number; at: string; userId: number | null; userName: string | null; action: string; before_json: string | null; after_json: string | null }[]
  ).map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.userId,
    userName: r.userName,
    action: r.action,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
  }));
}
