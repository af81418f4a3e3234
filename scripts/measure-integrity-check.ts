// npx tsx scripts/measure-integrity-check.ts FILE [--runs N]
//
// What checking a company file at open costs (issue 9, point 24), on a real file:
//   - its size, and whether openEngine checks it before opening (at most
//     INTEGRITY_CHECK_SYNC_MAX_BYTES) or in a worker after opening;
//   - the cheap checks every open runs (header magic, user_version, reading the
//     schema, on a read-only connection: db/fileCheck.ts without quick_check);
//   - PRAGMA quick_check on a read-only connection, which reads the whole file;
//   - the same in the worker thread openEngine uses for a large file.
// Each is the median of N runs (3 by default); the single runs are printed too,
// since the first one may read from the disk and the later ones from the OS cache.
//
// Read-only: the file is never written to (the empty -wal and -shm a read-only
// connection makes are removed again, as at open); its size and modification
// time are compared before and after.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '../shared/errors';
import { INTEGRITY_CHECK_SYNC_MAX_BYTES } from '../src-main/engine/db/companyFile';
import { openDatabase } from '../src-main/engine/db/connection';
import { checkDatabaseFile, quickCheck, removeSideFilesMadeSince, sideFilesPresent, type IntegrityResult } from '../src-main/engine/db/fileCheck';
import { quickCheckInWorker } from '../src-main/engine/db/integrityWorker';
import { latestVersion } from '../src-main/engine/db/migrate';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fileArg = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs');
if (!fileArg) {
  console.error('Bruk / usage: npx tsx scripts/measure-integrity-check.ts FILE [--runs N]');
  process.exit(2);
}
const file = resolve(fileArg);
const RUNS = Number(option('runs') ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive whole number');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(0) : x.toLocaleString('en', { maximumFractionDigits: 0 }));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

function report(label: string, times: readonly number[], extra = ''): void {
  console.log(`${label.padEnd(38)} median ${ms(median(times)).padStart(8)} ms   runs: ${times.map(ms).join(', ')} ms${extra}`);
}

const before = statSync(file);
const latest = latestVersion();
console.log(`File:    ${file}`);
console.log(`Size:    ${before.size.toLocaleString('en')} bytes (${mb(before.size)})`);
console.log(
  `Opening: ${
    before.size <= INTEGRITY_CHECK_SYNC_MAX_BYTES
      ? `at most ${mb(INTEGRITY_CHECK_SYNC_MAX_BYTES)}: openEngine runs quick_check before opening`
      : `above ${mb(INTEGRITY_CHECK_SYNC_MAX_BYTES)}: openEngine opens at once and runs quick_check in a worker (writes wait for it)`
  }`,
);

// 1. The cheap checks of every open.
const cheap: number[] = [];
let userVersion = 0;
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  try {
    const check = checkDatabaseFile(file, { latestVersion: latest, quickCheckMaxBytes: 0, quickCheck: false });
    if (check.kind === 'existing') userVersion = check.userVersion;
  } catch (err) {
    if (err instanceof DomainError) {
      console.log(`Refused: ${err.data.code}: ${err.data.message.en}`);
      process.exit(1);
    }
    throw err;
  }
  cheap.push(performance.now() - t);
}
console.log(`Schema:  ${userVersion} (this program: ${latest}${userVersion < latest ? '; opening would migrate it, and so check it before' : ''})`);
report('Cheap open checks', cheap);

// 2. quick_check on a read-only connection, as openEngine runs it for a small file.
const sync: number[] = [];
let result: IntegrityResult = { ok: true, detail: null };
for (let i = 0; i < RUNS; i++) {
  const sideFiles = sideFilesPresent(file);
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const t = performance.now();
    result = quickCheck(db);
    sync.push(performance.now() - t);
  } finally {
    db.close();
    removeSideFilesMadeSince(file, sideFiles);
  }
}
const verdict = result.ok ? 'ok' : `DAMAGED: ${result.detail?.split('\n')[0] ?? ''}`;
report('quick_check (main thread)', sync, `   → ${verdict}`);

// 3. The same in the worker thread openEngine uses for a large file (its own read-only connection).
const worker: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const sideFiles = sideFilesPresent(file);
  const t = performance.now();
  const answer = await quickCheckInWorker(file).result;
  worker.push(performance.now() - t);
  removeSideFilesMadeSince(file, sideFiles);
  if (answer.code) console.log(`  worker: ${answer.code} ${answer.detail ?? ''}`);
}
report('quick_check (worker, to its answer)', worker);

const after = statSync(file);
if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
  console.error('The file changed while it was measured (size or modification time)!');
  process.exit(1);
}
console.log('The file was not changed (same size and modification time).');
