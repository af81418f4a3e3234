// Damages a company file the way a failing disk would: overwrites the middle of a
// leaf page of the party table, page after page, until SQLite's check reports it
// (quick_check: what opening a large file runs; integrity_check: the full check).
import Database from 'better-sqlite3';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';

export function corruptPartyPage(file: string, check: 'quick_check' | 'integrity_check' = 'quick_check'): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'party' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  db.close();
  const original = readFileSync(file);
  for (const page of pages) {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize + pageSize / 2);
    closeSync(fd);
    const checked = new Database(file, { readonly: true });
    let reported: boolean;
    try {
      reported = (checked.pragma(`${check}(1)`) as Record<string, string>[])[0]?.[check] !== 'ok';
    } catch {
      reported = true;
    }
    checked.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    if (reported) return;
    writeFileSync(file, original);
  }
  throw new Error(`no damage that ${check} reports`);
}
