// Relations of an order (issue 12): the links a clerk makes (order_relation) and
// the links the program keeps where they were made (a quote's order, backorders,
// purchase amendments, the order's project), read from there and shown alike.
import { ORDER_TYPES, PROJECT_STATUSES } from '../../../shared/enums';
import { RELATION_LABELS, type Relation, type RelationCandidate, type RelationKind } from '../../../shared/channels/relations';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { foldedSearch } from '../domain/fold';
import { logActivity } from '../repos/activity';
import { orderRef, orderRefByNumber, orderRefs, ordersFrom, type OrderRef } from '../repos/orderRefs';
import {
  deleteManualRelation,
  findProjects,
  getManualRelation,
  insertManualRelation,
  manualRelationsOf,
  projectRef,
  projectRefs,
  type ManualRelationRow,
  type ProjectRef,
} from '../repos/relations';

const CANCELLED = { nb: 'Kansellert', en: 'Cancelled' };

function orderEnd(o: OrderRef): RelationCandidate {
  const quote = ORDER_TYPES.find((t) => t.id === o.orderType)?.key === 'quote';
  const kind = o.transactionType === 'purchase' ? 'purchase' : quote ? 'quote' : 'sales';
  // A purchase order's status is worked out from its lines; here only its cancellation is said.
  const status = o.transactionType === 'purchase' ? (o.cancelled ? CANCELLED : null) : { nb: o.statusNb, en: o.statusEn };
  return { kind, id: o.id, number: o.number, name: o.partyName, status };
}

function projectEnd(p: ProjectRef): RelationCandidate {
  const s = PROJECT_STATUSES.find((x) => x.key === p.status);
  return { kind: 'project', id: p.id, number: p.number, name: p.name, status: s ? { nb: s.nb, en: s.en } : null };
}

/** How the other end is named in a refusal or a log: "ordre 1234", "prosjekt 1001". */
function endName(e: RelationCandidate, lang: 'nb' | 'en'): string {
  const words = {
    sales: { nb: 'ordre', en: 'order' },
    quote: { nb: 'tilbud', en: 'quote' },
    purchase: { nb: 'innkjøpsordre', en: 'purchase order' },
    project: { nb: 'prosjekt', en: 'project' },
  } as const;
  return `${words[e.kind][lang]} ${e.number}`;
}

function orderOrRefuse(ctx: HandlerContext, id: number, field: string): OrderRef {
  const o = orderRef(ctx.db, id);
  if (!o) throw new DomainError('not_found', field, { entity: 'ordre', id });
  return o;
}

const builtIn = (kind: RelationKind, other: RelationCandidate): Relation => ({
  id: null,
  kind,
  label: RELATION_LABELS[kind],
  other,
  note: null,
  createdAt: null,
  createdByName: null,
});

/** The links the program keeps itself, as they are stored. */
function builtInRelations(ctx: HandlerContext, o: OrderRef): Relation[] {
  const from = ordersFrom(ctx.db, o.id);
  const wanted: [RelationKind, number | null][] = [
    ['quote', o.sourceOrderId],
    ['backorder_of', o.backorderOfId],
    ['amends', o.amendsId],
    ...from.made.map((id): [RelationKind, number] => ['order', id]),
    ...from.backorders.map((id): [RelationKind, number] => ['backorder', id]),
    ...from.amendedBy.map((id): [RelationKind, number] => ['amended_by', id]),
  ];
  const refs = new Map(orderRefs(ctx.db, wanted.flatMap(([, id]) => (id === null ? [] : [id]))).map((r) => [r.id, r]));
  const out = wanted.flatMap(([kind, id]) => {
    const ref = id === null ? undefined : refs.get(id);
    return ref ? [builtIn(kind, orderEnd(ref))] : [];
  });
  const project = o.projectId === null ? null : projectRef(ctx.db, o.projectId);
  if (project) out.push(builtIn('project', projectEnd(project)));
  return out;
}

function manualRelations(ctx: HandlerContext, orderId: number, rows: readonly ManualRelationRow[]): Relation[] {
  const otherOrder = (r: ManualRelationRow) => (r.otherOrderId === null ? null : r.orderId === orderId ? r.otherOrderId : r.orderId);
  const orders = new Map(orderRefs(ctx.db, rows.flatMap((r) => otherOrder(r) ?? [])).map((o) => [o.id, o]));
  const projects = new Map(projectRefs(ctx.db, rows.flatMap((r) => r.projectId ?? [])).map((p) => [p.id, p]));
  return rows.flatMap((r) => {
    const oid = otherOrder(r);
    const ref = oid !== null ? orders.get(oid) : undefined;
    const project = r.projectId !== null ? projects.get(r.projectId) : undefined;
    const other = ref ? orderEnd(ref) : project ? projectEnd(project) : null;
    if (!other) return [];
    return [{ id: r.id, kind: 'manual' as const, label: RELATION_LABELS.manual, other, note: r.note, createdAt: r.createdAt, createdByName: r.createdByName }];
  });
}

export function orderRelations(ctx: HandlerContext, orderId: number): Relation[] {
  const o = orderOrRefuse(ctx, orderId, 'orderId');
  return [...builtInRelations(ctx, o), ...manualRelations(ctx, orderId, manualRelationsOf(ctx.db, orderId))];
}

/** Whether the order is already linked to this record, by the program or by hand. */
function linkedAlready(ctx: HandlerContext, o: OrderRef, to: RelationCandidate): boolean {
  const same = (r: Relation) => r.other.id === to.id && (r.other.kind === 'project') === (to.kind === 'project');
  return orderRelations(ctx, o.id).some(same);
}

export function addRelation(ctx: HandlerContext, input: { orderId: number; to: { kind: 'order' | 'project'; id: number }; note?: string | null | undefined }): Relation {
  const o = orderOrRefuse(ctx, input.orderId, 'orderId');
  let to: RelationCandidate;
  if (input.to.kind === 'order') {
    if (input.to.id === o.id) throw new DomainError('relation_self', 'to.id');
    to = orderEnd(orderOrRefuse(ctx, input.to.id, 'to.id'));
  } else {
    const p = projectRef(ctx.db, input.to.id);
    if (!p) throw new DomainError('not_found', 'to.id', { entity: 'prosjekt', id: input.to.id });
    to = projectEnd(p);
  }
  if (linkedAlready(ctx, o, to)) throw new DomainError('relation_exists', 'to.id', { other: endName(to, 'nb'), otherEn: endName(to, 'en') });
  const at = ctx.now.toISOString();
  const note = input.note?.trim() || null;
  const id = insertManualRelation(ctx.db, {
    orderId: o.id,
    otherOrderId: to.kind === 'project' ? null : to.id,
    projectId: to.kind === 'project' ? to.id : null,
    note,
    at,
    userId: ctx.userId,
  });
  logBothSides(ctx, 'relation_added', id, o, to, note);
  return orderRelations(ctx, o.id).find((r) => r.id === id)!;
}

export function removeRelation(ctx: HandlerContext, id: number): { removed: number } {
  const row = getManualRelation(ctx.db, id);
  if (!row) throw new DomainError('not_found', 'id', { entity: 'kobling', id });
  const o = orderOrRefuse(ctx, row.orderId, 'id');
  const to = row.otherOrderId !== null ? orderEnd(orderOrRefuse(ctx, row.otherOrderId, 'id')) : projectEnd(projectRef(ctx.db, row.projectId!)!);
  deleteManualRelation(ctx.db, id);
  logBothSides(ctx, 'relation_removed', id, o, to, row.note);
  return { removed: id };
}

/** A link is logged on both of the records it joins. */
function logBothSides(ctx: HandlerContext, action: string, relationId: number, o: OrderRef, to: RelationCandidate, note: string | null): void {
  const at = ctx.now.toISOString();
  const entry = (other: RelationCandidate) => ({ relationId, other: { kind: other.kind, id: other.id, number: other.number, name: other.name }, note });
  const value = (other: RelationCandidate) => (action === 'relation_removed' ? { before: entry(other) } : { after: entry(other) });
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'order', entityId: o.id, action, ...value(to) });
  logActivity(ctx.db, { at, userId: ctx.userId, entity: to.kind === 'project' ? 'project' : 'order', entityId: to.id, action, ...value(orderEnd(o)) });
}

/** Sales orders, purchase orders and projects with this number, and projects by name. */
export function findRelationCandidates(ctx: HandlerContext, input: { orderId: number; query: string }): RelationCandidate[] {
  orderOrRefuse(ctx, input.orderId, 'orderId');
  const q = input.query.trim();
  const number = /^\d{1,9}$/.test(q) ? Number(q) : null;
  const out: RelationCandidate[] = [];
  if (number !== null) {
    for (const type of ['sales', 'purchase'] as const) {
      const ref = orderRefByNumber(ctx.db, type, number);
      if (ref && ref.id !== input.orderId) out.push(orderEnd(ref));
    }
  }
  const folded = number === null ? foldedSearch(q) : null;
  out.push(...findProjects(ctx.db, { number, folded, limit: 10 }).map(projectEnd));
  return out;
}
