// Issue 13, backup and restore: SQLite's online backup of the open company file
// while writes go on, restore with the current file kept aside, the refusals
// (damaged, newer, not a company file) that change nothing, the pruning of the
// automatic backups, the top bar's warning, and "Kontroller databasen".
//
// "At backup time", precisely: the backup runs on the engine's own connection,
// and SQLite carries each write made through that connection during the copy
// into the copy instead of starting over; so the backup holds the source as it
// stood when the backup's last batch of pages was copied. The test copies one
// page per step, makes writes between the steps (customers, stock, orders, on
// pages already copied and not yet copied), takes the source's fingerprint in
// the step before the last one (after which nothing is written), and finds the
// same fingerprint in the backup file and in the database restored from it.
// A write from a second connection makes SQLite start the copy over instead
// (shown below too), and its backup holds the source as at the end.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput } from '../../shared/catalog';
import type { DomainErrorData } from '../../shared/errors';
import { openEngine, scheduleAutomaticBackups, type Engine } from '../../src-main/engine';
import type { BackupProgress } from '../../src-main/engine/context';
import { openDatabase } from '../../src-main/engine/db/connection';
import { latestVersion, loadMigrations, migrate } from '../../src-main/engine/db/migrate';
import { databaseFingerprint } from '../../src-main/engine/db/snapshot';
import { generateCustomers } from '../../src-main/engine/demo/generator';
import {
  automaticBackupsToPrune,
  backupAge,
  backupFileName,
  keptAsFileName,
  parseBackupFileName,
  safeFileStem,
} from '../../src-main/engine/domain/backup';
import { AUDIT_RULES_NB, auditSales } from '../../src-main/engine/repos/audit';
import { COMPANY } from '../helpers/engine';
import { corruptPartyPage } from '../helpers/corruptFile';

const dirs: string[] = [];
const engines: Engine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface World {
  readonly engine: Engine;
  readonly dir: string;
  readonly file: string;
  /** The engine's clock: tests move it. */
  now: Date;
  /** Pages per step and a hook for each step of a backup (null: better-sqlite3's default). */
  onProgress: ((p: BackupProgress) => number | void) | null;
  ok<K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>>;
  refused(channel: ChannelName, input: unknown): Promise<DomainErrorData>;
}

async function world(opts: { customers?: number } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-backup-'));
  dirs.push(dir);
  const file = join(dir, 'firma.ordrebok');
  const w = { dir, file, now: new Date('2026-12-04T16:30:00'), onProgress: null } as World & { engine: Engine };
  const engine = await openEngine({
    file,
    clock: () => w.now,
    onBackupProgress: (p) => w.onProgress?.(p),
    onInternalError: (channel, error) => {
      throw new Error(`internal error in ${channel}: ${String(error)}`);
    },
  });
  engines.push(engine);
  Object.assign(w, {
    engine,
    async ok(channel: ChannelName, input: unknown) {
      const r = await engine.call(channel, input);
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message.en}`);
      return r.value;
    },
    async refused(channel: ChannelName, input: unknown) {
      const r = await engine.call(channel, input);
      if (r.ok) throw new Error(`${channel} was expected to refuse`);
      return r.error;
    },
  });
  await w.ok('company.save', COMPANY);
  if (opts.customers) {
    const db = openDatabase(file);
    generateCustomers(db, { customers: opts.customers, seed: 7, now: '2026-12-01T10:00:00.000Z' });
    db.close();
  }
  return w;
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function fingerprintOfFile(file: string) {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return databaseFingerprint(db);
  } finally {
    db.close();
  }
}


let seq = 0;
const newCustomer = () => ({ kind: 'business', name: `Kunde under kopieringen ${++seq}`, orgNumber: '923609016' });

describe('names, pruning and the warning (domain/backup.ts)', () => {
  it('names a backup after the company and the local time, with safe characters', () => {
    const at = new Date(2026, 11, 4, 16, 30, 12);
    expect(backupFileName('Fjordlager AS', at, false)).toBe('Fjordlager AS 2026-12-04 1630.ordrebok');
    expect(backupFileName('Fjordlager AS', at, true)).toBe('Fjordlager AS 2026-12-04 1630 auto.ordrebok');
    expect(backupFileName('Fjordlager AS', at, false, 2)).toBe('Fjordlager AS 2026-12-04 1630 (2).ordrebok');
    expect(backupFileName('Rør & Vvs: "Ærlig" <AS>/avd.\\2?*|.', at, false)).toBe('Rør & Vvs- -Ærlig- -AS--avd.-2--- 2026-12-04 1630.ordrebok');
    expect(safeFileStem('   ')).toBe('Ordrebok');
    expect(safeFileStem('Slutt med punktum.')).toBe('Slutt med punktum');
    expect(keptAsFileName('firma.ordrebok', at)).toBe('firma før gjenoppretting 2026-12-04 163012.ordrebok');
    expect(parseBackupFileName('Fjordlager AS 2026-12-04 1630 auto (3).ordrebok')).toEqual({ stem: 'Fjordlager AS', stamp: '2026-12-04 1630', automatic: true, n: 3 });
    expect(parseBackupFileName('firma.ordrebok')).toBeNull();
  });

  it('pruning keeps the newest N automatic backups of the company and never touches any other file (property)', () => {
    const names = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      minute: fc.integer({ min: 0, max: 59 }),
      automatic: fc.boolean(),
      company: fc.constantFrom('Fjordlager AS', 'Annet Firma AS'),
      n: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(names, { selector: (x) => JSON.stringify(x), maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (files, keep) => {
        const all = files.map((f) => backupFileName(f.company, new Date(2026, 10, f.day, 12, f.minute), f.automatic, f.n));
        const withOthers = [...all, 'firma.ordrebok', 'notater.txt', 'Fjordlager AS 2026-11-01 1200 auto.ordrebok.part'];
        const pruned = automaticBackupsToPrune(withOthers, 'Fjordlager AS', keep);
        const ours = all.filter((n) => n.startsWith('Fjordlager AS ') && n.includes(' auto'));
        // Only our automatic ones, and exactly as many as are over N.
        expect(pruned.every((n) => ours.includes(n))).toBe(true);
        expect(pruned.length).toBe(Math.max(0, ours.length - keep));
        // Those kept are newer than (or as new as) every one pruned.
        const stamp = (n: string) => `${parseBackupFileName(n)!.stamp} ${String(parseBackupFileName(n)!.n).padStart(3, '0')}`;
        const kept = ours.filter((n) => !pruned.includes(n));
        for (const p of pruned) for (const k of kept) expect(stamp(p) < stamp(k)).toBe(true);
      }),
    );
  });

  it('warns when there is no backup, or the newest is more than 7 days old', () => {
    const now = new Date('2026-12-11T16:30:00');
    expect(backupAge(null, now)).toEqual({ warning: 'missing', ageDays: null });
    expect(backupAge(new Date('2026-12-04T16:30:00'), now)).toEqual({ warning: null, ageDays: 7 });
    expect(backupAge(new Date('2026-12-04T16:29:59.999'), now)).toEqual({ warning: 'old', ageDays: 7 });
    expect(backupAge(new Date('2026-12-11T09:00:00'), now)).toEqual({ warning: null, ageDays: 0 });
    expect(backupAge(new Date('2026-11-01T09:00:00'), now).warning).toBe('old');
  });
});

describe('a backup while writes go on, then restore', () => {
  it('holds the source as it stood when its last page batch was copied, writes between the steps included', async () => {
    const w = await world({ customers: 400 });
    let steps = 0;
    let writes = 0;
    let atBackupTime: { hash: string; rows: number } | null = null;
    const pending: Promise<unknown>[] = [];
    w.onProgress = (p) => {
      steps++;
      if (p.remainingPages <= 1) {
        // The next step copies the last page: nothing is written after this point until the backup is done.
        atBackupTime = w.engine.fingerprint();
        return 1;
      }
      if (steps % 7 === 0) {
        writes++;
        pending.push(w.ok('customers.create', newCustomer()));
      }
      return 1; // one page per step: many steps, with calls in between
    };
    const taken = await w.ok('backup.create', {});
    await Promise.all(pending);
    w.onProgress = null;
    expect(steps).toBeGreaterThan(50);
    expect(writes).toBeGreaterThan(5);
    expect(atBackupTime).not.toBeNull();
    expect(basename(taken.file)).toBe('Fjordlager AS 2026-12-04 1630.ordrebok');
    expect(dirname(taken.file)).toBe(join(w.dir, 'Sikkerhetskopier'));
    // The copy is what the source was at backup time: every write made during the copy is in it.
    expect(fingerprintOfFile(taken.file)).toEqual(atBackupTime);
    const copied = new Database(taken.file, { readonly: true });
    expect(copied.prepare("SELECT count(*) FROM party WHERE name LIKE 'Kunde under kopieringen%'").pluck().get()).toBe(writes);
    copied.close();

    // The log row is written after the copy (a backup never holds its own row), and the status shows it.
    const status = await w.ok('backup.status', {});
    expect(status).toMatchObject({ lastFile: taken.file, lastAt: taken.takenAt, warning: null, ageDays: 0 });

    // A change after the backup, then the restore: the change is gone, the fingerprint is that of backup time.
    await w.ok('company.save', { ...COMPANY, name: 'Fjordlager Nytt Navn AS' });
    const beforeRestore = w.engine.fingerprint();
    const restored = await w.ok('backup.restore', { file: taken.file });
    expect(restored).toMatchObject({ companyName: 'Fjordlager AS', orgNumber: COMPANY.orgNumber, schemaVersion: latestVersion(), schemaAfter: latestVersion() });
    expect(w.engine.fingerprint()).toEqual(atBackupTime);
    expect((await w.ok('company.get', {}))?.name).toBe('Fjordlager AS');
    // The file it replaced is kept in the same folder with the time in its name, as it was.
    expect(dirname(restored.keptAs)).toBe(w.dir);
    expect(basename(restored.keptAs)).toBe('firma før gjenoppretting 2026-12-04 163000.ordrebok');
    expect(fingerprintOfFile(restored.keptAs)).toEqual(beforeRestore);
    // The restored log knows nothing of the backup it came from; the backup files in the folder do: no warning.
    expect(await w.ok('backup.status', {})).toMatchObject({ lastFile: taken.file, warning: null });
    // The engine goes on writing to the restored file.
    await w.ok('customers.create', newCustomer());
    expect(fingerprintOfFile(w.file).hash).toBe(w.engine.fingerprint().hash);
  }, 60_000);

  it('a write from another connection makes SQLite start the copy over; the copy then holds the source as at the end', async () => {
    const w = await world({ customers: 200 });
    const other = openDatabase(w.file);
    const remaining: number[] = [];
    let wrote = false;
    w.onProgress = (p) => {
      remaining.push(p.remainingPages);
      if (!wrote && remaining.length === 20) {
        wrote = true;
        other.prepare("UPDATE party SET name = 'Endret av en annen tilkobling' WHERE id = 1").run();
      }
      return 1;
    };
    const taken = await w.ok('backup.create', {});
    other.close();
    // The count of pages left went back up after the other connection's write: the copy started over.
    const restart = remaining.findIndex((r, i) => i > 0 && r > remaining[i - 1]!);
    expect(restart).toBe(20);
    const copied = new Database(taken.file, { readonly: true });
    expect(copied.prepare('SELECT name FROM party WHERE id = 1').pluck().get()).toBe('Endret av en annen tilkobling');
    copied.close();
  }, 60_000);

  it('a restore is refused while a backup runs, and the backup goes on', async () => {
    const w = await world({ customers: 100 });
    const first = await w.ok('backup.create', {});
    let refusal: Promise<DomainErrorData> | null = null;
    w.onProgress = () => {
      refusal ??= w.refused('backup.restore', { file: first.file });
      return 1;
    };
    w.now = new Date('2026-12-04T16:31:00');
    const second = await w.ok('backup.create', {});
    expect(existsSync(second.file)).toBe(true);
    expect((await refusal!).code).toBe('backup_busy');
  }, 60_000);
});

describe('a backup from an older version', () => {
  it('is shown with its schema, and upgraded as it is opened by the restore', async () => {
    const w = await world();
    const older = latestVersion() - 1;
    const file = join(w.dir, 'eldre.ordrebok');
    const db = openDatabase(file);
    await migrate(db, file, loadMigrations().slice(0, older));
    db.prepare("INSERT INTO company (id, name, org_number, vat_registered, updated_at) VALUES (1, 'Gamle Fjordlager AS', '974760673', 1, '2024-01-01T00:00:00.000Z')").run();
    db.close();
    const info = await w.ok('backup.inspect', { file });
    expect(info).toMatchObject({ companyName: 'Gamle Fjordlager AS', orgNumber: '974760673', schemaVersion: older, currentSchemaVersion: latestVersion(), orders: 0, customers: 0 });
    const restored = await w.ok('backup.restore', { file });
    expect(restored.schemaAfter).toBe(latestVersion());
    expect((await w.ok('system.bootstrap', {})).schemaVersion).toBe(latestVersion());
    expect((await w.ok('company.get', {}))?.name).toBe('Gamle Fjordlager AS');
  });
});

describe('calls during a restore', () => {
  it('wait for the reopen, and land in the restored file (not in the one kept aside)', async () => {
    const w = await world();
    const taken = await w.ok('backup.create', {});
    const restoring = w.ok('backup.restore', { file: taken.file });
    const during = w.ok('customers.create', newCustomer());
    const [restored, customer] = await Promise.all([restoring, during]);
    const inFile = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM party WHERE id = ?').pluck().get(customer.id);
      } finally {
        db.close();
      }
    };
    expect(inFile(w.file)).toBe(1);
    expect(inFile(restored.keptAs)).toBe(0);
  });
});

describe('a backup that cannot be restored is refused in Norwegian and changes nothing', () => {
  /** The company file's bytes, the engine's fingerprint and both folders' listings. */
  function state(w: World) {
    return {
      file: sha256(w.file),
      fingerprint: w.engine.fingerprint(),
      dir: readdirSync(w.dir).sort(),
      backups: existsSync(join(w.dir, 'Sikkerhetskopier')) ? readdirSync(join(w.dir, 'Sikkerhetskopier')).sort() : [],
    };
  }

  async function refusedBoth(w: World, file: string) {
    const before = state(w);
    const inspected = await w.refused('backup.inspect', { file });
    const restore = await w.refused('backup.restore', { file });
    expect(restore.code).toBe(inspected.code);
    expect(state(w)).toEqual(before);
    return inspected;
  }

  it('a damaged backup (bytes overwritten)', async () => {
    const w = await world({ customers: 300 });
    const taken = await w.ok('backup.create', {});
    corruptPartyPage(taken.file, 'integrity_check');
    const error = await refusedBoth(w, taken.file);
    expect(error).toMatchObject({ code: 'backup_corrupt', field: 'file' });
    expect(error.message.nb).toContain('Sikkerhetskopien er skadet');
    expect(error.message.nb).toContain('Ingenting er endret');
  });

  it('a backup from a newer version (user_version above ours)', async () => {
    const w = await world();
    const taken = await w.ok('backup.create', {});
    const newer = join(w.dir, 'Sikkerhetskopier', 'fra nyere versjon.ordrebok');
    const db = new Database(taken.file, { readonly: true });
    await db.backup(newer);
    db.close();
    const edit = new Database(newer);
    edit.pragma(`user_version = ${latestVersion() + 1}`);
    edit.close();
    const error = await refusedBoth(w, newer);
    expect(error).toMatchObject({ code: 'backup_newer', field: 'file', params: { found: latestVersion() + 1, supported: latestVersion() } });
    expect(error.message.nb).toContain('nyere versjon av Ordrebok');
  });

  it('a file that is not a company file, a missing file, and the company file itself', async () => {
    const w = await world();
    const text = join(w.dir, 'notater.ordrebok');
    writeFileSync(text, 'Dette er ikke en database, bare tekst.\n'.repeat(20));
    expect((await refusedBoth(w, text)).code).toBe('backup_not_company_file');
    const foreign = join(w.dir, 'annet.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect((await refusedBoth(w, foreign)).code).toBe('backup_not_company_file');
    expect((await refusedBoth(w, join(w.dir, 'finnes-ikke.ordrebok'))).code).toBe('backup_file_missing');
    expect((await refusedBoth(w, w.file)).code).toBe('backup_is_current_file');
  });

  it.skipIf(process.getuid?.() === 0)('a folder that cannot be written to (skipped as root, who writes anywhere)', async () => {
    const w = await world();
    const locked = join(w.dir, 'låst');
    mkdirSync(locked, { mode: 0o555 });
    const e = await w.refused('backup.create', { folder: locked });
    expect(e).toMatchObject({ code: 'backup_folder_not_writable', field: 'folder' });
    expect(e.message.nb).toContain('kan ikke skrive i mappen');
  });

  it('a folder that does not exist; one that does is kept as the setting', async () => {
    const w = await world();
    const missing = join(w.dir, 'ingen mappe');
    expect(await w.refused('backup.create', { folder: missing })).toMatchObject({ code: 'backup_folder_missing', field: 'folder' });
    expect(await w.refused('backup.saveSettings', { folder: missing, keepAutomatic: 7 })).toMatchObject({ code: 'backup_folder_missing', field: 'folder' });
    // A folder of one's own that exists is taken, and used by the next backup.
    const own = join(w.dir, 'Mine kopier');
    mkdirSync(own);
    expect((await w.ok('backup.saveSettings', { folder: own, keepAutomatic: 3 })).folder).toBe(own);
    expect(dirname((await w.ok('backup.create', {})).file)).toBe(own);
  });
});

describe('automatic backups', () => {
  it('keeps the last N automatic backups and never deletes the user\'s own; daily only when due', async () => {
    const w = await world();
    await w.ok('backup.saveSettings', { folder: null, keepAutomatic: 3 });
    const own = await w.ok('backup.create', {});
    const automatic: string[] = [];
    for (let day = 0; day < 5; day++) {
      w.now = new Date(2026, 11, 5 + day, 8, 0);
      const r = await w.engine.automaticBackup();
      expect(r.ok).toBe(true);
      if (r.ok && r.value) automatic.push(basename(r.value.file));
      // The same day again, as the hourly check does: not due.
      w.now = new Date(2026, 11, 5 + day, 9, 0);
      const again = await w.engine.automaticBackup({ onlyIfDue: true });
      expect(again).toEqual({ ok: true, value: null });
    }
    expect(automatic).toHaveLength(5);
    const left = readdirSync(join(w.dir, 'Sikkerhetskopier')).sort();
    expect(left).toEqual([basename(own.file), ...automatic.slice(2)].sort());
    // A day later it is due again.
    w.now = new Date(2026, 11, 10, 8, 0);
    const due = await w.engine.automaticBackup({ onlyIfDue: true });
    expect(due.ok && due.value !== null).toBe(true);
  });

  it('the schedule the host and the shell start takes one as the program starts (the daily rule: onlyIfDue above)', async () => {
    const w = await world();
    const lines: string[] = [];
    const schedule = scheduleAutomaticBackups(w.engine, { log: (l) => lines.push(l), checkEveryMs: 60_000 });
    await schedule.first;
    schedule.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Automatisk sikkerhetskopi \/ automatic backup: .*Fjordlager AS 2026-12-04 1630 auto\.ordrebok$/);
    expect((await w.ok('backup.status', {})).lastAutomatic).toBe(true);
  });

  it('the top bar\'s warning follows the newest backup\'s age', async () => {
    const w = await world();
    expect((await w.ok('backup.status', {})).warning).toBe('missing');
    await w.engine.automaticBackup();
    expect((await w.ok('backup.status', {})).warning).toBe(null);
    w.now = new Date('2026-12-11T16:30:00');
    expect(await w.ok('backup.status', {})).toMatchObject({ warning: null, ageDays: 7 });
    w.now = new Date('2026-12-12T16:30:00');
    expect(await w.ok('backup.status', {})).toMatchObject({ warning: 'old', ageDays: 8 });
  });
});

describe('Kontroller databasen', () => {
  it('says every audit rule in Norwegian', async () => {
    const w = await world();
    const db = openDatabase(w.file, { readonly: true });
    const rules = auditSales(db).map((f) => f.rule);
    db.close();
    expect(rules.filter((r) => !AUDIT_RULES_NB[r])).toEqual([]);
  });

  it('finds nothing on a sound file, and finds a stock movement deleted with SQL', async () => {
    const w = await world();
    const product = await w.ok('products.create', { number: 'R-100', name: 'Kobberrør 15 mm', unit: 'm', priceOre: 8990, vatCode: '25', stockManaged: true });
    await w.ok('stock.receive', { productId: product.id, quantity: 50_000, costOre: 5000 });
    await w.ok('stock.receive', { productId: product.id, quantity: 10_000, costOre: 5200 });
    const clean = await w.ok('backup.check', {});
    expect(clean).toMatchObject({ ok: true, findings: [] });
    expect(clean.checks).toBeGreaterThan(30);

    const db = openDatabase(w.file);
    db.prepare('DELETE FROM stock_movement WHERE id = (SELECT max(id) FROM stock_movement WHERE product_id = ?)').run(product.id);
    db.close();
    const report = await w.ok('backup.check', {});
    expect(report.ok).toBe(false);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ kind: 'audit', count: 1, sample: [product.id] });
    expect(report.findings[0]!.nb).toBe('Lager: beholdningen er ikke lik summen av lagerbevegelsene og summen av partiene (per produkt): 1 tilfelle');
  });

  it('finds a row that points at a row that is not there', async () => {
    const w = await world();
    const customer = await w.ok('customers.create', { kind: 'business', name: 'Vestland Rør AS', orgNumber: '974760673', contacts: [{ name: 'Per Hansen', phone: '91234567' }] });
    const db = openDatabase(w.file);
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM party WHERE id = ?').run(customer.id);
    db.close();
    const report = await w.ok('backup.check', {});
    const fk = report.findings.filter((f) => f.kind === 'foreign_key');
    expect(fk.map((f) => f.nb)).toEqual(['Koblinger: 1 rad(er) i tabellen contact viser til en rad i party som ikke finnes']);
  });
});
