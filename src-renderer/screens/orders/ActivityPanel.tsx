// The order's activity log (SPEC 6): who, when, what, newest first, in words a
// clerk reads ("Status: Bekreftet → Pakk", "Faktura 3 laget"), not the engine's action names.
// Sales orders and purchase orders share it: a purchase order's own steps are
// worded by purchasing/purchaseActivity.ts, the rest (printing, …) here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/channels/collaboration';
import type { Status } from '../../../shared/channels/orders';
import type { ActivityEntry } from '../../../shared/channels/processing';
import { SUBSCRIPTION_INTERVALS, type Language } from '../../../shared/enums';
import { formatDate, formatDateTime, formatQuantity } from '../../../shared/format';
import { useChannel, useStatuses } from '../../api/queries';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { useLanguage } from '../../i18n';
import { describePurchaseActivity } from '../purchasing/purchaseActivity';
import { CommentBox } from '../collaboration/CommentBox';
import { orderTypeLabel, statusLabel } from './labels';
import { describeFilesActivity } from './filesActivity';

/** What the log needs of the order: its id, and its lines to name them by number. */
export interface ActivitySubject {
  readonly id: number;
  readonly lines: readonly { readonly id: number; readonly lineNo: number }[];
}

/** Keys are built from the engine's action names here, so the translator is taken untyped. */
type TFunction = (key: string, options?: Record<string, unknown>) => string;
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

const EDIT_ACTIONS = new Set(['save', 'update_header', 'add_line', 'update_line', 'remove_line', 'move_line']);

/** What changed in status and order type between two snapshots of the order. */
function moves(before: Json, after: Json, statuses: readonly Status[], lang: Language, t: TFunction): string[] {
  const out: string[] = [];
  const s0 = num(before.statusId);
  const s1 = num(after.statusId);
  const label = (id: number) => statusLabel(statuses.find((s) => s.id === id), lang) || String(id);
  if (s0 !== null && s1 !== null && s0 !== s1) out.push(t('activity.statusMove', { from: label(s0), to: label(s1) }));
  const t0 = num(before.orderType);
  const t1 = num(after.orderType);
  if (t0 !== null && t1 !== null && t0 !== t1) out.push(t('activity.typeMove', { from: orderTypeLabel(t0, lang), to: orderTypeLabel(t1, lang) }));
  return out;
}

export function describeActivity(e: ActivityEntry, order: ActivitySubject, statuses: readonly Status[], lang: Language, t: TFunction): string {
  const before = obj(e.before);
  const after = obj(e.after);
  const lineNo = (id: unknown) => order.lines.find((l) => l.id === id)?.lineNo ?? '?';
  switch (e.action) {
    case 'create': {
      const parts = [t('activity.created')];
      const s = num(after.statusId);
      if (s !== null) parts.push(t('activity.inStatus', { status: statusLabel(statuses.find((x) => x.id === s), lang) }));
      const ty = num(after.orderType);
      if (ty !== null) parts.push(orderTypeLabel(ty, lang));
      return parts.join(' · ');
    }
    case 'status':
      return moves(before, after, statuses, lang, t).join(' · ') || t('activity.statusSame');
    case 'change_type':
      return moves(before, after, statuses, lang, t).join(' · ') || t('activity.typeChanged');
    case 'deliver': {
      const delivered = Array.isArray(after.delivered) ? after.delivered.map(obj) : [];
      const shorts = Array.isArray(after.closedShort) ? after.closedShort : [];
      const parts = delivered.map((d) => t('activity.deliveredLine', { line: lineNo(d.lineId), qty: formatQuantity(num(d.quantity) ?? 0) }));
      const text = parts.length ? t('activity.delivered', { lines: parts.join(', ') }) : '';
      const closed = shorts.length ? t('activity.closedShort', { lines: shorts.map(lineNo).join(', ') }) : '';
      return [text, closed].filter(Boolean).join(' · ') || t('activity.deliveredNone');
    }
    case 'invoice': {
      const n = num(after.invoiceNumber) ?? num(after.invoice);
      return n === null ? t('activity.invoiced') : t('activity.invoiceMade', { number: n });
    }
    case 'credit_note':
      return t('activity.creditNote', { number: num(after.number) ?? '', invoice: num(after.credits) ?? '' });
    case 'create_from_quote':
      return t('activity.fromQuote', { number: num(after.quoteNumber) ?? '' });
    case 'converted':
      return t('activity.converted', { number: num(after.orderNumber) ?? '' });
    case 'backorder_created':
      return t('activity.backorder', { number: num(after.from) ?? '' });
    case 'copied_from':
      return t('orderStory.copy.activity', { number: num(after.from) ?? '' });
    case 'return_loan':
      return [t('activity.loanReturned'), ...moves(before, after, statuses, lang, t)].join(' · ');
    case 'subscription': {
      const interval = SUBSCRIPTION_INTERVALS.find((s) => s.key === after.interval);
      return interval
        ? t('activity.subscription', { interval: interval[lang].toLowerCase(), start: formatDate(typeof after.start === 'string' ? after.start : '') })
        : t('activity.subscriptionEnded');
    }
    case 'job_added':
      return t('activity.jobAdded', { title: String(after.title ?? '') });
    case 'job_started':
      return t('activity.jobStarted', { title: String(after.job ?? '') });
    case 'job_completed':
      return t('activity.jobCompleted', { title: String(after.job ?? '') });
    case 'job_changed':
      return t('jobs2.activityChanged', { title: String(after.title ?? '') });
    case 'job_schedule_added':
      return t('jobs2.activityScheduleAdded', { title: String(after.title ?? '') });
    case 'jobs_generated':
      return t('jobs2.activityGenerated', { title: String(after.title ?? ''), dates: (Array.isArray(after.dates) ? after.dates : []).map((d) => formatDate(String(d))).join(', ') });
    case 'job_schedule_ended':
      return t('jobs2.activityEnded', { title: String(after.title ?? ''), date: formatDate(String(after.endDate ?? '')) });
    case 'task_added':
    case 'task_changed':
    case 'task_done':
    case 'task_reopened': {
      const who = typeof after.assigneeName === 'string' ? after.assigneeName : null;
      const text = t(`activityUi.log.${e.action}`, { title: String(after.title ?? '') });
      return e.action === 'task_added' && who ? `${text} · ${t('activityUi.log.assignedTo', { name: who })}` : text;
    }
    case 'import':
      return t('activity.imported', { source: String(after.source ?? '').toUpperCase() });
    case 'delete':
      return t('activity.deleted');
    case 'document_issued':
    case 'document_reprinted':
      return t(e.action === 'document_issued' ? 'activity.printed' : 'activity.reprinted', {
        document: t(`activity.documents.${String(after.kind)}`, { defaultValue: String(after.kind ?? '') }),
        number: num(after.number) ?? '',
      });
    default:
      if (EDIT_ACTIONS.has(e.action)) return [t('activity.edited'), ...moves(before, after, statuses, lang, t)].join(' · ');
      return describeFilesActivity(e.action, before, after, lang, t) ?? e.action;
  }
}

/** One row of the log: something the engine noted, or a comment someone wrote. */
type LogRow = { readonly kind: 'entry'; readonly e: ActivityEntry; readonly text: string } | { readonly kind: 'comment'; readonly c: Comment };

/** The log entry the engine writes for a comment names it: the comment is shown in its place. */
const commentIdOf = (e: ActivityEntry): number | null => (e.action === 'comment' ? num(obj(e.after).commentId) : null);

export function ActivityPanel(props: { order: ActivitySubject; kind?: 'sales' | 'purchase' }) {
  const { t: typed } = useTranslation();
  const t: TFunction = (key, options) => String(typed(key as never, options as never));
  const lang = useLanguage();
  const statuses = useStatuses();
  const withComments = props.kind !== 'purchase';
  const log = useChannel('activity.list', { entity: 'order', entityId: props.order.id }, { staleTime: 0 });
  const comments = useChannel('comments.list', { orderId: props.order.id }, { staleTime: 0, enabled: withComments });
  const [correcting, setCorrecting] = useState<Comment | null>(null);
  const describe = (e: ActivityEntry) =>
    (props.kind === 'purchase' ? describePurchaseActivity(e, lang, t) : null) ?? describeActivity(e, props.order, statuses.data ?? [], lang, t);
  const byId = new Map((comments.data ?? []).map((c) => [c.id, c]));
  const rows = (log.data ?? []).map((e) => ({ e, text: commentIdOf(e) === null ? describe(e) : '' }));
  // The engine notes an invoice both as made and as the order's action (and an order made from
  // purchase suggestions twice): show it once.
  const logRows: LogRow[] = rows
    .filter((r, i) => {
      const prev = rows[i - 1];
      return !(r.text && prev && prev.text === r.text && prev.e.at === r.e.at);
    })
    .flatMap((r): LogRow[] => {
      const commentId = commentIdOf(r.e);
      if (commentId === null) return [{ kind: 'entry', ...r }];
      const c = withComments ? byId.get(commentId) : undefined;
      return c ? [{ kind: 'comment', c }] : [];
    });
  // A comment the log has not caught up with yet is the newest.
  const inLog = new Set((log.data ?? []).map(commentIdOf));
  const fresh: LogRow[] = withComments
    ? (comments.data ?? [])
        .filter((c) => !inLog.has(c.id))
        .reverse()
        .map((c) => ({ kind: 'comment', c }))
    : [];
  const shown = [...fresh, ...logRows];
  const problem = log.isError ? log.error : comments.isError ? comments.error : null;
  return (
    <div className="side-section" data-testid="activity-panel">
      {problem ? <Banner error={refusalOf(problem, () => null).general} /> : null}
      {withComments ? (
        <CommentBox orderId={props.order.id} correcting={correcting} onCorrectingDone={() => setCorrecting(null)} />
      ) : null}
      {shown.length === 0 ? <p className="muted">{t('activity.none')}</p> : null}
      <ol className="activity-list">
        {shown.map((r, i) =>
          r.kind === 'entry' ? (
            <li key={`e${r.e.id}`} data-testid={`activity-${i}`}>
              <div className="activity-meta">
                <span className="num">{formatDateTime(r.e.at)}</span>
                <span>{r.e.userName ?? t('activity.workstation')}</span>
              </div>
              <div className="activity-text" data-testid={`activity-${i}-text`}>
                {r.text}
              </div>
            </li>
          ) : (
            <li key={`c${r.c.id}`} className={`activity-comment ${r.c.correctedByIds.length ? 'corrected' : ''}`} data-testid={`activity-${i}`}>
              <div className="activity-meta">
                <span className="num">{formatDateTime(r.c.at)}</span>
                <span>{r.c.author?.name ?? t('activity.workstation')}</span>
              </div>
              {r.c.correctsId !== null ? (
                <div className="comment-ref muted small" data-testid={`activity-${i}-corrects`}>
                  {t('activityUi.comments.corrects', { at: formatDateTime(byId.get(r.c.correctsId)?.at ?? '') })}
                </div>
              ) : null}
              <div className="activity-text comment-text" data-testid={`activity-${i}-text`}>
                {r.c.text}
              </div>
              <div className="comment-foot">
                {r.c.correctedByIds.length ? (
                  <span className="pill" data-testid={`activity-${i}-corrected`}>
                    {t('activityUi.comments.corrected')}
                  </span>
                ) : null}
                <button
                  type="button"
                  className="link small"
                  data-testid={`activity-${i}-correct`}
                  title={t('activityUi.comments.correctHint')}
                  onClick={() => setCorrecting(r.c)}
                >
                  {t('activityUi.comments.correct')}
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
