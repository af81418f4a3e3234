// Enumerations both sides agree on: order types, status kinds, VAT codes.
// Labels live here (nb and en) because every grid and every document shows them.

export const TRANSACTION_TYPES = ['sales', 'purchase', 'rental'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** SPEC 1.1: the nine processing modes of an order. */
export const ORDER_TYPES = [
  { id: 1, key: 'normal', nb: 'Normal', en: 'Normal' },
  { id: 2, key: 'direct', nb: 'Direkte', en: 'Direct' },
  { id: 3, key: 'cash', nb: 'Kontant', en: 'Cash' },
  { id: 4, key: 'realized', nb: 'Realisert', en: 'Realized' },
  { id: 5, key: 'quote', nb: 'Tilbud/forespørsel', en: 'Quote/inquiry' },
  { id: 6, key: 'unprocessed', nb: 'Ubehandlet', en: 'Unprocessed' },
  { id: 7, key: 'preorder', nb: 'Forhåndsordre', en: 'Pre-order' },
  { id: 8, key: 'budget', nb: 'Budsjett', en: 'Budget' },
  { id: 9, key: 'card', nb: 'Kortbetaling', en: 'Card payment' },
] as const;
export type OrderTypeId = (typeof ORDER_TYPES)[number]['id'];
export const ORDER_TYPE_IDS = ORDER_TYPES.map((t) => t.id) as unknown as readonly [OrderTypeId, ...OrderTypeId[]];
/** Order type 9 comes only from an import (EDI / web shop), never by hand. */
export const MANUAL_ORDER_TYPE_IDS = ORDER_TYPE_IDS.filter((id) => id !== 9);

/** SPEC 1.2: status kinds with fixed behaviour; statuses the administrator names map onto them. */
export const STATUS_KINDS = [
  'draft',
  'quote',
  'accepted',
  'web',
  'confirmed',
  'production',
  'job_started',
  'job_completed',
  'pack',
  'loan',
  'subscription',
  'rest',
  'ready_to_invoice',
  'shipped',
  'collective',
  'invoiced_packing_slip',
  'cash_invoiced',
  'invoiced',
  'reminded',
  'paid',
  'closed',
  'cancelled',
] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** Which kinds and order types behave how (open, issuing, invoiced …) is in shared/kinds.ts. */

export const STATUS_KIND_LABELS: Readonly<Record<StatusKind, { nb: string; en: string }>> = {
  draft: { nb: 'Utkast', en: 'Draft' },
  quote: { nb: 'Tilbud', en: 'Quote' },
  accepted: { nb: 'Akseptert av kunde', en: 'Accepted by customer' },
  web: { nb: 'Web', en: 'Web' },
  confirmed: { nb: 'Bekreftet', en: 'Confirmed' },
  production: { nb: 'Produksjon', en: 'Production' },
  job_started: { nb: 'Jobb startet', en: 'Job started' },
  job_completed: { nb: 'Jobb fullført', en: 'Job completed' },
  pack: { nb: 'Pakk', en: 'Pack' },
  loan: { nb: 'Utlån', en: 'Loan' },
  subscription: { nb: 'Abonnement', en: 'Subscription' },
  rest: { nb: 'Rest', en: 'Backorder' },
  ready_to_invoice: { nb: 'Til fakturering', en: 'Ready to invoice' },
  shipped: { nb: 'Utsendt', en: 'Shipped' },
  collective: { nb: 'Samleordre', en: 'Collective' },
  invoiced_packing_slip: { nb: 'Fakturert pakkseddel', en: 'Invoiced packing slip' },
  cash_invoiced: { nb: 'Kontant fakturert', en: 'Cash invoiced' },
  invoiced: { nb: 'Fakturert', en: 'Invoiced' },
  reminded: { nb: 'Purret', en: 'Reminded' },
  paid: { nb: 'Betalt', en: 'Paid' },
  closed: { nb: 'Avsluttet', en: 'Closed' },
  cancelled: { nb: 'Kansellert', en: 'Cancelled' },
};

export const STATUS_PRESETS = ['standard', 'field_service', 'simple'] as const;
export type StatusPreset = (typeof STATUS_PRESETS)[number];

/**
 * SPEC 9: Norwegian VAT codes on products and lines, with their SAF-T standard tax
 * codes (output VAT; input VAT on purchases). Zero-rated sales (SAF-T 5, "fritatt")
 * and sales outside the VAT act (SAF-T 6, "utenfor") both charge 0 %, but are two
 * codes: they are reported apart. `short` is what a grid cell or a document's VAT table shows.
 */
export const VAT_CODES = [
  { code: '25', rateBp: 2500, saftCode: '3', saftInputCode: '1', short: { nb: '25 %', en: '25 %' }, nb: '25 % (høy sats)', en: '25 % (standard)' },
  { code: '15', rateBp: 1500, saftCode: '31', saftInputCode: '11', short: { nb: '15 %', en: '15 %' }, nb: '15 % (næringsmidler)', en: '15 % (food)' },
  { code: '12', rateBp: 1200, saftCode: '33', saftInputCode: '13', short: { nb: '12 %', en: '12 %' }, nb: '12 % (lav sats)', en: '12 % (low rate)' },
  { code: '0', rateBp: 0, saftCode: '5', saftInputCode: '0', short: { nb: '0 %', en: '0 %' }, nb: '0 % (fritatt for mva)', en: '0 % (zero-rated)' },
  {
    code: 'outside',
    rateBp: 0,
    saftCode: '6',
    saftInputCode: '0',
    short: { nb: 'Utenfor', en: 'Outside' },
    nb: 'Utenfor mva-loven',
    en: 'Outside the VAT act',
  },
] as const;
export type VatCode = (typeof VAT_CODES)[number]['code'];
export const VAT_CODE_IDS = VAT_CODES.map((v) => v.code) as unknown as readonly [VatCode, ...VatCode[]];

export const PARTY_KINDS = ['private', 'business'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const UNITS = ['stk', 'kg', 'l', 'm', 'm2', 'time', 'pk', 'eske'] as const;

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** SPEC 8: rights are per function; users get them through their access group. */
export const RIGHTS = [
  { key: 'invoice', nb: 'Fakturere', en: 'Invoice' },
  { key: 'credit', nb: 'Kreditere', en: 'Credit' },
  { key: 'credit_cash_orders', nb: 'Kreditere kontantordrer', en: 'Credit cash orders' },
  { key: 'change_card_orders', nb: 'Endre kortbetalingsordrer', en: 'Change card payment orders' },
  { key: 'change_order_type', nb: 'Endre ordretype', en: 'Change order type' },
  { key: 'override_credit_limit', nb: 'Overstyre kredittgrense', en: 'Override credit limit' },
  { key: 'administer', nb: 'Administrere', en: 'Administer' },
] as const;
export type Right = (typeof RIGHTS)[number]['key'];
export const RIGHT_KEYS = RIGHTS.map((r) => r.key) as unknown as readonly [Right, ...Right[]];

/** How a sale is paid; only cash is rounded to whole kroner (SPEC 9: documents paid electronically are not). */
export const PAYMENT_METHODS = [
  { key: 'cash', nb: 'Kontant', en: 'Cash', roundsToKrone: true },
  { key: 'card', nb: 'Bankkort', en: 'Card', roundsToKrone: false },
  { key: 'vipps', nb: 'Vipps', en: 'Vipps', roundsToKrone: false },
  { key: 'other', nb: 'Annet', en: 'Other', roundsToKrone: false },
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]['key'];
export const PAYMENT_METHOD_KEYS = PAYMENT_METHODS.map((m) => m.key) as unknown as readonly [PaymentMethod, ...PaymentMethod[]];
export const roundsToKrone = (method: PaymentMethod): boolean => PAYMENT_METHODS.find((m) => m.key === method)?.roundsToKrone ?? false;

export const SUBSCRIPTION_INTERVALS = [
  { key: 'monthly', months: 1, nb: 'Månedlig', en: 'Monthly' },
  { key: 'quarterly', months: 3, nb: 'Kvartalsvis', en: 'Quarterly' },
  { key: 'yearly', months: 12, nb: 'Årlig', en: 'Yearly' },
] as const;
export type SubscriptionInterval = (typeof SUBSCRIPTION_INTERVALS)[number]['key'];
export const SUBSCRIPTION_INTERVAL_KEYS = SUBSCRIPTION_INTERVALS.map((s) => s.key) as unknown as readonly [
  SubscriptionInterval,
  ...SubscriptionInterval[],
];

/** SPEC 1.1: the order types a purchase order can have. */
export const PURCHASE_ORDER_TYPE_IDS = [1, 4, 5, 6] as const;
export type PurchaseOrderTypeId = (typeof PURCHASE_ORDER_TYPE_IDS)[number];

/**
 * SPEC 1.3: a purchase order's status, derived from its lines and the company's
 * purchase options (reply, dispatch, reception); never stored.
 */
export const PURCHASE_STATUSES = [
  { key: 'to_process', nb: 'Til behandling', en: 'To process' },
  { key: 'cancelled', nb: 'Kansellert', en: 'Cancelled' },
  { key: 'refused', nb: 'Avvist', en: 'Refused' },
  { key: 'confirmed', nb: 'Bekreftet', en: 'Confirmed' },
  { key: 'partially_confirmed', nb: 'Delvis bekreftet', en: 'Partially confirmed' },
  { key: 'shipped', nb: 'Sendt', en: 'Shipped' },
  { key: 'partially_shipped', nb: 'Delvis sendt', en: 'Partially shipped' },
  { key: 'received', nb: 'Mottatt', en: 'Received' },
  { key: 'partially_received', nb: 'Delvis mottatt', en: 'Partially received' },
  { key: 'partially_invoiced', nb: 'Delvis fakturert', en: 'Partially invoiced' },
  { key: 'invoiced', nb: 'Fakturert', en: 'Invoiced' },
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number]['key'];
export const PURCHASE_STATUS_KEYS = PURCHASE_STATUSES.map((s) => s.key) as unknown as readonly [PurchaseStatus, ...PurchaseStatus[]];

/** The supplier's answer to one purchase order line. */
export const PURCHASE_REPLIES = ['accepted', 'changed', 'refused'] as const;
export type PurchaseReply = (typeof PURCHASE_REPLIES)[number];

/**
 * SPEC 11: an invoice's state, always derived from its payments, credit notes and
 * due date (engine/domain/invoiceState.ts), never stored. Credit notes are listed
 * with their own state.
 */
export const INVOICE_STATES = [
  { key: 'open', nb: 'Åpen', en: 'Open' },
  { key: 'partly_paid', nb: 'Delbetalt', en: 'Partly paid' },
  { key: 'overdue', nb: 'Forfalt', en: 'Overdue' },
  { key: 'paid', nb: 'Betalt', en: 'Paid' },
  { key: 'credited', nb: 'Kreditert', en: 'Credited' },
  { key: 'void', nb: 'Annullert', en: 'Void' },
  { key: 'credit_note', nb: 'Kreditnota', en: 'Credit note' },
] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number]['key'];
export const INVOICE_STATE_KEYS = INVOICE_STATES.map((s) => s.key) as unknown as readonly [InvoiceState, ...InvoiceState[]];

/** How money from a customer came in (a payment registered on an invoice). */
export const RECEIPT_METHODS = [
  { key: 'bank', nb: 'Bank', en: 'Bank' },
  { key: 'cash', nb: 'Kontant', en: 'Cash' },
  { key: 'card', nb: 'Bankkort', en: 'Card' },
  { key: 'vipps', nb: 'Vipps', en: 'Vipps' },
  { key: 'other', nb: 'Annet', en: 'Other' },
] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number]['key'];
export const RECEIPT_METHOD_KEYS = RECEIPT_METHODS.map((m) => m.key) as unknown as readonly [ReceiptMethod, ...ReceiptMethod[]];

/** The customer ledger's aging: not yet due, then days past the due date. */
export const AGING_BUCKETS = [
  { key: 'current', nb: 'Ikke forfalt', en: 'Not due' },
  { key: 'd0_30', nb: '0–30 dager', en: '0–30 days' },
  { key: 'd31_60', nb: '31–60 dager', en: '31–60 days' },
  { key: 'd61_90', nb: '61–90 dager', en: '61–90 days' },
  { key: 'over90', nb: 'Over 90 dager', en: 'Over 90 days' },
] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number]['key'];

/** A project's state (issue 12); a completed or cancelled project takes no new orders. */
export const PROJECT_STATUSES = [
  { key: 'planned', nb: 'Planlagt', en: 'Planned' },
  { key: 'active', nb: 'Aktiv', en: 'Active' },
  { key: 'completed', nb: 'Fullført', en: 'Completed' },
  { key: 'cancelled', nb: 'Avbrutt', en: 'Cancelled' },
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]['key'];
export const PROJECT_STATUS_KEYS = PROJECT_STATUSES.map((s) => s.key) as unknown as readonly [ProjectStatus, ...ProjectStatus[]];
/** A closed project takes no new orders (an order already on it keeps it). */
export const CLOSED_PROJECT_STATUSES: readonly ProjectStatus[] = ['completed', 'cancelled'];

/** How a customer's invoices go out (fakturametode, issue 13): a new customer gets the company's default. */
export const INVOICE_METHODS = [
  { key: 'print', nb: 'Papir (utskrift)', en: 'Paper (print)' },
  { key: 'email', nb: 'E-post (PDF)', en: 'E-mail (PDF)' },
  { key: 'ehf', nb: 'EHF (elektronisk faktura)', en: 'EHF (e-invoice)' },
] as const;
export type InvoiceMethod = (typeof INVOICE_METHODS)[number]['key'];
export const INVOICE_METHOD_KEYS = INVOICE_METHODS.map((m) => m.key) as unknown as readonly [InvoiceMethod, ...InvoiceMethod[]];
