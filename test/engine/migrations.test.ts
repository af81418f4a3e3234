// The database file: numbered migrations tracked by user_version, a copy taken
// before migrating an existing file, WAL + synchronous=FULL, foreign keys, STRICT tables.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/engine/db/connection';
import { latestVersion, loadMigrations, migrate, migrationsFolder } from '../../src-main/engine/db/migrate';
import { openEngine } from '../../src-main/engine';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ordrebok-migr-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('a new file is created at the latest version with the durable pragmas', async () => {
    const file = join(tempDir(), 'ny.ordrebok');
    const engine = await openEngine({ file });
    // The latest migration is the last file's number (the integrator renumbers each issue's parts).
    const latest = latestVersion();
    expect(latest).toBe(loadMigrations(migrationsFolder()).length);
    expect(engine.migration).toMatchObject({ from: 0, to: latest, backupFile: null });
    engine.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'order_search_%'")
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('takes a copy of the file before migrating an existing database, and the copy is the old version', async () => {
    const dir = tempDir();
    const file = join(dir, 'firma.ordrebok');
    (await openEngine({ file })).close();

    // A folder with the real migrations plus one more.
    const folder = join(dir, 'migrations');
    cpSync(migrationsFolder(), folder, { recursive: true });
    const next = latestVersion() + 1;
    writeFileSync(join(folder, `${String(next).padStart(3, '0')}_test_column.sql`), 'ALTER TABLE product ADD COLUMN test_note TEXT;');

    const db = openDatabase(file);
    const result = await migrate(db, file, loadMigrations(folder));
    expect(result.from).toBe(next - 1);
    expect(result.to).toBe(next);
    expect(result.backupFile).not.toBeNull();
    expect(existsSync(result.backupFile!)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(next);
    db.close();

    const backup = openDatabase(result.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(next - 1);
    backup.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('a failing migration leaves the version and schema as they were', async () => {
    const dir = tempDir();
    const file = join(dir, 'firma.ordrebok');
    (await openEngine({ file })).close();
    const folder = join(dir, 'migrations');
    cpSync(migrationsFolder(), folder, { recursive: true });
    const next = latestVersion() + 1;
    writeFileSync(join(folder, `${String(next).padStart(3, '0')}_broken.sql`), 'ALTER TABLE product ADD COLUMN half TEXT; SELECT * FROM no_such_table;');

    const db = openDatabase(file);
    await expect(migrate(db, file, loadMigrations(folder))).rejects.toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(next - 1);
    const columns = (db.pragma('table_info(product)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('half');
    db.close();
  });

  it('refuses migrations out of sequence (a number skipped)', () => {
    const folder = join(tempDir(), 'm');
    cpSync(migrationsFolder(), folder, { recursive: true });
    // One number skipped after the last migration (008 today).
    const gap = String(loadMigrations().length + 2).padStart(3, '0');
    writeFileSync(join(folder, `${gap}_gap.sql`), 'SELECT 1;');
    expect(() => loadMigrations(folder)).toThrow(/out of sequence/);
  });
});
