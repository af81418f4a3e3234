// Reading the PDFs back the way a person and a scanner would: pdftotext for the
// words, pdftoppm at 200 dpi and zbarimg for the barcodes (poppler-utils and
// zbar-tools from Debian). A world with demo-like data made through the real
// channels: a VAT-registered company, a business customer with an address,
// products in bins with EANs at 25 %, 15 % and 0 % VAT, and stock.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedDocument, RenderInput } from '../../shared/channels/documents';
import { formatAmount } from '../../shared/format';
import { gs1CheckDigit } from '../../src-main/engine/documents/barcodes';
import { salesWorld, type SalesWorld } from '../helpers/sales';

/** Where the tests leave the PDFs and page images they made, for a person to look at. */
export const OUT_DIR = join(process.cwd(), 'test-results', 'documents');

function run(cmd: string, args: readonly string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function withTemp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-pdf-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext -layout gives it, with no-break spaces as spaces and runs of blanks as one. */
export function pdfText(pdf: Buffer): string {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    return run('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'doc.pdf'), '-'])
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+/g, ' ');
  });
}

export function pdfPages(pdf: Buffer): number {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const m = /Pages:\s+(\d+)/.exec(run('pdfinfo', [join(dir, 'doc.pdf')]));
    return Number(m?.[1] ?? 0);
  });
}

/** Renders one page at 200 dpi and decodes every barcode on it: ["CODE-128:10001", "EAN-13:…"]. */
export function barcodesOnPage(pdf: Buffer, page = 1): string[] {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    run('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const r = spawnSync('zbarimg', ['-q', join(dir, 'page.png')], { encoding: 'utf8' });
    // zbarimg exits 4 when it finds no barcode.
    if (r.status !== 0 && r.status !== 4) throw new Error(`zbarimg failed: ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l.length > 0).sort();
  });
}

/** Keeps a PDF and a 100 dpi image of its first page under test-results/documents. */
export function keep(name: string, pdf: Buffer): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `${name}.pdf`);
  writeFileSync(file, pdf);
  spawnSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(OUT_DIR, name)]);
}

export const amt = (ore: number): string => formatAmount(ore, { separator: ' ' });

export function ean13(body12: string): string {
  return body12 + String(gs1CheckDigit(body12));
}

export interface DocumentsWorld extends SalesWorld {
  readonly hammer: number;
  readonly screws: number;
  readonly coffee: number;
  readonly book: number;
  readonly eans: Readonly<Record<'hammer' | 'screws' | 'coffee' | 'book', string>>;
  render(input: RenderInput): Promise<RenderedDocument & { pdf: Buffer }>;
}

export async function documentsWorld(opts: { company?: Record<string, unknown> } = {}): Promise<DocumentsWorld> {
  const w = await salesWorld(opts);
  const { t } = w;
  await t.ok('customers.update', {
    id: w.customer,
    kind: 'business',
    name: 'Bergen Bygg AS',
    orgNumber: '974760673',
    addressLine1: 'Sandbrogaten 5',
    postalCode: '5003',
    city: 'Bergen',
    paymentTermsDays: 14,
    contacts: [{ name: 'Per Hansen', phone: '91234567' }],
  });
  const eans = { hammer: ean13('703801000123'), screws: ean13('703801000456'), coffee: ean13('703801000789'), book: ean13('978820000001') };
  const product = async (p: Record<string, unknown>, stock: number, costOre: number) => {
    const { id } = await t.ok('products.create', { unit: 'stk', stockManaged: true, ...p });
    await t.ok('stock.receive', { productId: id, quantity: stock, costOre });
    return id;
  };
  const hammer = await product({ number: 'HAM-450', name: 'Snekkerhammer 450 g', priceOre: 34900, vatCode: '25', binLocation: 'A-2', ean: eans.hammer }, 50_000, 15000);
  const screws = await product({ number: 'SKR-4x40', name: 'Treskruer 4×40 mm, 200 stk', unit: 'pk', priceOre: 12950, vatCode: '25', binLocation: 'A-10', ean: eans.screws }, 200_000, 6000);
  const coffee = await product({ number: 'KAF-500', name: 'Kaffe filtermalt 500 g', priceOre: 8990, vatCode: '15', binLocation: 'C-01', ean: eans.coffee }, 100_000, 4000);
  const book = await product({ number: 'BOK-17', name: 'Håndbok for snekkere', priceOre: 44900, vatCode: '0', binLocation: 'B-1', ean: eans.book }, 20_000, 20000);
  return {
    ...w,
    hammer,
    screws,
    coffee,
    book,
    eans,
    async render(input) {
      const r = await t.ok('documents.render', input);
      return { ...r, pdf: Buffer.from(r.pdfBase64, 'base64') };
    },
  };
}

export function readAsset(path: string): Buffer {
  return readFileSync(join(process.cwd(), path));
}
