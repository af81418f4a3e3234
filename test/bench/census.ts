// Counting the rows an operation writes, table by table, for the write bench's
// baseline: the same channel handlers the engine runs (schema-validated input,
// a HandlerContext built as engine.ts builds it), on a connection of its own, in
// a transaction that is rolled back, so the database is left as it was.
//
// Ordinary tables are counted by TEMP triggers (AFTER INSERT / UPDATE / DELETE,
// visible to this connection only), which also catch the rows the schema's own
// triggers write (the count tables behind the status tabs and list positions).
// The search index is a virtual table, which takes no triggers: its rows are
// counted at the statements that write it (each insert one row, each delete the
// rows it removed). FTS5's internal shadow rows are not counted.
import { channels, type ChannelName } from '../../shared/catalog';
import { isoToday, type HandlerContext } from '../../src-main/engine/context';
import { openDatabase, type Db } from '../../src-main/engine/db/connection';
import { OPEN_WORKSTATION, guardAll } from '../../src-main/engine/domain/rights';
import { handlers } from '../../src-main/engine/handlers';

export interface TableWrites {
  inserted: number;
  updated: number;
  deleted: number;
}

export interface RowCensus {
  /** Row writes per table (the search index as 'order_search'). */
  readonly byTable: Readonly<Record<string, TableWrites>>;
  /** All row writes: inserted + updated + deleted over every table. */
  readonly total: number;
}

export interface Call {
  readonly channel: ChannelName;
  readonly input: unknown;
  /** What the handler's prepare step made of the input outside the transaction (an import's file read; handlers/types.ts). */
  readonly prepared?: unknown;
}

const SEARCH_TABLE = 'order_search';

export class Census {
  private readonly db: Db;
  private fts: TableWrites = { inserted: 0, updated: 0, deleted: 0 };

  constructor(private readonly file: string) {
    this.db = openDatabase(file);
    const db = this.db;
    // Count the search index's rows at its statements (prepared through this connection).
    const prepare = db.prepare.bind(db);
    const counted = (insert: boolean, n: number) => {
      if (insert) this.fts.inserted += n;
      else this.fts.deleted += n;
    };
    db.prepare = ((sql: string) => {
      const s = prepare(sql);
      const m = /^\s*(INSERT INTO|DELETE FROM)\s+order_search\b(?!\s*\(\s*order_search\b)/i.exec(sql);
      if (!m) return s;
      const run = s.run.bind(s);
      const insert = m[1]!.toUpperCase().startsWith('INSERT');
      (s as { run: typeof s.run }).run = ((...params: unknown[]) => {
        const info = run(...(params as []));
        counted(insert, info.changes);
        return info;
      }) as typeof s.run;
      return s;
    }) as typeof db.prepare;

    db.exec('CREATE TEMP TABLE census (tbl TEXT NOT NULL, op TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (tbl, op))');
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name <> ? AND name NOT LIKE ? AND sql NOT LIKE 'CREATE VIRTUAL%'`,
      )
      .all(SEARCH_TABLE, `${SEARCH_TABLE}_%`) as { name: string }[];
    for (const { name } of tables) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        db.exec(
          `CREATE TEMP TRIGGER "census_${name}_${op}" AFTER ${op} ON main."${name}" BEGIN
             INSERT INTO census VALUES ('${name}', '${op.toLowerCase()}', 1) ON CONFLICT DO UPDATE SET n = n + 1;
           END`,
        );
      }
    }
  }

  /** Runs the calls one after another in one transaction, counts what they wrote, and rolls it all back. */
  count(calls: readonly Call[]): RowCensus {
    const db = this.db;
    const now = new Date();
    const ctx: HandlerContext = {
      db,
      now,
      today: isoToday(now),
      actor: OPEN_WORKSTATION,
      guard: guardAll(OPEN_WORKSTATION),
      userId: null,
      session: { login: () => undefined, logout: () => undefined },
      dataFile: this.file,
      appVersion: 'bench',
      dataVersion: 0,
    };
    this.fts = { inserted: 0, updated: 0, deleted: 0 };
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const c of calls) {
        const parsed = channels[c.channel].input.safeParse(c.input);
        if (!parsed.success) throw new Error(`census: ${c.channel}: bad input`);
        const handler = handlers[c.channel];
        // A task (backup, restore, export) runs outside a transaction and is not counted here.
        if ('task' in handler) throw new Error(`census: ${c.channel} is a task`);
        (handler.run as (i: unknown, x: HandlerContext, p?: unknown) => unknown)(parsed.data, ctx, c.prepared);
      }
      const byTable: Record<string, TableWrites> = {};
      for (const r of db.prepare('SELECT tbl, op, n FROM census').all() as { tbl: string; op: string; n: number }[]) {
        const t = (byTable[r.tbl] ??= { inserted: 0, updated: 0, deleted: 0 });
        if (r.op === 'insert') t.inserted += r.n;
        else if (r.op === 'update') t.updated += r.n;
        else t.deleted += r.n;
      }
      if (this.fts.inserted + this.fts.deleted > 0) byTable[SEARCH_TABLE] = { ...this.fts };
      const total = Object.values(byTable).reduce((s, t) => s + t.inserted + t.updated + t.deleted, 0);
      return { byTable, total };
    } finally {
      db.exec('ROLLBACK');
    }
  }

  close(): void {
    this.db.close();
  }
}

/** "order_line 10 ins, 20 upd; ..." for a report. */
export function describeCensus(c: RowCensus): string {
  return Object.entries(c.byTable)
    .sort((a, b) => total(b[1]) - total(a[1]))
    .map(([t, w]) => `${t} ${[w.inserted && `+${w.inserted}`, w.updated && `~${w.updated}`, w.deleted && `-${w.deleted}`].filter(Boolean).join('')}`)
    .join(', ');
}

const total = (w: TableWrites) => w.inserted + w.updated + w.deleted;
