// PRAGMA quick_check of a large company file in a worker thread, on a read-only
// connection of its own, so that opening a file of several gigabytes does not
// wait for a read of the whole file (db/companyFile.ts decides when).
//
// The worker is evaluated from a string rather than loaded from a file: it then
// works the same from the TypeScript sources (tsx, vitest), from the esbuild
// bundle of the Electron main process (out/main/main.js, where no separate
// worker file exists) and in a packaged app. It requires better-sqlite3 by the
// absolute path resolved here in the parent, and takes the same nativeBinding
// (the Electron build of the module) as the engine's own connection.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { IntegrityResult } from './fileCheck';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
try {
  const Database = require(workerData.betterSqlite3);
  const options = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  db = new Database(workerData.file, options);
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('quick_check(20)');
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  parentPort.postMessage({ ok: problems.length === 0, detail: problems.length ? problems.join('\\n') : null });
} catch (err) {
  parentPort.postMessage({ ok: false, detail: String(err && err.message), code: err && typeof err.code === 'string' ? err.code : null });
} finally {
  if (db) db.close();
}
`;

/** What the worker answers: a result, or the SQLite error code that stopped the check. */
export interface WorkerAnswer extends IntegrityResult {
  readonly code?: string | null;
}

export interface IntegrityCheck {
  readonly result: Promise<WorkerAnswer>;
  /** Stops the check (the engine closes before it has answered). */
  stop(): void;
}

/** better-sqlite3's entry file, resolved from this module (or from the bundle that contains it). */
export function betterSqlite3Path(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

export function quickCheckInWorker(file: string, opts: { readonly nativeBinding?: string } = {}): IntegrityCheck {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, betterSqlite3: betterSqlite3Path(), nativeBinding: opts.nativeBinding ?? null },
  });
  // A check still running must not keep the process alive after the engine closed.
  worker.unref();
  let settled = false;
  const result = new Promise<WorkerAnswer>((resolve) => {
    const settle = (answer: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    worker.once('message', (answer: WorkerAnswer) => settle(answer));
    worker.once('error', (err) => settle({ ok: false, detail: err.message, code: 'WORKER_ERROR' }));
    worker.once('exit', (exitCode) => settle({ ok: false, detail: `integrity worker stopped (exit ${exitCode})`, code: 'WORKER_EXIT' }));
  });
  return {
    result,
    stop() {
      if (!settled) void worker.terminate();
    },
  };
}
