// The order list, paged by the engine for AG Grid's infinite row model.
//
// Column names are checked against an allowlist before any SQL is built. Blocks
// are read by keyset ("rows after the last one of the previous block") from the
// index that matches the sort, so scrolling never re-reads the rows above. A jump
// deep into the list first finds the key at that position: from the per-day
// counts when sorted by date, otherwise by stepping through the covering index
// alone (never the table rows), and remembers it for the next block.
import type { ColumnFilter, OrderListInput, OrderListResult, OrderListRow, StatusCounts } from '../../../shared/channels/orders';
import { DomainError } from '../../../shared/errors';
import { stmt, type Db } from '../db/connection';
import { foldText } from '../domain/fold';
import { norwegianSortKey } from '../domain/sortKey';
import { likeContains } from './sql';

type Kind = 'text' | 'number' | 'date';
interface Column {
  /** What the list sorts by (an indexed column). */
  readonly sort: string;
  /** What a filter compares against. */
  readonly filter: string;
  readonly kind: Kind;
  /** Keyset paging needs a column that is never NULL. */
  readonly notNull: boolean;
  /**
   * A value kept in another table (an employee's initials, a project's number):
   * the filter picks that table's rows and the order's key column points at them,
   * so the order's own index on the key answers (issue 12).
   */
  readonly via?: { readonly table: string; readonly key: string };
}

const COLUMNS: Readonly<Record<string, Column>> = {
  number: { sort: 'number', filter: 'number', kind: 'number', notNull: true },
  orderDate: { sort: 'order_date', filter: 'order_date', kind: 'date', notNull: true },
  deliveryDate: { sort: 'delivery_date', filter: 'delivery_date', kind: 'date', notNull: false },
  customerName: { sort: 'customer_sort', filter: 'customer_name', kind: 'text', notNull: true },
  customerNumber: { sort: 'customer_number', filter: 'customer_number', kind: 'number', notNull: true },
  orderType: { sort: 'order_type', filter: 'order_type', kind: 'number', notNull: true },
  statusId: { sort: 'status_id', filter: 'status_id', kind: 'number', notNull: true },
  customerReference: { sort: 'customer_reference', filter: 'reference_fold', kind: 'text', notNull: false },
  totalNetOre: { sort: 'total_net_ore', filter: 'total_net_ore', kind: 'number', notNull: true },
  totalGrossOre: { sort: 'total_gross_ore', filter: 'total_gross_ore', kind: 'number', notNull: true },
  invoicedNetOre: { sort: 'invoiced_net_ore', filter: 'invoiced_net_ore', kind: 'number', notNull: true },
  updatedAt: { sort: 'updated_at', filter: 'updated_at', kind: 'date', notNull: true },
  title: { sort: 'title_fold', filter: 'title_fold', kind: 'text', notNull: false },
  responsibleInitials: {
    sort: '(SELECT initials FROM employee WHERE employee.id = order_header.responsible_id)',
    filter: 'initials',
    kind: 'text',
    notNull: false,
    via: { table: 'employee', key: 'responsible_id' },
  },
  projectNumber: {
    sort: '(SELECT number FROM project WHERE project.id = order_header.project_id)',
    filter: 'number',
    kind: 'number',
    notNull: false,
    via: { table: 'project', key: 'project_id' },
  },
};
export const ORDER_LIST_COLUMN_IDS = Object.keys(COLUMNS);

const ROW_COLUMNS = `id, number, order_date AS orderDate, delivery_date AS deliveryDate, party_id AS customerId,
  customer_number AS customerNumber, customer_name AS customerName, order_type AS orderType, status_id AS statusId,
  customer_reference AS customerReference, total_net_ore AS totalNetOre, total_gross_ore AS totalGrossOre,
  invoiced_net_ore AS invoicedNetOre, updated_at AS updatedAt, title,
  (SELECT initials FROM employee WHERE employee.id = order_header.responsible_id) AS responsibleInitials,
  (SELECT number FROM project WHERE project.id = order_header.project_id) AS projectNumber`;

type Parsed = Required<Pick<OrderListInput, 'startRow' | 'endRow'>> & {
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Record<string, ColumnFilter>;
  statusId?: number | null | undefined;
  search?: string | undefined;
} & Scope;

/** Whose orders (shared/channels/orders.ts orderScopeFields). */
interface Scope {
  customerId?: number | null | undefined;
  contactId?: number | null | undefined;
  employeeId?: number | null | undefined;
  projectId?: number | null | undefined;
}

function column(colId: string, field: string): Column {
  if (!Object.prototype.hasOwnProperty.call(COLUMNS, colId)) {
    throw new DomainError(field.endsWith('colId') ? 'invalid_sort_column' : 'invalid_filter', field, {
      column: colId.slice(0, 64),
    });
  }
  return COLUMNS[colId]!;
}

/** The search box: every word must match the start of a word in the order's number, customer, references or products. */
export function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}]+/gu);
  return words?.length ? words.slice(0, 8).map((w) => `"${w}"*`).join(' ') : null;
}

interface Where {
  readonly sql: string;
  readonly params: unknown[];
  /** The same condition with named parameters @p0, @p1, … (for statements that add their own). */
  readonly named: string;
  /** Only status (or nothing) narrows the list: the trigger-kept counts answer. */
  readonly countable: boolean;
}

/** Exported for the query-plan test (test/engine/order-scope.test.ts). */
export function buildWhere(q: Parsed): Where {
  const parts = [`transaction_type = 'sales'`];
  const params: unknown[] = [];
  if (q.statusId != null) {
    parts.push('status_id = ?');
    params.push(q.statusId);
  }
  let countable = true;
  if (q.customerId != null) {
    parts.push('party_id = ?');
    params.push(q.customerId);
    countable = false;
  }
  if (q.contactId != null) {
    parts.push('contact_id = ?');
    params.push(q.contactId);
    countable = false;
  }
  if (q.employeeId != null) {
    // Two partial indexes, one per role (MULTI-INDEX OR).
    parts.push('(responsible_id = ? OR our_contact_id = ?)');
    params.push(q.employeeId, q.employeeId);
    countable = false;
  }
  if (q.projectId != null) {
    parts.push('project_id = ?');
    params.push(q.projectId);
    countable = false;
  }
  const scoped = q.customerId != null || q.contactId != null || q.employeeId != null || q.projectId != null;
  const fts = q.search ? ftsQuery(q.search) : null;
  if (fts) {
    parts.push('id IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)');
    params.push(fts);
    countable = false;
  }
  // With a customer or a search, the party index or the search's row ids must
  // drive the query. Without statistics the planner otherwise walks a whole
  // (transaction_type, ...) index, which every order matches: on 1,000,000
  // orders, counting one customer's orders took 1.8 s instead of 0.1 ms.
  // The unary plus keeps the condition but takes its index out of the choice.
  // (The same holds for a contact, an employee or a project, and for a filter on
  // an employee's initials or a project's number: a few ids, through their index.)
  const via = Object.keys(q.filterModel).some((colId) => Object.prototype.hasOwnProperty.call(COLUMNS, colId) && COLUMNS[colId]!.via);
  if (scoped || fts || via) parts[0] = `+transaction_type = 'sales'`;
  for (const [colId, f] of Object.entries(q.filterModel)) {
    const c = column(colId, `filterModel.${colId}`);
    if (f.filterType !== c.kind) throw new DomainError('invalid_filter', `filterModel.${colId}`, { column: colId });
    countable = false;
    if (c.via) {
      // The filter's condition selects rows of the other table; the order's key must be one of them.
      const inner: string[] = [];
      columnFilterParts(inner, params, colId, c, f);
      parts.push(`${c.via.key} IN (SELECT id FROM ${c.via.table} WHERE ${inner.join(' AND ')})`);
    } else {
      columnFilterParts(parts, params, colId, c, f);
    }
  }
  const sql = parts.join(' AND ');
  let i = 0;
  return { sql, params, countable, named: sql.replace(/\?/g, () => `@p${i++}`) };
}

/** One column filter's conditions on `c.filter`. */
function columnFilterParts(parts: string[], params: unknown[], colId: string, c: Column, f: ColumnFilter): void {
  if (f.filterType === 'text') {
    // Text is compared folded (domain/fold.ts): the customer's name through its sort key
    // (the fold with Æ, Ø, Å placed after Z), a reference or title through its folded copy;
    // initials are stored in capitals (shared/channels/people.ts), and compared so.
    const [expr, value] =
      colId === 'customerName'
        ? ['customer_sort', norwegianSortKey(f.filter)]
        : colId === 'responsibleInitials'
          ? [c.filter, f.filter.trim().toLocaleUpperCase('nb')]
          : [c.filter, foldText(f.filter.trim())];
    if (f.type === 'startsWith') {
      // A range uses the customer index.
      parts.push(`${expr} >= ? AND ${expr} < ?`);
      params.push(value, `${value}\u{10FFFF}`);
    } else if (f.type === 'equals') {
      parts.push(`${expr} = ?`);
      params.push(value);
    } else {
      parts.push(`${expr} LIKE ? ESCAPE '\\'`);
      params.push(likeContains(value));
    }
  } else if (f.filterType === 'number') {
    rangeFilter(parts, params, c.filter, f.type, f.filter, f.filterTo ?? null);
  } else {
    const from = f.dateFrom.slice(0, 10);
    const to = f.dateTo?.slice(0, 10) ?? null;
    rangeFilter(parts, params, `substr(${c.filter}, 1, 10)`, f.type, from, to);
  }
}

function rangeFilter(
  parts: string[],
  params: unknown[],
  expr: string,
  type: 'equals' | 'lessThan' | 'greaterThan' | 'inRange',
  from: number | string,
  to: number | string | null,
): void {
  switch (type) {
    case 'equals':
      parts.push(`${expr} = ?`);
      params.push(from);
      return;
    case 'lessThan':
      parts.push(`${expr} < ?`);
      params.push(from);
      return;
    case 'greaterThan':
      parts.push(`${expr} > ?`);
      params.push(from);
      return;
    case 'inRange':
      parts.push(`${expr} BETWEEN ? AND ?`);
      params.push(from, to ?? from);
      return;
    default: {
      const never: never = type;
      throw new Error(`unhandled filter ${String(never)}`);
    }
  }
}

interface Sort {
  readonly colId: string;
  readonly column: Column;
  readonly dir: 'asc' | 'desc';
}

function buildSort(q: Parsed): Sort[] {
  if (q.sortModel.length === 0) return [{ colId: 'number', column: COLUMNS.number!, dir: 'desc' }];
  return q.sortModel.map((s, i) => ({ colId: s.colId, column: column(s.colId, `sortModel.${i}.colId`), dir: s.sort }));
}

/** The row columns, plus the sort key (which may differ from what is shown, as for customer names). */
function selectList(sort: readonly Sort[]): string {
  return `${ROW_COLUMNS}, ${sort[0]!.column.sort} AS sortKey`;
}

function orderBy(sort: readonly Sort[]): string {
  const last = sort[sort.length - 1]!.dir;
  return [...sort.map((s) => `${s.column.sort} ${s.dir.toUpperCase()}`), `id ${last.toUpperCase()}`].join(', ');
}

/** A position's key: the sort value and the id of the row just before it. */
type Boundary = readonly [unknown, number];

interface CacheEntry {
  dataVersion: number;
  rowCount: number | null;
  boundaries: Map<number, Boundary>;
}
const caches = new WeakMap<Db, Map<string, CacheEntry>>();
const MAX_QUERIES = 32;
const MAX_BOUNDARIES = 4096;

function cacheFor(db: Db, key: string, dataVersion: number): CacheEntry {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  let entry = perDb.get(key);
  if (!entry || entry.dataVersion !== dataVersion) {
    entry = { dataVersion, rowCount: null, boundaries: new Map() };
    perDb.delete(key);
    if (perDb.size >= MAX_QUERIES) perDb.delete(perDb.keys().next().value!);
  } else {
    perDb.delete(key); // re-insert below: most recently used last
  }
  perDb.set(key, entry);
  return entry;
}

function remember(entry: CacheEntry, position: number, b: Boundary): void {
  if (entry.boundaries.size >= MAX_BOUNDARIES) entry.boundaries.delete(entry.boundaries.keys().next().value!);
  entry.boundaries.set(position, b);
}

function countRows(db: Db, q: Parsed, where: Where): number {
  if (where.countable) {
    const r =
      q.statusId != null
        ? stmt(db, `SELECT coalesce(sum(n), 0) AS n FROM order_status_count WHERE transaction_type = 'sales' AND status_id = ?`).get(
            q.statusId,
          )
        : stmt(db, `SELECT coalesce(sum(n), 0) AS n FROM order_status_count WHERE transaction_type = 'sales'`).get();
    return (r as { n: number }).n;
  }
  return (stmt(db, `SELECT count(*) AS n FROM order_header WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

/**
 * Where the counts for a sort live: a table of (key, n) per status and in
 * total, and how to find a row inside one key's group through the index.
 */
interface PositionCounts {
  readonly perStatus: string;
  readonly total: string;
  /** The rows of one group, in list order, as (sort value, id). */
  readonly within: (where: string, dir: string) => string;
}

const POSITION_COUNTS: Readonly<Record<string, PositionCounts>> = {
  orderDate: {
    perStatus: `SELECT order_date AS k, n FROM order_day_count WHERE transaction_type = 'sales' AND status_id = @status AND n > 0`,
    total: `SELECT order_date AS k, n FROM order_day_total WHERE transaction_type = 'sales' AND n > 0`,
    within: (where, dir) => `SELECT order_date AS k, id FROM order_header WHERE ${where} AND order_date = @key ORDER BY id ${dir} LIMIT 1 OFFSET @skip`,
  },
  number: {
    perStatus: `SELECT block AS k, n FROM order_number_block WHERE transaction_type = 'sales' AND status_id = @status AND n > 0`,
    total: `SELECT block AS k, n FROM order_number_block_total WHERE transaction_type = 'sales' AND n > 0`,
    within: (where, dir) =>
      `SELECT number AS k, id FROM order_header WHERE ${where} AND number BETWEEN @key * 1024 AND @key * 1024 + 1023
       ORDER BY number ${dir}, id ${dir} LIMIT 1 OFFSET @skip`,
  },
  customerName: {
    perStatus: `SELECT customer_sort AS k, n FROM order_customer_count WHERE transaction_type = 'sales' AND status_id = @status AND n > 0`,
    total: `SELECT customer_sort AS k, n FROM order_customer_total WHERE transaction_type = 'sales' AND n > 0`,
    within: (where, dir) => `SELECT customer_sort AS k, id FROM order_header WHERE ${where} AND customer_sort = @key ORDER BY id ${dir} LIMIT 1 OFFSET @skip`,
  },
};

/**
 * The key of the row just before `position` (1-based), found without stepping
 * over the rows above it: running sums over the trigger-kept counts find its
 * group (a day, a block of order numbers, a customer), the index finds it
 * inside the group. Other sorts and filters step through the covering index alone.
 */
function seek(db: Db, q: Parsed, where: Where, sort: Sort, position: number): Boundary | null {
  const counts = where.countable ? POSITION_COUNTS[sort.colId] : undefined;
  if (counts) {
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
    const groups = q.statusId != null ? counts.perStatus : counts.total;
    const group = stmt(
      db,
      `SELECT k, cum - n AS before FROM (
         SELECT k, n, sum(n) OVER (ORDER BY k ${dir} ROWS UNBOUNDED PRECEDING) AS cum FROM (${groups}))
       WHERE cum >= @position LIMIT 1`,
    ).get(q.statusId != null ? { status: q.statusId, position } : { position }) as { k: unknown; before: number } | undefined;
    if (!group) return null;
    const named = Object.fromEntries(where.params.map((p, i) => [`p${i}`, p]));
    const row = stmt(db, counts.within(where.named, dir)).get({ ...named, key: group.k, skip: position - group.before - 1 }) as
      | { k: unknown; id: number }
      | undefined;
    return row ? [row.k, row.id] : null;
  }
  const row = stmt(db, `SELECT ${sort.column.sort} AS k, id FROM order_header WHERE ${where.sql} ORDER BY ${orderBy([sort])} LIMIT 1 OFFSET ?`).get(
    ...where.params,
    position - 1,
  ) as { k: unknown; id: number } | undefined;
  return row ? [row.k, row.id] : null;
}

export function listOrders(db: Db, q: Parsed, dataVersion: number): OrderListResult {
  const sort = buildSort(q);
  const where = buildWhere(q);
  const limit = q.endRow - q.startRow;
  const entry = cacheFor(
    db,
    JSON.stringify([sort.map((s) => [s.colId, s.dir]), q.filterModel, q.statusId, q.customerId, q.contactId, q.employeeId, q.projectId, q.search]),
    dataVersion,
  );
  entry.rowCount ??= countRows(db, q, where);

  const single = sort.length === 1 && sort[0]!.column.notNull ? sort[0]! : null;
  let rows: (OrderListRow & { sortKey?: unknown })[];
  if (!single) {
    // Multi-column sorts and nullable columns page by offset; they are rare and narrow.
    rows = stmt(db, `SELECT ${selectList(sort)} FROM order_header WHERE ${where.sql} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, q.startRow) as OrderListRow[];
  } else if (q.startRow === 0) {
    rows = stmt(db, `SELECT ${selectList(sort)} FROM order_header WHERE ${where.sql} ORDER BY ${orderBy(sort)} LIMIT ?`)
      .all(...where.params, limit) as OrderListRow[];
  } else {
    let boundary = entry.boundaries.get(q.startRow) ?? null;
    if (!boundary && q.startRow < entry.rowCount) {
      boundary = seek(db, q, where, single, q.startRow);
      if (boundary) remember(entry, q.startRow, boundary);
    }
    const op = single.dir === 'asc' ? '>' : '<';
    rows = boundary
      ? (stmt(db, 
            `SELECT ${selectList(sort)} FROM order_header WHERE ${where.sql} AND (${single.column.sort}, id) ${op} (?, ?)
             ORDER BY ${orderBy(sort)} LIMIT ?`,
          )
          .all(...where.params, boundary[0], boundary[1], limit) as OrderListRow[])
      : [];
  }
  if (single && rows.length === limit) {
    const last = rows[rows.length - 1]!;
    remember(entry, q.endRow, [last.sortKey, last.id]);
  }
  for (const r of rows) delete r.sortKey;
  return { rows, rowCount: entry.rowCount };
}

export function statusCounts(
  db: Db,
  q: Scope & { search?: string | undefined; filterModel: Record<string, ColumnFilter> },
): StatusCounts {
  const where = buildWhere({ startRow: 0, endRow: 1, sortModel: [], ...q });
  const byStatus = where.countable
    ? (stmt(
        db,
        `SELECT status_id AS statusId, n AS count FROM order_status_count WHERE transaction_type = 'sales' AND n > 0`,
      ).all() as { statusId: number; count: number }[])
    : (stmt(db, `SELECT status_id AS statusId, count(*) AS count FROM order_header WHERE ${where.sql} GROUP BY status_id`)
        .all(...where.params) as { statusId: number; count: number }[]);
  return { total: byStatus.reduce((s, r) => s + r.count, 0), byStatus };
}
