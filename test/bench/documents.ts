// Documents bench (issue 4, Done-when 4): a picking list for a 200-line order;
// 500 picking lists in one batch; the peak memory of that batch. Each through
// the real channel (engine.call: schema, write transaction, model, layout,
// barcodes, archive, activity log), as the median of its runs, beside a baseline
// measured in the same run: the same text content written to a PDF by the same
// library with the same embedded fonts, one text line per row, no layout, no
// barcodes, no archive (and, for reference, the bare SQLite read of the rows).
//
// Memory: before each batch the process's peak RSS mark is reset (Linux
// /proc/self/clear_refs, then VmHWM is read afterwards); the JS heap is
// collected before and measured after (heap used, and V8's heap total, which is
// at least the batch's peak live heap). Batches of 100 and 500 are compared: a
// batch that held its PDFs would grow with the batch; a streamed one does not.
//
// Last, the batch runs once more in a child process whose JS heap is capped at
// 64 MiB (--max-old-space-size): it finishes only if the batch streams.
//
//   npx tsx test/bench/documents.ts [--runs 11] [--batch-runs 3] [--batch 500] [--heap-cap 64]
// or import { benchDocuments, printDocumentsBench } from this file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import PDFDocument from 'pdfkit';
import type { ChannelName } from '../../shared/catalog';
import { formatQuantity } from '../../shared/format';
import { openEngine, type Engine } from '../../src-main/engine';
import { openDatabase, type Db } from '../../src-main/engine/db/connection';
import { documentFonts } from '../../src-main/engine/documents/assets';
import { gs1CheckDigit } from '../../src-main/engine/documents/barcodes';
import { compareBins } from '../../src-main/engine/documents/build';

export interface TimeRow {
  readonly operation: string;
  readonly engineMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly bareSqlMs: number;
  readonly pages: number;
  readonly bytes: number;
}

export interface MemoryRow {
  readonly operation: string;
  /** Peak RSS during the batch above the RSS just before it, MiB (median of runs). */
  readonly peakRssDeltaMiB: number;
  readonly baselinePeakRssDeltaMiB: number;
  readonly ratio: number;
  /** JS heap used right after the batch, above the collected heap before it, MiB. */
  readonly heapUsedDeltaMiB: number;
  /** V8's heap total after the batch (an upper bound on the batch's peak live heap), MiB. */
  readonly heapTotalMiB: number;
  /** The PDFs the batch made, together, MiB: what holding them all in memory would take. */
  readonly pdfsMiB: number;
  readonly peakMethod: 'VmHWM' | 'sampled';
}

/** The batch run again in a child process whose JS heap is capped: it can only finish if the batch's memory is bounded. */
export interface CappedRow {
  readonly operation: string;
  readonly heapCapMiB: number;
  readonly finished: boolean;
  readonly ms: number;
  /** The child's peak RSS during the batch above its RSS before it, MiB. */
  readonly peakRssDeltaMiB: number;
  /** The child's JS heap after the batch, once collected, above before it, MiB: what the batch left behind. */
  readonly heapRetainedMiB: number;
}

export interface DocumentsBenchReport {
  readonly facts: Record<string, string | number>;
  readonly times: readonly TimeRow[];
  readonly memory: readonly MemoryRow[];
  readonly capped: CappedRow | null;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const MiB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

async function call<K extends ChannelName>(engine: Engine, channel: K, input: unknown) {
  const r = await engine.call(channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
  return r.value;
}

// ---- Memory -------------------------------------------------------------------------

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssBytes(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface MemorySample {
  readonly peakRssDelta: number;
  readonly heapUsedDelta: number;
  readonly heapTotal: number;
  readonly method: 'VmHWM' | 'sampled';
}

async function measureMemory(run: () => Promise<void>): Promise<MemorySample> {
  gc();
  gc();
  const rssBefore = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  const hwm = resetPeakRss();
  await run();
  const heapUsed = process.memoryUsage().heapUsed;
  const heapTotal = getHeapStatistics().total_heap_size;
  const peak = hwm ? peakRssBytes() : null;
  const rssAfter = process.memoryUsage.rss();
  return {
    peakRssDelta: Math.max(0, (peak ?? rssAfter) - rssBefore),
    heapUsedDelta: heapUsed - heapBefore,
    heapTotal,
    method: peak !== null ? 'VmHWM' : 'sampled',
  };
}

// ---- Data -----------------------------------------------------------------------------

const ean13 = (body: string) => body + String(gs1CheckDigit(body));

export interface World {
  readonly engine: Engine;
  readonly bare: Db;
  readonly dir: string;
  readonly bigOrderId: number;
  readonly batchOrderIds: readonly number[];
}

/** A company with 240 products in bins (two in three with an EAN), one 200-line order and 500 orders of 4–12 lines, all in Pack. */
export async function buildWorld(batchSize: number): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-bench-docs-'));
  const file = join(dir, 'bench.ordrebok');
  const engine = await openEngine({ file, clock: () => new Date('2025-06-30T10:00:00') });
  await call(engine, 'company.save', {
    name: 'Fjordhandel Engros AS',
    orgNumber: '923609016',
    vatRegistered: true,
    addressLine1: 'Kokstadvegen 24',
    postalCode: '5257',
    city: 'Kokstad',
    bankAccount: '15031234562',
    phone: '+47 55 22 41 00',
    email: 'ordre@fjordhandel.example',
  });
  const pack = (await call(engine, 'statuses.list', {})).find((s) => s.kind === 'pack')!.id;
  const customer = await call(engine, 'customers.create', {
    kind: 'business',
    name: 'Bergen Bygg AS',
    orgNumber: '974760673',
    addressLine1: 'Sandbrogaten 5',
    postalCode: '5003',
    city: 'Bergen',
  });
  const products: number[] = [];
  for (let i = 0; i < 240; i++) {
    const p = await call(engine, 'products.create', {
      number: `P-${String(i + 1).padStart(4, '0')}`,
      name: `Vare ${i + 1}: skruer, beslag og verktøy i mange størrelser`.slice(0, 24 + (i % 30)),
      unit: i % 5 === 0 ? 'pk' : 'stk',
      priceOre: 1000 + i * 137,
      vatCode: i % 7 === 0 ? '15' : '25',
      stockManaged: true,
      binLocation: `${'ABCDEFGH'[i % 8]}-${(i * 7) % 60}`,
      ean: i % 3 === 2 ? null : ean13(`70380100${String(1000 + i).padStart(4, '0')}`),
    });
    await call(engine, 'stock.receive', { productId: p.id, quantity: 10_000_000, costOre: 500 });
    products.push(p.id);
  }
  const create = (lines: number, seed: number) =>
    call(engine, 'orders.create', {
      header: { customerId: customer.id, orderType: 1, statusId: pack, customerReference: `Ordre ${seed}` },
      lines: Array.from({ length: lines }, (_, j) => ({ productId: products[(seed * 31 + j * 17) % products.length]!, quantity: ((j % 9) + 1) * 1000 })),
    });
  const big = await create(200, 0);
  const batchOrderIds: number[] = [];
  for (let i = 0; i < batchSize; i++) batchOrderIds.push((await create(4 + (i % 9), i + 1)).id);
  return { engine, bare: openDatabase(file), dir, bigOrderId: big.id, batchOrderIds };
}

// ---- Baseline: the same text, no layout ---------------------------------------------------

interface PickRow {
  bin: string | null;
  number: string;
  description: string;
  ean: string | null;
  remaining: number;
  unit: string;
}

const PICK_ROWS_SQL = `SELECT p.bin_location AS bin, l.product_number AS number, l.description, p.ean,
  l.quantity - l.qty_delivered AS remaining, l.unit
  FROM order_line l JOIN product p ON p.id = l.product_id
  WHERE l.order_id = ? AND l.closed_short = 0 AND l.quantity > l.qty_delivered`;

function pickRows(db: Db, orderId: number): PickRow[] {
  const rows = db.prepare(PICK_ROWS_SQL).all(orderId) as PickRow[];
  return rows.sort((a, b) => compareBins(a.bin, b.bin));
}

/** The picking list's words as plain lines in a PDF, with the same library and fonts: the cost of writing the text at all. */
function plainPdf(db: Db, orderId: number): Buffer {
  const fonts = documentFonts();
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string, info: { CreationDate: new Date(0) } });
  doc.registerFont('regular', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('regular').fontSize(9);
  const order = db.prepare('SELECT number, customer_name AS name FROM order_header WHERE id = ?').get(orderId) as { number: number; name: string };
  doc.text(`Plukkliste ordre ${order.number} ${order.name}`);
  for (const r of pickRows(db, orderId)) {
    doc.text(`${r.bin ?? ''}  ${r.number}  ${r.description}  ${r.ean ?? ''}  ${formatQuantity(r.remaining)} ${r.unit}`);
  }
  doc.end();
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Uint8Array | null; c !== null; c = doc.read() as Uint8Array | null) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

// ---- The bench ------------------------------------------------------------------------------

export interface BenchOptions {
  readonly runs?: number;
  readonly batchRuns?: number;
  readonly batchSize?: number;
  /** JS heap cap of the child process that runs the batch once more; 0 skips it. */
  readonly heapCapMiB?: number;
  readonly log?: (line: string) => void;
}

const CHILD_FLAG = '--capped-batch-child';

/** In the child: build the world, run the batch once, print what it took as JSON. */
async function cappedChild(batchSize: number): Promise<void> {
  const w = await buildWorld(batchSize);
  try {
    gc();
    gc();
    const rss = process.memoryUsage.rss();
    const heap = process.memoryUsage().heapUsed;
    const hwm = resetPeakRss();
    const t = performance.now();
    await call(w.engine, 'documents.renderPickingLists', { orderIds: w.batchOrderIds });
    const ms = performance.now() - t;
    const peak = (hwm ? peakRssBytes() : null) ?? process.memoryUsage.rss();
    gc();
    gc();
    console.log(JSON.stringify({ ms, peakRssDelta: Math.max(0, peak - rss), heapRetained: process.memoryUsage().heapUsed - heap }));
  } finally {
    w.engine.close();
    w.bare.close();
    rmSync(w.dir, { recursive: true, force: true });
  }
}

function runCapped(batchSize: number, heapCapMiB: number): CappedRow {
  const here = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapCapMiB}`, '--import', 'tsx', here, CHILD_FLAG, '--batch', String(batchSize)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  const r = line ? (JSON.parse(line) as { ms: number; peakRssDelta: number; heapRetained: number }) : null;
  return {
    operation: `batch of ${batchSize}, JS heap capped at ${heapCapMiB} MiB`,
    heapCapMiB,
    finished: child.status === 0 && r !== null,
    ms: r?.ms ?? Number.NaN,
    peakRssDeltaMiB: r ? MiB(r.peakRssDelta) : Number.NaN,
    heapRetainedMiB: r ? MiB(r.heapRetained) : Number.NaN,
  };
}

export async function benchDocuments(opts: BenchOptions = {}): Promise<DocumentsBenchReport> {
  const runs = opts.runs ?? 11;
  const batchRuns = opts.batchRuns ?? 3;
  const batchSize = opts.batchSize ?? 500;
  const cap = opts.heapCapMiB ?? 64;
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const w = await buildWorld(batchSize);
  log(`built ${batchSize + 1} orders in ${Math.round(performance.now() - started)} ms`);
  const { engine, bare } = w;
  // Each run must render anew, not reprint: a reference that changes makes the content new.
  let round = 0;
  const touch = (ids: readonly number[]) => {
    round++;
    const stmt = bare.prepare('UPDATE order_header SET customer_reference = ? WHERE id = ?');
    bare.transaction(() => ids.forEach((id) => stmt.run(`Runde ${round}`, id)))();
  };

  try {
    // -- One picking list for a 200-line order.
    const single = { e: [] as number[], b: [] as number[], s: [] as number[], pages: 0, bytes: 0 };
    touch([w.bigOrderId]);
    await call(engine, 'documents.render', { kind: 'picking_list', orderId: w.bigOrderId }); // warm: fonts parsed, statements prepared
    plainPdf(bare, w.bigOrderId);
    for (let i = 0; i < runs; i++) {
      touch([w.bigOrderId]);
      let t = performance.now();
      const r = await call(engine, 'documents.render', { kind: 'picking_list', orderId: w.bigOrderId });
      single.e.push(performance.now() - t);
      if (r.reprint) throw new Error('expected a new rendering, got a reprint');
      single.pages = r.document.pageCount;
      single.bytes = r.document.byteSize;
      t = performance.now();
      plainPdf(bare, w.bigOrderId);
      single.b.push(performance.now() - t);
      t = performance.now();
      pickRows(bare, w.bigOrderId);
      single.s.push(performance.now() - t);
    }
    log('single done');

    // -- The batch, and its memory, beside the baseline batch.
    const batch = { e: [] as number[], b: [] as number[], s: [] as number[], bytes: 0, pages: 0 };
    const memory: { size: number; engine: MemorySample[]; base: MemorySample[]; pdfBytes: number }[] = [];
    for (const size of [Math.min(100, batchSize), batchSize]) {
      const ids = w.batchOrderIds.slice(0, size);
      const m = { size, engine: [] as MemorySample[], base: [] as MemorySample[], pdfBytes: 0 };
      for (let i = 0; i < batchRuns; i++) {
        touch(ids);
        let elapsed = 0;
        let docIds: readonly number[] = [];
        m.engine.push(
          await measureMemory(async () => {
            const t = performance.now();
            const r = await call(engine, 'documents.renderPickingLists', { orderIds: ids });
            elapsed = performance.now() - t;
            docIds = r.documents.map((d) => d.documentId);
            if (r.documents.some((d) => d.reprint)) throw new Error('expected new renderings');
          }),
        );
        const sums = bare
          .prepare('SELECT sum(byte_size) AS bytes, sum(page_count) AS pages FROM document WHERE id IN (SELECT value FROM json_each(?))')
          .get(JSON.stringify(docIds)) as { bytes: number; pages: number };
        m.pdfBytes = sums.bytes;
        let baseElapsed = 0;
        m.base.push(
          await measureMemory(async () => {
            const t = performance.now();
            for (const id of ids) plainPdf(bare, id);
            baseElapsed = performance.now() - t;
          }),
        );
        if (size === batchSize) {
          batch.e.push(elapsed);
          batch.b.push(baseElapsed);
          batch.bytes = sums.bytes;
          batch.pages = sums.pages;
          const t = performance.now();
          for (const id of ids) pickRows(bare, id);
          batch.s.push(performance.now() - t);
        }
        log(`batch of ${size}, run ${i + 1}: ${Math.round(elapsed)} ms`);
      }
      memory.push(m);
    }

    const times: TimeRow[] = [
      {
        operation: 'picking list, one 200-line order',
        engineMs: median(single.e),
        baselineMs: median(single.b),
        ratio: median(single.e) / median(single.b),
        bareSqlMs: median(single.s),
        pages: single.pages,
        bytes: single.bytes,
      },
      {
        operation: `${batchSize} picking lists in one batch`,
        engineMs: median(batch.e),
        baselineMs: median(batch.b),
        ratio: median(batch.e) / median(batch.b),
        bareSqlMs: median(batch.s),
        pages: batch.pages,
        bytes: batch.bytes,
      },
    ];
    const memoryRows: MemoryRow[] = memory.map((m) => {
      const peak = median(m.engine.map((s) => s.peakRssDelta));
      const basePeak = median(m.base.map((s) => s.peakRssDelta));
      return {
        operation: `batch of ${m.size} picking lists`,
        peakRssDeltaMiB: MiB(peak),
        baselinePeakRssDeltaMiB: MiB(basePeak),
        ratio: basePeak > 0 ? Math.round((peak / basePeak) * 100) / 100 : Number.NaN,
        heapUsedDeltaMiB: MiB(median(m.engine.map((s) => s.heapUsedDelta))),
        heapTotalMiB: MiB(median(m.engine.map((s) => s.heapTotal))),
        pdfsMiB: MiB(m.pdfBytes),
        peakMethod: m.engine[0]?.method ?? 'sampled',
      };
    });
    return {
      facts: {
        node: process.version,
        runs,
        batchRuns,
        baseline: 'same text content, same pdfkit and embedded fonts, one text() per row, no layout/barcodes/archive',
      },
      times,
      memory: memoryRows,
      capped: cap > 0 ? runCapped(batchSize, cap) : null,
    };
  } finally {
    engine.close();
    bare.close();
    rmSync(w.dir, { recursive: true, force: true });
  }
}

export function printDocumentsBench(r: DocumentsBenchReport, out: (line: string) => void = console.log): void {
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
  out('');
  out('Documents (medians)');
  out(`${'operation'.padEnd(36)}  ${'engine ms'.padStart(10)}  ${'baseline ms'.padStart(11)}  ${'ratio'.padStart(6)}  ${'bare SQL ms'.padStart(11)}  pages  KiB`);
  for (const t of r.times) {
    out(
      `${t.operation.padEnd(36)}  ${fmt(t.engineMs).padStart(10)}  ${fmt(t.baselineMs).padStart(11)}  ${t.ratio.toFixed(2).padStart(6)}  ${fmt(t.bareSqlMs).padStart(11)}  ${String(t.pages).padStart(5)}  ${Math.round(t.bytes / 1024)}`,
    );
  }
  out('');
  out(`${'memory'.padEnd(36)}  ${'peak RSS +MiB'.padStart(13)}  ${'baseline +MiB'.padStart(13)}  ${'ratio'.padStart(6)}  ${'heap +MiB'.padStart(9)}  ${'heap total MiB'.padStart(14)}  ${'all PDFs MiB'.padStart(12)}`);
  for (const m of r.memory) {
    out(
      `${m.operation.padEnd(36)}  ${String(m.peakRssDeltaMiB).padStart(13)}  ${String(m.baselinePeakRssDeltaMiB).padStart(13)}  ${(Number.isNaN(m.ratio) ? '–' : m.ratio.toFixed(2)).padStart(6)}  ${String(m.heapUsedDeltaMiB).padStart(9)}  ${String(m.heapTotalMiB).padStart(14)}  ${String(m.pdfsMiB).padStart(12)}  (${m.peakMethod})`,
    );
  }
  if (r.capped) {
    const c = r.capped;
    out(
      `${c.operation}: ${c.finished ? 'finished' : 'DID NOT FINISH'} in ${fmt(c.ms)} ms, peak RSS +${c.peakRssDeltaMiB} MiB, JS heap left behind ${c.heapRetainedMiB} MiB`,
    );
  }
  out(`baseline: ${String(r.facts.baseline)}`);
}

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : Number(process.argv[i + 1]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href && process.argv.includes(CHILD_FLAG)) {
  cappedChild(option('batch') ?? 500).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  benchDocuments({
    runs: option('runs'),
    batchRuns: option('batch-runs'),
    batchSize: option('batch'),
    heapCapMiB: option('heap-cap'),
    log: (l) => console.log(l),
  })
    .then((r) => printDocumentsBench(r))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
