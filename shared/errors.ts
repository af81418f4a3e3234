// Typed domain errors as they cross the boundary: a code, the field it concerns,
// and a message in both languages (SPEC 10). Never a stack trace, never payload data.

import { formatFileSize } from './files';

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
  invalid_gs1_prefix: {
    nb: () => 'GS1-foretaksprefikset er ugyldig: det må være 7 til 10 sifre, slik GS1 Norway har tildelt det.',
    en: () => 'The GS1 company prefix is invalid: it must be 7 to 10 digits, as GS1 assigned it.',
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
  invalid_postal_code: {
    nb: () => 'Ugyldig postnummer: et norsk postnummer har 4 siffer.',
    en: () => 'Invalid postal code: a Norwegian postal code has 4 digits.',
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
  unknown_delivery_address: {
    nb: (p) => `Leveringsadresse ${p.id} hører ikke til denne kunden.`,
    en: (p) => `Delivery address ${p.id} does not belong to this customer.`,
  },
  unknown_line: {
    nb: (p) => `Ordrelinje ${p.id} finnes ikke på denne ordren.`,
    en: (p) => `Order line ${p.id} is not on this order.`,
  },
  unknown_text_line: {
    nb: (p) => `Tekstlinje ${p.id} finnes ikke på denne ordren.`,
    en: (p) => `Text line ${p.id} is not on this order.`,
  },
  text_line_index_taken: {
    nb: (p) => `To linjer kan ikke stå på samme plass (plass ${p.index}).`,
    en: (p) => `Two lines cannot take the same place (place ${p.index}).`,
  },
  text_line_index_out_of_range: {
    nb: (p) => `Tekstlinjens plass (${p.index}) er utenfor listen; høyeste plass er ${p.max}.`,
    en: (p) => `The text line's place (${p.index}) is outside the list; the highest place is ${p.max}.`,
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
  duplicate_group_name: {
    nb: (p) => `Det finnes alt en tilgangsgruppe som heter ${p.value}. Velg et annet navn.`,
    en: (p) => `There is already an access group called ${p.value}. Choose another name.`,
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
  confirm_deliver_remaining: {
    nb: (p) => `Alle gjenstående antall (${p.lines} linjer) blir merket levert og går ut av lager. Bekreft for å fortsette.`,
    en: (p) => `Every remaining quantity (${p.lines} lines) will be marked delivered and leave stock. Confirm to continue.`,
  },
  confirm_return_goods: {
    nb: (p) => `Varene som er levert (${p.lines} linjer), går tilbake på lager. Bekreft for å fortsette.`,
    en: (p) => `The delivered goods (${p.lines} lines) go back to stock. Confirm to continue.`,
  },
  confirm_shortage: {
    nb: (p) => `Det er bare ${p.available} disponibelt av ${p.product}, men ${p.wanted} skal reserveres. Bekreft for å reservere likevel.`,
    en: (p) => `Only ${p.available} of ${p.product} are available, but ${p.wanted} are to be reserved. Confirm to reserve anyway.`,
  },
  credit_limit_exceeded: {
    nb: (p) =>
      `Kunden går over kredittgrensen på kr ${p.limit}: utestående blir kr ${p.exposure}. En bruker med rettigheten «Overstyre kredittgrense» kan godkjenne det, eller bruk ordretype Forhåndsordre.`,
    en: (p) =>
      `The customer goes over the credit limit of NOK ${p.limit}: outstanding becomes NOK ${p.exposure}. A user with the right "Override credit limit" can approve it.`,
  },
  order_invoiced: {
    nb: () => 'Ordren er fakturert, og linjer og beløp kan ikke lenger endres. Lag en kreditnota for å rette den.',
    en: () => 'The order is invoiced; its lines and amounts can no longer change. Make a credit note to correct it.',
  },
  type_change_after_processing: {
    nb: () => 'Ordretypen kan ikke endres når noe på ordren er levert eller fakturert.',
    en: () => 'The order type cannot be changed once anything on the order is delivered or invoiced.',
  },
  card_type_final: {
    nb: () => 'En ordre som har vært endret fra ordretype 9 kan aldri bli kortbetalingsordre igjen: reservasjonen hos kortselskapet er kansellert.',
    en: () => 'An order changed away from type 9 can never become a card payment order again: the card reservation was cancelled.',
  },
  nothing_to_invoice: {
    nb: () => 'Det er ingenting levert som ikke er fakturert. Merk linjene levert først.',
    en: () => 'Nothing delivered is left to invoice. Mark the lines delivered first.',
  },
  over_delivery: {
    nb: (p) => `Linje ${p.line}: bare ${p.remaining} gjenstår å levere.`,
    en: (p) => `Line ${p.line}: only ${p.remaining} remain to be delivered.`,
  },
  no_partial_delivery: {
    nb: (p) => `Ordretypen ${p.orderType} kan ikke delleveres: den merkes levert når den faktureres.`,
    en: (p) => `Order type ${p.orderType} cannot be delivered in parts: it is marked delivered when invoiced.`,
  },
  not_processed_type: {
    nb: (p) => `Ordretypen ${p.orderType} behandles ikke. Endre ordretype først.`,
    en: (p) => `Order type ${p.orderTypeEn ?? p.orderType} is not processed. Change the order type first.`,
  },
  payment_required: {
    nb: (p) => `En kontantordre faktureres når den lagres. Registrer betalingen (å betale: kr ${p.total}).`,
    en: (p) => `A cash order is invoiced when saved. Register the payment (to pay: NOK ${p.total}).`,
  },
  payment_too_small: {
    nb: (p) => `Mottatt beløp kr ${p.received} er mindre enn å betale, kr ${p.total}.`,
    en: (p) => `The amount received, NOK ${p.received}, is less than the NOK ${p.total} to pay.`,
  },
  delete_invoiced: {
    nb: () => 'Ordren er fakturert og kan ikke slettes: fakturaen skal bevares. Krediter fakturaen, eller sett ordren til Avsluttet.',
    en: () => 'The order is invoiced and cannot be deleted: the invoice must be kept. Credit the invoice, or set the order to Closed.',
  },
  delete_delivered: {
    nb: () => 'Ordren har lagerstyrte varer som er levert, og kan ikke slettes. Flytt den tilbake (varene går tilbake på lager) eller krediter.',
    en: () => 'The order has delivered stock-managed goods and cannot be deleted. Move it back (returning the goods) or credit it.',
  },
  move_back_past_invoice: {
    nb: () => 'Ordren kan ikke flyttes tilbake forbi fakturering. Lag en kreditnota i stedet.',
    en: () => 'The order cannot be moved back past invoicing. Make a credit note instead.',
  },
  status_needs_invoice: {
    nb: (p) => `Statusen «${p.status}» krever at ordren er fakturert først.`,
    en: (p) => `Status "${p.status}" requires the order to be invoiced first.`,
  },
  status_by_action: {
    nb: (p) => `Statusen «${p.status}» settes av Ordrebok selv (${p.how}), ikke for hånd.`,
    en: (p) => `Status "${p.status}" is set by Ordrebok itself (${p.how}), not by hand.`,
  },
  credit_exceeds_invoiced: {
    nb: (p) => `Kan ikke kreditere mer enn fakturert: ${p.left} igjen på linjen.`,
    en: (p) => `Cannot credit more than invoiced: ${p.left} left on the line.`,
  },
  not_an_invoice: {
    nb: () => 'En kreditnota kan ikke krediteres. Velg fakturaen.',
    en: () => 'A credit note cannot be credited. Choose the invoice.',
  },
  card_credited_once: {
    nb: () => 'En kortbetalingsordre kan bare krediteres én gang.',
    en: () => 'A card payment order can be credited only once.',
  },
  card_amount_exceeded: {
    nb: (p) => `Beløpet kan ikke bli høyere enn kontraktsbeløpet pluss kundens kortpåslag: kr ${p.max}.`,
    en: (p) => `The amount cannot exceed the contract amount plus the customer's card surcharge: NOK ${p.max}.`,
  },
  card_field_locked: {
    nb: (p) => `Feltet ${p.name} kan ikke endres på en kortbetalingsordre.`,
    en: (p) => `The field ${p.name} cannot be changed on a card payment order.`,
  },
  card_requires: {
    nb: () => 'En kortbetalingsordre krever fakturareferanse, valuta, kontraktsbeløp og fakturakunde.',
    en: () => 'A card payment order requires an invoice reference, currency, contract amount and invoice customer.',
  },
  not_a_quote: {
    nb: () => 'Bare et tilbud (ordretype 5) kan gjøres om til ordre.',
    en: () => 'Only a quote (order type 5) can be converted to an order.',
  },
  not_on_loan: {
    nb: (p) => `Linje ${p.line} har bare ${p.onLoan} på utlån.`,
    en: (p) => `Line ${p.line} has only ${p.onLoan} on loan.`,
  },
  nothing_eligible: {
    nb: () => 'Kunden har ingen leverte, ufakturerte ordrer å samlefakturere.',
    en: () => 'The customer has no delivered, uninvoiced orders to invoice together.',
  },
  not_eligible: {
    nb: (p) => `Ordre ${p.number} kan ikke være med på samlefakturaen: den må være levert og ikke fakturert, og høre til kunden.`,
    en: (p) => `Order ${p.number} cannot be on the collective invoice: it must be delivered, not invoiced, and belong to the customer.`,
  },
  job_state: {
    nb: (p) => `Jobben er ${p.state}.`,
    en: (p) => `The job is ${p.stateEn}.`,
  },
  status_missing: {
    nb: (p) => `Firmaet har ingen status av typen «${p.kind}». Legg den til i statusoppsettet.`,
    en: (p) => `The company has no status of kind "${p.kind}". Add it to the status setup.`,
  },
  document_normal_only: {
    nb: (p) => `${p.documentNb} kan bare skrives ut for ordretype 1 Normal. Ordre ${p.order} har ordretype ${p.orderType}.`,
    en: (p) => `A ${String(p.documentEn).toLowerCase()} can be printed only for order type 1 Normal. Order ${p.order} has order type ${p.orderTypeEn}.`,
  },
  document_type_not_printed: {
    nb: (p) => `Ordre ${p.order} har ordretype ${p.orderType}, som ikke skriver ut dokumenter. Endre ordretype først.`,
    en: (p) => `Order ${p.order} has order type ${p.orderTypeEn}, which prints no documents. Change the order type first.`,
  },
  document_not_a_quote: {
    nb: (p) => `Ordre ${p.order} er ikke et tilbud: tilbud skrives ut for ordretype 5 Tilbud/forespørsel eller ordrer i status Tilbud.`,
    en: (p) => `Order ${p.order} is not a quote: quotes are printed for order type 5 Quote/inquiry or orders in status Quote.`,
  },
  document_order_cancelled: {
    nb: (p) => `Ordre ${p.order} er kansellert, så ${String(p.documentNb).toLowerCase()} skrives ikke ut.`,
    en: (p) => `Order ${p.order} is cancelled, so no ${String(p.documentEn).toLowerCase()} is printed.`,
  },
  document_no_lines: {
    nb: (p) => `Ordre ${p.order} har ingen linjer å skrive ut. Legg til linjer først.`,
    en: (p) => `Order ${p.order} has no lines to print. Add lines first.`,
  },
  document_nothing_to_pick: {
    nb: (p) => `Alt på ordre ${p.order} er levert eller lukket, så det er ingenting å plukke.`,
    en: (p) => `Everything on order ${p.order} is delivered or closed, so there is nothing to pick.`,
  },
  document_not_pickable: {
    nb: (p) => `Ordre ${p.order} står i status ${p.statusNb} og har ingenting reservert på lager. Plukkliste skrives først når ordren er bekreftet.`,
    en: (p) => `Order ${p.order} is in status ${p.statusEn} and has nothing reserved. A picking list is printed once the order is confirmed.`,
  },
  document_no_delivery: {
    nb: (p) => `Ingenting på ordre ${p.order} er levert ennå. Pakkseddelen skrives ut for en levering: merk linjer levert først.`,
    en: (p) => `Nothing on order ${p.order} has been delivered yet. A packing slip is printed for a delivery: mark lines delivered first.`,
  },
  document_not_invoiced: {
    nb: (p) => `Ordre ${p.order} er ikke fakturert ennå. Fakturer ordren først.`,
    en: (p) => `Order ${p.order} has not been invoiced yet. Invoice the order first.`,
  },
  document_use_receipt: {
    nb: (p) => `Ordre ${p.order} er et kontantsalg: det skrives ut som kvittering, ikke som faktura.`,
    en: (p) => `Order ${p.order} is a cash sale: it is printed as a receipt, not as an invoice.`,
  },
  document_cash_only: {
    nb: (p) => `Kvittering skrives bare for kontantsalg (ordretype 3). Ordre ${p.order} har ordretype ${p.orderType}: skriv ut fakturaen.`,
    en: (p) => `Receipts are printed only for cash sales (order type 3). Order ${p.order} has order type ${p.orderTypeEn}: print the invoice.`,
  },
  document_no_credit_note: {
    nb: (p) => `Ordre ${p.order} har ingen kreditnota. Lag en kreditnota fra fakturaen først.`,
    en: (p) => `Order ${p.order} has no credit note. Make a credit note from the invoice first.`,
  },
  document_purchase_only: {
    nb: (p) => `Ordre ${p.order} er en salgsordre. Innkjøpsordre skrives ut for innkjøpsordrer.`,
    en: (p) => `Order ${p.order} is a sales order. Purchase orders are printed for purchase orders.`,
  },
  document_sales_only: {
    nb: (p) => `${p.documentNb} skrives ut for salgsordrer. Ordre ${p.order} er en innkjøpsordre.`,
    en: (p) => `A ${String(p.documentEn).toLowerCase()} is printed for sales orders. Order ${p.order} is a purchase order.`,
  },
  document_wrong_invoice_kind: {
    nb: (p) => `Bilag nr. ${p.number} er ${p.actualNb}, så det kan ikke skrives ut som ${p.wantedNb}.`,
    en: (p) => `Document no. ${p.number} is ${p.actualEn}, so it cannot be printed as ${p.wantedEn}.`,
  },
  gs1_prefix_missing: {
    nb: () => 'Firmaet har ikke lagt inn noe GS1-foretaksprefiks. Legg det inn under Innstillinger → Firma.',
    en: () => 'The company has no GS1 company prefix. Enter it under Settings → Company.',
  },
  sscc_series_exhausted: {
    nb: (p) => `Det er ikke flere SSCC-serienummer igjen for firmaprefikset ${p.prefix}. Bruk et annet prefiks eller et annet utvidelsessiffer.`,
    en: (p) => `No SSCC serial numbers are left for company prefix ${p.prefix}. Use another prefix or extension digit.`,
  },
  logo_unsupported: {
    nb: () => 'Logoen må være et PNG-bilde (8 bit per farge, ikke linjeflettet) eller et JPEG-bilde på høyst 1 MB.',
    en: () => 'The logo must be a PNG image (8 bits per channel, not interlaced) or a JPEG image of at most 1 MB.',
  },
  print_failed: {
    nb: () => 'Utskriften feilet: skriveren svarte ikke eller avviste jobben. Sjekk skriveren og prøv igjen, eller lagre som PDF.',
    en: () => 'Printing failed: the printer did not answer or refused the job. Check the printer and try again, or save as PDF.',
  },
  save_failed: {
    nb: () => 'Filen kunne ikke lagres der. Velg en annen mappe, eller sjekk at det er plass på disken.',
    en: () => 'The file could not be saved there. Choose another folder, or check that there is space on the disk.',
  },
  unknown_supplier: {
    nb: (p) => `Ukjent leverandør: ${p.id}. Velg en leverandør fra leverandørregisteret.`,
    en: (p) => `Unknown supplier: ${p.id}. Choose a supplier from the supplier register.`,
  },
  purchase_type_not_allowed: {
    nb: (p) => `Ordretypen ${p.orderType} brukes ikke for innkjøp. Velg 1 Normal, 4 Realisert, 5 Forespørsel eller 6 Ubehandlet.`,
    en: (p) => `Order type ${p.orderType} is not used for purchasing. Choose 1 Normal, 4 Realized, 5 Inquiry or 6 Unprocessed.`,
  },
  purchase_option_off: {
    nb: (p) => `Firmaet bruker ikke «${p.optionNb}» for innkjøp. Slå det på i firmaoppsettet, eller gå videre til neste trinn.`,
    en: (p) => `The company does not use "${p.optionEn}" for purchasing. Switch it on in the company settings, or go on to the next step.`,
  },
  purchase_cancelled: {
    nb: (p) => `Innkjøpsordre ${p.order} er kansellert${p.amendedBy ? ` og erstattet av ordre ${p.amendedBy}` : ''}. Arbeid videre på ${p.amendedBy ? 'den nye ordren' : 'en ny ordre'}.`,
    en: (p) => `Purchase order ${p.order} is cancelled${p.amendedBy ? ` and replaced by order ${p.amendedBy}` : ''}. Carry on with ${p.amendedBy ? 'the new order' : 'a new order'}.`,
  },
  purchase_not_editable: {
    nb: (p) => `Linjene på innkjøpsordre ${p.order} kan bare endres mens den har status Til behandling (nå: ${p.status}). Lag en endringsordre i stedet.`,
    en: (p) => `The lines of purchase order ${p.order} can only be changed while it is To process (now: ${p.statusEn}). Make an amendment instead.`,
  },
  purchase_realized_final: {
    nb: (p) => `Innkjøpsordre ${p.order} er realisert: varene kom på lager da den ble lagret, og den behandles ikke videre.`,
    en: (p) => `Purchase order ${p.order} is realized: its goods entered stock when it was saved, and it is not processed further.`,
  },
  purchase_reply_first: {
    nb: (p) => `Linje ${p.line} har ikke fått svar fra leverandøren ennå. Registrer leverandørens svar på ordren først.`,
    en: (p) => `Line ${p.line} has no reply from the supplier yet. Register the supplier's reply first.`,
  },
  purchase_line_refused: {
    nb: (p) => `Leverandøren har avvist linje ${p.line}. Den kan ikke sendes, mottas eller faktureres.`,
    en: (p) => `The supplier refused line ${p.line}. It cannot be shipped, received or invoiced.`,
  },
  purchase_over_ship: {
    nb: (p) => `Linje ${p.line}: bare ${p.left} gjenstår å sende.`,
    en: (p) => `Line ${p.line}: only ${p.left} remain to be shipped.`,
  },
  purchase_over_receive: {
    nb: (p) => `Linje ${p.line}: bare ${p.left} kan mottas (${p.basisNb}). Registrer leverandørens svar eller forsendelse først om det kommer mer.`,
    en: (p) => `Line ${p.line}: only ${p.left} can be received (${p.basisEn}). Register the supplier's reply or dispatch first if more arrives.`,
  },
  purchase_over_invoice: {
    nb: (p) => `Linje ${p.line}: bare ${p.left} kan faktureres (${p.basisNb}).`,
    en: (p) => `Line ${p.line}: only ${p.left} can be invoiced (${p.basisEn}).`,
  },
  purchase_reply_below_processed: {
    nb: (p) => `Linje ${p.line}: ${p.processed} er allerede sendt, mottatt eller fakturert, så bekreftet antall kan ikke bli lavere, og linjen kan ikke avvises.`,
    en: (p) => `Line ${p.line}: ${p.processed} is already shipped, received or invoiced, so the confirmed quantity cannot go lower and the line cannot be refused.`,
  },
  purchase_reply_no_change: {
    nb: (p) => `Linje ${p.line}: et endret svar må ha nytt antall, ny pris eller ny leveringsdato. Bruk «godta» om leverandøren bekrefter uendret.`,
    en: (p) => `Line ${p.line}: a changed reply needs a new quantity, price or delivery date. Use "accept" when the supplier confirms unchanged.`,
  },
  purchase_processed: {
    nb: (p) => `Innkjøpsordre ${p.order} har linjer som er sendt, mottatt eller fakturert, og kan ikke kanselleres eller erstattes. Endre antall gjennom leverandørens svar i stedet.`,
    en: (p) => `Purchase order ${p.order} has lines that are shipped, received or invoiced, and cannot be cancelled or replaced. Change quantities through the supplier's reply instead.`,
  },
  purchase_no_lines: {
    nb: () => 'Innkjøpsordren har ingen linjer. Legg til minst én linje.',
    en: () => 'The purchase order has no lines. Add at least one line.',
  },
  purchase_nothing_left: {
    nb: (p) => `Alt på innkjøpsordre ${p.order} er allerede ${p.doneNb}. Det er ingenting mer å registrere.`,
    en: (p) => `Everything on purchase order ${p.order} is already ${p.doneEn}. There is nothing more to register.`,
  },
  purchase_receive_waiting: {
    nb: (p) => `Ingenting på innkjøpsordre ${p.order} kan mottas nå: leverandøren har ikke sendt noe som ikke er mottatt. Registrer forsendelsen først.`,
    en: (p) => `Nothing on purchase order ${p.order} can be received now: the supplier has shipped nothing that is not received yet. Register the dispatch first.`,
  },
  purchase_invoice_waiting: {
    nb: (p) => `Ingenting på innkjøpsordre ${p.order} kan faktureres nå: ingenting er ${p.basisNb} uten å være fakturert. Registrer ${p.stepNb} først.`,
    en: (p) => `Nothing on purchase order ${p.order} can be invoiced now: nothing is ${p.basisEn} that is not invoiced yet. Register the ${p.stepEn} first.`,
  },
  purchase_already_order: {
    nb: (p) => `Innkjøpsordre ${p.order} er allerede en ordre (${p.orderType}). Bare en forespørsel eller en ubehandlet ordre gjøres om til ordre.`,
    en: (p) => `Purchase order ${p.order} is already an order (${p.orderTypeEn}). Only an inquiry or an unprocessed order is turned into an order.`,
  },
  duplicate_line: {
    nb: (p) => `Linje ${p.line} står flere ganger i samme registrering. Slå dem sammen til én.`,
    en: (p) => `Line ${p.line} appears more than once in the same entry. Put them together as one.`,
  },
  duplicate_supplier_invoice: {
    nb: (p) => `Leverandørfaktura ${p.number} er allerede registrert mot denne innkjøpsordren.`,
    en: (p) => `Supplier invoice ${p.number} is already matched against this purchase order.`,
  },
  ean_not_on_order: {
    nb: (p) => `Ingen linje på innkjøpsordre ${p.order} har en vare med EAN ${p.ean}.`,
    en: (p) => `No line on purchase order ${p.order} has a product with EAN ${p.ean}.`,
  },
  ean_not_shipped: {
    nb: (p) => `Linje ${p.line} (${p.product}) kan ikke mottas nå: ${p.left} er ikke sendt fra leverandøren ennå. Registrer forsendelsen først.`,
    en: (p) => `Line ${p.line} (${p.product}) cannot be received now: ${p.left} has not been shipped by the supplier yet. Register the dispatch first.`,
  },
  ean_received_in_full: {
    nb: (p) => `Linje ${p.line} (${p.product}) er allerede mottatt i sin helhet (${p.received}). Det er ingenting mer å motta på den.`,
    en: (p) => `Line ${p.line} (${p.product}) is already received in full (${p.received}). There is nothing more to receive on it.`,
  },
  product_without_supplier: {
    nb: (p) => `Produktet ${p.product} har ingen fast leverandør. Velg leverandør på produktet først.`,
    en: (p) => `Product ${p.product} has no supplier. Set the product's supplier first.`,
  },
  nothing_to_order: {
    nb: () => 'Ingen produkter er under bestillingspunktet. Det er ingenting å bestille.',
    en: () => 'No product is below its reorder point. There is nothing to order.',
  },
  // The company file itself (issue 9, point 24): refused at open, or SQLite's own failures during a call.
  database_newer: {
    nb: (p) =>
      `Filen ble laget av en nyere versjon av Ordrebok (skjema ${p.found}, denne versjonen kan åpne til ${p.supported}). Oppdater Ordrebok, eller åpne en annen firmafil. Filen er ikke endret.`,
    en: (p) =>
      `The file was made by a newer version of Ordrebok (schema ${p.found}; this version can open up to ${p.supported}). Update Ordrebok, or open another company file. The file has not been changed.`,
  },
  database_corrupt: {
    nb: () =>
      'Firmafilen er skadet, og Ordrebok lagrer ingenting i den, så skaden ikke blir større. Åpne den siste sikkerhetskopien av firmafilen (for eksempel en .bak-fil i samme mappe), og kontakt den som har ansvar for IT.',
    en: () =>
      'The company file is damaged, and Ordrebok saves nothing in it, so that the damage does not spread. Open the latest backup of the company file (for example a .bak file in the same folder), and contact whoever looks after IT.',
  },
  database_empty: {
    nb: () =>
      'Filen er tom (0 byte) og har ingen firmadata. Den er ikke endret. Hent fram en sikkerhetskopi av firmafilen, eller flytt den tomme filen bort for å sette opp et nytt firma.',
    en: () =>
      'The file is empty (0 bytes) and holds no company data. It has not been changed. Restore a backup of the company file, or move the empty file away to set up a new company.',
  },
  database_not_sqlite: {
    nb: () =>
      'Filen er ikke en firmafil fra Ordrebok (den er ikke en SQLite-database). Den er ikke endret. Åpne riktig firmafil (firma.ordrebok) eller en sikkerhetskopi av den.',
    en: () =>
      'The file is not an Ordrebok company file (it is not an SQLite database). It has not been changed. Open the right company file (firma.ordrebok) or a backup of it.',
  },
  database_foreign: {
    nb: () =>
      'Filen er en SQLite-database, men ikke en firmafil fra Ordrebok. Den er ikke endret. Åpne riktig firmafil (firma.ordrebok) eller en sikkerhetskopi av den.',
    en: () =>
      'The file is an SQLite database, but not an Ordrebok company file. It has not been changed. Open the right company file (firma.ordrebok) or a backup of it.',
  },
  database_missing: {
    nb: () => 'Filen finnes ikke. Sjekk navnet og mappen, eller velg en annen firmafil.',
    en: () => 'The file does not exist. Check the name and the folder, or choose another company file.',
  },
  database_read_only_old: {
    nb: (p) =>
      `Filen er fra en eldre versjon av Ordrebok (skjema ${p.found}) og må oppgraderes til skjema ${p.supported}, men den er skrivebeskyttet. Kopier filen til en mappe der du kan skrive, og åpne kopien.`,
    en: (p) =>
      `The file is from an older version of Ordrebok (schema ${p.found}) and must be upgraded to schema ${p.supported}, but it is read-only. Copy the file to a folder you can write to, and open the copy.`,
  },
  disk_full: {
    nb: () => 'Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.',
    en: () => 'The disk is full. Nothing was saved. Free some space and try again.',
  },
  file_read_only: {
    nb: () =>
      'Filen er skrivebeskyttet, så ingenting ble lagret. Du kan se på dataene, men ikke endre dem. Be den som har ansvar for IT om skrivetilgang, eller åpne en kopi du kan skrive i.',
    en: () =>
      'The file is read-only, so nothing was saved. You can look at the data but not change it. Ask whoever looks after IT for write access, or open a copy you can write to.',
  },
  database_folder_read_only: {
    nb: () =>
      'Mappen som firmafilen ligger i, er skrivebeskyttet, så Ordrebok kan ikke bruke filen der. Ingenting er lagret eller endret. Kopier filen til en mappe der du kan skrive, og åpne kopien, eller be den som har ansvar for IT om skrivetilgang til mappen.',
    en: () =>
      'The folder the company file is in is read-only, so Ordrebok cannot use the file there. Nothing was saved or changed. Copy the file to a folder you can write to and open the copy, or ask whoever looks after IT for write access to the folder.',
  },
  database_busy: {
    nb: () =>
      'Firmafilen er i bruk av et annet program, så ingenting ble lagret. Vent litt og prøv igjen, eller lukk det andre programmet (for eksempel et program for sikkerhetskopi eller synkronisering).',
    en: () =>
      'The company file is in use by another program, so nothing was saved. Wait a moment and try again, or close the other program (for example a backup or sync program).',
  },
  file_io_error: {
    nb: () =>
      'Ordrebok fikk ikke lest eller skrevet firmafilen (feil på disken eller nettverksstasjonen). Ingenting ble lagret. Sjekk at disken eller nettverket er tilkoblet, og prøv igjen.',
    en: () =>
      'Ordrebok could not read or write the company file (a disk or network drive error). Nothing was saved. Check that the disk or network is connected, and try again.',
  },
  // ---- Issue 9: the rules at the edges ----
  realized_final: {
    nb: () => 'En realisert ordre (type 4) oppdaterte lageret da den ble lagret og er avsluttet: den får ingen faktura og kan ikke flyttes. Rett lageret med en ny realisert ordre eller en lagerjustering.',
    en: () => 'A realized order (type 4) updated stock when it was saved and is closed: it gets no invoice and cannot be moved. Correct stock with a new realized order or a stock adjustment.',
  },
  order_shipped_lines: {
    nb: () => 'Ordren er utsendt, og alt på den er levert. Legg varen på en ny ordre, eller flytt ordren tilbake til en status før utsendelse først.',
    en: () => 'The order is shipped and everything on it is delivered. Put the item on a new order, or move the order back to a status before shipping first.',
  },
  stock_managed_in_use: {
    nb: (p) => `Lagerstyring kan ikke slås av eller på for ${p.product} mens varen er i bruk (${p.uses}). Lag et nytt produkt, eller avslutt ordrene først.`,
    en: (p) => `Stock management cannot be switched for ${p.product} while it is in use (${p.usesEn}). Make a new product, or finish the orders first.`,
  },
  quote_converted: {
    nb: (p) => `Tilbudet er allerede gjort om til ordre ${p.order}. Et tilbud gjøres om én gang; åpne ordre ${p.order}.`,
    en: (p) => `The quote has already been converted to order ${p.order}. A quote converts once; open order ${p.order}.`,
  },
  quote_cancelled: {
    nb: () => 'Tilbudet er kansellert. Flytt det tilbake til Tilbud først.',
    en: () => 'The quote is cancelled. Move it back to Quote first.',
  },
  order_not_in_processing: {
    nb: (p) => `Ordren står i «${p.status}», en status uten behandling. Flytt den til Bekreftet først.`,
    en: (p) => `The order is in "${p.statusEn}", a status without processing. Move it to Confirmed first.`,
  },
  nothing_to_deliver: {
    nb: () => 'Alt på ordren er levert eller lukket.',
    en: () => 'Everything on the order is delivered or closed.',
  },
  nothing_on_loan: {
    nb: () => 'Ingenting på ordren er på utlån.',
    en: () => 'Nothing on the order is on loan.',
  },
  loan_from_open: {
    nb: () => 'Bare en ordre som er under behandling (Bekreftet, Pakk …) kan lånes ut.',
    en: () => 'Only an order being processed (Confirmed, Pack …) can be lent out.',
  },
  job_order_not_open: {
    nb: (p) => `En jobb kan bare startes på en bekreftet ordre som ikke er sendt ut; ordren står i «${p.status}».`,
    en: (p) => `A job can only be started on a confirmed order that has not been shipped; the order is in "${p.statusEn}".`,
  },
  preset_change_with_orders: {
    nb: () => 'Statusløpet byttes ikke her når det finnes ordrer: bruk Innstillinger → Statusløp → «Bytt mal», som viser hvor ordrene i hver status flyttes.',
    en: () => 'The status flow is not switched here once orders exist: use Settings → Status flow → "Switch preset", which shows where the orders in each status go.',
  },
  card_partly_delivered: {
    nb: () => 'En kortbetalingsordre faktureres når alt er levert (eller restlinjene er lukket): kortbeløpet trekkes én gang. Lever resten, eller lukk restlinjene først.',
    en: () => 'A card payment order is invoiced once everything is delivered (or the rest is closed): the card is charged once. Deliver the rest, or close the remaining lines first.',
  },
  card_not_collective: {
    nb: () => 'En kortbetalingsordre faktureres for seg: kortbeløpet trekkes for akkurat denne ordren. Fakturer den fra ordren.',
    en: () => 'A card payment order is invoiced on its own: the card is charged for this order only. Invoice it from the order.',
  },
  duplicate_order: {
    nb: (p) => `Ordre ${p.id} står flere ganger i utvalget. En ordre faktureres én gang.`,
    en: (p) => `Order ${p.id} is in the selection more than once. An order is invoiced once.`,
  },
  card_no_subscription: {
    nb: () => 'En kortbetalingsordre kan ikke bli abonnement: kortbeløpet trekkes én gang.',
    en: () => 'A card payment order cannot become a subscription: the card is charged once.',
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
  // ---- After the invoice: payments (issue 11) ----
  invoice_not_payable: {
    nb: (p) => `Faktura ${p.number} er ${p.state} og kan ikke betales. Registrer beløpet som kreditt på kunden i stedet.`,
    en: (p) => `Invoice ${p.number} is ${p.stateEn} and cannot be paid. Register the amount as the customer's credit instead.`,
  },
  no_customer_credit: {
    nb: (p) => `Kunden har ingen kreditt å bruke${p.credit ? ` (har ${p.credit})` : ''}.`,
    en: (p) => `The customer has no credit to use${p.credit ? ` (has ${p.credit})` : ''}.`,
  },
  credit_too_small: {
    nb: (p) => `Kunden har bare ${p.credit} i kreditt.`,
    en: (p) => `The customer has only ${p.credit} in credit.`,
  },
  nothing_outstanding: {
    nb: (p) => `Faktura ${p.number} har ikke noe utestående.`,
    en: (p) => `Invoice ${p.number} has nothing outstanding.`,
  },
  // ---- bank files (issue 11) ----
  bank_file_empty: { nb: () => 'Filen er tom.', en: () => 'The file is empty.' },
  bank_file_unknown_format: {
    nb: () => 'Filen er verken en OCR-fil fra Nets eller en camt.054-fil fra banken.',
    en: () => 'The file is neither a Nets OCR file nor a camt.054 file from the bank.',
  },
  bank_file_record_length: {
    nb: (p) => `Linje ${p.line} har ${p.length} tegn; en OCR-post skal ha 80.`,
    en: (p) => `Line ${p.line} has ${p.length} characters; an OCR record has 80.`,
  },
  bank_file_unknown_record: {
    nb: (p) => `Linje ${p.line}: ukjent posttype «${p.record}».`,
    en: (p) => `Line ${p.line}: unknown record type «${p.record}».`,
  },
  bank_file_structure: {
    nb: (p) => `Linje ${p.line}: ${p.what}.`,
    en: (p) => `Line ${p.line}: ${p.whatEn}.`,
  },
  bank_file_bad_field: {
    nb: (p) => `Linje ${p.line}: ugyldig ${p.what} («${p.value}»).`,
    en: (p) => `Line ${p.line}: invalid ${p.whatEn} («${p.value}»).`,
  },
  bank_file_totals: {
    nb: (p) => `${p.where}: ${p.what} er ${p.expected} i filen, men postene gir ${p.found}. Filen er ikke lest inn.`,
    en: (p) => `${p.whereEn}: the file says ${p.whatEn} is ${p.expected}, but the records give ${p.found}. The file was not imported.`,
  },
  bank_file_not_camt054: {
    nb: (p) => `Filen er XML, men ikke en camt.054-melding (${p.found}).`,
    en: (p) => `The file is XML, but not a camt.054 notification (${p.found}).`,
  },
  bank_file_bad_element: {
    nb: (p) => `${p.element}: ${p.what}.`,
    en: (p) => `${p.element}: ${p.whatEn}.`,
  },
  bank_file_already_imported: {
    nb: (p) => `Denne filen ble lest inn ${p.at} (som «${p.fileName}»). Den leses ikke inn på nytt, så ingenting betales to ganger.`,
    en: (p) => `This file was imported on ${p.at} (as «${p.fileName}»). It is not imported again, so nothing is paid twice.`,
  },
  bank_transaction_resolved: {
    nb: (p) => `Banktransaksjonen er allerede ${p.state === 'matched' ? 'avstemt mot en faktura' : 'behandlet for hånd'}.`,
    en: (p) => `The bank transaction has already been ${p.state === 'matched' ? 'matched to an invoice' : 'handled by hand'}.`,
  },
  // ---- Reminders and void (issue 11) ----
  document_reminder_batch: {
    nb: (p) => `En purring skrives ikke ut fra ordre ${p.order}, men når purringer sendes (Fakturaer, Send purringer).`,
    en: (p) => `A reminder is not printed from order ${p.order} but when reminders are sent (Invoices, Send reminders).`,
  },
  reminder_fee_above_legal: {
    nb: (p) => `Purregebyret kan ikke være høyere enn ${p.max} (inkassoforskriften § 1-2).`,
    en: (p) => `The reminder fee cannot be higher than ${p.max} (Norwegian debt collection regulations § 1-2).`,
  },
  invoice_void: {
    nb: (p) => `Faktura ${p.number} er annullert og kan ikke krediteres.`,
    en: (p) => `Invoice ${p.number} is void and cannot be credited.`,
  },
  invoice_not_voidable: {
    nb: (p) => `Faktura ${p.number} kan ikke annulleres. ${p.reasonNb}`,
    en: (p) => `Invoice ${p.number} cannot be voided. ${p.reasonEn}`,
  },
  // ---- accounting (issue 11) ----
  account_not_mapped: {
    nb: (p) => `Kontoplanen mangler en konto for «${p.key}». Velg en konto under Innstillinger → Regnskap.`,
    en: (p) => `The account mapping has no account for "${p.key}". Choose one under Settings → Accounting.`,
  },
  unknown_account_key: {
    nb: (p) => `«${p.key}» er ikke noe kontoplanen fører på.`,
    en: (p) => `"${p.key}" is not something the account mapping books.`,
  },
  duplicate_account_key: {
    nb: (p) => `«${p.key}» står to ganger.`,
    en: (p) => `"${p.key}" is given twice.`,
  },
  invalid_period: {
    nb: () => 'Fra-datoen må være før eller lik til-datoen.',
    en: () => 'The from date must be on or before the to date.',
  },
  batch_not_found: {
    nb: (p) => `Finner ikke bunt ${p.id}.`,
    en: (p) => `Batch ${p.id} was not found.`,
  },
  // ---- ledger (issue 11) ----
  payment_date_in_future: {
    nb: (p) => `Betalingsdatoen ${p.date} er etter dagens dato. Registrer betalingen når pengene er kommet.`,
    en: (p) => `The payment date ${p.date} is after today. Register the payment when the money has arrived.`,
  },
  // ---- People and projects (issue 12) ----
  invalid_initials: {
    nb: () => 'Initialer er 1 til 6 bokstaver, uten mellomrom eller tall.',
    en: () => 'Initials are 1 to 6 letters, without spaces or digits.',
  },
  duplicate_initials: {
    nb: (p) => `Initialene ${p.initials} brukes allerede av ${p.name}.`,
    en: (p) => `The initials ${p.initials} are already used by ${p.name}.`,
  },
  user_has_employee: {
    nb: (p) => `Brukeren er allerede knyttet til ansatt ${p.name}.`,
    en: (p) => `The user is already linked to employee ${p.name}.`,
  },
  employee_inactive: {
    nb: (p) => `${p.name} er ikke lenger aktiv ansatt og kan ikke velges.`,
    en: (p) => `${p.name} is no longer an active employee and cannot be chosen.`,
  },
  end_before_start: {
    nb: () => 'Sluttdatoen kan ikke være før startdatoen.',
    en: () => 'The end date cannot be before the start date.',
  },
  project_closed: {
    nb: (p) => `Prosjekt ${p.number} er ${p.status} og tar ikke imot nye ordrer.`,
    en: (p) => `Project ${p.number} is ${p.statusEn} and takes no new orders.`,
  },
  // ---- people (issue 12) ----
  project_has_other_orders: {
    nb: (p) => `Prosjektet har ordre ${p.order} for ${p.customer}. Et prosjekt med ordrer kan ikke få en annen kunde.`,
    en: (p) => `The project has order ${p.order} for ${p.customer}. A project with orders cannot be given another customer.`,
  },
  project_other_customer: {
    nb: (p) => `Prosjekt ${p.number} hører til kunde ${p.customer}. Velg et prosjekt for ordrens kunde, eller et prosjekt uten kunde.`,
    en: (p) => `Project ${p.number} belongs to customer ${p.customer}. Choose a project of the order's customer, or one without a customer.`,
  },
  // ---- activity (issue 12) ----
  task_order_or_project: {
    nb: () => 'En oppgave hører til enten en ordre eller et prosjekt, ikke begge og ikke ingen.',
    en: () => 'A task belongs to either an order or a project, not both and not neither.',
  },
  comment_other_order: {
    nb: (p) => `Kommentar ${p.id} står på en annen ordre og kan ikke rettes herfra.`,
    en: (p) => `Comment ${p.id} is on another order and cannot be corrected from here.`,
  },
  follow_needs_user: {
    nb: () => 'Du må være logget inn som bruker for å følge en ordre.',
    en: () => 'You need to be logged in as a user to follow an order.',
  },
  user_inactive: {
    nb: (p) => `${p.name} er ikke lenger aktiv bruker og kan ikke velges.`,
    en: (p) => `${p.name} is no longer an active user and cannot be chosen.`,
  },
  note_needs_user: {
    nb: () => 'Uten brukere er påminnelser felles: de kan ikke gjelde en bestemt bruker.',
    en: () => 'Without users, reminders are shared: they cannot be for a particular user.',
  },
  // ---- files (issue 12) ----
  file_too_large: {
    nb: (p) => `Filen «${p.name}» er ${formatFileSize(Number(p.bytes), 'nb')}; grensen er ${formatFileSize(Number(p.max), 'nb')} per fil.`,
    en: (p) => `The file “${p.name}” is ${formatFileSize(Number(p.bytes), 'en')}; the limit is ${formatFileSize(Number(p.max), 'en')} per file.`,
  },
  invalid_file_name: {
    nb: () => 'Filnavnet kan ikke inneholde skråstrek eller kontrolltegn.',
    en: () => 'The file name cannot contain slashes or control characters.',
  },
  invalid_base64: {
    nb: () => 'Filinnholdet kom ikke fram riktig (ugyldig base64). Prøv å legge ved filen på nytt.',
    en: () => 'The file content did not arrive intact (invalid base64). Try attaching the file again.',
  },
  file_damaged: {
    nb: (p) => `Filen «${p.name}» er skadet i firmafilen (kontrollsummen stemmer ikke) og kan ikke åpnes. Hent den fra en sikkerhetskopi.`,
    en: (p) => `The file “${p.name}” is damaged in the company file (its checksum does not match) and cannot be opened. Restore it from a backup.`,
  },
  relation_self: {
    nb: () => 'En ordre kan ikke kobles til seg selv.',
    en: () => 'An order cannot be linked to itself.',
  },
  relation_exists: {
    nb: (p) => `Ordren er allerede koblet til ${p.other}.`,
    en: (p) => `The order is already linked to ${p.otherEn}.`,
  },
  // ---- customFields (issue 12) ----
  custom_field_unknown: {
    nb: (p) => `Spesialfeltet «${p.key}» finnes ikke eller er ikke i bruk.`,
    en: (p) => `The custom field "${p.key}" does not exist or is not in use.`,
  },
  custom_field_required: {
    nb: (p) => `«${p.label}» må fylles ut.`,
    en: (p) => `"${p.label}" is required.`,
  },
  custom_field_invalid: {
    nb: (p) => `«${p.label}» må være ${p.expectedNb}.`,
    en: (p) => `"${p.label}" must be ${p.expectedEn}.`,
  },
  custom_field_out_of_range: {
    nb: (p) => `«${p.label}» må være mellom ${p.min} og ${p.max}.`,
    en: (p) => `"${p.label}" must be between ${p.min} and ${p.max}.`,
  },
  custom_field_choice_unknown: {
    nb: (p) => `«${p.value}» er ikke et av valgene i «${p.label}».`,
    en: (p) => `"${p.value}" is not one of the choices of "${p.label}".`,
  },
  custom_field_type_in_use: {
    nb: (p) => `Typen til «${p.label}» kan ikke endres: ${p.count} ${Number(p.count) === 1 ? 'post har' : 'poster har'} en verdi i feltet.`,
    en: (p) => `The type of "${p.label}" cannot be changed: ${p.count} ${Number(p.count) === 1 ? 'record has' : 'records have'} a value in it.`,
  },
  custom_field_choice_in_use: {
    nb: (p) => `Valget «${p.choice}» kan ikke fjernes: det brukes i ${p.count} ${Number(p.count) === 1 ? 'post' : 'poster'}.`,
    en: (p) => `The choice "${p.choice}" cannot be removed: ${p.count} ${Number(p.count) === 1 ? 'record uses' : 'records use'} it.`,
  },
  custom_field_choices_required: {
    nb: () => 'En valgliste må ha minst ett valg.',
    en: () => 'A choice list needs at least one choice.',
  },
  custom_field_duplicate_choice: {
    nb: (p) => `Valget «${p.choice}» står to ganger i listen.`,
    en: (p) => `The choice "${p.choice}" is in the list twice.`,
  },
  custom_field_duplicate_key: {
    nb: (p) => `Det finnes allerede et felt med nøkkelen «${p.key}» for denne posttypen.`,
    en: (p) => `There is already a field with the key "${p.key}" for this record kind.`,
  },
  custom_field_fixed: {
    nb: () => 'Posttypen og nøkkelen til et felt kan ikke endres etter at feltet er laget.',
    en: () => "A field's record kind and key cannot be changed once the field is made.",
  },
  custom_field_range_invalid: {
    nb: () => 'Minste verdi kan ikke være større enn største verdi.',
    en: () => 'The lowest value cannot be greater than the highest value.',
  },
  custom_field_reorder_incomplete: {
    nb: () => 'Rekkefølgen må ta med hvert felt for posttypen nøyaktig én gang.',
    en: () => "The order must list each of the record kind's fields exactly once.",
  },
  // issue 13 series
  series_number_in_use: {
    nb: (p) => `Nummer ${p.n} er allerede i bruk i denne serien. Velg et nummer som ikke er brukt.`,
    en: (p) => `Number ${p.n} is already in use in this series. Choose a number that is not used.`,
  },
  invoice_series_below_used: {
    nb: (p) => `Fakturaserien kan ikke settes til ${p.n}: nummer ${p.highest} er allerede brukt, og et brukt faktura- eller kreditnotanummer brukes aldri igjen.`,
    en: (p) => `The invoice series cannot be set to ${p.n}: number ${p.highest} is already used, and a used invoice or credit note number is never used again.`,
  },
  invoice_series_gap: {
    nb: (p) =>
      `Fakturaserien kan ikke hoppe til ${p.n}: siste faktura har nummer ${p.highest}, så neste må være ${p.next}. Fakturaer og kreditnotaer nummereres uten hull; startnummeret kan bare settes før første faktura.`,
    en: (p) =>
      `The invoice series cannot jump to ${p.n}: the last invoice has number ${p.highest}, so the next must be ${p.next}. Invoices and credit notes are numbered without gaps; the start number can only be set before the first invoice.`,
  },
  // issue 13 backup: backup, restore and "Kontroller databasen".
  backup_folder_missing: {
    nb: (p) => `Mappen finnes ikke: ${p.folder}. Opprett den, eller velg en annen mappe for sikkerhetskopiene.`,
    en: (p) => `The folder does not exist: ${p.folder}. Create it, or choose another folder for the backups.`,
  },
  backup_folder_not_writable: {
    nb: (p) => `Ordrebok kan ikke skrive i mappen ${p.folder}. Velg en annen mappe, eller be den som har ansvar for IT om skrivetilgang.`,
    en: (p) => `Ordrebok cannot write to the folder ${p.folder}. Choose another folder, or ask whoever looks after IT for write access.`,
  },
  backup_file_missing: {
    nb: (p) => `Finner ikke filen ${p.file}. Sjekk navnet og mappen.`,
    en: (p) => `Cannot find the file ${p.file}. Check the name and the folder.`,
  },
  backup_is_current_file: {
    nb: () => 'Dette er firmafilen som er i bruk nå, ikke en sikkerhetskopi. Velg en sikkerhetskopi.',
    en: () => 'This is the company file in use now, not a backup. Choose a backup.',
  },
  backup_newer: {
    nb: (p) =>
      `Sikkerhetskopien ble laget av en nyere versjon av Ordrebok (skjema ${p.found}, denne versjonen kan åpne til ${p.supported}). Oppdater Ordrebok før du henter den inn. Ingenting er endret.`,
    en: (p) =>
      `The backup was made by a newer version of Ordrebok (schema ${p.found}; this version can open up to ${p.supported}). Update Ordrebok before you restore it. Nothing has been changed.`,
  },
  backup_corrupt: {
    nb: () => 'Sikkerhetskopien er skadet: integritetskontrollen fant feil i den. Velg en annen sikkerhetskopi. Ingenting er endret.',
    en: () => 'The backup is damaged: the integrity check found errors in it. Choose another backup. Nothing has been changed.',
  },
  backup_not_company_file: {
    nb: () => 'Filen er ikke en sikkerhetskopi av en firmafil fra Ordrebok. Velg en annen fil. Ingenting er endret.',
    en: () => 'The file is not a backup of an Ordrebok company file. Choose another file. Nothing has been changed.',
  },
  backup_busy: {
    nb: () => 'En sikkerhetskopi eller gjenoppretting pågår allerede. Vent til den er ferdig, og prøv igjen.',
    en: () => 'A backup or a restore is already running. Wait until it is done, and try again.',
  },
  // issue 13 flows
  invalid_colour: {
    nb: () => 'Fargen skrives som #rrggbb, for eksempel #1f6feb.',
    en: () => 'A colour is written as #rrggbb, for example #1f6feb.',
  },
  flow_change_one: {
    nb: () => 'Velg enten en ny mal eller en status som skal fjernes.',
    en: () => 'Choose either a new preset or a status to remove.',
  },
  status_label_empty: {
    nb: (p) => (p.lang === 'en' ? 'Statusen må ha et engelsk navn.' : 'Statusen må ha et norsk navn.'),
    en: (p) => (p.lang === 'en' ? 'The status needs an English name.' : 'The status needs a Norwegian name.'),
  },
  status_label_duplicate: {
    nb: (p) => `Det finnes allerede en status som heter «${p.label}».`,
    en: (p) => `There is already a status called "${p.label}".`,
  },
  status_hide_with_orders: {
    nb: (p) => `«${p.status}» kan ikke skjules: ${p.count} ${p.count === 1 ? 'ordre står' : 'ordrer står'} i den. Flytt dem først ved å fjerne statusen (ordrene flyttes da til en annen).`,
    en: (p) => `"${p.statusEn}" cannot be hidden: ${p.count} ${p.count === 1 ? 'order stands' : 'orders stand'} in it. Move them first by removing the status (its orders then move to another).`,
  },
  status_last_of_kind: {
    nb: (p) => `«${p.status}» er den siste synlige statusen av typen ${p.kind}, som statusløpet trenger.`,
    en: (p) => `"${p.statusEn}" is the last visible status of the kind ${p.kindEn}, which the status flow needs.`,
  },
  status_reorder_incomplete: {
    nb: () => 'Rekkefølgen må ta med hver status nøyaktig én gang.',
    en: () => 'The order must list each status exactly once.',
  },
  flow_move_refused: {
    nb: (p) => `${p.count} ${p.count === 1 ? 'ordre' : 'ordrer'} i «${p.status}» kan ikke flyttes til «${p.target}»: ${p.reason}. Velg en status av samme type.`,
    en: (p) => `${p.count} ${p.count === 1 ? 'order' : 'orders'} in "${p.statusEn}" cannot move to "${p.targetEn}": ${p.reasonEn}. Choose a status of the same kind.`,
  },
  flow_preset_same: {
    nb: () => 'Statusløpet følger allerede denne malen. Velg en annen mal.',
    en: () => 'The status flow already follows this preset. Choose another preset.',
  },
  flow_target_unknown: {
    nb: (p) => `Ordrene i «${p.status}» kan bare flyttes til en status i det nye løpet.`,
    en: (p) => `The orders in "${p.statusEn}" can only move to a status of the new flow.`,
  },
  // issue 13 import
  import_file_empty: {
    nb: (p) => `Filen «${p.name}» har ingen rader.`,
    en: (p) => `The file "${p.name}" has no rows.`,
  },
  import_xls_not_supported: {
    nb: (p) => `«${p.name}» er en gammel Excel-fil (.xls). Lagre den som Excel-arbeidsbok (.xlsx) eller CSV og prøv igjen.`,
    en: (p) => `"${p.name}" is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or CSV and try again.`,
  },
  import_file_unreadable: {
    nb: (p) => `Filen «${p.name}» kan ikke leses som CSV eller Excel (.xlsx).`,
    en: (p) => `The file "${p.name}" cannot be read as CSV or Excel (.xlsx).`,
  },
  import_too_many_rows: {
    nb: (p) => `Filen har ${p.rows} rader; en import kan ha høyst ${p.max}. Del den opp.`,
    en: (p) => `The file has ${p.rows} rows; an import can have at most ${p.max}. Split it up.`,
  },
  import_unknown_field: {
    nb: (p) => `Ukjent felt i koblingen: ${p.field}.`,
    en: (p) => `Unknown field in the mapping: ${p.field}.`,
  },
  import_unknown_column: {
    nb: (p) => `Filen har ingen kolonne «${p.column}».`,
    en: (p) => `The file has no column "${p.column}".`,
  },
  import_column_twice: {
    nb: (p) => `Kolonnen «${p.column}» er koblet til to felt.`,
    en: (p) => `The column "${p.column}" is mapped to two fields.`,
  },
  import_field_unmapped: {
    nb: (p) => `Feltet «${p.fieldNb}» må kobles til en kolonne i filen.`,
    en: (p) => `The field "${p.fieldEn}" must be mapped to a column of the file.`,
  },
  import_not_an_amount: {
    nb: () => 'Ikke et beløp (skriv f.eks. 1 234,50).',
    en: () => 'Not an amount (write e.g. 1234.50).',
  },
  import_not_a_whole_number: {
    nb: () => 'Ikke et helt tall.',
    en: () => 'Not a whole number.',
  },
  import_not_a_quantity: {
    nb: () => 'Ikke et antall (høyst tre desimaler).',
    en: () => 'Not a quantity (at most three decimals).',
  },
  import_not_yes_no: {
    nb: () => 'Skriv ja eller nei.',
    en: () => 'Write yes or no.',
  },
  import_unknown_vat: {
    nb: (p) => `Ukjent mva-sats «${p.value}»: bruk 25, 15, 12 eller 0.`,
    en: (p) => `Unknown VAT rate "${p.value}": use 25, 15, 12 or 0.`,
  },
  import_unknown_party_kind: {
    nb: (p) => `Ukjent type «${p.value}»: bruk bedrift eller privat.`,
    en: (p) => `Unknown kind "${p.value}": use business or private.`,
  },
  import_duplicate_in_file: {
    nb: (p) => `${p.value} står også i rad ${p.row} i filen.`,
    en: (p) => `${p.value} is also in row ${p.row} of the file.`,
  },
  import_org_number_exists: {
    nb: (p) => `Organisasjonsnummeret ${p.value} er allerede registrert (nr. ${p.number}).`,
    en: (p) => `The organisation number ${p.value} is already registered (no. ${p.number}).`,
  },
  import_stock_not_managed: {
    nb: () => 'Beholdning kan bare importeres for lagerførte varer.',
    en: () => 'Stock can only be imported for stock-managed products.',
  },
  import_cost_required: {
    nb: () => 'Inngående beholdning trenger kostpris.',
    en: () => 'Opening stock needs a cost price.',
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
