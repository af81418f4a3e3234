// A purchase order's activity log in words a clerk reads: what the supplier
// answered per line, what was shipped and received, which supplier invoice was
// matched (and its price difference), the status it moved to, cancellations and
// amendments. The engine logs each step with the whole order before and after
// it, so the lines' quantities are compared here; anything not purchase-specific
// (printing, …) is left to the sales wording (null).
import type { ActivityEntry } from '../../../shared/channels/processing';
import { PURCHASE_STATUSES, type Language, type PurchaseStatus } from '../../../shared/enums';
import { formatAmount, formatDate, formatQuantity } from '../../../shared/format';
import { purchaseStatusLabel, purchaseTypeLabel } from './labels';

type TFunction = (key: string, options?: Record<string, unknown>) => string;
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const isStatus = (v: unknown): v is PurchaseStatus => PURCHASE_STATUSES.some((s) => s.key === v);

/** Status and order type moves between two snapshots of a purchase order. */
function moves(before: Json, after: Json, lang: Language, t: TFunction): string[] {
  const out: string[] = [];
  if (isStatus(before.status) && isStatus(after.status) && before.status !== after.status) {
    out.push(t('activity.statusMove', { from: purchaseStatusLabel(before.status, lang), to: purchaseStatusLabel(after.status, lang) }));
  }
  const t0 = num(before.orderType);
  const t1 = num(after.orderType);
  if (t0 !== null && t1 !== null && t0 !== t1) out.push(t('activity.typeMove', { from: purchaseTypeLabel(t0, lang), to: purchaseTypeLabel(t1, lang) }));
  return out;
}

/** Per line of `after`, what a quantity grew by since `before` ("linje 1: 6"). */
function grown(before: Json, after: Json, field: string, t: TFunction): string[] {
  const was = new Map(list(before.lines).map((l) => [l.id, num(l[field]) ?? 0]));
  return list(after.lines).flatMap((l) => {
    const d = (num(l[field]) ?? 0) - (was.get(l.id) ?? 0);
    return d > 0 ? [t('activity.deliveredLine', { line: num(l.lineNo) ?? '?', qty: formatQuantity(d) })] : [];
  });
}

function replies(before: Json, after: Json, t: TFunction): string[] {
  const was = new Map(list(before.lines).map((l) => [l.id, l]));
  return list(after.lines).flatMap((l) => {
    const b = was.get(l.id) ?? {};
    const same = (['reply', 'qtyConfirmed', 'confirmedPriceOre', 'confirmedDeliveryDate'] as const).every((k) => b[k] === l[k]);
    if (same) return [];
    const line = num(l.lineNo) ?? '?';
    if (l.reply === 'accepted') return [t('activity.purchase.replyAccepted', { line })];
    if (l.reply === 'refused') return [t('activity.purchase.replyRefused', { line })];
    const price = num(l.confirmedPriceOre);
    const date = str(l.confirmedDeliveryDate);
    const details = [
      formatQuantity(num(l.qtyConfirmed) ?? 0),
      price !== null ? t('activity.purchase.atPrice', { price: formatAmount(price) }) : null,
      date ? t('activity.purchase.deliveryOn', { date: formatDate(date) }) : null,
    ].filter(Boolean);
    return [t('activity.purchase.replyChanged', { line, details: details.join(' ') })];
  });
}

const signed = (ore: number) => `${ore > 0 ? '+' : ''}${formatAmount(ore)}`;

export function describePurchaseActivity(e: ActivityEntry, lang: Language, t: TFunction): string | null {
  const before = obj(e.before);
  const after = obj(e.after);
  const join = (parts: readonly string[]) => parts.filter(Boolean).join(' · ');
  switch (e.action) {
    case 'create': {
      const ty = num(after.orderType);
      return join([
        t('activity.created'),
        isStatus(after.status) ? t('activity.inStatus', { status: purchaseStatusLabel(after.status, lang) }) : '',
        ty !== null ? purchaseTypeLabel(ty, lang) : '',
      ]);
    }
    case 'create_from_suggestions':
      return t('activity.purchase.fromSuggestions');
    case 'create_amendment':
      return t('activity.purchase.amendmentOf', { number: num(after.amendsNumber) ?? '', revision: num(after.revision) ?? '' });
    case 'save':
      return join([t('activity.edited'), ...moves(before, after, lang, t)]);
    case 'supplier_reply': {
      const lines = replies(before, after, t);
      return join([lines.length ? t('activity.purchase.reply', { lines: lines.join('; ') }) : t('activity.purchase.replyNone'), ...moves(before, after, lang, t)]);
    }
    case 'dispatch': {
      const lines = grown(before, after, 'qtyShipped', t);
      return join([lines.length ? t('activity.purchase.shipped', { lines: lines.join(', ') }) : t('activity.purchase.shippedNone'), ...moves(before, after, lang, t)]);
    }
    case 'receive': {
      const lines = grown(before, after, 'qtyReceived', t);
      return join([lines.length ? t('activity.purchase.received', { lines: lines.join(', ') }) : t('activity.purchase.receivedNone'), ...moves(before, after, lang, t)]);
    }
    case 'supplier_invoice': {
      const known = new Set(list(before.invoices).map((i) => i.id));
      const made = list(after.invoices).filter((i) => !known.has(i.id));
      const parts = made.map((i) => {
        const diff = num(i.priceDifferenceOre) ?? 0;
        const text = t('activity.purchase.invoice', { number: str(i.invoiceNumber) ?? '', amount: formatAmount(num(i.totalNetOre) ?? 0) });
        return diff ? `${text} (${t('activity.purchase.priceDifference', { diff: signed(diff) })})` : text;
      });
      // Without "order reception" the invoice is where the goods enter stock: say so.
      const received = grown(before, after, 'qtyReceived', t);
      return join([
        parts.length ? parts.join(', ') : t('activity.purchase.invoiceNone'),
        received.length ? t('activity.purchase.received', { lines: received.join(', ') }) : '',
        ...moves(before, after, lang, t),
      ]);
    }
    case 'cancel':
    case 'amended': {
      const text = e.action === 'cancel' ? t('activity.purchase.cancelled') : t('activity.purchase.amended', { number: num(after.amendedByNumber) ?? '' });
      const reason = str(after.cancelReason);
      return reason ? t('activity.purchase.withReason', { text, reason }) : text;
    }
    default:
      return null;
  }
}
