// Issue 13, import: customers, suppliers and products from CSV and .xlsx files,
// checked row by row with the create channels' own schemas and the domain's checks,
// errors named by the file's row and column, all rows or none committed.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../shared/channels/import';
import { orgNumberFrom, ean13From } from '../../src-main/engine/demo/checkDigits';
import { decodeText, detectDelimiter, parseCsv } from '../../src-main/engine/domain/importCsv';
import { parseDateCell, parseScaled } from '../../src-main/engine/domain/importValues';
import { auditViolations, COMPANY, ledgerSnapshot, makeEngine, queryFile, type TestEngine } from '../helpers/engine';

type Rows = readonly (readonly (string | number | null)[])[];

/** A CSV as Excel writes it with a Norwegian locale: `;`, fields quoted when they need it, CRLF. */
function csv(header: readonly string[], rows: Rows, delimiter = ';'): string {
  const q = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[";\n\r,\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(q).join(delimiter)).join('\r\n') + '\r\n';
}

const b64 = (data: string | Uint8Array): string => Buffer.from(data).toString('base64');
const utf8 = (text: string, bom = false): string => b64(Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]));
/** Windows-1252, as a Norwegian Excel saves "CSV (semikolonseparert)": æ ø å Æ Ø Å are single bytes. */
const cp1252 = (text: string): string => b64(Buffer.from(text, 'latin1'));

async function xlsx(header: readonly string[], rows: Rows): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ark1');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** `n` distinct valid organisation numbers. */
function orgNumbers(n: number, start: number): string[] {
  const out = new Set<string>();
  for (let body = start; out.size < n; body += 3) out.add(orgNumberFrom(body));
  return [...out];
}

const at = (errors: readonly ImportIssue[], row: number) => errors.filter((e) => e.row === row).map((e) => ({ column: e.column, code: e.code }));

let t: TestEngine;
beforeAll(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
});
afterAll(() => t.close());

describe('the CSV reader', () => {
  it('reads quotes, delimiters inside quotes, line breaks inside quotes and doubled quotes (RFC 4180)', () => {
    const text = 'Navn;Adresse\r\n"Berg; Sønn AS";"Storgata 1\r\nPostboks 5"\r\n"Rør ""Ekspress""";\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ['Navn', 'Adresse'],
      ['Berg; Sønn AS', 'Storgata 1\r\nPostboks 5'],
      ['Rør "Ekspress"', ''],
    ]);
  });

  it('detects ; , and tab from the header line, quotes ignored', () => {
    expect(detectDelimiter('Navn;Pris;"a,b"\n')).toBe(';');
    expect(detectDelimiter('Name,Price,"a;b;c"\n')).toBe(',');
    expect(detectDelimiter('Navn\tPris\tEnhet\n')).toBe('\t');
  });

  it('reads UTF-8 with and without BOM, UTF-16, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\ufeffÆrlig Østbø Åse', 'utf8'))).toEqual({ text: 'Ærlig Østbø Åse', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('Ærlig Østbø Åse', 'utf8'))).toEqual({ text: 'Ærlig Østbø Åse', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('Ærlig Østbø Åse', 'latin1'))).toEqual({ text: 'Ærlig Østbø Åse', encoding: 'windows-1252' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Blåbær', 'utf16le')]))).toEqual({ text: 'Blåbær', encoding: 'utf-16le' });
  });

  it('gives back any table it is given, whatever the fields hold (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ø', ' ', ';', ',', '"', '\n', '\r\n', '\t', '1') , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(';', ',', '\t'), (rows, d) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        const text = table.map((r) => r.map((s) => `"${s.replace(/"/g, '""')}"`).join(d)).join('\r\n');
        expect(parseCsv(text, d as ';')).toEqual(table);
      }),
    );
  });
});

describe('Norwegian and plain formats', () => {
  it('reads amounts with spaces, no-break spaces, thousands dots and decimal commas, and plain ones', () => {
    expect(parseScaled('1 234,50', 2)).toBe(123450);
    expect(parseScaled('1\u00a0234,50', 2)).toBe(123450);
    expect(parseScaled('1\u202f234,5', 2)).toBe(123450);
    expect(parseScaled('1.234,50', 2)).toBe(123450);
    expect(parseScaled('1234.50', 2)).toBe(123450);
    expect(parseScaled('1,234.50', 2)).toBe(123450);
    expect(parseScaled('kr 99,-', 2)).toBe(9900);
    expect(parseScaled(1234.5, 2)).toBe(123450);
    expect(parseScaled('12,345', 2)).toBeNull();
    expect(parseScaled('tolv', 2)).toBeNull();
  });

  it('reads dates as 05.01.2025, 5.1.25, 2025-01-05 and spreadsheet day numbers', () => {
    expect(parseDateCell('05.01.2025')).toBe('2025-01-05');
    expect(parseDateCell('5.1.25')).toBe('2025-01-05');
    expect(parseDateCell('2025-01-05')).toBe('2025-01-05');
    expect(parseDateCell(45662)).toBe('2025-01-05');
    expect(parseDateCell('31.02.2025')).toBeNull();
  });
});

describe('a 10,000-row product file', () => {
  const header = ['Varenr.', 'Varenavn', 'Enhet', 'Pris', 'Kostpris', 'MVA', 'EAN', 'Beholdning'];
  const N = 10_000;
  const good = (i: number): (string | number | null)[] => [
    `IMP-${String(i).padStart(5, '0')}`,
    `Importert vare ${i} – blåbær`,
    i % 3 === 0 ? 'kg' : 'stk',
    i % 2 === 0 ? `${1000 + i},50` : `1 ${String(i % 1000).padStart(3, '0')},00`,
    `${500 + (i % 400)},25`,
    i % 5 === 0 ? '15 %' : '25',
    ean13From(`70${String(1_000_000_000 + i).slice(0, 10)}`),
    i % 4 === 0 ? null : `${i % 50},5`,
  ];
  // Rows with errors: the file's row is the data index + 2 (the header is row 1).
  const broken = (i: number, r: (string | number | null)[]) => {
    const row = [...r];
    if (i === 10) row[3] = 'tolv kroner'; // row 12, Pris
    if (i === 500) row[0] = 'IMP-00499'; // row 502, Varenr.: also in row 501
    if (i === 2_000) row[6] = '7038010009458'; // row 2002, EAN: wrong check digit
    if (i === 7_777) row[5] = '33'; // row 7779, MVA
    if (i === 9_998) row[1] = ''; // row 10000, Varenavn missing
    return row;
  };
  let badFile = '';
  let goodFile = '';

  beforeAll(() => {
    badFile = utf8(csv(header, Array.from({ length: N }, (_, i) => broken(i, good(i)))));
    goodFile = utf8(csv(header, Array.from({ length: N }, (_, i) => good(i))), true);
  });

  it('names each error by the row and the column of the file, and commits nothing', async () => {
    const before = t.engine.fingerprint();
    const preview = await t.ok('import.preview', { kind: 'products', fileName: 'varer.csv', dataBase64: badFile });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', rowCount: N, mappingSource: 'guessed' });
    expect(preview.mapping).toMatchObject({ number: 'Varenr.', name: 'Varenavn', unit: 'Enhet', priceOre: 'Pris', costOre: 'Kostpris', vatCode: 'MVA', ean: 'EAN', openingQty: 'Beholdning' });
    expect(preview.rows[0]).toEqual({ row: 2, cells: good(0).map((c) => (c === null ? '' : String(c))) });
    expect(preview.errorCount).toBe(5);
    expect(at(preview.errors, 12)).toEqual([{ column: 'Pris', code: 'import_not_an_amount' }]);
    expect(at(preview.errors, 502)).toEqual([{ column: 'Varenr.', code: 'import_duplicate_in_file' }]);
    expect(preview.errors.find((e) => e.row === 502)!.message.nb).toBe('IMP-00499 står også i rad 501 i filen.');
    expect(at(preview.errors, 2002)).toEqual([{ column: 'EAN', code: 'invalid_ean' }]);
    expect(at(preview.errors, 7779)).toEqual([{ column: 'MVA', code: 'import_unknown_vat' }]);
    expect(at(preview.errors, 10_000)).toEqual([{ column: 'Varenavn', code: 'required' }]);
    expect(t.engine.fingerprint()).toEqual(before);

    const result = await t.ok('import.commit', { kind: 'products', fileName: 'varer.csv', dataBase64: badFile, mapping: preview.mapping });
    expect(result).toMatchObject({ imported: 0, errorCount: 5 });
    expect(result.errors.map((e) => e.row)).toEqual([12, 502, 2002, 7779, 10_000]);
    expect(t.engine.fingerprint()).toEqual(before);
  });

  it('the fixed file goes in whole: every product, its opening stock as a receipt at its cost, stock = movements = batches', async () => {
    const result = await t.ok('import.commit', {
      kind: 'products',
      fileName: 'varer.csv',
      dataBase64: goodFile,
      mapping: { number: 'Varenr.', name: 'Varenavn', unit: 'Enhet', priceOre: 'Pris', costOre: 'Kostpris', vatCode: 'MVA', ean: 'EAN', openingQty: 'Beholdning' },
    });
    expect(result).toMatchObject({ imported: N, errorCount: 0, errors: [] });
    const page = await t.ok('products.list', { search: 'IMP-00010', limit: 5 });
    const p = page.rows.find((r) => r.number === 'IMP-00010')!;
    expect(p).toMatchObject({ name: 'Importert vare 10 – blåbær', unit: 'stk', priceOre: 101050, costOre: 51025, vatCode: '15', qtyOnHand: 10_500 });
    const p3 = (await t.ok('products.list', { search: 'IMP-00003', limit: 5 })).rows.find((r) => r.number === 'IMP-00003')!;
    expect(p3).toMatchObject({ unit: 'kg', priceOre: 100300, qtyOnHand: 3_500 });
    const stock = await t.ok('stock.get', { productId: p.id });
    expect(stock.batches).toEqual([expect.objectContaining({ qtyInitial: 10_500, qtyRemaining: 10_500, costOre: 51025 })]);
    expect(stock.movements).toEqual([expect.objectContaining({ quantity: 10_500, cause: 'receipt', costOre: 51025 })]);
    const { stock: checks } = await ledgerSnapshot(t.file);
    expect(checks.length).toBeGreaterThanOrEqual(N);
    for (const c of checks) {
      expect(c.onHand).toBe(c.movementSum);
      expect(c.onHand).toBe(c.batchSum);
    }
    expect(await auditViolations(t.file)).toEqual([]);
    const logged = await queryFile<{ n: number }>(t.file, "SELECT count(*) AS n FROM activity_log WHERE entity = 'product' AND action = 'import'");
    expect(logged[0]!.n).toBe(N);
  });

  it('a second import of the same file is refused row by row: the numbers and EANs are taken', async () => {
    const before = t.engine.fingerprint();
    const r = await t.ok('import.commit', {
      kind: 'products',
      fileName: 'varer.csv',
      dataBase64: goodFile,
      mapping: { number: 'Varenr.', name: 'Varenavn', priceOre: 'Pris', ean: 'EAN' },
    });
    expect(r.imported).toBe(0);
    expect(r.errorCount).toBe(2 * N);
    expect(at(r.errors, 2)).toEqual([
      { column: 'Varenr.', code: 'duplicate_product_number' },
      { column: 'EAN', code: 'duplicate_ean' },
    ]);
    expect(t.engine.fingerprint()).toEqual(before);
  });
});

describe('a 5,000-row customer file (xlsx)', () => {
  const header = ['Navn', 'Org.nr.', 'Adresse', 'Postnr.', 'Poststed', 'E-post', 'Telefon', 'Kredittgrense', 'Kundetype'];
  const N = 5_000;
  const orgs = orgNumbers(N, 91_000_000);
  const good = (i: number): (string | number | null)[] =>
    i % 2 === 0
      ? [`Bedrift ${i} AS`, orgs[i]!, `Strandgaten ${i}`, i % 10 === 0 ? 150 : '5003', i % 10 === 0 ? 'Oslo' : 'Bergen', `post${i}@firma.no`, '55 12 34 56', '10 000,00', 'Bedrift']
      : [`Åse Ødegård ${i}`, null, `Fjellveien ${i}`, '3580', 'Geilo', null, '+47 412 34 567', null, 'Privat'];
  const broken = (i: number, r: (string | number | null)[]) => {
    const row = [...r];
    if (i === 10) row[1] = '923609017'; // row 12: MOD11 wrong
    if (i === 2_000) row[1] = orgs[1_998]!; // row 2002: also in row 2000
    if (i === 3_000) row[1] = COMPANY_CUSTOMER_ORG; // row 3002: already a customer
    if (i === 4_001) row[5] = 'ikke en adresse'; // row 4003: e-mail
    return row;
  };
  let badFile = '';
  let goodFile = '';
  const COMPANY_CUSTOMER_ORG = '974760673';
  let existingNumber = 0;

  beforeAll(async () => {
    existingNumber = (await t.ok('customers.create', { kind: 'business', name: 'Vestland Rør AS', orgNumber: COMPANY_CUSTOMER_ORG })).number;
    badFile = await xlsx(header, Array.from({ length: N }, (_, i) => broken(i, good(i))));
    goodFile = await xlsx(header, Array.from({ length: N }, (_, i) => good(i)));
  });

  it('names the errors (org. numbers by MOD11, duplicates in the file and in the register) and commits nothing', async () => {
    const before = t.engine.fingerprint();
    const preview = await t.ok('import.preview', { kind: 'customers', fileName: 'kunder.xlsx', dataBase64: badFile, previewRows: 3 });
    expect(preview).toMatchObject({ format: 'xlsx', sheet: 'Ark1', rowCount: N, errorCount: 4 });
    expect(preview.rows).toHaveLength(3);
    expect(preview.mapping).toMatchObject({ name: 'Navn', orgNumber: 'Org.nr.', addressLine1: 'Adresse', postalCode: 'Postnr.', city: 'Poststed', email: 'E-post', phone: 'Telefon', creditLimitOre: 'Kredittgrense', kind: 'Kundetype' });
    expect(at(preview.errors, 12)).toEqual([{ column: 'Org.nr.', code: 'invalid_org_number' }]);
    expect(preview.errors.find((e) => e.row === 12)!.message.nb).toMatch(/^Organisasjonsnummeret er ugyldig/);
    expect(at(preview.errors, 2002)).toEqual([{ column: 'Org.nr.', code: 'import_duplicate_in_file' }]);
    expect(at(preview.errors, 3002)).toEqual([{ column: 'Org.nr.', code: 'import_org_number_exists' }]);
    expect(preview.errors.find((e) => e.row === 3002)!.message.nb).toBe(`Organisasjonsnummeret ${COMPANY_CUSTOMER_ORG} er allerede registrert (nr. ${existingNumber}).`);
    expect(at(preview.errors, 4003)).toEqual([{ column: 'E-post', code: 'invalid_format' }]);
    const result = await t.ok('import.commit', { kind: 'customers', fileName: 'kunder.xlsx', dataBase64: badFile, mapping: preview.mapping });
    expect(result).toMatchObject({ imported: 0, errorCount: 4, firstNumber: null, lastNumber: null });
    expect(t.engine.fingerprint()).toEqual(before);
  });

  it('the fixed file goes in whole, numbered from the customer series, and the mapping is remembered', async () => {
    const mapping = { name: 'Navn', orgNumber: 'Org.nr.', addressLine1: 'Adresse', postalCode: 'Postnr.', city: 'Poststed', email: 'E-post', phone: 'Telefon', creditLimitOre: 'Kredittgrense', kind: 'Kundetype' };
    const result = await t.ok('import.commit', { kind: 'customers', fileName: 'kunder.xlsx', dataBase64: goodFile, mapping });
    expect(result).toMatchObject({ imported: N, errorCount: 0, firstNumber: existingNumber + 1, lastNumber: existingNumber + N });
    const next = await t.ok('customers.create', { kind: 'private', name: 'Etter importen' });
    expect(next.number).toBe(existingNumber + N + 1);
    const hit = (await t.ok('customers.list', { search: 'Bedrift 10 AS' })).rows.find((c) => c.name === 'Bedrift 10 AS')!;
    expect(hit).toMatchObject({ kind: 'business', orgNumber: orgs[10], postalCode: '0150', city: 'Oslo', creditLimitOre: 1_000_000, number: existingNumber + 11 });
    const priv = (await t.ok('customers.list', { search: 'åse ødegård 11' })).rows[0]!;
    expect(priv).toMatchObject({ kind: 'private', orgNumber: null, phone: '+47 412 34 567', paymentTermsDays: 14 });

    // The next file from the same system: mapped as this one was.
    const again = await t.ok('import.preview', { kind: 'customers', fileName: 'kunder2.xlsx', dataBase64: await xlsx(header, [good(1)]) });
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping).toMatchObject(mapping);
  });
});

describe('formats, encodings and the remembered mapping', () => {
  it('a Windows-1252 file with commas, decimal points and a header no guess knows, mapped by hand and remembered', async () => {
    const text = csv(['Leverandør', 'Orgnr', 'Sted', 'Betegnelse'], [['Ærø Østbø Åsen AS', '923 609 016', 'Ålesund', 'x']], ',');
    const preview = await t.ok('import.preview', { kind: 'suppliers', fileName: 'lev.csv', dataBase64: cp1252(text) });
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ',', columns: ['Leverandør', 'Orgnr', 'Sted', 'Betegnelse'] });
    // "Leverandør" alone is not a known header for a name: the clerk maps it.
    expect(preview.mapping.name).toBeNull();
    expect(preview.errors).toEqual([expect.objectContaining({ row: 1, code: 'import_field_unmapped' })]);
    const mapping = { ...preview.mapping, name: 'Leverandør' };
    const r = await t.ok('import.commit', { kind: 'suppliers', fileName: 'lev.csv', dataBase64: cp1252(text), mapping });
    expect(r).toMatchObject({ imported: 1, errorCount: 0 });
    const s = (await t.ok('suppliers.list', { search: 'ærø' })).rows[0]!;
    expect(s).toMatchObject({ name: 'Ærø Østbø Åsen AS', orgNumber: '923609016', city: 'Ålesund', kind: 'business' });
    const next = await t.ok('import.preview', { kind: 'suppliers', fileName: 'lev2.csv', dataBase64: utf8(text, true) });
    expect(next).toMatchObject({ mappingSource: 'remembered', encoding: 'utf-8' });
    expect(next.mapping.name).toBe('Leverandør');
  });

  it('a tab-separated file with plain numbers, and a custom date field filled from Norwegian and ISO dates', async () => {
    await t.ok('customFields.save', { entity: 'product', type: 'date', labelNb: 'Sist telt' });
    await t.ok('customFields.save', { entity: 'product', type: 'yesno', labelNb: 'Utgående' });
    const text = csv(
      ['Item no', 'Description', 'Price', 'Cost', 'VAT', 'Stocked', 'Sist telt', 'Utgående', 'Stock'],
      [
        ['TAB-1', 'Tab vare 1', '1234.50', '600', '0', 'no', '05.01.2025', 'ja', null],
        ['TAB-2', 'Tab vare 2', '99', '50.5', '12 %', 'yes', '2025-01-05', 'nei', '2.5'],
      ],
      '\t',
    );
    const preview = await t.ok('import.preview', { kind: 'products', fileName: 'items.txt', dataBase64: utf8(text) });
    expect(preview).toMatchObject({ delimiter: '\t', errorCount: 0 });
    expect(preview.mapping).toMatchObject({ number: 'Item no', name: 'Description', priceOre: 'Price', costOre: 'Cost', vatCode: 'VAT', stockManaged: 'Stocked', 'cf.sist_telt': 'Sist telt', 'cf.utgaaende': 'Utgående', openingQty: 'Stock' });
    expect(await t.ok('import.commit', { kind: 'products', fileName: 'items.txt', dataBase64: utf8(text), mapping: preview.mapping })).toMatchObject({ imported: 2 });
    const one = (await t.ok('products.list', { search: 'TAB-1' })).rows[0]!;
    const detail = await t.ok('products.get', { id: one.id });
    expect(detail).toMatchObject({ priceOre: 123450, costOre: 60000, vatCode: '0', stockManaged: false, customFields: { sist_telt: '2025-01-05', utgaaende: true } });
    const two = await t.ok('products.get', { id: (await t.ok('products.list', { search: 'TAB-2' })).rows[0]!.id });
    expect(two).toMatchObject({ costOre: 5050, vatCode: '12', customFields: { sist_telt: '2025-01-05', utgaaende: false } });
    expect((await t.ok('stock.get', { productId: two.id })).onHand).toBe(2_500);
  });

  it('a choice and a country are matched whatever the case of æ, ø and å: «ÅPEN» is the choice «Åpen», «NØREG»-style capitals too', async () => {
    const def = await t.ok('customFields.save', { entity: 'customer', type: 'choice', labelNb: 'Avtale', choices: [{ labelNb: 'Åpen' }, { labelNb: 'Lukket' }] });
    const open = def.choices.find((c) => c.labelNb === 'Åpen')!.key;
    const text = csv(['Navn', 'Land', 'Avtale'], [['Kari Åpen', 'NORGE', 'ÅPEN'], ['Ola Åpen', 'noreg', 'åpen']]);
    const r = await t.ok('import.commit', { kind: 'customers', fileName: 'avtale.csv', dataBase64: utf8(text), mapping: { name: 'Navn', country: 'Land', 'cf.avtale': 'Avtale' } });
    expect(r).toMatchObject({ imported: 2, errorCount: 0 });
    for (const name of ['Kari Åpen', 'Ola Åpen']) {
      const row = (await t.ok('customers.list', { search: name })).rows[0]!;
      expect(await t.ok('customers.get', { id: row.id })).toMatchObject({ country: 'NO', customFields: { avtale: open } });
    }
  });

  it('a required custom field left empty, a bad date and stock on a product without stock are named by row and column', async () => {
    await t.ok('customFields.save', { entity: 'product', type: 'text', labelNb: 'Produsent', required: true });
    const text = csv(
      ['Varenr', 'Navn', 'Pris', 'Kostpris', 'Lagerført', 'Sist telt', 'Produsent', 'Beholdning'],
      [
        ['REQ-1', 'Vare', '10', '5', 'ja', '31.02.2025', 'Bosch', null],
        ['REQ-2', 'Vare', '10', '5', 'ja', null, null, null],
        ['REQ-3', 'Vare', '10', '5', 'nei', null, 'Bosch', '4'],
      ],
    );
    const before = t.engine.fingerprint();
    const r = await t.ok('import.commit', { kind: 'products', fileName: 'krav.csv', dataBase64: utf8(text), mapping: { number: 'Varenr', name: 'Navn', priceOre: 'Pris', costOre: 'Kostpris', stockManaged: 'Lagerført', 'cf.sist_telt': 'Sist telt', 'cf.produsent': 'Produsent', openingQty: 'Beholdning' } });
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual([
      { row: 2, column: 'Sist telt', code: 'invalid_date' },
      { row: 3, column: 'Produsent', code: 'custom_field_required' },
      { row: 4, column: 'Beholdning', code: 'import_stock_not_managed' },
    ]);
    expect(t.engine.fingerprint()).toEqual(before);
    await t.ok('customFields.deactivate', { id: (await t.ok('customFields.list', { entity: 'product' })).find((f) => f.key === 'produsent')!.id, version: 1 });
  });

  it('refuses a mapping to a column the file lacks, a column used twice, an old .xls and an empty file', async () => {
    const file = utf8(csv(['Navn', 'Telefon'], [['Kari', '91234567']]));
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.csv', dataBase64: file, mapping: { name: 'Fornavn' } })).code).toBe('import_unknown_column');
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.csv', dataBase64: file, mapping: { name: 'Navn', city: 'Navn' } })).code).toBe('import_column_twice');
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.csv', dataBase64: file, mapping: { price: 'Navn' } })).code).toBe('import_unknown_field');
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.xls', dataBase64: b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4])) })).code).toBe('import_xls_not_supported');
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.csv', dataBase64: utf8('\r\n;;\r\n') })).code).toBe('import_file_empty');
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.csv', dataBase64: utf8('Navn;Poststed\r\n;\r\n') })).code).toBe('import_file_empty');
    expect((await t.refused('import.preview', { kind: 'customers', fileName: 'k.xlsx', dataBase64: b64(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])) })).code).toBe('import_file_unreadable');
  });
});

describe('all rows or none (property)', () => {
  // Its own small company file: the fingerprint after each file is read over the whole file.
  let t: TestEngine;
  beforeAll(async () => {
    t = await makeEngine();
    await t.ok('company.save', COMPANY);
    await t.ok('suppliers.create', { kind: 'business', name: 'Rørgrossisten AS', orgNumber: '974760673' });
  });
  afterAll(() => t.close());

  it('a file with any error writes nothing; a file without writes every row, numbered on from the series', { timeout: 120_000 }, async () => {
    let file = 0;
    const outcomes = { all: 0, none: 0 };
    // Mostly good values, now and then a wrong one: an empty name, a bad or repeated org. number, a bad postal code or term.
    const sometimes = <T>(good: readonly T[], bad: readonly T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: sometimes(['Kari Ås', 'Ørjan Bø', 'Åse Ødegård', 'Lars Li'], ['']),
            org: sometimes([''], ['923609016', '923609017', '974760673']),
            postal: sometimes(['5003', '0150', ''], ['12']),
            terms: sometimes(['', '14', '30'], ['tretti', '400']),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (rows) => {
          file++;
          const text = csv(['Navn', 'Org.nr.', 'Postnr.', 'Betalingsfrist'], rows.map((r) => [r.name, r.org, r.postal, r.terms]));
          const before = t.engine.fingerprint();
          const input = { kind: 'suppliers', fileName: `lev-${file}.csv`, dataBase64: utf8(text), mapping: { name: 'Navn', orgNumber: 'Org.nr.', postalCode: 'Postnr.', paymentTermsDays: 'Betalingsfrist' } };
          // A row with every cell empty is a blank line in the file, skipped as the reader skips blank lines.
          const filled = rows.filter((x) => [x.name, x.org, x.postal, x.terms].some((v) => v !== '')).length;
          if (filled === 0) {
            expect((await t.refused('import.commit', input)).code).toBe('import_file_empty');
            expect(t.engine.fingerprint()).toEqual(before);
            return;
          }
          const r = await t.ok('import.commit', input);
          if (r.errorCount > 0) {
            outcomes.none++;
            expect(r).toMatchObject({ imported: 0, firstNumber: null });
            expect(t.engine.fingerprint()).toEqual(before);
          } else {
            outcomes.all++;
            expect(r.imported).toBe(filled);
            expect(r.lastNumber! - r.firstNumber!).toBe(filled - 1);
            const next = await t.ok('suppliers.create', { kind: 'private', name: `Etter fil ${file}` });
            expect(next.number).toBe(r.lastNumber! + 1);
          }
        },
      ),
      { numRuns: 30 },
    );
    // Both outcomes were tried.
    expect(outcomes.all).toBeGreaterThan(0);
    expect(outcomes.none).toBeGreaterThan(0);
  });
});
