// The demo company's data: a wholesaler in Bergen with a range that touches
// every Norwegian VAT rate (SPEC 9), and its customers, private and business.
// Everything here is fictional; the identifiers are made to pass their check
// digits (organisation numbers and bank accounts MOD11, EAN-13).
import type { CompanyInput } from '../../../shared/channels/company';
import type { CustomerInput } from '../../../shared/channels/customers';
import type { ProductInput } from '../../../shared/channels/products';
import type { SupplierInput } from '../../../shared/channels/suppliers';
import type { StatusKind, VatCode } from '../../../shared/enums';
import { bankAccountFrom, ean13From, orgNumberFrom } from './checkDigits';
import { MAX_REMINDER_FEE_ORE } from '../domain/reminderRules';

export const DEMO_COMPANY: CompanyInput = {
  name: 'Fjordhandel Engros AS',
  orgNumber: orgNumberFrom('91873452'),
  vatRegistered: true,
  addressLine1: 'Kokstadvegen 24',
  postalCode: '5257',
  city: 'Kokstad',
  country: 'NO',
  bankAccount: bankAccountFrom('9710051234'),
  email: 'ordre@fjordhandel.example',
  phone: '+47 55 22 41 00',
  defaultPaymentTermsDays: 14,
  statusPreset: 'standard',
  // A quote the customer accepts becomes a confirmed order at once (the demo shows Akseptert as a tab).
  autoConfirmOnAccept: true,
  // Every purchase option on (SPEC 1.3): the suppliers answer each order, send a
  // dispatch advice and the goods are received against it, so the demo's purchase
  // orders reach every status, Shipped and Partially shipped included.
  purchaseReply: true,
  purchaseDispatch: true,
  purchaseReception: true,
  // The legal maximum (inkassoforskriften § 1-2): the demo's reminders show the fee.
  reminderFeeOre: MAX_REMINDER_FEE_ORE,
};

/**
 * The statuses the demo company shows as tabs, in flow order. The standard
 * preset shows eight; the demo switches on every kind its orders reach (all but
 * Collective, which an order passes through on its way to a collective invoice).
 */
export const DEMO_VISIBLE_STATUS_KINDS: readonly StatusKind[] = [
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
  'shipped',
  'ready_to_invoice',
  'invoiced_packing_slip',
  'cash_invoiced',
  'invoiced',
  'reminded',
  'paid',
  'closed',
  'cancelled',
];

// ---- Products -------------------------------------------------------------

type Unit = 'stk' | 'pk' | 'kg' | 'm' | 'l' | 'time';

/** number, name, unit, price (kr), VAT code, bin (null: not stock-managed), has EAN */
type ProductSeed = readonly [string, string, Unit, number, VatCode, string | null, boolean];

const PRODUCT_SEEDS: readonly ProductSeed[] = [
  // Byggevarer (25 %)
  ['BYG-1001', 'Konstruksjonsvirke 48x98 C24', 'm', 32.9, '25', 'A-01-01', true],
  ['BYG-1002', 'Konstruksjonsvirke 48x198 C24', 'm', 69.9, '25', 'A-01-02', true],
  ['BYG-1010', 'Terrassebord 28x120 royalimpregnert', 'm', 34.9, '25', 'A-01-04', true],
  ['BYG-1011', 'Kledningsbord 19x148 grunnet hvit', 'm', 41.5, '25', 'A-01-05', true],
  ['BYG-1020', 'Gipsplate 12,5x1200x2400 mm', 'stk', 189, '25', 'A-02-01', true],
  ['BYG-1021', 'Sponplate gulv 22x620x2400 mm', 'stk', 269, '25', 'A-02-02', true],
  ['BYG-1022', 'Kryssfiner 12 mm 1220x2440', 'stk', 549, '25', 'A-02-03', true],
  ['BYG-1030', 'Mineralull 100 mm, 5,4 m²', 'pk', 429, '25', 'A-03-01', true],
  ['BYG-1031', 'Dampsperre 0,15 mm 2,7x25 m', 'stk', 899, '25', 'A-03-02', true],
  ['BYG-1040', 'Betong B30 25 kg', 'stk', 119, '25', 'A-04-01', true],
  ['BYG-1041', 'Flislim hvit 15 kg', 'stk', 349, '25', 'A-04-02', true],
  ['BYG-1042', 'Fugemasse akryl hvit 300 ml', 'stk', 69.9, '25', 'A-04-03', true],
  ['BYG-1050', 'Grunnmursplate 2,0x20 m', 'stk', 2490, '25', 'A-05-01', true],
  ['BYG-1060', 'Takstein betong sort', 'stk', 18.9, '25', 'A-05-02', true],
  ['BYG-1070', 'Veggmaling interiør hvit matt', 'l', 189, '25', 'A-06-01', true],
  ['BYG-1071', 'Grunning for treverk', 'l', 149, '25', 'A-06-02', true],
  ['BYG-1072', 'Terrasseolje brun', 'l', 129, '25', 'A-06-03', true],
  ['BYG-1080', 'Rørisolasjon 22 mm', 'm', 29.9, '25', 'A-07-01', true],
  // Jernvare og festemidler (25 %)
  ['JRN-2001', 'Treskrue 5,0x50 mm (200 stk)', 'pk', 149.9, '25', 'E-01-01', true],
  ['JRN-2002', 'Terrasseskrue 4,2x55 A2 (250 stk)', 'pk', 349, '25', 'E-01-02', true],
  ['JRN-2010', 'Spiker varmforsinket 75 mm', 'kg', 64.9, '25', 'E-01-03', true],
  ['JRN-2020', 'Vinkelbeslag 90x90 mm', 'stk', 19.9, '25', 'E-02-01', true],
  ['JRN-2030', 'Ekspansjonsbolt M10x100 (10 stk)', 'pk', 129, '25', 'E-02-02', true],
  ['JRN-2040', 'Gjengestang M12 galv.', 'm', 39.9, '25', 'E-02-03', true],
  // Verktøy og verneutstyr (25 %)
  ['VRK-3001', 'Drill/skrutrekker 18 V med 2 batterier', 'stk', 2490, '25', 'B-01-01', true],
  ['VRK-3002', 'Slagtrekker 18 V', 'stk', 1990, '25', 'B-01-02', true],
  ['VRK-3010', 'Snekkerhammer 20 oz', 'stk', 399, '25', 'B-02-01', true],
  ['VRK-3011', 'Håndsag 550 mm', 'stk', 299, '25', 'B-02-02', true],
  ['VRK-3020', 'Vater aluminium 600 mm', 'stk', 349, '25', 'B-02-03', true],
  ['VRK-3021', 'Tommestokk 2 m tre', 'stk', 89, '25', 'B-03-01', true],
  ['VRK-3022', 'Målebånd 5 m', 'stk', 149, '25', 'B-03-02', true],
  ['VRK-3030', 'Bitssett 32 deler', 'stk', 199, '25', 'B-03-03', true],
  ['VRK-3040', 'Arbeidshansker str. 10 (12 par)', 'pk', 349, '25', 'B-04-01', true],
  ['VRK-3041', 'Vernebriller klare', 'stk', 89, '25', 'B-04-02', true],
  ['VRK-3042', 'Hørselvern med hodebøyle', 'stk', 299, '25', 'B-04-03', true],
  ['VRK-3050', 'Sparkelspade 100 mm', 'stk', 79, '25', 'B-05-01', true],
  ['VRK-3060', 'Skjøteledning 25 m', 'stk', 599, '25', 'B-05-02', true],
  // Næringsmidler til kantine og kiosk (15 %)
  ['MAT-4001', 'Kaffe filtermalt 500 g', 'stk', 89.9, '15', 'C-01-01', true],
  ['MAT-4002', 'Kaffe hele bønner 1 kg', 'stk', 249, '15', 'C-01-02', true],
  ['MAT-4010', 'Brunost 500 g', 'stk', 89.9, '15', 'K-01-01', true],
  ['MAT-4011', 'Gulost 1 kg', 'stk', 129, '15', 'K-01-02', true],
  ['MAT-4020', 'Knekkebrød grovt 520 g', 'stk', 34.9, '15', 'C-02-01', true],
  ['MAT-4021', 'Havregryn 1 kg', 'stk', 24.9, '15', 'C-02-02', true],
  ['MAT-4030', 'Laksefilet fersk', 'kg', 229, '15', 'K-02-01', false],
  ['MAT-4031', 'Poteter, norske', 'kg', 19.9, '15', 'C-03-01', false],
  ['MAT-4032', 'Epler Aroma, norske', 'kg', 39.9, '15', 'C-03-02', false],
  ['MAT-4040', 'Lettmelk', 'l', 22.9, '15', 'K-01-03', true],
  ['MAT-4041', 'Smør usaltet 500 g', 'stk', 54.9, '15', 'K-01-04', true],
  ['MAT-4050', 'Mineralvann med kullsyre 1,5 l', 'stk', 24.9, '15', 'C-04-01', true],
  ['MAT-4060', 'Melkesjokolade 200 g', 'stk', 39.9, '15', 'C-04-02', true],
  ['MAT-4061', 'Lefser (10 stk)', 'pk', 49.9, '15', 'C-04-03', true],
  // Bøker og aviser (0 %)
  ['BOK-5001', 'Håndbok for småhus (bok)', 'stk', 599, '0', 'D-01-01', true],
  ['BOK-5002', 'Snekkerboka, 3. utgave', 'stk', 499, '0', 'D-01-02', true],
  ['BOK-5003', 'Norsk hverdagsmat (kokebok)', 'stk', 399, '0', 'D-01-03', true],
  ['BOK-5010', 'Dagsavis, løssalg', 'stk', 40, '0', 'D-02-01', true],
  ['BOK-5011', 'Avisabonnement, 1 måned', 'stk', 399, '0', null, false],
  ['BOK-5012', 'Fagtidsskrift Bygg, årsabonnement', 'stk', 1290, '0', null, false],
  // Persontransport, overnatting, kino og museum (12 %)
  ['TJN-6001', 'Kinobillett voksen', 'stk', 165, '12', null, false],
  ['TJN-6002', 'Kinobillett barn', 'stk', 120, '12', null, false],
  ['TJN-6010', 'Bussbillett Bergen–Voss', 'stk', 249, '12', null, false],
  ['TJN-6011', 'Fergebillett Halhjem–Sandvikvåg, voksen', 'stk', 89, '12', null, false],
  ['TJN-6020', 'Hotellovernatting, enkeltrom', 'stk', 1490, '12', null, false],
  ['TJN-6030', 'Museumsbillett voksen', 'stk', 180, '12', null, false],
  // Tjenester (25 %, ikke lagerført)
  ['TJN-7001', 'Montasje', 'time', 795, '25', null, false],
  ['TJN-7002', 'Frakt Bergen sentrum', 'stk', 490, '25', null, false],
  ['TJN-7003', 'Kapping av plater', 'stk', 25, '25', null, false],
  ['TJN-7004', 'Utleie stillas, per dag', 'stk', 350, '25', null, false],
  ['TJN-7010', 'EUR-pall', 'stk', 199, '25', 'F-01-01', true],
  // Utenfor merverdiavgiftsloven (SAF-T 6): a gift card is payment in advance, not a sale of goods
  ['GAVE-9001', 'Gavekort 500 kr', 'stk', 500, 'outside', null, false],
];

const kr = (v: number): number => Math.round(v * 100);

export const DEMO_PRODUCTS: readonly ProductInput[] = PRODUCT_SEEDS.map(([number, name, unit, price, vatCode, bin, hasEan], i) => ({
  number,
  name,
  unit,
  priceOre: kr(price),
  // Cost about 60–75 % of the price, varied by position so it is not one flat margin.
  costOre: Math.round(kr(price) * (0.6 + ((i * 7) % 16) / 100)),
  vatCode,
  stockManaged: bin !== null,
  binLocation: bin,
  ean: hasEan ? ean13From(`709731${String(100000 + i * 37).slice(-6)}`) : null,
}));

// ---- Customers --------------------------------------------------------------

export interface CustomerSeed {
  readonly input: CustomerInput;
  /** Index into DEMO_CUSTOMERS of the customer who pays this one's invoices. */
  readonly invoiceCustomer?: number;
}

const biz = (
  name: string,
  orgBody: string,
  addressLine1: string,
  postalCode: string,
  city: string,
  creditKr: number | null,
  paymentTermsDays: number,
  contacts: readonly (readonly [string, string, string])[],
  domain: string,
): CustomerInput => ({
  kind: 'business',
  name,
  orgNumber: orgNumberFrom(orgBody),
  email: `post@${domain}.example`,
  phone: contacts[0]?.[1] ?? null,
  addressLine1,
  postalCode,
  city,
  creditLimitOre: creditKr === null ? null : creditKr * 100,
  paymentTermsDays,
  contacts: contacts.map(([n, phone, role]) => ({
    name: n,
    phone,
    email: `${n.split(' ')[0]!.toLowerCase().replace(/[æøå]/g, (c) => ({ æ: 'ae', ø: 'o', å: 'a' })[c] ?? c)}@${domain}.example`,
    role,
  })),
});

const person = (
  name: string,
  phone: string,
  addressLine1: string,
  postalCode: string,
  city: string,
  creditKr: number | null,
): CustomerInput => ({
  kind: 'private',
  name,
  phone,
  addressLine1,
  postalCode,
  city,
  creditLimitOre: creditKr === null ? null : creditKr * 100,
  paymentTermsDays: 14,
});

export const DEMO_CUSTOMERS: readonly CustomerSeed[] = [
  {
    // A builder has goods sent to its building sites.
    input: {
      ...biz('Bergen Bygg og Tømrer AS', '98126473', 'Kokstadflaten 7', '5257', 'Kokstad', 500_000, 30, [
        ['Kari Nordmann', '+47 922 34 567', 'Innkjøp'],
        ['Trond Vik', '+47 55 98 12 00', 'Prosjektleder'],
      ], 'bergenbygg'),
      deliveryAddresses: [
        { name: 'Byggeplass Fyllingsdalen', addressLine1: 'Folke Bernadottes vei 40', postalCode: '5147', city: 'Fyllingsdalen' },
        { name: 'Byggeplass Paradis', addressLine1: 'Hardangervegen 72', postalCode: '5224', city: 'Nesttun' },
      ],
    },
  },
  {
    input: biz('Snekker Hansen AS', '91533720', 'Fjøsangerveien 50', '5059', 'Bergen', 150_000, 14, [
      ['Geir Hansen', '+47 917 44 210', 'Daglig leder'],
    ], 'snekkerhansen'),
  },
  {
    input: {
      ...biz('Fana Tak og Fasade AS', '99214586', 'Nesttunvegen 90', '5221', 'Nesttun', 250_000, 30, [
        ['Silje Aasen', '+47 934 11 872', 'Innkjøpsansvarlig'],
      ], 'fanatak'),
      deliveryAddresses: [{ name: 'Lager Rådal', addressLine1: 'Lagunen 3', postalCode: '5239', city: 'Rådal' }],
    },
  },
  {
    input: biz('Åsane Rør og Varme AS', '92077314', 'Liamyrane 4', '5132', 'Nyborg', 200_000, 20, [
      ['Ivar Brekke', '+47 482 20 913', 'Serviceleder'],
    ], 'asaneror'),
  },
  {
    input: biz('Kafé Bryggen AS', '91288405', 'Bryggen 15', '5003', 'Bergen', 60_000, 14, [
      ['Mette Lunde', '+47 976 55 301', 'Kjøkkensjef'],
    ], 'kafebryggen'),
  },
  {
    input: biz('Sotra Marina AS', '99645012', 'Straumsvegen 12', '5353', 'Straume', 120_000, 30, [
      ['Eirik Fjell', '+47 901 23 789', 'Butikksjef'],
    ], 'sotramarina'),
  },
  {
    input: biz('Voss Hytteservice AS', '92318867', 'Uttrågata 20', '5700', 'Voss', 80_000, 14, [
      ['Randi Lid', '+47 468 90 221', 'Daglig leder'],
    ], 'vosshytte'),
  },
  {
    input: biz('Ørnen Elektro AS', '98840157', 'Økernveien 94', '0579', 'Oslo', 300_000, 30, [
      ['Hassan Ali', '+47 941 77 032', 'Innkjøp'],
      ['Line Berg', '+47 22 64 80 00', 'Regnskap'],
    ], 'ornenelektro'),
  },
  {
    input: biz('Grünerløkka Bakeri AS', '91650923', 'Thorvald Meyers gate 40', '0555', 'Oslo', 50_000, 14, [
      ['Jonas Strand', '+47 455 12 670', 'Daglig leder'],
    ], 'lokkabakeri'),
  },
  {
    input: biz('Oslo Eiendomsdrift AS', '99870234', 'Karl Johans gate 12', '0154', 'Oslo', null, 30, [
      ['Anne Kristiansen', '+47 23 10 45 60', 'Driftssjef'],
    ], 'osloeiendom'),
  },
  {
    input: biz('Nordnes Barnehage SA', '97731568', 'Nordnesgaten 30', '5005', 'Bergen', 40_000, 14, [
      ['Tone Wiik', '+47 988 31 402', 'Styrer'],
    ], 'nordnesbhg'),
  },
  {
    // Plans events for guests from abroad: its documents go out in English.
    input: {
      ...biz('Fjord Events AS', '92455190', 'Strandkaien 2', '5013', 'Bergen', 150_000, 20, [
        ['Marius Eide', '+47 400 56 789', 'Prosjektleder'],
      ], 'fjordevents'),
      language: 'en',
    },
  },
  {
    input: biz('Lillestrøm Maling og Tapet AS', '99123784', 'Storgata 21', '2000', 'Lillestrøm', 100_000, 14, [
      ['Camilla Moe', '+47 913 40 155', 'Butikksjef'],
    ], 'lillestrommaling'),
  },
  {
    input: biz('Akershus Entreprenør AS', '98567341', 'Brodtkorbs gate 4', '1338', 'Sandvika', null, 30, [
      ['Stian Olsen', '+47 952 88 604', 'Innkjøpssjef'],
      ['Hilde Nygård', '+47 67 80 12 40', 'Anleggsleder'],
    ], 'akershusentreprenor'),
  },
  {
    input: biz('Bokhandelen på Torget AS', '91906247', 'Torgallmenningen 8', '5014', 'Bergen', 80_000, 30, [
      ['Solveig Rønning', '+47 473 21 908', 'Innkjøp'],
    ], 'bokhandelentorget'),
  },
  {
    input: biz('Ærlig Håndverk ENK', '92811476', 'Damsgårdsveien 101', '5058', 'Bergen', 30_000, 14, [
      ['Knut Ærø', '+47 918 02 337', 'Innehaver'],
    ], 'aerlighandverk'),
  },
  {
    // A department of Bergen Bygg og Tømrer: its own org. number, invoices go to the head office.
    input: biz('Bergen Bygg og Tømrer AS avd. Åsane', '97312859', 'Åsamyrane 150', '5116', 'Ulset', 150_000, 30, [
      ['Per Ødegård', '+47 959 61 440', 'Avdelingsleder'],
    ], 'bergenbygg'),
    invoiceCustomer: 0,
  },
  { input: person('Ola Nordmann', '+47 912 34 567', 'Kalfarveien 31', '5018', 'Bergen', 20_000) },
  { input: person('Ingrid Bakke', '+47 944 01 233', 'Fjellveien 77', '5019', 'Bergen', null) },
  { input: person('Åse Lie', '+47 480 77 612', 'Sandviksveien 44', '5035', 'Bergen', 15_000) },
  { input: person('Øystein Dahl', '+47 926 15 880', 'Sognsveien 70', '0855', 'Oslo', null) },
  { input: person('Marit Solberg', '+47 975 30 211', 'Bygdøy allé 23', '0262', 'Oslo', 25_000) },
  { input: person('Lars Ellingsen', '+47 415 62 098', 'Hardangervegen 12', '5600', 'Norheimsund', null) },
  { input: person('Sigrid Aas', '+47 936 48 175', 'Fyllingsveien 8', '5143', 'Fyllingsdalen', 10_000) },
  { input: person('Nora Haugen', '+47 409 83 526', 'Trondheimsveien 120', '0565', 'Oslo', null) },
];

// ---- Suppliers --------------------------------------------------------------

export interface SupplierSeed {
  readonly input: SupplierInput;
  /** Product number prefixes of the range bought from this supplier. */
  readonly range: readonly string[];
  /** Days from order to delivery, as the supplier usually keeps them. */
  readonly leadDays: readonly [number, number];
  /** The supplier's invoice numbers start here. */
  readonly firstInvoiceNumber: number;
}

const supplier = (
  name: string,
  orgBody: string,
  addressLine1: string,
  postalCode: string,
  city: string,
  paymentTermsDays: number,
  phone: string,
  contact: readonly [string, string, string],
  domain: string,
): SupplierInput => ({
  kind: 'business',
  name,
  orgNumber: orgNumberFrom(orgBody),
  email: `ordre@${domain}.example`,
  phone,
  addressLine1,
  postalCode,
  city,
  country: 'NO',
  paymentTermsDays,
  contacts: [{ name: contact[0], phone: contact[1], email: `${contact[0].split(' ')[0]!.toLowerCase()}@${domain}.example`, role: contact[2] }],
});

/** Whom the wholesaler buys from: building materials, ironmongery, tools, and food for canteens and kiosks. */
export const DEMO_SUPPLIERS: readonly SupplierSeed[] = [
  {
    input: supplier('Vestland Trelast AS', '98341275', 'Sandsliåsen 50', '5254', 'Sandsli', 30, '+47 55 92 70 00', ['Arne Myklebust', '+47 913 22 480', 'Salgssjef'], 'vestlandtrelast'),
    range: ['BYG-'],
    leadDays: [4, 10],
    firstInvoiceNumber: 734_120,
  },
  {
    input: supplier('Nordisk Jernvare Engros AS', '91764038', 'Alfaset 3. Industrivei 8', '0668', 'Oslo', 30, '+47 22 30 18 00', ['Lene Haugland', '+47 948 10 377', 'Kundeansvarlig'], 'nordiskjernvare'),
    range: ['JRN-'],
    leadDays: [3, 7],
    firstInvoiceNumber: 2_024_0815,
  },
  {
    input: supplier('Verktøysentralen Lier AS', '99528461', 'Kjellstadveien 5', '3400', 'Lier', 45, '+47 32 22 91 50', ['Tor Øvrebø', '+47 977 41 062', 'Key account'], 'verktoysentralen'),
    range: ['VRK-'],
    leadDays: [5, 12],
    firstInvoiceNumber: 51_877,
  },
  {
    input: supplier('Fjord Storhusholdning AS', '92603817', 'Kokstaddalen 25', '5257', 'Kokstad', 14, '+47 55 11 64 20', ['Camilla Sæle', '+47 412 55 903', 'Ordremottak'], 'fjordstorhusholdning'),
    range: ['MAT-'],
    leadDays: [1, 3],
    firstInvoiceNumber: 880_301,
  },
];

/**
 * Products whose reorder point the purchaser raises a few days before today,
 * ahead of the decking season (deck boards, deck oil, deck screws), above what
 * the monthly restock keeps: they are below it, so that the purchase
 * suggestions have something to show.
 */
export const SEASONAL_PRODUCT_NUMBERS: readonly string[] = ['BYG-1010', 'BYG-1072', 'JRN-2002'];

// ---- Building blocks for generated data ------------------------------------

export const FIRST_NAMES = [
  'Kari', 'Ola', 'Ingrid', 'Lars', 'Nora', 'Emma', 'Jakob', 'Sofie', 'Filip', 'Ida', 'Henrik', 'Maja', 'Sander',
  'Thea', 'Magnus', 'Sigrid', 'Elias', 'Ingeborg', 'Oskar', 'Åse', 'Øystein', 'Hege', 'Bjørn', 'Tone', 'Geir',
  'Marit', 'Knut', 'Astrid', 'Håkon', 'Solveig', 'Eirik', 'Ragnhild', 'Torbjørn', 'Liv', 'Ståle', 'Hanne',
  'Mohammed', 'Fatima', 'Piotr', 'Agnieszka', 'Ahmed', 'Linh',
] as const;

export const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Ødegård', 'Aas', 'Øien', 'Ås', 'Rønning', 'Sæther', 'Bråthen', 'Løken', 'Nygård', 'Kowalski', 'Nguyen', 'Ali',
] as const;

/** Places with a real postcode, for addresses. */
export const PLACES: readonly (readonly [string, string])[] = [
  ['5003', 'Bergen'], ['5006', 'Bergen'], ['5011', 'Bergen'], ['5035', 'Bergen'], ['5052', 'Bergen'],
  ['5097', 'Bergen'], ['5141', 'Fyllingsdalen'], ['5221', 'Nesttun'], ['5257', 'Kokstad'], ['5353', 'Straume'],
  ['5700', 'Voss'], ['5411', 'Stord'], ['5500', 'Haugesund'], ['0150', 'Oslo'], ['0182', 'Oslo'],
  ['0555', 'Oslo'], ['0661', 'Oslo'], ['0976', 'Oslo'], ['1338', 'Sandvika'], ['1400', 'Ski'],
  ['2000', 'Lillestrøm'], ['1605', 'Fredrikstad'], ['3015', 'Drammen'], ['3110', 'Tønsberg'], ['4006', 'Stavanger'],
  ['4608', 'Kristiansand'], ['6002', 'Ålesund'], ['6413', 'Molde'], ['7010', 'Trondheim'], ['8006', 'Bodø'],
  ['9008', 'Tromsø'], ['2609', 'Lillehammer'], ['2317', 'Hamar'], ['6800', 'Førde'], ['9600', 'Hammerfest'],
];

export const STREETS = [
  'Storgata', 'Kirkegata', 'Strandgaten', 'Skolegata', 'Industriveien', 'Sjøgata', 'Fjordveien', 'Bakkeveien',
  'Parkveien', 'Løvåsveien', 'Åsveien', 'Skogveien', 'Havnegata', 'Brugata', 'Møllendalsveien', 'Øvre Slottsgate',
] as const;

export const TRADES = [
  'Bygg', 'Rør', 'Elektro', 'Maling', 'Tak', 'Tre', 'Entreprenør', 'Eiendom', 'Bakeri', 'Kafé', 'Marina',
  'Hytteservice', 'Anlegg', 'Snekkerverksted', 'Ventilasjon', 'Flis og Mur', 'Transport', 'Catering', 'Gartneri',
  'Blikkenslager', 'Glass', 'Låsservice', 'Kjøkken', 'Interiør',
] as const;

export const COMPANY_FORMS = ['AS', 'AS', 'AS', 'AS', 'ANS', 'SA', 'ENK', 'DA'] as const;

/** Who at the demo company takes orders ("Vår referanse"). */
export const OUR_REFERENCES = ['Kari N.', 'Ola H.', 'Ingrid B.', 'Morten S.', 'Lise E.'] as const;
