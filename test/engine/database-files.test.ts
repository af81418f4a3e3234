// Issue 9, point 24: the company file itself. A file Ordrebok must refuse (from
// a newer version, damaged, empty, not an SQLite database, another program's
// database) is refused at open with a clear message and left byte for byte as
// it was; SQLite's own failures during a call (a full disk, a read-only or
// locked file) come back as typed refusals in Norwegian and English. Real files
// in a temporary folder throughout.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import { openEngine, openEngineOrRefusal, type Engine, type EngineOptions } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { latestVersion } from '../../src-main/engine/db/migrate';
import { generateCustomers } from '../../src-main/engine/demo/generator';
import { COMPANY, FIXED_NOW } from '../helpers/engine';

const LATEST = latestVersion();
const dirs: string[] = [];
const engines: Engine[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ordrebok-files-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

async function open(opts: EngineOptions): Promise<Engine> {
  const engine = await openEngine({
    clock: () => FIXED_NOW,
    onInternalError: (channel, error) => {
      throw new Error(`internal error in ${channel}: ${String(error)}`);
    },
    ...opts,
  });
  engines.push(engine);
  return engine;
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
/** The folder's file names: a refused file leaves no -wal, -shm or -journal behind. */
const listing = (dir: string): string[] => readdirSync(dir).sort();

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: { en: string } } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message.en}`);
  return r.value;
}

/** A real company file made by the engine: the company and 300 customers (the party table spans several pages). */
async function realCompanyFile(dir: string): Promise<string> {
  const file = join(dir, 'firma.ordrebok');
  const engine = await openEngine({ file, clock: () => FIXED_NOW });
  await ok(engine.call('company.save', COMPANY));
  engine.close();
  const db = openDatabase(file);
  generateCustomers(db, { customers: 300, seed: 7, now: '2025-01-05T10:00:00.000Z' });
  db.close();
  return file;
}

/** What a plain read-only connection sees when opening: the version and the schema (the check of old). */
function cheapOpenReads(file: string): { userVersion: number; tables: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      tables: (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

function quickCheckOk(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Damages one leaf page of the party table in its middle (32 bytes of 0xff over
 * the cell contents): a page that opening the file never reads (the version and
 * the schema still read fine) but that quick_check reports. Returns the page.
 */
function corruptTablePage(file: string): number {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'party' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map(
    (p) => p.pageno,
  );
  db.close();
  const trial = `${file}.trial`;
  for (const page of pages) {
    copyFileSync(file, trial);
    const fd = openSync(trial, 'r+');
    writeSync(fd, Buffer.alloc(32, 0xff), 0, 32, (page - 1) * pageSize + pageSize / 2);
    closeSync(fd);
    const unnoticedAtOpen = cheapOpenReads(trial).userVersion === LATEST;
    const reported = !quickCheckOk(trial);
    rmSync(trial);
    for (const suffix of ['-wal', '-shm']) rmSync(`${trial}${suffix}`, { force: true });
    if (unnoticedAtOpen && reported) {
      const fd2 = openSync(file, 'r+');
      writeSync(fd2, Buffer.alloc(32, 0xff), 0, 32, (page - 1) * pageSize + pageSize / 2);
      closeSync(fd2);
      return page;
    }
  }
  throw new Error('no page of the party table gave a damage that quick_check reports');
}

async function expectRefusedAtOpen(file: string, code: ErrorCode, opts: Partial<EngineOptions> = {}) {
  const error = await open({ file, ...opts }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, 'openEngine must refuse the file').toMatchObject({ name: 'DomainError', data: { code } });
  return (error as { data: { code: string; message: { nb: string; en: string }; params: Record<string, unknown> } }).data;
}

describe('files Ordrebok refuses at open, leaving them untouched', () => {
  it('a file from a newer version (user_version above the migrations) is refused, and not written to', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST + 2}`);
    db.close();
    const before = sha256(file);
    const files = listing(dir);

    const refusal = await expectRefusedAtOpen(file, 'database_newer');
    expect(refusal.params).toEqual({ found: LATEST + 2, supported: LATEST });
    expect(refusal.message.nb).toBe(
      `Filen ble laget av en nyere versjon av Ordrebok (skjema ${LATEST + 2}, denne versjonen kan åpne til ${LATEST}). Oppdater Ordrebok, eller åpne en annen firmafil. Filen er ikke endret.`,
    );
    expect(refusal.message.en).toContain('newer version of Ordrebok');
    expect(sha256(file)).toBe(before);
    expect(listing(dir)).toEqual(files);
  });

  it('the host and the shell get a refused engine: system.bootstrap reports the refusal, every other channel refuses, the file stays as it was', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    const before = sha256(file);

    const engine = await openEngineOrRefusal({ file, clock: () => FIXED_NOW });
    engines.push(engine);
    expect(engine.refusal?.code).toBe('database_newer');
    const boot = await ok(engine.call('system.bootstrap', {}));
    expect(boot).toMatchObject({ companyExists: false, dataFile: file, schemaVersion: LATEST + 1, readOnly: true, today: '2025-01-05' });
    expect(boot.fileProblem).toMatchObject({ readable: false, error: { code: 'database_newer' } });
    for (const channel of ['auth.status', 'company.get', 'company.save'] as const) {
      const r = await engine.call(channel, channel === 'company.save' ? COMPANY : {});
      expect(r.ok ? null : r.error.code, channel).toBe('database_newer');
    }
    expect((await engine.callUnknown('no.such', {})).ok).toBe(false);
    expect(sha256(file)).toBe(before);
  });

  it('a damaged file (a table page that quick_check reports, which opening does not read) is refused, and not written to', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    corruptTablePage(file);
    // What the old open looked at still reads fine: only the integrity check finds the damage.
    expect(cheapOpenReads(file).userVersion).toBe(LATEST);
    const before = sha256(file);
    const files = listing(dir);

    const refusal = await expectRefusedAtOpen(file, 'database_corrupt');
    expect(refusal.message.nb).toMatch(/^Firmafilen er skadet/);
    expect(refusal.message.nb).toContain('sikkerhetskopien');
    expect(sha256(file)).toBe(before);
    expect(listing(dir)).toEqual(files);
  });

  it('a damaged file header (magic intact, page size garbage) is refused as damaged', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0x00, 0x03]), 0, 2, 16); // page size 3: not a power of two
    closeSync(fd);
    const before = sha256(file);
    await expectRefusedAtOpen(file, 'database_corrupt');
    expect(sha256(file)).toBe(before);
  });

  it('an empty (0-byte) file is refused; it stays 0 bytes and does not become a new company', async () => {
    const dir = tempDir();
    const file = join(dir, 'firma.ordrebok');
    writeFileSync(file, '');
    const refusal = await expectRefusedAtOpen(file, 'database_empty');
    expect(refusal.message.nb).toMatch(/^Filen er tom \(0 byte\)/);
    expect(statSync(file).size).toBe(0);
    expect(listing(dir)).toEqual(['firma.ordrebok']);
  });

  it('only a file that does not exist becomes a new company (in a folder made for it)', async () => {
    const file = join(tempDir(), 'ny', 'mappe', 'firma.ordrebok');
    const engine = await open({ file });
    expect(engine.migration).toMatchObject({ from: 0, to: LATEST });
    expect(await ok(engine.call('system.bootstrap', {}))).toMatchObject({ companyExists: false, fileProblem: null, readOnly: false });
  });

  it('a file of random bytes is refused as not an SQLite database, and left as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'firma.ordrebok');
    writeFileSync(file, randomBytes(64 * 1024));
    const before = sha256(file);
    const refusal = await expectRefusedAtOpen(file, 'database_not_sqlite');
    expect(refusal.message.nb).toContain('ikke en SQLite-database');
    expect(sha256(file)).toBe(before);
    expect(listing(dir)).toEqual(['firma.ordrebok']);
  });

  it("another program's SQLite database is refused, whether it has a user_version or not", async () => {
    const dir = tempDir();
    const foreign = join(dir, 'annet.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES (\'hei\');');
    db.close();
    const before = sha256(foreign);
    await expectRefusedAtOpen(foreign, 'database_foreign');
    expect(sha256(foreign)).toBe(before);

    const versioned = join(dir, 'versjonert.db');
    const db2 = new Database(versioned);
    db2.exec('CREATE TABLE note (id INTEGER PRIMARY KEY)');
    db2.pragma('user_version = 3');
    db2.close();
    const before2 = sha256(versioned);
    await expectRefusedAtOpen(versioned, 'database_foreign');
    expect(sha256(versioned)).toBe(before2);
    expect(listing(dir)).toEqual(['annet.db', 'versjonert.db']);
  });
});

describe("SQLite's failures during a call, as refusals the user can act on", () => {
  it('a full disk (PRAGMA max_page_count) refuses the write with disk_full, in Norwegian, and leaves the database as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'firma.ordrebok');
    const first = await open({ file });
    await ok(first.call('company.save', COMPANY));
    first.close();
    engines.splice(engines.indexOf(first), 1);

    // SQLite answers SQLITE_FULL once the file would grow past this many pages: the disk is full now.
    const engine = await open({
      file,
      configureConnection: (db) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
    });
    let refused: { code: string; message: { nb: string; en: string } } | null = null;
    let before = engine.fingerprint();
    for (let i = 0; i < 2000 && !refused; i++) {
      before = engine.fingerprint();
      const r = await engine.call('products.create', {
        number: `P-${i}`,
        name: `Vare ${i} ${'x'.repeat(180)}`,
        unit: 'stk',
        priceOre: 10_000,
        vatCode: '25',
        stockManaged: false,
      });
      if (!r.ok) refused = r.error;
    }
    expect(refused?.code).toBe('disk_full');
    expect(refused?.message.nb).toBe('Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.');
    expect(refused?.message.en).toBe('The disk is full. Nothing was saved. Free some space and try again.');
    expect(engine.fingerprint()).toEqual(before);
    // Reads go on.
    expect((await engine.call('company.get', {})).ok).toBe(true);
  });

  it('a file opened read-only (the option: look at a backup without changing it) refuses writes with file_read_only in Norwegian; reads go on; the file is untouched', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    const before = sha256(file);
    const files = listing(dir);

    const engine = await open({ file, readOnly: true });
    expect(engine.readOnly).toBe(true);
    expect((await ok(engine.call('company.get', {})))?.name).toBe(COMPANY.name);
    expect(await ok(engine.call('system.bootstrap', {}))).toMatchObject({ companyExists: true, readOnly: true, fileProblem: null });
    const r = await engine.call('products.create', { number: 'A1', name: 'Vare', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
    expect(r.ok ? null : r.error.code).toBe('file_read_only');
    expect(r.ok ? '' : r.error.message.nb).toMatch(/^Filen er skrivebeskyttet, så ingenting ble lagret\./);
    engine.close();
    engines.splice(engines.indexOf(engine), 1);
    expect(sha256(file)).toBe(before);
    expect(listing(dir)).toEqual(files);
  });

  it('read-only: a file that does not exist, or that would need migrating, is refused rather than created or upgraded', async () => {
    const dir = tempDir();
    await expectRefusedAtOpen(join(dir, 'mangler.ordrebok'), 'database_missing', { readOnly: true });
    expect(listing(dir)).toEqual([]);
    const file = await realCompanyFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST - 1}`);
    db.close();
    const before = sha256(file);
    const refusal = await expectRefusedAtOpen(file, 'database_read_only_old', { readOnly: true });
    expect(refusal.params).toEqual({ found: LATEST - 1, supported: LATEST });
    expect(sha256(file)).toBe(before);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a file chmod 0444 opens read-only by itself and refuses writes with file_read_only (skipped as root: root may write to any file, so the file is writable)',
    async () => {
      const dir = tempDir();
      const file = await realCompanyFile(dir);
      chmodSync(file, 0o444);
      const before = sha256(file);
      const engine = await open({ file });
      expect(engine.readOnly).toBe(true);
      const r = await engine.call('products.create', { number: 'A1', name: 'Vare', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
      expect(r.ok ? null : r.error.code).toBe('file_read_only');
      expect(sha256(file)).toBe(before);
    },
  );

  it.skipIf(process.getuid?.() === 0)(
    'a read-only file in a read-only folder (SQLite cannot make its -shm there) is refused with database_folder_read_only, untouched (skipped as root: root may write to any folder)',
    async () => {
      const dir = tempDir();
      const file = await realCompanyFile(dir);
      chmodSync(file, 0o444);
      chmodSync(dir, 0o555);
      const before = sha256(file);
      const refusal = await expectRefusedAtOpen(file, 'database_folder_read_only');
      expect(refusal.message.nb).toMatch(/^Mappen som firmafilen ligger i, er skrivebeskyttet/);
      expect(sha256(file)).toBe(before);
      expect(listing(dir)).toEqual(['firma.ordrebok']);
    },
  );

  it('a file another program is writing to refuses the write with database_busy', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    const engine = await open({ file, configureConnection: (db) => db.pragma('busy_timeout = 0') });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await engine.call('products.create', { number: 'A1', name: 'Vare', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
      expect(r.ok ? null : r.error.code).toBe('database_busy');
      expect(r.ok ? '' : r.error.message.nb).toContain('i bruk av et annet program');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('the integrity check of a large file, in a worker after opening', () => {
  it('a damaged file above the size limit opens; reads answer; a write waits for the check and is refused with database_corrupt, and so is every later one', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    corruptTablePage(file);
    const before = sha256(file);

    // The limit at 0 bytes: every file counts as large, as a 4 GB company file does.
    const engine = await open({ file, integrityCheckSyncMaxBytes: 0 });
    const read = await engine.call('company.get', {});
    expect(read.ok && read.value?.name).toBe(COMPANY.name);
    // products.create touches no damaged page: only the check's answer refuses it.
    const write = await engine.call('products.create', { number: 'A1', name: 'Vare', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
    expect(write.ok ? null : write.error.code).toBe('database_corrupt');
    const again = await engine.call('company.save', COMPANY);
    expect(again.ok ? null : again.error.code).toBe('database_corrupt');
    expect((await engine.call('products.list', {})).ok).toBe(true);
    const boot = await ok(engine.call('system.bootstrap', {}));
    expect(boot.fileProblem).toMatchObject({ readable: true, error: { code: 'database_corrupt' } });
    engine.close();
    engines.splice(engines.indexOf(engine), 1);
    // Nothing was written: not the write, not the statistics refresh at open.
    expect(sha256(file)).toBe(before);
  });

  it('a sound file above the size limit: the write goes ahead once the check has passed', async () => {
    const file = await realCompanyFile(tempDir());
    const engine = await open({ file, integrityCheckSyncMaxBytes: 0 });
    const product = await ok(
      engine.call('products.create', { number: 'A1', name: 'Vare', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false }),
    );
    expect(product.number).toBe('A1');
    expect((await ok(engine.call('system.bootstrap', {}))).fileProblem).toBeNull();
  });

  it('the worker also runs from an esbuild bundle like the Electron main (better-sqlite3 external, nativeBinding passed on)', async () => {
    const dir = tempDir();
    const file = await realCompanyFile(dir);
    corruptTablePage(file);
    // Bundled as scripts/build-main.ts bundles main.ts: ESM, better-sqlite3 external, the same require banner.
    const { build } = await import('esbuild');
    const outDir = resolve('.cache', `test-bundle-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
    const entry = join(outDir, 'entry.ts');
    writeFileSync(
      entry,
      // The engine's opening of the file (db/companyFile.ts) as openEngine uses it.
      `import { openCompanyFile } from ${JSON.stringify(resolve('src-main/engine/db/companyFile.ts'))};
       const file = await openCompanyFile({ file: process.argv[2], nativeBinding: process.argv[3], integrityCheckSyncMaxBytes: 0 });
       const read = file.db.prepare('SELECT name FROM company').get();
       const gate = await file.writeGate();
       console.log(JSON.stringify({ read: read.name, write: gate ? gate.code : 'ok' }));
       file.close();`,
    );
    try {
      await build({
        entryPoints: [entry],
        outfile: join(outDir, 'main.js'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        external: ['electron', 'better-sqlite3'],
        logLevel: 'silent',
        banner: { js: "import { createRequire as __ordrebokCreateRequire } from 'node:module'; const require = __ordrebokCreateRequire(import.meta.url);" },
      });
      // The migrations beside the bundle, as build-main copies them to out/main/migrations.
      cpSync(resolve('src-main/engine/db/migrations'), join(outDir, 'migrations'), { recursive: true });
      const nativeBinding = resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
      const run = spawnSync(process.execPath, [join(outDir, 'main.js'), file, nativeBinding], { encoding: 'utf8', timeout: 60_000 });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout.trim())).toEqual({ read: COMPANY.name, write: 'database_corrupt' });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
