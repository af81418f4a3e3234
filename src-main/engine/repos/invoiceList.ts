// The invoice screen's list (SPEC 11), paged by the engine for AG Grid's
// infinite row model like the order list: column names are checked against an
// allowlist before any SQL is built, the tabs filter by the derived state
// (INVOICE_STATE_SQL), and the search folds Norwegian letters (domain/fold.ts).
import type { ColumnFilter } from '../../../shared/channels/orders';
import { INVOICE_TABS, type InvoiceBalance, type InvoicePage, type InvoiceTab } from '../../../shared/channels/receivables';
import { DomainError } from '../../../shared/errors';
import { stmt, type Db } from '../db/connection';
import { foldedSearch, foldText } from '../domain/fold';
import { BALANCE_SELECT, OUTSTANDING_SQL, toBalance, type BalanceRow } from './payments';
import { likeContains, likePrefix } from './sql';

type Kind = 'text' | 'number' | 'date';
/** Each column the grid may sort or filter by, as an expression over the balance rows (alias r). */
const COLUMNS: Readonly<Record<string, { readonly expr: string; readonly kind: Kind }>> = {
  number: { expr: 'r.number', kind: 'number' },
  invoiceDate: { expr: 'r.invoice_date', kind: 'date' },
  dueDate: { expr: 'r.due_date', kind: 'date' },
  customerNumber: { expr: 'r.customer_number', kind: 'number' },
  customerName: { expr: 'r.customer_fold', kind: 'text' },
  kid: { expr: 'r.kid', kind: 'text' },
  payableOre: { expr: 'r.payable_ore', kind: 'number' },
  paidOre: { expr: 'r.paid_ore', kind: 'number' },
  creditedOre: { expr: 'r.credited_ore', kind: 'number' },
  outstandingOre: { expr: 'r.outstanding_ore', kind: 'number' },
  state: { expr: 'r.state', kind: 'text' },
  reminderLevel: { expr: 'r.reminder_level', kind: 'number' },
};
export const INVOICE_LIST_COLUMN_IDS = Object.keys(COLUMNS);

/** The balance rows with what the list sorts and filters by; a subquery so the derived state can be filtered on. */
const ROWS = `(SELECT x.*, ${OUTSTANDING_SQL.replace(/\bb\./g, 'x.')} AS outstanding_ore, p.name_fold AS customer_fold, p.name_sort AS customer_sort
  FROM (${BALANCE_SELECT}) x JOIN party p ON p.id = x.party_id) r`;

interface Query {
  readonly tab?: InvoiceTab | undefined;
  readonly customerId?: number | null | undefined;
  readonly search?: string | undefined;
  readonly filterModel?: Readonly<Record<string, ColumnFilter>>;
}

function column(colId: string, field: string) {
  if (!Object.prototype.hasOwnProperty.call(COLUMNS, colId)) {
    throw new DomainError(field.endsWith('colId') ? 'invalid_sort_column' : 'invalid_filter', field, { column: colId.slice(0, 64) });
  }
  return COLUMNS[colId]!;
}

/** The conditions of a query (named parameters), without the tab. */
function conditions(q: Query, params: Record<string, unknown>): string[] {
  const parts: string[] = [];
  if (q.customerId != null) {
    parts.push('r.party_id = @customerId');
    params.customerId = q.customerId;
  }
  const search = foldedSearch(q.search);
  if (search) {
    // Invoice number, KID and customer number by their start; the customer's name anywhere, folded.
    parts.push(`(CAST(r.number AS TEXT) LIKE @searchPrefix ESCAPE '\\' OR r.kid LIKE @searchPrefix ESCAPE '\\'
      OR CAST(r.customer_number AS TEXT) = @search OR r.customer_fold LIKE @searchAny ESCAPE '\\')`);
    params.search = search;
    params.searchPrefix = likePrefix(search);
    params.searchAny = likeContains(search);
  }
  let n = 0;
  for (const [colId, f] of Object.entries(q.filterModel ?? {})) {
    const c = column(colId, `filterModel.${colId}`);
    if (f.filterType !== c.kind) throw new DomainError('invalid_filter', `filterModel.${colId}`, { column: colId });
    const a = `f${n++}`;
    const b = `f${n++}`;
    if (f.filterType === 'text') {
      params[a] = colId === 'customerName' ? foldText(f.filter.trim()) : f.filter.trim();
      if (f.type === 'equals') parts.push(`${c.expr} = @${a}`);
      else {
        params[a] = f.type === 'startsWith' ? likePrefix(params[a] as string) : likeContains(params[a] as string);
        parts.push(`${c.expr} LIKE @${a} ESCAPE '\\'`);
      }
      continue;
    }
    const [from, to] = f.filterType === 'number' ? [f.filter, f.filterTo ?? f.filter] : [f.dateFrom.slice(0, 10), f.dateTo?.slice(0, 10) ?? f.dateFrom.slice(0, 10)];
    params[a] = from;
    params[b] = to;
    const op = { equals: `= @${a}`, lessThan: `< @${a}`, greaterThan: `> @${a}`, inRange: `BETWEEN @${a} AND @${b}` }[f.type];
    parts.push(`${c.expr} ${op}`);
  }
  return parts;
}

function tabCondition(tab: InvoiceTab): string {
  const states = INVOICE_TABS.find((t) => t.key === tab)!.states;
  return `r.state IN (${states.map((s) => `'${s}'`).join(', ')})`;
}

const where = (parts: readonly string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');

export function invoicePage(
  db: Db,
  q: Query & { startRow: number; endRow: number; sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[] },
  today: string,
): InvoicePage {
  const params: Record<string, unknown> = { today };
  const parts = conditions(q, params);
  if (q.tab && q.tab !== 'all') parts.push(tabCondition(q.tab));
  const sort = q.sortModel.length ? q.sortModel : [{ colId: 'number', sort: 'desc' as const }];
  const order = sort.map((s, i) => {
    // The customer's name sorts by its Norwegian sort key (Æ, Ø, Å after Z).
    const expr = s.colId === 'customerName' ? 'r.customer_sort' : column(s.colId, `sortModel.${i}.colId`).expr;
    return `${expr} ${s.sort.toUpperCase()}`;
  });
  const lastDir = sort[sort.length - 1]!.sort.toUpperCase();
  const rows = stmt(
    db,
    `SELECT r.* FROM ${ROWS} ${where(parts)} ORDER BY ${[...order, `r.invoice_id ${lastDir}`].join(', ')} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: q.endRow - q.startRow, offset: q.startRow }) as BalanceRow[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM ${ROWS} ${where(parts)}`).get(params) as { n: number };
  return { rows: rows.map((r): InvoiceBalance => toBalance(r, today)), rowCount: n };
}

/** How many invoices each tab holds under the same search and customer (one pass, counted by state). */
export function invoiceTabCounts(db: Db, q: Query, today: string): Record<InvoiceTab, number> {
  const params: Record<string, unknown> = { today };
  const parts = conditions(q, params);
  const byState = new Map(
    (stmt(db, `SELECT r.state, count(*) AS n FROM ${ROWS} ${where(parts)} GROUP BY r.state`).all(params) as { state: string; n: number }[]).map((r) => [
      r.state,
      r.n,
    ]),
  );
  return Object.fromEntries(
    INVOICE_TABS.map((t) => [t.key, (t.states as readonly string[]).reduce((sum, s) => sum + (byState.get(s) ?? 0), 0)]),
  ) as Record<InvoiceTab, number>;
}
