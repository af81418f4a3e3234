// Numbered SQL migrations tracked by PRAGMA user_version. Before a migration
// touches an existing database, a copy of the file is taken beside it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../../shared/errors';
import type { Db } from './connection';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Where the .sql files are: beside this module in the source tree, or copied next to a bundle. */
export function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here, 'db', 'migrations'), join(here, 'engine', 'db', 'migrations')];
  const found = candidates.find((dir) => existsSync(dir) && statSync(dir).isDirectory());
  if (!found) throw new Error(`Migrations folder not found near ${here}`);
  return found;
}

export function loadMigrations(folder = migrationsFolder()): Migration[] {
  return readdirSync(folder)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(folder, f), 'utf8') }))
    .map((m, i) => {
      if (m.version !== i + 1) throw new Error(`Migration ${m.name} is out of sequence (expected ${i + 1})`);
      return m;
    });
}

/** The schema version a file has once every migration ran: the last one's number. */
export function latestVersion(migrations: readonly Migration[] = loadMigrations()): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly backupFile: string | null;
}

export async function migrate(db: Db, file: string, migrations = loadMigrations()): Promise<MigrationResult> {
  const from = db.pragma('user_version', { simple: true }) as number;
  // openEngine refuses such a file before it opens it for writing (db/fileCheck.ts); this guards other callers.
  if (from > latestVersion(migrations)) {
    throw new DomainError('database_newer', null, { found: from, supported: latestVersion(migrations) });
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 && file !== ':memory:') {
    backupFile = `${file}.v${from}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    await db.backup(backupFile);
  }

  // Each migration and its version bump commit together, or not at all.
  for (const m of pending) {
    // A migration that widens a CHECK edits the schema's text (SQLite's documented
    // writable_schema procedure); better-sqlite3's defensive mode forbids that, so it is lifted for that migration only.
    const editsSchema = /PRAGMA writable_schema/i.test(m.sql);
    if (editsSchema) db.unsafeMode(true);
    try {
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (editsSchema) db.unsafeMode(false);
    }
  }
  return { from, to: pending[pending.length - 1]!.version, backupFile };
}
