// Issue 11, Done-when 6: importing a Nets OCR file of 10,000 payments on the big
// database, through engine.call (schema validation, an IMMEDIATE transaction,
// parsing, matching each payment by KID, registering the payments and moving the
// paid orders on, the commit), against one bare SQLite transaction writing the
// same number of rows (test/bench/census.ts, test/bench/bare.ts), as the write
// bench measures its other operations. Each run is a new file (its own
// transmission, assignments and archive references) paying invoices no earlier
// run paid: nine in ten exactly (matched and paid), one in ten with a wrong
// amount (left for a clerk), as a day's file of a busy company might look.
import type { Engine } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { ocrFile, type OcrPayment } from '../helpers/bankFiles';
import { BareWriter } from './bare';
import { Census, describeCensus } from './census';
import type { WriteMeasured } from './writes';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Open invoices with a KID that nothing has paid or credited yet, newest first. */
function openInvoices(file: string, limit: number): { kid: string; payableOre: number }[] {
  const db = openDatabase(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT i.kid, i.total_gross_ore + i.rounding_ore AS payableOre FROM invoice i
         WHERE i.kind = 'invoice' AND i.voided = 0 AND i.kid IS NOT NULL AND i.total_gross_ore + i.rounding_ore > 100
           AND NOT EXISTS (SELECT 1 FROM payment_allocation a WHERE a.invoice_id = i.id)
           AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)
         ORDER BY i.id DESC LIMIT ?`,
      )
      .all(limit) as { kid: string; payableOre: number }[];
  } finally {
    db.close();
  }
}

export async function benchBankImport(engine: Engine, file: string, opts: { runs: number; transactions: number; onProgress?: (what: string) => void }): Promise<WriteMeasured> {
  // One warm-up run first (statements and caches on both sides), not counted.
  const rounds = opts.runs + 1;
  const invoices = openInvoices(file, rounds * opts.transactions);
  const perRun = Math.floor(invoices.length / rounds);
  if (perRun < 100) throw new Error(`bench: only ${invoices.length} open invoices to pay`);
  const census = new Census(file);
  const bare = new BareWriter(file);
  const samples: { engineMs: number; bareMs: number; rows: number; byTable: WriteMeasured['census'] }[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const mine = invoices.slice(r * perRun, (r + 1) * perRun);
      const payments: OcrPayment[] = mine.map((inv, i) => ({ kid: inv.kid, amountOre: i % 10 === 9 ? inv.payableOre - 100 : inv.payableOre, date: '2025-06-30' }));
      // Assignments of 1,000 payments, as Nets splits a day's file by agreement and batch.
      const oppdrag = Array.from({ length: Math.ceil(payments.length / 1000) }, (_, k) => ({ number: (r + 1) * 1000 + k, payments: payments.slice(k * 1000, (k + 1) * 1000) }));
      const input = { fileName: `OCR.BENK${r}.txt`, content: ocrFile(oppdrag, { transmission: 9_000 + r }) };
      const c = census.count([{ channel: 'bank.import', input }]);
      bare.prepare(c);
      const t = performance.now();
      const result = await engine.call('bank.import', input);
      const engineMs = performance.now() - t;
      if (!result.ok) throw new Error(`bank.import refused: ${result.error.code} ${result.error.message.en}`);
      const expected = payments.filter((_, i) => i % 10 !== 9).length;
      if (result.value.matchedCount !== expected) throw new Error(`bench: ${result.value.matchedCount} matched, expected ${expected}`);
      const bareMs = bare.write(c);
      if (r > 0) samples.push({ engineMs, bareMs, rows: c.total, byTable: c.byTable });
      opts.onProgress?.('B');
    }
  } finally {
    census.close();
    bare.close();
  }
  const engineMs = median(samples.map((s) => s.engineMs));
  const bareMs = median(samples.map((s) => s.bareMs));
  const rows = median(samples.map((s) => s.rows));
  const last = samples[samples.length - 1]!;
  return {
    operation: `import an OCR file of ${perRun.toLocaleString('en')} payments`,
    engineMs,
    bareMs,
    ratio: engineMs / bareMs,
    rows,
    note: `bank.import (9 in 10 matched by KID); rows: ${describeCensus({ byTable: last.byTable, total: rows })}`,
    runs: samples.length,
    census: last.byTable,
  };
}
