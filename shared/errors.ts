// Typed domain errors as they cross the boundary: a code, the field it concerns,
// and a message in both languages (SPEC 10). Never a stack trace, never payload data.

type Params = Readonly<Record<string, string | number>>;
type Text = (p: Params) => string;

const MESSAGES = {
  required: { nb: () => 'Feltet må fylles ut.', en: () => 'This field is required.' },
  invalid_type: { nb: () => 'Ugyldig verdi.', en: () => 'Invalid value.' },
  too_small: {
    nb: (p) => `Verdien må være minst ${p.min}.`,
    en: (p) => `The value must be at least ${p.min}.`,
  },
  too_big: {
    nb: (p) => `Verdien kan være høyst ${p.max}.`,
    en: (p) => `The value can be at most ${p.max}.`,
  },
  too_short: { nb: (p) => `Må ha minst ${p.min} tegn.`, en: (p) => `Must have at least ${p.min} characters.` },
  too_long: { nb: (p) => `Kan ha høyst ${p.max} tegn.`, en: (p) => `Can have at most ${p.max} characters.` },
  not_integer: { nb: () => 'Må være et helt tall.', en: () => 'Must be a whole number.' },
  invalid_format: { nb: () => 'Ugyldig format.', en: () => 'Invalid format.' },
  invalid_choice: { nb: () => 'Ugyldig valg.', en: () => 'Invalid choice.' },
  unknown_field: {
    nb: (p) => `Ukjent felt: ${p.key}.`,
    en: (p) => `Unknown field: ${p.key}.`,
  },
  invalid_org_number: {
    nb: () => 'Organisasjonsnummeret er ugyldig: det må ha 9 siffer og riktig kontrollsiffer (MOD11).',
    en: () => 'The organisation number is invalid: it needs 9 digits and a correct check digit (MOD11).',
  },
  invalid_bank_account: {
    nb: () => 'Kontonummeret er ugyldig: det må ha 11 siffer og riktig kontrollsiffer (MOD11).',
    en: () => 'The bank account number is invalid: it needs 11 digits and a correct check digit (MOD11).',
  },
  invalid_ean: {
    nb: () => 'EAN-koden er ugyldig: 8 eller 13 siffer med riktig kontrollsiffer.',
    en: () => 'The EAN is invalid: 8 or 13 digits with a correct check digit.',
  },
  invalid_date: { nb: () => 'Ugyldig dato. Skriv den som dd.mm.åååå.', en: () => 'Invalid date. Use dd.mm.yyyy.' },
  invalid_phone: {
    nb: () => 'Ugyldig telefonnummer.',
    en: () => 'Invalid phone number.',
  },
  org_number_required: {
    nb: () => 'En bedriftskunde må ha organisasjonsnummer.',
    en: () => 'A business customer needs an organisation number.',
  },
  not_found: {
    nb: (p) => `Fant ikke ${p.entity} ${p.id}.`,
    en: (p) => `Could not find ${p.entity} ${p.id}.`,
  },
  unknown_product: {
    nb: (p) => `Ukjent produkt: ${p.id}. Velg et produkt fra produktregisteret.`,
    en: (p) => `Unknown product: ${p.id}. Choose a product from the product register.`,
  },
  unknown_customer: {
    nb: (p) => `Ukjent kunde: ${p.id}. Velg en kunde fra kunderegisteret.`,
    en: (p) => `Unknown customer: ${p.id}. Choose a customer from the customer register.`,
  },
  unknown_status: {
    nb: (p) => `Ukjent status: ${p.id}.`,
    en: (p) => `Unknown status: ${p.id}.`,
  },
  unknown_contact: {
    nb: (p) => `Kontaktpersonen ${p.id} hører ikke til denne kunden.`,
    en: (p) => `Contact ${p.id} does not belong to this customer.`,
  },
  unknown_line: {
    nb: (p) => `Ordrelinje ${p.id} finnes ikke på denne ordren.`,
    en: (p) => `Order line ${p.id} is not on this order.`,
  },
  duplicate_product_number: {
    nb: (p) => `Produktnummeret ${p.value} er allerede i bruk.`,
    en: (p) => `Product number ${p.value} is already in use.`,
  },
  duplicate_ean: {
    nb: (p) => `EAN ${p.value} er allerede brukt på et annet produkt.`,
    en: (p) => `EAN ${p.value} is already used by another product.`,
  },
  version_conflict: {
    nb: () => 'Ordren er endret av noen andre siden du åpnet den. Last den inn på nytt og gjør endringen igjen.',
    en: () => 'Someone else changed this record since you opened it. Reload it and make your change again.',
  },
  order_type_import_only: {
    nb: () => 'Ordretype 9 (kortbetaling) kan bare opprettes ved import, ikke for hånd. Velg en annen ordretype.',
    en: () => 'Order type 9 (card payment) can only be created by import, not by hand. Choose another order type.',
  },
  status_not_for_sales: {
    nb: (p) => `Statusen ${p.id} hører ikke til salgsordrer.`,
    en: (p) => `Status ${p.id} is not a sales status.`,
  },
  status_needs_processing_type: {
    nb: (p) =>
      `Ordretypen ${p.orderType} behandles ikke, så ordren kan ikke stå i statusen «${p.status}». Endre ordretype til Normal, Direkte eller Kontant først.`,
    en: (p) =>
      `Order type ${p.orderType} is not processed, so the order cannot be in status "${p.status}". Change the order type to Normal, Direct or Cash first.`,
  },
  status_not_at_entry: {
    nb: (p) =>
      `En ny ordre kan ikke opprettes rett i statusen «${p.status}»: den krever behandling (levering eller fakturering) som kommer senere.`,
    en: (p) =>
      `A new order cannot be created directly in status "${p.status}": it needs processing (delivery or invoicing) that comes later.`,
  },
  line_not_editable: {
    nb: () => 'Linjen er levert eller fakturert og kan ikke endres.',
    en: () => 'The line has been delivered or invoiced and cannot be changed.',
  },
  invalid_sort_column: {
    nb: (p) => `Kan ikke sortere på kolonnen «${p.column}».`,
    en: (p) => `Cannot sort by column "${p.column}".`,
  },
  invalid_filter: {
    nb: (p) => `Ugyldig filter på kolonnen «${p.column}».`,
    en: (p) => `Invalid filter on column "${p.column}".`,
  },
  block_too_large: {
    nb: (p) => `Kan hente høyst ${p.max} rader om gangen.`,
    en: (p) => `Can fetch at most ${p.max} rows at a time.`,
  },
  company_exists: {
    nb: () => 'Firmaet er allerede satt opp.',
    en: () => 'The company has already been set up.',
  },
  company_missing: {
    nb: () => 'Firmaet er ikke satt opp ennå. Fyll inn firmaopplysningene først.',
    en: () => 'The company has not been set up yet. Fill in the company details first.',
  },
  login_required: {
    nb: () => 'Du må logge inn for å bruke Ordrebok.',
    en: () => 'You need to log in to use Ordrebok.',
  },
  login_failed: {
    nb: () => 'Feil brukernavn eller PIN-kode.',
    en: () => 'Wrong user name or PIN.',
  },
  invalid_pin: {
    nb: () => 'PIN-koden må ha 4 til 8 siffer.',
    en: () => 'The PIN must have 4 to 8 digits.',
  },
  pin_required: {
    nb: () => 'En ny bruker må ha en PIN-kode.',
    en: () => 'A new user needs a PIN.',
  },
  duplicate_username: {
    nb: (p) => `Brukernavnet ${p.value} er allerede i bruk.`,
    en: (p) => `The user name ${p.value} is already in use.`,
  },
  last_administrator: {
    nb: () => 'Det må finnes minst én aktiv bruker med rettigheten Administrere.',
    en: () => 'There must be at least one active user with the right Administer.',
  },
  missing_right: {
    nb: (p) => `Du mangler rettigheten «${p.rightNb}». Be en administrator om tilgang, eller la en kollega med rettigheten gjøre det.`,
    en: (p) => `You lack the right "${p.rightEn}". Ask an administrator for access, or let a colleague with the right do it.`,
  },
  quantity_zero: {
    nb: () => 'Antallet kan ikke være 0.',
    en: () => 'The quantity cannot be 0.',
  },
  not_stock_managed: {
    nb: (p) => `Produktet ${p.product} er ikke lagerstyrt, så det har ingen lagerbeholdning å endre.`,
    en: (p) => `Product ${p.product} is not stock-managed, so it has no stock to change.`,
  },
  insufficient_stock: {
    nb: (p) =>
      `Det er bare ${p.available} ${p.unit} av ${p.product} på lager, men ${p.wanted} trengs. Ta imot varer først, eller lever et mindre antall.`,
    en: (p) =>
      `Only ${p.available} ${p.unit} of ${p.product} are in stock, but ${p.wanted} are needed. Receive goods first, or deliver a smaller quantity.`,
  },
  unknown_channel: {
    nb: (p) => `Ukjent kanal: ${p.channel}.`,
    en: (p) => `Unknown channel: ${p.channel}.`,
  },
  forbidden: {
    nb: () => 'Forespørselen kom ikke fra Ordrebok og ble avvist.',
    en: () => 'The request did not come from Ordrebok and was refused.',
  },
  internal: {
    nb: () => 'Noe gikk galt. Ingenting ble lagret. Prøv igjen, og kontakt administrator om det gjentar seg.',
    en: () => 'Something went wrong. Nothing was saved. Try again, and contact the administrator if it happens again.',
  },
} satisfies Record<string, { nb: Text; en: Text }>;

export type ErrorCode = keyof typeof MESSAGES;

/** What a refusal looks like on the wire. */
export interface DomainErrorData {
  readonly code: ErrorCode;
  /** Dotted path of the input field, e.g. "lines.2.quantity"; null when the refusal concerns the whole request. */
  readonly field: string | null;
  readonly message: { readonly nb: string; readonly en: string };
  readonly params: Params;
}

export function errorData(code: ErrorCode, field: string | null, params: Params = {}): DomainErrorData {
  const m = MESSAGES[code] as { nb: Text; en: Text };
  return { code, field, message: { nb: m.nb(params), en: m.en(params) }, params };
}

/** Thrown inside the engine; turned into DomainErrorData at the boundary. */
export class DomainError extends Error {
  readonly data: DomainErrorData;
  constructor(code: ErrorCode, field: string | null = null, params: Params = {}) {
    const data = errorData(code, field, params);
    super(data.message.en);
    this.name = 'DomainError';
    this.data = data;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainErrorData };

export function isDomainErrorData(value: unknown): value is DomainErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: { nb?: unknown } }).message?.nb === 'string'
  );
}
