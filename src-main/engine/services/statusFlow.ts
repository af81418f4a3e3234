// The status flow editor (issue 13). The administrator names, hides, orders and
// colours the sales statuses and adds statuses of a kind; the kind decides what
// an order in it does (shared/kinds.ts). A preset switch or a removal moves the
// orders that stand in a status to one of the new flow: by default a status of
// the same kind, or one the administrator picks, refused where the two kinds
// differ in stock or invoicing (domain/statusFlows.ts moveDifference).
import type { ChannelParsed } from '../../../shared/catalog';
import type { FlowMove, FlowPreview, FlowTarget, FlowView } from '../../../shared/channels/statusFlow';
import { STATUS_KIND_LABELS, type StatusKind, type StatusPreset } from '../../../shared/enums';
import { DomainError, errorData, type DomainErrorData } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { foldText } from '../domain/fold';
import { flowKinds, moveDifference, statusSeeds } from '../domain/statusFlows';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import {
  insertStatus,
  listStatuses,
  moveOrdersToStatus,
  orderCountsByStatus,
  removeStatus,
  setStatusOrder,
  setStatusPreset,
  updateStatus,
  type StoredStatus,
} from '../repos/statuses';

type ChangeInput = ChannelParsed<'statusFlow.preview'>;

function presetOf(db: Db): StatusPreset {
  const company = getCompany(db);
  if (!company) throw new DomainError('company_missing');
  return company.statusPreset;
}

const byPick = (a: StoredStatus, b: StoredStatus): number => Number(a.hidden) - Number(b.hidden) || a.sortOrder - b.sortOrder || a.id - b.id;

/** The flow as the editor shows it; inFlow as statuses.list says it (the preset's kinds, not hidden). */
export function flowView(db: Db): FlowView {
  const preset = presetOf(db);
  const flow = new Set(flowKinds(preset));
  const counts = orderCountsByStatus(db);
  return {
    preset,
    statuses: listStatuses(db, 'sales').map((s) => ({ ...s, inFlow: !s.hidden && flow.has(s.kind), orders: counts.get(s.id) ?? 0 })),
  };
}

function findStatus(statuses: readonly StoredStatus[], id: number, field: string): StoredStatus {
  const s = statuses.find((x) => x.id === id);
  if (!s) throw new DomainError('not_found', field, { entity: 'status', id });
  return s;
}

const kindParams = (kind: StatusKind) => ({ kind: STATUS_KIND_LABELS[kind].nb, kindEn: STATUS_KIND_LABELS[kind].en });

/** Labels: not empty, not the same (folded: case and æøå) as another status's. */
function checkLabels(statuses: readonly StoredStatus[], selfId: number | null, labelNb: string, labelEn: string): void {
  if (!labelNb) throw new DomainError('status_label_empty', 'labelNb', { lang: 'nb' });
  if (!labelEn) throw new DomainError('status_label_empty', 'labelEn', { lang: 'en' });
  const others = statuses.filter((s) => s.id !== selfId);
  if (others.some((s) => foldText(s.labelNb) === foldText(labelNb))) throw new DomainError('status_label_duplicate', 'labelNb', { label: labelNb });
  if (others.some((s) => foldText(s.labelEn) === foldText(labelEn))) throw new DomainError('status_label_duplicate', 'labelEn', { label: labelEn });
}

/**
 * Refuses leaving a kind of the company's flow without a visible status (its
 * step would drop out of the status bar and of Alt+→) or any kind without a
 * status at all (the engine's actions move orders to a status of their kind).
 */
function checkKindKept(db: Db, status: StoredStatus, after: readonly StoredStatus[], field: string): void {
  const same = after.filter((s) => s.kind === status.kind);
  const needsVisible = flowKinds(presetOf(db)).includes(status.kind) && !status.hidden;
  if (same.length === 0 || (needsVisible && !same.some((s) => !s.hidden))) {
    throw new DomainError('status_last_of_kind', field, { status: status.labelNb, statusEn: status.labelEn, ...kindParams(status.kind) });
  }
}

function log(ctx: HandlerContext, action: string, before: unknown, after: unknown): void {
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: 1, action, before, after });
}

export function updateFlowStatus(ctx: HandlerContext, input: ChannelParsed<'statusFlow.update'>): FlowView {
  const { db } = ctx;
  const statuses = listStatuses(db, 'sales');
  const status = findStatus(statuses, input.id, 'id');
  checkLabels(statuses, status.id, input.labelNb, input.labelEn);
  if (input.hidden && !status.hidden) {
    const count = orderCountsByStatus(db).get(status.id) ?? 0;
    if (count > 0) throw new DomainError('status_hide_with_orders', 'hidden', { status: status.labelNb, statusEn: status.labelEn, count });
    checkKindKept(db, status, statuses.map((s) => (s.id === status.id ? { ...s, hidden: true } : s)), 'id');
  }
  updateStatus(db, status.id, input);
  log(ctx, 'status_update', status, { ...status, ...input });
  return flowView(db);
}

export function addFlowStatus(ctx: HandlerContext, input: ChannelParsed<'statusFlow.add'>): FlowView {
  const { db } = ctx;
  const statuses = listStatuses(db, 'sales');
  checkLabels(statuses, null, input.labelNb, input.labelEn);
  // After the last status of its kind (visible ones), or at the end of the visible statuses.
  const ordered = [...statuses].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const sameKind = ordered.filter((s) => s.kind === input.kind && !s.hidden).at(-1);
  const anchor = sameKind ?? ordered.filter((s) => !s.hidden).at(-1);
  const id = insertStatus(db, { kind: input.kind, labelNb: input.labelNb, labelEn: input.labelEn, hidden: false, colour: input.colour, sortOrder: 0 });
  const ids = ordered.map((s) => s.id);
  ids.splice(anchor ? ids.indexOf(anchor.id) + 1 : 0, 0, id);
  setStatusOrder(db, ids);
  log(ctx, 'status_add', null, { id, ...input });
  return flowView(db);
}

export function reorderFlow(ctx: HandlerContext, ids: readonly number[]): FlowView {
  const { db } = ctx;
  const statuses = listStatuses(db, 'sales');
  const known = new Set(statuses.map((s) => s.id));
  if (ids.length !== statuses.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw new DomainError('status_reorder_incomplete', 'ids');
  }
  setStatusOrder(db, ids);
  log(ctx, 'status_reorder', statuses.map((s) => s.id), ids);
  return flowView(db);
}

// ---- Preset switch and removal -----------------------------------------------------

interface Plan {
  readonly preview: FlowPreview;
  /** For a preset switch: the statuses kept (one per kind) with their new labels, hidden and place. */
  readonly relabel: readonly FlowTarget[];
  readonly remove: readonly number[];
}

function plan(db: Db, input: ChangeInput): Plan {
  const statuses = listStatuses(db, 'sales');
  const counts = orderCountsByStatus(db);
  let preset = presetOf(db);
  let targets: FlowTarget[];
  let remove: number[];
  let relabel: FlowTarget[] = [];
  let sources: StoredStatus[];
  if (input.preset !== undefined) {
    // Not a reset: switching to the preset in force would only undo the administrator's names and added statuses.
    if (input.preset === preset) throw new DomainError('flow_preset_same', 'preset');
    preset = input.preset;
    // Each kind keeps the status an action picks for it (visible first); the others go.
    targets = statusSeeds(input.preset).map((seed) => {
      const keep = statuses.filter((s) => s.kind === seed.kind).sort(byPick)[0];
      if (!keep) throw new DomainError('status_missing', null, { kind: STATUS_KIND_LABELS[seed.kind].nb });
      return { id: keep.id, kind: seed.kind, labelNb: seed.labelNb, labelEn: seed.labelEn, hidden: seed.hidden };
    });
    relabel = targets;
    const kept = new Set(targets.map((t) => t.id));
    remove = statuses.filter((s) => !kept.has(s.id)).map((s) => s.id);
    sources = statuses;
  } else {
    const removed = findStatus(statuses, input.removeId!, 'removeId');
    const rest = statuses.filter((s) => s.id !== removed.id);
    checkKindKept(db, removed, rest, 'removeId');
    targets = rest.map((s) => ({ id: s.id, kind: s.kind, labelNb: s.labelNb, labelEn: s.labelEn, hidden: s.hidden }));
    remove = [removed.id];
    sources = [removed];
  }
  const chosen = new Map(input.targets.map((t) => [t.statusId, t.targetId]));
  const moves: FlowMove[] = sources
    .filter((s) => (counts.get(s.id) ?? 0) > 0)
    .map((s) => {
      const count = counts.get(s.id) ?? 0;
      const sameKind = targets.filter((t) => t.kind === s.kind);
      const defaultTarget = sameKind.find((t) => t.id === s.id) ?? [...sameKind].sort((a, b) => Number(a.hidden) - Number(b.hidden))[0]!;
      const targetId = chosen.get(s.id) ?? defaultTarget.id;
      const target = targets.find((t) => t.id === targetId);
      const names = { status: s.labelNb, statusEn: s.labelEn, count };
      let refusal: DomainErrorData | null = null;
      if (!target) refusal = errorData('flow_target_unknown', 'targets', names);
      else {
        const diff = moveDifference(s.kind, target.kind);
        if (diff) refusal = errorData('flow_move_refused', 'targets', { ...names, target: target.labelNb, targetEn: target.labelEn, reason: diff.nb, reasonEn: diff.en });
      }
      return { statusId: s.id, kind: s.kind, labelNb: s.labelNb, labelEn: s.labelEn, orders: count, defaultTargetId: defaultTarget.id, targetId, refusal };
    });
  return { preview: { preset, targets, moves, ok: moves.every((m) => m.refusal === null) }, relabel, remove };
}

export function previewFlowChange(db: Db, input: ChangeInput): FlowPreview {
  return plan(db, input).preview;
}

/** The switch or removal as previewed, all in the handler's one transaction; refused whole at the first refused move. */
export function applyFlowChange(ctx: HandlerContext, input: ChangeInput): FlowView {
  const { db } = ctx;
  const at = ctx.now.toISOString();
  const { preview, relabel, remove } = plan(db, input);
  const refused = preview.moves.find((m) => m.refusal !== null);
  if (refused?.refusal) throw new DomainError(refused.refusal.code, refused.refusal.field, refused.refusal.params);
  const before = flowView(db);
  const moved = preview.moves
    .filter((m) => m.targetId !== m.statusId)
    .map((m) => ({ from: m.statusId, to: m.targetId, orders: moveOrdersToStatus(db, m.statusId, m.targetId, at) }));
  for (const id of remove) removeStatus(db, id, at);
  if (input.preset !== undefined) {
    for (const t of relabel) {
      const kept = before.statuses.find((s) => s.id === t.id)!;
      updateStatus(db, t.id, { labelNb: t.labelNb, labelEn: t.labelEn, hidden: t.hidden, colour: kept.colour });
    }
    setStatusOrder(db, relabel.map((t) => t.id));
    setStatusPreset(db, input.preset, at);
  }
  log(ctx, input.preset !== undefined ? 'status_preset_switch' : 'status_remove', { preset: before.preset, statuses: before.statuses }, {
    preset: preview.preset,
    removed: remove,
    moved,
  });
  return flowView(db);
}
