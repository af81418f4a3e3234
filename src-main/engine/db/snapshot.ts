// A fingerprint of every row in every table, for tests that prove a refused
// call left the database exactly as it was.
import { createHash } from 'node:crypto';
import type { Db } from './connection';

export function databaseFingerprint(db: Db): { readonly hash: string; readonly rows: number } {
  const tables = db
    // Virtual tables are skipped: their shadow tables hold their rows.
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all() as { name: string }[];
  const hash = createHash('sha256');
  let rows = 0;
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    hash.update(`#${name}\n`);
    // Sorted serialisations, because WITHOUT ROWID tables have no rowid to order by.
    const lines = (db.prepare(`SELECT * FROM ${quoted}`).all() as unknown[]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
    );
    lines.sort();
    for (const line of lines) hash.update(`${line}\n`);
    rows += lines.length;
  }
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}`);
  return { hash: hash.digest('hex'), rows };
}
