// (Moved from demo/audit.ts in issue 13: "Kontroller databasen" runs it on the
// company file, and says each broken rule in Norwegian, AUDIT_RULES_NB below.)
//
// An audit of a company database against the rules of sales processing (and of
// purchasing, SPEC 1.3, where purchase lines share the order tables), in
// plain SQL over the whole file: what the demo company and the data generator
// leave behind must pass it, as must anything the engine writes. Each rule is
// stated here on its own, from SPEC 1.1, 1.2, 2, 3, 4 and 7, not by calling the
// code that keeps it, so that the audit can catch that code out. Which kinds
// and types behave how is read from shared/kinds.ts, the one place it is written.
import { INVOICED_KINDS, NEVER_INVOICED_TYPES, NON_PROCESSING_KINDS, RESERVING_KINDS, RESERVING_TYPES, UNPROCESSED_TYPES } from '../../../shared/kinds';
import { stmt, type Db } from '../db/connection';
import { MAX_FEES_PER_CLAIM, MAX_REMINDER_FEE_ORE } from '../domain/reminderRules';

export interface AuditFinding {
  readonly rule: string;
  /** Rows that break the rule (products, lines, orders or invoices, as the rule says). */
  readonly violations: number;
  /** A few of their ids, to look at. */
  readonly sample: readonly number[];
}

const list = (xs: readonly (string | number)[]) => xs.map((x) => (typeof x === 'number' ? String(x) : `'${x}'`)).join(', ');


/** Purchase lines are invoiced by supplier invoices, not by ours: the sales invoicing rules leave them out. */
const NOT_PURCHASE = `l.order_id NOT IN (SELECT id FROM order_header WHERE transaction_type = 'purchase')`;
/** What a purchase line expects from the supplier: confirmed once replied, else ordered (SPEC 1.3). */
const EXPECTED = 'CASE WHEN pl.reply IS NULL THEN l.quantity ELSE l.qty_confirmed END';

const REMAINING = 'CASE WHEN l.closed_short = 1 THEN 0 ELSE max(0, l.quantity - l.qty_delivered) END';

/** Each rule: a query for the ids of the rows that break it. */
const RULES: readonly (readonly [string, string])[] = [
  [
    'stock: on hand = sum of movements = sum of batches (per product)',
    `SELECT p.id FROM product p
     LEFT JOIN (SELECT product_id, sum(quantity) AS q FROM stock_movement GROUP BY product_id) m ON m.product_id = p.id
     LEFT JOIN (SELECT product_id, sum(qty_remaining) AS q FROM stock_batch GROUP BY product_id) b ON b.product_id = p.id
     WHERE p.qty_on_hand <> coalesce(m.q, 0) OR p.qty_on_hand <> coalesce(b.q, 0)`,
  ],
  [
    'stock: reserved and on loan = sums over the order lines (per product)',
    `SELECT p.id FROM product p
     LEFT JOIN (SELECT product_id, sum(qty_reserved) AS r, sum(qty_on_loan) AS lo FROM order_line GROUP BY product_id) l
       ON l.product_id = p.id
     WHERE p.qty_reserved <> coalesce(l.r, 0) OR p.qty_on_loan <> coalesce(l.lo, 0)`,
  ],
  [
    'lines: reserved / on loan = what remains to deliver, where the order type and status hold it (SPEC 1.2, 3)',
    `SELECT l.id FROM order_line l JOIN order_header o ON o.id = l.order_id JOIN status s ON s.id = o.status_id
     JOIN product p ON p.id = l.product_id
     WHERE l.qty_reserved <> CASE WHEN p.stock_managed = 1 AND o.order_type IN (${list(RESERVING_TYPES)})
                                   AND s.kind IN (${list(RESERVING_KINDS)}) THEN ${REMAINING} ELSE 0 END
        OR l.qty_on_loan <> CASE WHEN p.stock_managed = 1 AND s.kind = 'loan' THEN ${REMAINING} ELSE 0 END`,
  ],
  [
    'lines: goods left stock exactly once per delivered quantity (and once per subscription period, as its invoice says)',
    `SELECT l.id FROM order_line l JOIN product p ON p.id = l.product_id
     LEFT JOIN (SELECT order_line_id AS id, -sum(quantity) AS q FROM stock_movement
                WHERE order_line_id IS NOT NULL AND cause IN ('issue', 'return') GROUP BY order_line_id) m ON m.id = l.id
     LEFT JOIN (SELECT il.order_line_id AS id, sum(il.quantity) AS q FROM invoice_line il
                JOIN subscription_run r ON r.invoice_id = il.invoice_id JOIN product sp ON sp.id = il.product_id
                WHERE il.order_line_id IS NOT NULL AND sp.stock_managed = 1 GROUP BY il.order_line_id) s ON s.id = l.id
     WHERE coalesce(m.q, 0) <> CASE WHEN p.stock_managed = 1 THEN l.qty_delivered ELSE 0 END + coalesce(s.q, 0)`,
  ],
  [
    'lines: credited ≤ invoiced ≤ delivered ≤ ordered',
    `SELECT l.id FROM order_line l
     WHERE (l.qty_delivered > l.quantity OR l.qty_invoiced > l.qty_delivered OR l.qty_credited > l.qty_invoiced)
       AND ${NOT_PURCHASE}`,
  ],
  [
    'lines: invoiced and credited = the invoice and credit-note lines for them (void invoices count nowhere)',
    `SELECT l.id FROM order_line l
     LEFT JOIN (SELECT il.order_line_id AS id,
                  sum(CASE WHEN i.kind = 'invoice' AND sr.invoice_id IS NULL THEN il.quantity ELSE 0 END) AS inv,
                  sum(CASE WHEN i.kind = 'credit_note' AND csr.invoice_id IS NULL THEN -il.quantity ELSE 0 END) AS cred
                FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id
                LEFT JOIN subscription_run sr ON sr.invoice_id = i.id
                LEFT JOIN subscription_run csr ON csr.invoice_id = i.credited_invoice_id
                WHERE il.order_line_id IS NOT NULL AND i.voided = 0 GROUP BY il.order_line_id) x ON x.id = l.id
     WHERE (l.qty_invoiced <> coalesce(x.inv, 0) OR l.qty_credited <> coalesce(x.cred, 0)) AND ${NOT_PURCHASE}`,
  ],
  [
    'lines: delivered = the deliveries of them, less their returns (recorded for every product)',
    `SELECT l.id FROM order_line l
     LEFT JOIN (SELECT dl.order_line_id AS id, sum(CASE WHEN d.kind = 'return' THEN -dl.quantity ELSE dl.quantity END) AS q
                FROM delivery_line dl JOIN delivery d ON d.id = dl.delivery_id GROUP BY dl.order_line_id) d ON d.id = l.id
     WHERE l.qty_delivered <> coalesce(d.q, 0)`,
  ],
  [
    'lines: goods that came back to stock = the returns of stock-managed goods',
    `SELECT l.id FROM order_line l JOIN product p ON p.id = l.product_id
     LEFT JOIN (SELECT dl.order_line_id AS id, sum(dl.quantity) AS q FROM delivery_line dl JOIN delivery d ON d.id = dl.delivery_id
                WHERE d.kind = 'return' GROUP BY dl.order_line_id) r ON r.id = l.id
     LEFT JOIN (SELECT order_line_id AS id, sum(quantity) AS q FROM stock_movement
                WHERE order_line_id IS NOT NULL AND cause = 'return' GROUP BY order_line_id) m ON m.id = l.id
     WHERE coalesce(m.q, 0) <> CASE WHEN p.stock_managed = 1 THEN coalesce(r.q, 0) ELSE 0 END`,
  ],
  [
    // The series may start at another number than 1, set before the first invoice (issue 13);
    // from there it runs without gaps, and the series' next number follows the last one used.
    'invoices: numbered from the series\' start without gaps, invoices and credit notes in one series (SPEC 7)',
    `SELECT number FROM invoice WHERE number < 1 OR number > (SELECT min(number) + count(*) - 1 FROM invoice)
     UNION ALL
     SELECT next_value FROM number_series
      WHERE name = 'invoice' AND EXISTS (SELECT 1 FROM invoice) AND next_value <> (SELECT max(number) + 1 FROM invoice)`,
  ],
  [
    'invoices: the totals are the sums of their lines',
    `SELECT i.id FROM invoice i LEFT JOIN (SELECT invoice_id, sum(amount_ore) AS net FROM invoice_line GROUP BY invoice_id) l
       ON l.invoice_id = i.id
     WHERE i.total_net_ore <> coalesce(l.net, 0)`,
  ],
  [
    'invoices: the VAT table as issued is the sum of the lines per VAT code, and adds up to the totals',
    `SELECT i.id FROM invoice i
     LEFT JOIN (SELECT invoice_id, sum(base_ore) AS base, sum(vat_ore) AS vat, count(*) AS n FROM invoice_vat GROUP BY invoice_id) v
       ON v.invoice_id = i.id
     LEFT JOIN (SELECT invoice_id, count(DISTINCT vat_code) AS n FROM invoice_line GROUP BY invoice_id) c ON c.invoice_id = i.id
     WHERE coalesce(v.base, 0) <> i.total_net_ore OR coalesce(v.vat, 0) <> i.total_vat_ore OR coalesce(v.n, 0) <> coalesce(c.n, 0)
        OR EXISTS (SELECT 1 FROM invoice_vat x WHERE x.invoice_id = i.id AND (x.base_ore <> (SELECT coalesce(sum(l.amount_ore), 0)
             FROM invoice_line l WHERE l.invoice_id = i.id AND l.vat_code = x.vat_code) OR (i.vat_registered = 0 AND x.rate_bp <> 0)))`,
  ],
  [
    'invoices: never more credited than invoiced, per invoice line',
    `SELECT il.id FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id
     LEFT JOIN (SELECT credited_line_id AS id, -sum(quantity) AS q FROM invoice_line
                WHERE credited_line_id IS NOT NULL GROUP BY credited_line_id) c ON c.id = il.id
     WHERE i.kind = 'invoice' AND (il.qty_credited > il.quantity OR il.qty_credited <> coalesce(c.q, 0))`,
  ],
  [
    'orders: Shipped only when every line is delivered in full or closed short (SPEC 1.2.1)',
    `SELECT DISTINCT o.id FROM order_header o JOIN status s ON s.id = o.status_id JOIN order_line l ON l.order_id = o.id
     WHERE s.kind = 'shipped' AND ${REMAINING} > 0`,
  ],
  [
    'orders: an order in an invoiced status has an invoice',
    `SELECT o.id FROM order_header o JOIN status s ON s.id = o.status_id
     WHERE s.kind IN (${list(INVOICED_KINDS)})
       AND NOT EXISTS (SELECT 1 FROM invoice_order io JOIN invoice i ON i.id = io.invoice_id WHERE io.order_id = o.id AND i.voided = 0)`,
  ],
  [
    'invoices: a void invoice was never paid, credited or reminded (SPEC 9: only one that never left the house)',
    `SELECT i.id FROM invoice i WHERE i.voided = 1 AND (i.kind <> 'invoice'
       OR EXISTS (SELECT 1 FROM payment_allocation a WHERE a.invoice_id = i.id)
       OR EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)
       OR EXISTS (SELECT 1 FROM reminder_invoice r WHERE r.invoice_id = i.id))`,
  ],
  [
    'reminders: a reminder fee is never above the legal maximum, and one reminder charges at most one fee (inkassoforskriften § 1-2)',
    `SELECT r.id FROM reminder r WHERE r.fee_ore > ${MAX_REMINDER_FEE_ORE}
       OR r.fee_ore <> (SELECT coalesce(sum(ri.fee_ore), 0) FROM reminder_invoice ri WHERE ri.reminder_id = r.id)
       OR (SELECT count(*) FROM reminder_invoice ri WHERE ri.reminder_id = r.id AND ri.fee_ore > 0) > 1`,
  ],
  [
    'reminders: fees for at most two reminders of the same invoice (inkassoforskriften § 1-3)',
    `SELECT invoice_id FROM reminder_invoice WHERE fee_ore > 0 GROUP BY invoice_id HAVING count(*) > ${MAX_FEES_PER_CLAIM}`,
  ],
  [
    'orders: Quote, Unprocessed and Budget orders stay unprocessed (SPEC 1.2.1)',
    `SELECT o.id FROM order_header o JOIN status s ON s.id = o.status_id
     WHERE o.order_type IN (${list(UNPROCESSED_TYPES)}) AND (s.kind NOT IN (${list(NON_PROCESSING_KINDS)})
       OR EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id
                  AND (l.qty_reserved + l.qty_on_loan + l.qty_delivered + l.qty_invoiced) > 0))`,
  ],
  [
    'orders: the header totals and line count are those of its lines',
    `SELECT o.id FROM order_header o LEFT JOIN (SELECT order_id, count(*) AS n, sum(amount_ore) AS net FROM order_line GROUP BY order_id) l
       ON l.order_id = o.id
     WHERE o.line_count <> coalesce(l.n, 0) OR o.total_net_ore <> coalesce(l.net, 0)`,
  ],
  [
    'purchase lines: received = the receipts into stock for them; invoiced = the supplier-invoice lines for them',
    `SELECT l.id FROM order_header o JOIN order_line l ON l.order_id = o.id JOIN product p ON p.id = l.product_id
     LEFT JOIN (SELECT order_line_id AS id, sum(quantity) AS q FROM stock_movement
                WHERE order_line_id IS NOT NULL AND cause = 'receipt' GROUP BY order_line_id) m ON m.id = l.id
     LEFT JOIN (SELECT order_line_id AS id, sum(quantity) AS q FROM supplier_invoice_line GROUP BY order_line_id) s ON s.id = l.id
     WHERE o.transaction_type = 'purchase'
       AND (coalesce(m.q, 0) <> CASE WHEN p.stock_managed = 1 THEN l.qty_received ELSE 0 END OR l.qty_invoiced <> coalesce(s.q, 0))`,
  ],
  [
    'purchase lines: never shipped, received or invoiced beyond what the supplier confirmed (SPEC 1.3)',
    `SELECT l.id FROM order_header o JOIN order_line l ON l.order_id = o.id LEFT JOIN purchase_line pl ON pl.line_id = l.id
     WHERE o.transaction_type = 'purchase' AND (pl.line_id IS NULL OR max(l.qty_shipped, l.qty_received, l.qty_invoiced) > ${EXPECTED})`,
  ],
  [
    'orders: Realized and unprocessed orders are never invoiced (SPEC 1.1)',
    `SELECT DISTINCT o.id FROM order_header o JOIN invoice_order io ON io.order_id = o.id
     WHERE o.transaction_type = 'sales' AND o.order_type IN (${list(NEVER_INVOICED_TYPES)})`,
  ],
  [
    'orders: a quote converts once (SPEC 4)',
    `SELECT source_order_id FROM order_header WHERE source_order_id IS NOT NULL GROUP BY source_order_id HAVING count(*) > 1`,
  ],
  [
    'card payment orders: an invoiced card order is captured once, for its own invoice; credited at most once (SPEC 1.1 type 9)',
    `SELECT o.id FROM order_header o
     WHERE o.order_type = 9 AND o.transaction_type = 'sales' AND (
       (SELECT count(*) FROM card_event e WHERE e.order_id = o.id AND e.kind = 'capture')
         <> (SELECT count(*) FROM invoice_order io JOIN invoice i ON i.id = io.invoice_id WHERE io.order_id = o.id AND i.kind = 'invoice')
       OR (SELECT count(*) FROM card_event e WHERE e.order_id = o.id AND e.kind = 'capture') > 1
       OR (SELECT count(*) FROM card_event e WHERE e.order_id = o.id AND e.kind = 'credit') > 1
       OR EXISTS (SELECT 1 FROM invoice_order io JOIN invoice_order other ON other.invoice_id = io.invoice_id AND other.order_id <> o.id
                  WHERE io.order_id = o.id))`,
  ],
  [
    'orders: product lines and text rows share one numbering, 1..n without gaps or repeats (SPEC 2)',
    `SELECT order_id FROM (SELECT order_id, line_no FROM order_line UNION ALL SELECT order_id, line_no FROM order_text_line)
     GROUP BY order_id HAVING count(*) <> count(DISTINCT line_no) OR min(line_no) <> 1 OR max(line_no) <> count(*)`,
  ],
  [
    "orders: the list's invoiced amount is the sum of the order's invoice and credit note lines (void invoices left out)",
    `SELECT o.id FROM order_header o
     LEFT JOIN (SELECT l.order_id, sum(l.amount_ore) AS total FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE l.order_id IS NOT NULL AND i.voided = 0 GROUP BY l.order_id) t ON t.order_id = o.id
     WHERE o.invoiced_net_ore <> coalesce(t.total, 0)`,
  ],
  [
    'payments: what a payment is used for (settled, released, refunded) never exceeds it, nor goes below zero (SPEC 11)',
    `SELECT p.id FROM customer_payment p JOIN (SELECT payment_id, sum(amount_ore) AS used FROM payment_allocation GROUP BY payment_id) a
       ON a.payment_id = p.id
     WHERE a.used > p.amount_ore OR a.used < 0`,
  ],
  [
    'payments: a payment settles only its own customer\'s invoices, never a credit note or a void invoice (SPEC 11)',
    `SELECT a.id FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id JOIN invoice i ON i.id = a.invoice_id
     WHERE i.party_id <> p.party_id OR i.kind = 'credit_note' OR i.voided = 1`,
  ],
  [
    'invoices: paid + credited never exceeds what the invoice asks; a surplus goes back to the credit (SPEC 11)',
    `SELECT invoice_id FROM invoice_balance WHERE kind = 'invoice' AND (paid_ore < 0 OR paid_ore > max(0, payable_ore - credited_ore))`,
  ],
  [
    'invoices: reminder fees paid never exceed the fees charged (SPEC 11)',
    `SELECT a.invoice_id FROM payment_allocation a WHERE a.reminder_id IS NOT NULL GROUP BY a.invoice_id, a.reminder_id
     HAVING sum(a.amount_ore) < 0 OR sum(a.amount_ore) > coalesce(
       (SELECT ri.fee_ore FROM reminder_invoice ri WHERE ri.reminder_id = a.reminder_id AND ri.invoice_id = a.invoice_id), 0)`,
  ],
  [
    'customers: credit (received and not used) is never negative (SPEC 11)',
    `SELECT p.party_id FROM customer_payment p
     LEFT JOIN (SELECT payment_id, sum(amount_ore) AS used FROM payment_allocation GROUP BY payment_id) a ON a.payment_id = p.id
     GROUP BY p.party_id HAVING sum(p.amount_ore) - sum(coalesce(a.used, 0)) < 0`,
  ],
  [
    'orders: every order has its row in the search index',
    `SELECT o.id FROM order_header o WHERE NOT EXISTS (SELECT 1 FROM order_search_docsize d WHERE d.id = o.id)`,
  ],
  [
    'accounting: every voucher balances, debit = credit to the øre (SPEC 11)',
    `SELECT v.id FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id GROUP BY v.id HAVING sum(l.debit_ore) <> sum(l.credit_ore)`,
  ],
  [
    'accounting: voucher numbers run 1, 2, 3 … without gaps (SPEC 11)',
    `SELECT v.id FROM voucher v
     WHERE (v.number > 1 AND NOT EXISTS (SELECT 1 FROM voucher w WHERE w.number = v.number - 1))
        OR (v.number = (SELECT min(number) FROM voucher) AND v.number <> 1)`,
  ],
];

/** Runs every rule; returns one finding per rule, with 0 violations where it holds. */
export function auditSales(db: Db, opts: { sample?: number } = {}): AuditFinding[] {
  const sample = opts.sample ?? 5;
  return RULES.map(([rule, sql]) => {
    const ids = (stmt(db, sql).raw().all() as [number][]).map((r) => r[0]);
    return { rule, violations: ids.length, sample: ids.slice(0, sample) };
  });
}

/**
 * Each rule in Norwegian, as "Kontroller databasen" says it (issue 13). Keyed by
 * the rule's own text above; test/engine/backup.test.ts fails on a rule without one.
 */
export const AUDIT_RULES_NB: Readonly<Record<string, string>> = {
  'stock: on hand = sum of movements = sum of batches (per product)':
    'Lager: beholdningen er ikke lik summen av lagerbevegelsene og summen av partiene (per produkt)',
  'stock: reserved and on loan = sums over the order lines (per product)':
    'Lager: reservert og utlånt er ikke lik summen over ordrelinjene (per produkt)',
  'lines: reserved / on loan = what remains to deliver, where the order type and status hold it (SPEC 1.2, 3)':
    'Ordrelinjer: reservert eller utlånt er ikke lik det som gjenstår å levere, der ordretypen og statusen holder av varer',
  'lines: goods left stock exactly once per delivered quantity (and once per subscription period, as its invoice says)':
    'Ordrelinjer: varene har ikke gått ut av lager nøyaktig én gang for det som er levert',
  'lines: credited ≤ invoiced ≤ delivered ≤ ordered': 'Ordrelinjer: kreditert ≤ fakturert ≤ levert ≤ bestilt holder ikke',
  'lines: invoiced and credited = the invoice and credit-note lines for them (void invoices count nowhere)':
    'Ordrelinjer: fakturert og kreditert er ikke lik faktura- og kreditnotalinjene for dem',
  'lines: delivered = the deliveries of them, less their returns (recorded for every product)':
    'Ordrelinjer: levert er ikke lik leveransene minus returene',
  'lines: goods that came back to stock = the returns of stock-managed goods':
    'Ordrelinjer: varer som kom tilbake på lager, er ikke lik returene av lagerførte varer',
  "invoices: numbered from the series' start without gaps, invoices and credit notes in one series (SPEC 7)":
    'Fakturaer: numrene går ikke uten hull fra seriens start, eller neste nummer følger ikke det siste (fakturaer og kreditnotaer i én serie)',
  'invoices: the totals are the sums of their lines': 'Fakturaer: totalene er ikke summen av linjene',
  'invoices: the VAT table as issued is the sum of the lines per VAT code, and adds up to the totals':
    'Fakturaer: mva-oppstillingen er ikke summen av linjene per mva-kode',
  'invoices: never more credited than invoiced, per invoice line': 'Fakturaer: mer kreditert enn fakturert på en fakturalinje',
  'orders: Shipped only when every line is delivered in full or closed short (SPEC 1.2.1)':
    'Ordrer: står som Sendt uten at alle linjer er levert fullt eller avsluttet',
  'orders: an order in an invoiced status has an invoice': 'Ordrer: står i en fakturert status uten faktura',
  'invoices: a void invoice was never paid, credited or reminded (SPEC 9: only one that never left the house)':
    'Fakturaer: en annullert faktura er betalt, kreditert eller purret',
  'reminders: a reminder fee is never above the legal maximum, and one reminder charges at most one fee (inkassoforskriften § 1-2)':
    'Purringer: purregebyret er over det loven tillater, eller én purring har flere gebyrer',
  'reminders: fees for at most two reminders of the same invoice (inkassoforskriften § 1-3)':
    'Purringer: gebyr for mer enn to purringer på samme faktura',
  'orders: Quote, Unprocessed and Budget orders stay unprocessed (SPEC 1.2.1)':
    'Ordrer: et tilbud, en ubehandlet ordre eller en budsjettordre er behandlet',
  'orders: the header totals and line count are those of its lines': 'Ordrer: totalene og linjeantallet i ordrehodet stemmer ikke med linjene',
  'purchase lines: received = the receipts into stock for them; invoiced = the supplier-invoice lines for them':
    'Innkjøpslinjer: mottatt eller fakturert stemmer ikke med mottakene og leverandørfakturaene',
  'purchase lines: never shipped, received or invoiced beyond what the supplier confirmed (SPEC 1.3)':
    'Innkjøpslinjer: mer sendt, mottatt eller fakturert enn leverandøren bekreftet',
  'orders: Realized and unprocessed orders are never invoiced (SPEC 1.1)': 'Ordrer: en realisert eller ubehandlet ordre er fakturert',
  'orders: a quote converts once (SPEC 4)': 'Ordrer: et tilbud er gjort om til ordre mer enn én gang',
  'card payment orders: an invoiced card order is captured once, for its own invoice; credited at most once (SPEC 1.1 type 9)':
    'Kortbetalingsordrer: beløpet er trukket mer enn én gang, eller kreditert mer enn én gang',
  'orders: product lines and text rows share one numbering, 1..n without gaps or repeats (SPEC 2)':
    'Ordrer: varelinjer og tekstlinjer er ikke nummerert 1, 2, 3 … uten hull eller gjentakelser',
  "orders: the list's invoiced amount is the sum of the order's invoice and credit note lines (void invoices left out)":
    'Ordrer: fakturert beløp i ordrelisten er ikke summen av fakturaene og kreditnotaene',
  'payments: what a payment is used for (settled, released, refunded) never exceeds it, nor goes below zero (SPEC 11)':
    'Innbetalinger: mer er brukt av en innbetaling enn den var på, eller under null',
  "payments: a payment settles only its own customer's invoices, never a credit note or a void invoice (SPEC 11)":
    'Innbetalinger: en innbetaling gjør opp en annen kundes faktura, en kreditnota eller en annullert faktura',
  'invoices: paid + credited never exceeds what the invoice asks; a surplus goes back to the credit (SPEC 11)':
    'Fakturaer: betalt og kreditert er mer enn fakturaen krever',
  'invoices: reminder fees paid never exceed the fees charged (SPEC 11)': 'Fakturaer: mer purregebyr er betalt enn det som er krevd',
  'customers: credit (received and not used) is never negative (SPEC 11)': 'Kunder: tilgodehavendet er negativt',
  'orders: every order has its row in the search index': 'Ordrer: en ordre mangler i søkeindeksen',
  'accounting: every voucher balances, debit = credit to the øre (SPEC 11)': 'Regnskap: et bilag går ikke i balanse (debet ≠ kredit)',
  'accounting: voucher numbers run 1, 2, 3 … without gaps (SPEC 11)': 'Regnskap: bilagsnumrene går ikke 1, 2, 3 … uten hull',
};
