// The values of an import file's cells as the records' fields want them (issue 13):
// Norwegian numbers ("1 234,50" with a space or a no-break space, "1.234,50") as well
// as plain ones ("1234.50"), Norwegian dates ("05.01.2025") as well as ISO ones, yes/no
// in both languages; and which field a column is, guessed from its header.
import { IMPORT_FIELDS, type ImportKind } from '../../../shared/channels/import';
import { parseDate, parseDecimal } from '../../../shared/format';
import { foldText } from './fold';

/** A cell as read: text, or a number from a spreadsheet's number cell; null when empty. */
export type Cell = string | number | null;

/** The cell as text, as the screen shows it (a spreadsheet number with a decimal comma). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c).replace('.', ',');
  return c;
}

export const isBlank = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');

/**
 * A decimal scaled by 10^decimals ("1 234,50" → 123450 with 2), or null when the
 * text is not a number or has more decimals than the field keeps. Thousands
 * separators: spaces (also no-break) and, where a comma is the decimal sign, dots.
 */
export function parseScaled(c: Cell, decimals: number): number | null {
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return null;
    const scaled = Math.round(c * 10 ** decimals);
    return Math.abs(scaled - c * 10 ** decimals) < 1e-6 && Number.isSafeInteger(scaled) ? scaled : null;
  }
  if (c === null) return null;
  let s = c.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^(kr|nok)\.?/i, '').replace(/(kr|nok),?-?$/i, '').replace(/^\u2212/, '-');
  // "1.234,50": dots group thousands when a comma follows; "1,234.50": commas do when a dot follows.
  if (/^-?\d{1,3}(\.\d{3})+(,\d*)?$/.test(s)) s = s.replace(/\./g, '');
  else if (/^-?\d{1,3}(,\d{3})+\.\d*$/.test(s)) s = s.replace(/,/g, '');
  // A price written ",50" or "12,-".
  s = s.replace(/,-$/, '').replace(/^(-?)[.,]/, '$10.');
  return parseDecimal(s, decimals);
}

/** A whole number of days and the like. */
export function parseWhole(c: Cell): number | null {
  const v = parseScaled(c, 0);
  return v;
}

/** A date: "05.01.2025", "5.1.25", "2025-01-05", or a spreadsheet's date (read as ISO); null when none. */
export function parseDateCell(c: Cell): string | null {
  if (c === null) return null;
  if (typeof c === 'number') {
    // A spreadsheet serial day number (1900 date system, as Excel counts).
    if (!Number.isInteger(c) || c < 1 || c > 2_958_465) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + c * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  const s = c.trim().replace(/^(\d{4}-\d{2}-\d{2})T00:00:00(\.000)?Z?$/, '$1');
  return parseDate(s);
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', '1', 'x']);
const NO = new Set(['nei', 'n', 'no', 'false', 'usann', '0', '-']);

export function parseYesNo(c: Cell): boolean | null {
  const s = foldText(cellText(c).trim());
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/** A VAT code written as "25", "25 %", "25,00 %", "0,25", "mva 15" or "fritatt" (0). */
export function parseVatCode(c: Cell): '25' | '15' | '12' | '0' | null {
  const s = foldText(cellText(c)).replace(/(mva|vat|%|\s)/g, '');
  if (s === 'fritatt' || s === 'fri' || s === 'exempt' || s === 'ingen') return '0';
  const bp = parseScaled(s, 2);
  if (bp === null) return null;
  const pct = bp < 100 && bp > 0 ? bp : bp / 100; // 0,25 → 25
  const code = String(pct);
  return code === '25' || code === '15' || code === '12' || code === '0' ? code : null;
}

/** A party kind: "bedrift", "firma", "business", "company" / "privat", "person", "private". */
export function parsePartyKind(c: Cell): 'business' | 'private' | null {
  const s = foldText(cellText(c).trim());
  if (['bedrift', 'firma', 'foretak', 'business', 'company', 'b', 'as'].includes(s)) return 'business';
  if (['privat', 'person', 'privatperson', 'private', 'p'].includes(s)) return 'private';
  return null;
}

/** A header folded for matching: "Org.nr." → "orgnr", "E-post" → "epost", "Pris eks. mva" → "priseksmva". */
export const headerKey = (header: string): string => foldText(header).replace(/[^a-z0-9æøå]/g, '');

/** The headers each field is known by, Norwegian and English, folded by headerKey. */
const KNOWN_HEADERS: Readonly<Record<string, readonly string[]>> = {
  name: ['navn', 'name', 'kundenavn', 'leverandørnavn', 'firmanavn', 'varenavn', 'produktnavn', 'beskrivelse', 'varebeskrivelse', 'description', 'productname', 'customername', 'suppliername', 'companyname'],
  kind: ['type', 'kundetype', 'kind', 'customertype', 'privatbedrift'],
  orgNumber: ['orgnr', 'orgnummer', 'organisasjonsnummer', 'organisasjonsnr', 'foretaksnummer', 'orgno', 'organisationnumber', 'organizationnumber', 'companynumber', 'vatnumber'],
  email: ['epost', 'epostadresse', 'email', 'mail', 'emailaddress'],
  phone: ['telefon', 'tlf', 'telefonnummer', 'tlfnr', 'mobil', 'phone', 'telephone', 'phonenumber', 'mobile'],
  addressLine1: ['adresse', 'postadresse', 'gateadresse', 'address', 'addressline1', 'street', 'adresse1'],
  postalCode: ['postnr', 'postnummer', 'postalcode', 'zip', 'zipcode', 'postcode'],
  city: ['poststed', 'sted', 'by', 'city', 'town', 'place'],
  country: ['land', 'landkode', 'country', 'countrycode'],
  paymentTermsDays: ['betalingsbetingelser', 'betalingsfrist', 'betbet', 'forfallsdager', 'dager', 'paymentterms', 'paymenttermsdays', 'termsdays', 'terms'],
  creditLimitOre: ['kredittgrense', 'kreditgrense', 'creditlimit', 'credit'],
  contactName: ['kontaktperson', 'kontakt', 'kontaktnavn', 'contact', 'contactperson', 'contactname'],
  number: ['varenr', 'varenummer', 'artnr', 'artikkelnr', 'artikkelnummer', 'produktnr', 'produktnummer', 'sku', 'itemno', 'itemnumber', 'productnumber', 'productno', 'partnumber', 'number', 'nr'],
  unit: ['enhet', 'unit', 'uom', 'salgsenhet'],
  priceOre: ['pris', 'salgspris', 'utpris', 'priseksmva', 'price', 'salesprice', 'unitprice', 'listpris', 'listprice'],
  costOre: ['kostpris', 'innpris', 'innkjøpspris', 'kost', 'cost', 'costprice', 'purchaseprice'],
  vatCode: ['mva', 'mvasats', 'mvakode', 'mvaprosent', 'vat', 'vatrate', 'vatcode', 'tax'],
  stockManaged: ['lagerført', 'lagerstyrt', 'lagervare', 'stockmanaged', 'stocked', 'stockitem'],
  binLocation: ['lagerplass', 'hylle', 'plassering', 'lokasjon', 'bin', 'binlocation', 'location', 'shelf'],
  ean: ['ean', 'strekkode', 'ean13', 'gtin', 'barcode', 'eannr'],
  reorderPointQty: ['bestillingspunkt', 'minimumsbeholdning', 'minbeholdning', 'reorderpoint', 'reorderlevel', 'minstock'],
  openingQty: ['beholdning', 'lagerbeholdning', 'lager', 'antall', 'påLager', 'paalager', 'inngåendebeholdning', 'stock', 'onhand', 'qty', 'quantity', 'openingstock'].map(headerKey),
};

/** Each field's column guessed from the headers (a custom field by its label); a column goes to one field at most. */
export function guessMapping(kind: ImportKind, columns: readonly string[], custom: readonly { key: string; labelNb: string; labelEn: string | null }[]): Record<string, string | null> {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(headerKey(c))) byKey.set(headerKey(c), c);
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  const take = (field: string, names: readonly string[]) => {
    const hit = names.map((n) => byKey.get(headerKey(n))).find((c) => c !== undefined && !used.has(c));
    out[field] = hit ?? null;
    if (hit) used.add(hit);
  };
  for (const f of custom) take(`cf.${f.key}`, [f.labelNb, ...(f.labelEn ? [f.labelEn] : []), f.key]);
  for (const field of IMPORT_FIELDS[kind]) take(field, KNOWN_HEADERS[field] ?? []);
  return out;
}
