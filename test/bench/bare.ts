// The write bench's baseline: one bare SQLite transaction that writes the same
// rows an operation wrote (its census), into scratch copies of the same tables
// in the same database file: the same columns and secondary indexes (a WITHOUT
// ROWID table's key as an index), no triggers, filled with a few thousand of the
// real rows first so that the B-trees are not empty. Inserts copy real rows'
// values, updates change an integer column of an existing row, deletes remove
// existing rows; the search index's rows go into a second FTS5 table of the same
// definition. Same connection settings as the engine's (WAL, synchronous=FULL),
// so the commit waits for the disk as the engine's does. Statements are
// prepared and values picked before the clock starts.
import { openDatabase, type Db } from '../../src-main/engine/db/connection';
import type { RowCensus } from './census';

const SEED_ROWS = 2000;
const SAMPLE_ROWS = 500;

interface Scratch {
  readonly name: string;
  readonly fts: boolean;
  readonly insert: (values: readonly unknown[]) => void;
  readonly update: (rowid: number) => void;
  readonly remove: (rowid: number) => void;
  readonly samples: readonly (readonly unknown[])[];
  /** Rowids present in the scratch table, oldest first (for updates and deletes). */
  readonly rowids: number[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class BareWriter {
  private readonly db: Db;
  private readonly scratch = new Map<string, Scratch>();

  constructor(file: string) {
    this.db = openDatabase(file);
  }

  /** Makes (once) the scratch copy of each table the census names. */
  prepare(census: RowCensus): void {
    for (const table of Object.keys(census.byTable)) if (!this.scratch.has(table)) this.scratch.set(table, this.makeScratch(table));
  }

  private makeScratch(table: string): Scratch {
    const db = this.db;
    const name = `bench_scratch_${table}`;
    db.exec(`DROP TABLE IF EXISTS ${q(name)}`);
    const def = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined;
    if (!def) throw new Error(`bench: no table ${table}`);
    if (/^CREATE VIRTUAL TABLE/i.test(def.sql)) {
      // The search index: the same FTS5 definition under another name, fed with order texts.
      db.exec(def.sql.replace(/^CREATE VIRTUAL TABLE\s+("?)[\w]+\1/i, `CREATE VIRTUAL TABLE ${q(name)}`));
      const samples = (
        db
          .prepare(
            `SELECT o.id, CAST(o.number AS TEXT), o.customer_name || ' ' || o.customer_number,
               coalesce(o.customer_reference, '') || ' ' || coalesce(o.our_reference, ''),
               (SELECT group_concat(l.product_number || ' ' || l.description, ' ') FROM order_line l WHERE l.order_id = o.id)
             FROM order_header o ORDER BY o.id DESC LIMIT ?`,
          )
          .raw()
          .all(SAMPLE_ROWS) as unknown[][]
      ).map((r) => r.slice(1));
      const insert = db.prepare(`INSERT INTO ${q(name)} (rowid, number, customer, reference, products) VALUES (?, ?, ?, ?, ?)`);
      const remove = db.prepare(`DELETE FROM ${q(name)} WHERE rowid = ?`);
      const rowids: number[] = [];
      let next = 1;
      const add = (values: readonly unknown[]) => {
        rowids.push(next);
        insert.run(next++, ...(values as []));
      };
      db.transaction(() => {
        for (let i = 0; i < SEED_ROWS; i++) add(samples[i % samples.length]!);
      })();
      return {
        name,
        fts: true,
        insert: add,
        // An FTS5 row is never updated in place: the engine deletes and inserts it.
        update: () => add(samples[0]!),
        remove: (rowid) => remove.run(rowid),
        samples,
        rowids,
      };
    }
    const columns = (db.prepare(`SELECT name, type FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string; type: string }[]);
    db.exec(`CREATE TABLE ${q(name)} (${columns.map((c) => `${q(c.name)} ${c.type || 'ANY'}`).join(', ')})`);
    // Its secondary indexes (and a WITHOUT ROWID table's key) on the same columns.
    const indexes = db.prepare(`SELECT name FROM pragma_index_list(?)`).all(table) as { name: string }[];
    indexes.forEach((ix, i) => {
      const cols = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as { name: string | null }[])
        .map((c) => c.name)
        .filter((c): c is string => c !== null);
      if (cols.length > 0) db.exec(`CREATE INDEX ${q(`${name}_ix${i}`)} ON ${q(name)} (${cols.map(q).join(', ')})`);
    });
    const samples = db.prepare(`SELECT * FROM ${q(table)} LIMIT ?`).raw().all(SAMPLE_ROWS) as unknown[][];
    if (samples.length === 0) samples.push(columns.map((c) => (/INT/i.test(c.type) ? 1 : 'x')));
    const insert = db.prepare(`INSERT INTO ${q(name)} VALUES (${columns.map(() => '?').join(', ')})`);
    const intColumn = [...columns].reverse().find((c) => /INT/i.test(c.type)) ?? columns[0]!;
    const update = db.prepare(`UPDATE ${q(name)} SET ${q(intColumn.name)} = coalesce(${q(intColumn.name)}, 0) + 1 WHERE rowid = ?`);
    const remove = db.prepare(`DELETE FROM ${q(name)} WHERE rowid = ?`);
    const rowids: number[] = [];
    const add = (values: readonly unknown[]) => {
      rowids.push(Number(insert.run(...(values as [])).lastInsertRowid));
    };
    db.transaction(() => {
      for (let i = 0; i < SEED_ROWS; i++) add(samples[i % samples.length]!);
    })();
    return { name, fts: false, insert: add, update: (rowid) => update.run(rowid), remove: (rowid) => remove.run(rowid), samples, rowids };
  }

  /**
   * Writes the census's rows in one transaction and returns its time in
   * milliseconds (from BEGIN to the end of COMMIT).
   */
  write(census: RowCensus): number {
    this.prepare(census);
    // Pick every value first: the clock measures SQLite only.
    const plan: (() => void)[] = [];
    for (const [table, w] of Object.entries(census.byTable)) {
      const s = this.scratch.get(table)!;
      for (let i = 0; i < w.deleted; i++) {
        const rowid = s.rowids.shift()!;
        plan.push(() => s.remove(rowid));
      }
      for (let i = 0; i < w.updated; i++) {
        const rowid = s.rowids[i % s.rowids.length]!;
        plan.push(() => s.update(rowid));
      }
      for (let i = 0; i < w.inserted; i++) {
        const values = s.samples[i % s.samples.length]!;
        plan.push(() => s.insert(values));
      }
    }
    const t = performance.now();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const step of plan) step();
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    return performance.now() - t;
  }

  /** Drops the scratch tables. */
  close(): void {
    for (const s of this.scratch.values()) this.db.exec(`DROP TABLE IF EXISTS ${q(s.name)}`);
    this.db.close();
  }
}
