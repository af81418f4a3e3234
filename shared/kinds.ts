// How status kinds and order types behave (SPEC 1.1, 1.2, 1.2.1): the one place
// these sets are written down. The engine's rules, its audit, the demo and the
// screens read them from here; none keeps a copy of its own.
import type { OrderTypeId, StatusKind } from './enums';

// ---- Status kinds ------------------------------------------------------------------

/** Kinds without processing: Quote, Unprocessed and Budget orders stay in them (SPEC 1.2.1). */
export const NON_PROCESSING_KINDS: readonly StatusKind[] = ['draft', 'quote', 'accepted', 'web', 'cancelled'];

/** Kinds in which an order is being processed but not yet delivered in full or invoiced. */
export const OPEN_KINDS: readonly StatusKind[] = [
  'confirmed',
  'production',
  'job_started',
  'job_completed',
  'pack',
  'ready_to_invoice',
  'rest',
  'subscription',
];

/** Open kinds in which Normal, Direct, Pre-order and Card orders reserve what remains to deliver (a subscription issues per period instead). */
export const RESERVING_KINDS: readonly StatusKind[] = OPEN_KINDS.filter((k) => k !== 'subscription');

/**
 * Kinds whose orders can be picked: the goods are reserved for them (issue 10,
 * item 5). A draft or a quote has nothing reserved, so no picking list is printed for it.
 */
export const PICKABLE_KINDS: readonly StatusKind[] = RESERVING_KINDS;

/**
 * Kinds before shipping: an order that stands in one of them has goods still to
 * go. Moving an order whose goods have all left stock into one of them returns
 * those goods, after asking (SPEC 1.2: moving back past an issuing step).
 */
export const BEFORE_SHIPPING_KINDS: readonly StatusKind[] = [
  'confirmed',
  'production',
  'job_started',
  'job_completed',
  'pack',
  'rest',
  'loan',
  'subscription',
];

/** Kinds that move stock-managed goods out of stock (marked * in SPEC 1.2). */
export const ISSUING_KINDS: readonly StatusKind[] = ['shipped', 'collective', 'cash_invoiced', 'invoiced'];

/** Kinds that mean the order is now an invoice: its lines and amounts no longer change (SPEC 1.2). */
export const INVOICED_KINDS: readonly StatusKind[] = ['invoiced', 'cash_invoiced', 'invoiced_packing_slip', 'reminded', 'paid'];

/** After the invoice only the payment follow-up moves an order on (or back among these). */
export const PAYMENT_FOLLOW_UP_KINDS: readonly StatusKind[] = ['invoiced', 'reminded', 'paid', 'closed'];

/** Kinds set by Ordrebok's own actions, never picked from the status bar (with how they are reached, nb). */
export const ACTION_KINDS: Readonly<Partial<Record<StatusKind, string>>> = {
  cash_invoiced: 'ved lagring av kontantordre',
  invoiced_packing_slip: 'ved samlefakturering',
};

/** Kinds a new order cannot start in: reaching them means delivering or invoicing, which have their own actions. */
export const NOT_AT_ENTRY_KINDS: readonly StatusKind[] = [
  'shipped',
  'collective',
  'invoiced_packing_slip',
  'cash_invoiced',
  'invoiced',
  'reminded',
  'paid',
  'rest',
];

/** Kinds whose orders a collective invoice gathers: delivered but not invoiced (SPEC 1.2.1). */
export const COLLECTIVE_ELIGIBLE_KINDS: readonly StatusKind[] = ['shipped', 'ready_to_invoice', 'collective'];

/** What counts against the credit limit: orders being processed and invoices not yet paid. */
export const EXPOSURE_KINDS: readonly StatusKind[] = [...OPEN_KINDS, 'loan', 'shipped', 'collective', 'invoiced', 'invoiced_packing_slip', 'reminded'];

/**
 * Kinds whose orders depend on their products' stock management: they hold stock
 * (open, on loan) or have issued it and await their invoice. While a product is
 * on such an order, stock management cannot be switched for it.
 */
export const STOCK_DEPENDENT_KINDS: readonly StatusKind[] = [...OPEN_KINDS, 'loan', ...ISSUING_KINDS];

/** Kinds from which starting a job moves the order to Job started (SPEC 1.2: from Confirmed on, before shipping). */
export const JOB_KINDS: readonly StatusKind[] = ['confirmed', 'production', 'pack', 'job_started', 'job_completed'];

/**
 * Kinds in which a repeating job makes its jobs (issue 12): before work starts
 * and while it goes on; not once the order is delivered, invoiced, closed or cancelled.
 */
export const JOB_SCHEDULE_KINDS: readonly StatusKind[] = [...NON_PROCESSING_KINDS.filter((k) => k !== 'cancelled'), ...JOB_KINDS];

// ---- Order types -------------------------------------------------------------------

/** Quote, Unprocessed, Budget: lines are not processed (SPEC 1.1). */
export const UNPROCESSED_TYPES: readonly OrderTypeId[] = [5, 6, 8];
/** Normal, Direct, Pre-order and Card orders reserve stock while open. */
export const RESERVING_TYPES: readonly OrderTypeId[] = [1, 2, 7, 9];
/** Normal orders check availability at entry; Pre-order does not; Direct may reserve more than is available. */
export const AVAILABILITY_TYPES: readonly OrderTypeId[] = [1];
/** Normal orders check the customer's credit limit (Pre-order does not). */
export const CREDIT_LIMIT_TYPES: readonly OrderTypeId[] = [1];
/** Direct, Cash and Realized may take stock below zero: a negative batch is made. */
export const NEGATIVE_STOCK_TYPES: readonly OrderTypeId[] = [2, 3, 4];
/** Only these may be delivered in parts. */
export const PARTIAL_DELIVERY_TYPES: readonly OrderTypeId[] = [1, 7, 9];
/** Delivered on the way when invoiced (they cannot be delivered in parts). */
export const DELIVERED_ON_INVOICE_TYPES: readonly OrderTypeId[] = [2, 3];
/**
 * Never in a collective invoice: Cash and Realized are settled on save, the
 * unprocessed types are not processed, and a card payment is captured for its
 * own order on its own invoice.
 */
export const NOT_COLLECTIVE_TYPES: readonly OrderTypeId[] = [3, 4, 5, 6, 8, 9];
/** Realized, Unprocessed and Budget orders print nothing (SPEC 1.1). */
export const NOT_PRINTED_TYPES: readonly OrderTypeId[] = [4, 6, 8];
/** Never invoiced: Realized orders update stock and close, the unprocessed types are not processed. */
export const NEVER_INVOICED_TYPES: readonly OrderTypeId[] = [4, 5, 6, 8];

/**
 * Order types a copy of an order keeps (issue 10, item 15); any other becomes
 * Normal: a Cash order would be invoiced as it is saved, a Realized one closed,
 * an Unprocessed one waits for a person, a Card payment order comes only by import.
 */
export const COPY_KEEPS_TYPES: readonly OrderTypeId[] = [1, 2, 5, 7, 8];

// ---- Reminders (issue 11) ----
/** Orders in these kinds move to the flow's Purret when a reminder lists their invoice (SPEC 11). */
export const REMINDABLE_KINDS: readonly StatusKind[] = ['invoiced', 'invoiced_packing_slip'];
/** Invoiced orders still waiting for their money (a collective invoice's orders too): payment moves them on to Betalt (SPEC 11). */
export const AWAITING_PAYMENT_KINDS: readonly StatusKind[] = [...REMINDABLE_KINDS, 'reminded'];

// ---- Default order type per source (issue 13, SPEC 8) -----------------------------

/** What an order entered by hand may default to: the types a clerk starts from (never Card, import only). */
export const MANUAL_DEFAULT_TYPES = [1, 2, 3, 5, 7] as const satisfies readonly OrderTypeId[];
/**
 * What a web-shop / EDI order that does not name its type becomes: Unprocessed
 * (waits for a clerk to pick its type), or processed as Normal or Pre-order
 * once the clerk confirms it. Card orders always name their type (9).
 */
export const IMPORT_DEFAULT_TYPES = [1, 6, 7] as const satisfies readonly OrderTypeId[];
// ---- Status flow editor (issue 13) ----
/** Kinds whose orders have their goods on loan. */
export const LOAN_KINDS: readonly StatusKind[] = ['loan'];
/** Kinds whose orders have every line delivered in full or closed short (the audit's Shipped rule). */
export const DELIVERED_IN_FULL_KINDS: readonly StatusKind[] = ['shipped'];

/**
 * What a status kind means for stock and invoicing, set by set. The flow editor
 * moves orders from one status to another (a preset switch, a removed status)
 * only where the two kinds agree on every one of these: a move never reserves,
 * lends, issues, invoices or settles anything by itself.
 */
export const STOCK_AND_INVOICING_SETS = {
  reserves: RESERVING_KINDS,
  lends: LOAN_KINDS,
  issues: ISSUING_KINDS,
  invoiced: INVOICED_KINDS,
  unprocessed: NON_PROCESSING_KINDS,
  open: OPEN_KINDS,
  collective: COLLECTIVE_ELIGIBLE_KINDS,
  awaitingPayment: AWAITING_PAYMENT_KINDS,
  deliveredInFull: DELIVERED_IN_FULL_KINDS,
} as const satisfies Record<string, readonly StatusKind[]>;
export type StockAndInvoicingSet = keyof typeof STOCK_AND_INVOICING_SETS;
