// Projects (issue 12): numbered from the 'project' series, searched through the
// folded name and the customer's folded name.
import type { Project } from '../../../shared/channels/people';
import type { OrderTypeId, ProjectStatus, StatusKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { foldText, foldedSearch } from '../domain/fold';
import { likeContains, likePrefix } from './sql';

interface ProjectRow {
  id: number;
  number: number;
  name: string;
  party_id: number | null;
  customer_name: string | null;
  responsible_id: number | null;
  responsible_name: string | null;
  status: ProjectStatus;
  start_date: string | null;
  end_date: string | null;
  description: string | null;
  version: number;
}

const SELECT = `SELECT p.id, p.number, p.name, p.party_id, c.name AS customer_name, p.responsible_id, e.name AS responsible_name,
    p.status, p.start_date, p.end_date, p.description, p.version
  FROM project p LEFT JOIN party c ON c.id = p.party_id LEFT JOIN employee e ON e.id = p.responsible_id`;

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  number: r.number,
  name: r.name,
  customerId: r.party_id,
  customerName: r.customer_name,
  responsibleId: r.responsible_id,
  responsibleName: r.responsible_name,
  status: r.status,
  startDate: r.start_date,
  endDate: r.end_date,
  description: r.description,
  version: r.version,
});

export interface ProjectValues {
  readonly name: string;
  readonly customerId: number | null;
  readonly responsibleId: number | null;
  readonly status: ProjectStatus;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly description: string | null;
}

const params = (v: ProjectValues) => ({
  name: v.name,
  fold: foldText(v.name),
  party: v.customerId,
  responsible: v.responsibleId,
  status: v.status,
  start: v.startDate,
  end: v.endDate,
  description: v.description,
});

export function getProject(db: Db, id: number): Project | null {
  const r = stmt(db, `${SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
  return r ? toProject(r) : null;
}

export function insertProject(db: Db, number: number, v: ProjectValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO project (number, name, name_fold, party_id, responsible_id, status, start_date, end_date, description, created_at, updated_at)
       VALUES (@number, @name, @fold, @party, @responsible, @status, @start, @end, @description, @now, @now)`,
    ).run({ ...params(v), number, now }).lastInsertRowid,
  );
}

export function updateProject(db: Db, id: number, v: ProjectValues, now: string): void {
  stmt(
    db,
    `UPDATE project SET name = @name, name_fold = @fold, party_id = @party, responsible_id = @responsible, status = @status,
       start_date = @start, end_date = @end, description = @description, version = version + 1, updated_at = @now
     WHERE id = @id`,
  ).run({ ...params(v), id, now });
}

export interface ProjectQuery {
  readonly search?: string | undefined;
  readonly status?: ProjectStatus | undefined;
  readonly customerId?: number | undefined;
  readonly responsibleId?: number | undefined;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Newest number first; the search finds the number (or its start), the
 * project's name or its customer's name, folded (åsane finds Åsane).
 */
export function listProjects(db: Db, q: ProjectQuery): { rows: Project[]; total: number } {
  const folded = foldedSearch(q.search);
  const where = `(@status IS NULL OR p.status = @status)
    AND (@customer IS NULL OR p.party_id = @customer)
    AND (@responsible IS NULL OR p.responsible_id = @responsible)
    AND (@q IS NULL OR CAST(p.number AS TEXT) LIKE @prefix ESCAPE '\\' OR p.name_fold LIKE @like ESCAPE '\\'
         OR c.name_fold LIKE @like ESCAPE '\\')`;
  const p = {
    status: q.status ?? null,
    customer: q.customerId ?? null,
    responsible: q.responsibleId ?? null,
    q: folded,
    prefix: folded === null ? null : likePrefix(folded),
    like: folded === null ? null : likeContains(folded),
  };
  const rows = stmt(db, `${SELECT} WHERE ${where} ORDER BY p.number DESC LIMIT @limit OFFSET @offset`).all({
    ...p,
    limit: q.limit,
    offset: q.offset,
  }) as ProjectRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM project p LEFT JOIN party c ON c.id = p.party_id WHERE ${where}`).get(p) as { n: number }).n;
  return { rows: rows.map(toProject), total };
}

/**
 * The order header's project field: a number starting with the text first, then
 * names starting with it, then names containing it; open projects before closed.
 */
export function lookupProjects(db: Db, query: string, limit: number): Project[] {
  const q = foldedSearch(query);
  if (q === null) return [];
  const rows = stmt(
    db,
    `${SELECT}
     WHERE CAST(p.number AS TEXT) LIKE @prefix ESCAPE '\\' OR p.name_fold LIKE @like ESCAPE '\\'
     ORDER BY CASE WHEN CAST(p.number AS TEXT) LIKE @prefix ESCAPE '\\' THEN 0 WHEN p.name_fold LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END,
       p.status IN ('completed', 'cancelled'), p.number DESC
     LIMIT @limit`,
  ).all({ prefix: likePrefix(q), like: likeContains(q), limit }) as ProjectRow[];
  return rows.map(toProject);
}

export interface ProjectFigures {
  readonly salesOrderCount: number;
  readonly salesNetOre: number;
  readonly invoicedNetOre: number;
  readonly purchaseOrderCount: number;
  readonly purchaseNetOre: number;
}

/**
 * What a project's orders come to. Sales orders leave out those not (yet) sold
 * (`notSales`: quotes, budgets, unprocessed) and cancelled ones (`dropped`);
 * purchase orders leave out cancelled and replaced ones.
 */
export function projectFigures(
  db: Db,
  projectId: number,
  exclude: { notSales: readonly OrderTypeId[]; dropped: readonly StatusKind[] },
): ProjectFigures {
  const sales = stmt(
    db,
    `SELECT count(*) AS n, coalesce(sum(o.total_net_ore), 0) AS net, coalesce(sum(o.invoiced_net_ore), 0) AS invoiced
     FROM order_header o JOIN status s ON s.id = o.status_id
     WHERE o.project_id = @project AND o.transaction_type = 'sales'
       AND o.order_type NOT IN (SELECT value FROM json_each(@types))
       AND s.kind NOT IN (SELECT value FROM json_each(@kinds))`,
  ).get({ project: projectId, types: JSON.stringify(exclude.notSales), kinds: JSON.stringify(exclude.dropped) }) as {
    n: number;
    net: number;
    invoiced: number;
  };
  const purchase = stmt(
    db,
    `SELECT count(*) AS n, coalesce(sum(o.total_net_ore), 0) AS net
     FROM order_header o JOIN purchase_order po ON po.order_id = o.id
     WHERE o.project_id = ? AND o.transaction_type = 'purchase' AND po.cancelled_at IS NULL`,
  ).get(projectId) as { n: number; net: number };
  return {
    salesOrderCount: sales.n,
    salesNetOre: sales.net,
    invoicedNetOre: sales.invoiced,
    purchaseOrderCount: purchase.n,
    purchaseNetOre: purchase.net,
  };
}

/** A sales order on the project whose customer is not `customerId` (any one), or null. */
export function salesOrderOfOtherCustomer(db: Db, projectId: number, customerId: number): { number: number; customerName: string } | null {
  const r = stmt(
    db,
    `SELECT number, customer_name AS customerName FROM order_header
     WHERE project_id = ? AND transaction_type = 'sales' AND party_id <> ? ORDER BY number LIMIT 1`,
  ).get(projectId, customerId) as { number: number; customerName: string } | undefined;
  return r ?? null;
}
