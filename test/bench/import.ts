// npx tsx test/bench/import.ts [--runs R] [--products N] [--customers M]
//
// Issue 13, Done-when 3: importing a product file of N rows (default 10,000, CSV,
// with opening stock and cost as receipts) and a customer file of M rows (default
// 5,000, .xlsx) through engine.call('import.commit') — reading the file, checking
// every row with the create channel's schema and the domain's checks, numbering,
// writing, the commit — against one bare SQLite transaction writing the same rows
// into scratch copies of the same tables (test/bench/bare.ts; the rows counted by
// test/bench/census.ts from the same call), in the same run. Each run imports new
// numbers and organisation numbers, into a company that has what the runs before
// it imported. Reported: the median of R runs (after one warm-up run), rows/s of
// the import and of the bare insert, and their ratio.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../../src-main/engine';
import { ean13From, orgNumberFrom } from '../../src-main/engine/demo/checkDigits';
import { readImportFile } from '../../src-main/engine/services/importRead';
import { BareWriter } from './bare';
import { Census, describeCensus } from './census';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const RUNS = Number(arg('runs') ?? 3);
const PRODUCTS = Number(arg('products') ?? 10_000);
const CUSTOMERS = Number(arg('customers') ?? 5_000);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function productFile(run: number): string {
  const rows = ['Varenr.;Varenavn;Enhet;Pris;Kostpris;MVA;EAN;Beholdning'];
  for (let i = 0; i < PRODUCTS; i++) {
    const n = run * PRODUCTS + i;
    rows.push(`B${run}-${i};Benkevare ${n} blåbær;stk;1 ${String(i % 1000).padStart(3, '0')},50;${400 + (i % 300)},25;${i % 5 ? '25' : '15 %'};${ean13From(`71${String(1_000_000_000 + n).slice(-10)}`)};${i % 4 ? `${i % 40},5` : ''}`);
  }
  return Buffer.from(rows.join('\r\n'), 'utf8').toString('base64');
}

let orgBody = 80_000_000;
async function customerFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kunder');
  ws.addRow(['Navn', 'Org.nr.', 'Adresse', 'Postnr.', 'Poststed', 'E-post', 'Telefon', 'Kredittgrense']);
  const seen = new Set<string>();
  for (let i = 0; i < CUSTOMERS; i++) {
    if (i % 2) {
      ws.addRow([`Åse Ødegård ${orgBody}-${i}`, null, `Fjellveien ${i}`, '3580', 'Geilo', null, '+47 412 34 567', null]);
      continue;
    }
    let org = orgNumberFrom(orgBody);
    while (seen.has(org)) org = orgNumberFrom(++orgBody);
    seen.add(org);
    orgBody += 3;
    ws.addRow([`Benkekunde ${i} AS`, org, `Strandgaten ${i}`, '5003', 'Bergen', `post${i}@firma.no`, '55 12 34 56', '10 000,00']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

interface Measured {
  readonly what: string;
  readonly rows: number;
  readonly engineMs: number;
  readonly bareMs: number;
  readonly census: string;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-import-bench-'));
  const file = join(dir, 'import.ordrebok');
  const engine = await openEngine({ file });
  try {
    const company = await engine.call('company.save', { name: 'Fjordlager AS', orgNumber: '923609016', vatRegistered: true, addressLine1: 'Havnegata 12', postalCode: '5003', city: 'Bergen', bankAccount: '15031234562' });
    if (!company.ok) throw new Error(`company.save: ${company.error.code}`);
    const cases = [
      {
        what: `import a CSV product file of ${PRODUCTS.toLocaleString('en')} rows (opening stock as receipts)`,
        rows: PRODUCTS,
        input: (run: number) => Promise.resolve({ kind: 'products' as const, fileName: `varer-${run}.csv`, dataBase64: productFile(run), mapping: { number: 'Varenr.', name: 'Varenavn', unit: 'Enhet', priceOre: 'Pris', costOre: 'Kostpris', vatCode: 'MVA', ean: 'EAN', openingQty: 'Beholdning' } }),
      },
      {
        what: `import an .xlsx customer file of ${CUSTOMERS.toLocaleString('en')} rows`,
        rows: CUSTOMERS,
        input: async (run: number) => ({ kind: 'customers' as const, fileName: `kunder-${run}.xlsx`, dataBase64: await customerFile(), mapping: { name: 'Navn', orgNumber: 'Org.nr.', addressLine1: 'Adresse', postalCode: 'Postnr.', city: 'Poststed', email: 'E-post', phone: 'Telefon', creditLimitOre: 'Kredittgrense' } }),
      },
    ];
    const results: Measured[] = [];
    for (const c of cases) {
      const samples: { engineMs: number; bareMs: number; census: string }[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const input = await c.input(run);
        // The rows the call writes, counted on a second connection in a transaction rolled back (not timed).
        const census = new Census(file);
        const bare = new BareWriter(file);
        try {
          const counted = census.count([{ channel: 'import.commit', input, prepared: await readImportFile(input.fileName, input.dataBase64) }]);
          bare.prepare(counted);
          const t = performance.now();
          const r = await engine.call('import.commit', input);
          const engineMs = performance.now() - t;
          if (!r.ok) throw new Error(`import.commit refused: ${r.error.code} ${r.error.message.en}`);
          if (r.value.imported !== c.rows) throw new Error(`bench: ${r.value.imported} imported, ${r.value.errorCount} errors (${r.value.errors[0]?.message.en ?? ''})`);
          const bareMs = bare.write(counted);
          if (run > 0) samples.push({ engineMs, bareMs, census: describeCensus(counted) });
          process.stdout.write('.');
        } finally {
          census.close();
          bare.close();
        }
      }
      const engineMs = median(samples.map((s) => s.engineMs));
      const bareMs = median(samples.map((s) => s.bareMs));
      results.push({ what: c.what, rows: c.rows, engineMs, bareMs, census: samples[samples.length - 1]!.census });
    }
    process.stdout.write('\n\nImport (issue 13): median of ' + RUNS + ' runs, each against a bare SQLite transaction writing the same rows\n');
    for (const m of results) {
      const rate = (ms: number) => Math.round((m.rows / ms) * 1000).toLocaleString('en');
      console.log(`  ${m.what}`);
      console.log(`    engine ${m.engineMs.toFixed(0)} ms = ${rate(m.engineMs)} rows/s · bare ${m.bareMs.toFixed(0)} ms = ${rate(m.bareMs)} rows/s · ratio ${(m.engineMs / m.bareMs).toFixed(1)}×`);
      console.log(`    rows written: ${m.census}`);
    }
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
