// The supplier's order response (option "reply to order"), per line: accept
// as ordered, change (quantity, unit price, delivery date: the ordered values
// are kept beside the confirmed ones) or refuse. Typing a value that differs
// from the order turns "accept" into "change" by itself.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder, ReplyLineInput } from '../../../shared/channels/purchasing';
import { formatAmount, formatDate, formatQuantity, parseAmount, parseDate, parseQuantity } from '../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { LineTable, NO_DIALOG_REFUSAL, type DialogRefusal } from '../../components/dialogRefusal';
import { Banner } from '../../components/fields';
import { qtyText } from '../../components/useLineQuantities';
import { bilingual, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';

type Action = ReplyLineInput['action'];
interface Row {
  action: Action;
  qty: string;
  price: string;
  date: string;
}

export function ReplyDialog(props: {
  po: PurchaseOrder;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: ReplyLineInput[]) => void;
}) {
  const { t } = useTranslation();
  const lines = props.po.lines;
  const [rows, setRows] = useState<Record<number, Row>>(() =>
    Object.fromEntries(
      lines.map((l) => [
        l.id,
        {
          action: l.reply === 'refused' ? 'refuse' : l.reply === 'changed' ? 'change' : 'accept',
          qty: qtyText(l.reply && l.reply !== 'refused' ? l.qtyConfirmed : l.quantity),
          price: amountText(l.confirmedPriceOre ?? l.unitPriceOre),
          date: formatDate(l.confirmedDeliveryDate ?? l.deliveryDate),
        } satisfies Row,
      ]),
    ),
  );
  const [local, setLocal] = useState<DialogRefusal>(NO_DIALOG_REFUSAL);
  const shown = local.general || Object.keys(local.lines).length ? local : props.refusal;

  const setRow = (id: number, change: Partial<Row>, typed: boolean) =>
    setRows((r) => {
      const old = r[id]!;
      const next = { ...old, ...change };
      // A value typed that differs from the order makes the reply a change.
      if (typed && next.action === 'accept') next.action = 'change';
      // Back to "accept": the ordered values again.
      if (change.action === 'accept') {
        const l = lines.find((x) => x.id === id)!;
        next.qty = qtyText(l.quantity);
        next.price = amountText(l.unitPriceOre);
        next.date = formatDate(l.deliveryDate);
      }
      return { ...r, [id]: next };
    });

  const submit = () => {
    const errors: Record<number, BilingualText> = {};
    const out: ReplyLineInput[] = [];
    for (const l of lines) {
      const r = rows[l.id]!;
      if (r.action !== 'change') {
        out.push({ lineId: l.id, action: r.action });
        continue;
      }
      const quantity = parseQuantity(r.qty);
      const price = parseAmount(r.price);
      const date = r.date.trim() ? parseDate(r.date) : null;
      if (quantity === null || quantity <= 0) errors[l.id] = bilingual('order.line.invalidQuantity');
      else if (price === null || price < 0) errors[l.id] = bilingual('common.invalidAmount');
      else if (r.date.trim() && !date) errors[l.id] = bilingual('common.invalidDate');
      if (errors[l.id] || quantity === null || price === null) continue;
      const same = quantity === l.quantity && price === l.unitPriceOre && (date ?? null) === (l.deliveryDate ?? null);
      // Nothing differs after all: the supplier confirmed the line as ordered.
      if (same) out.push({ lineId: l.id, action: 'accept' });
      else out.push({ lineId: l.id, action: 'change', quantity, unitPriceOre: price, deliveryDate: date });
    }
    if (Object.keys(errors).length) return setLocal({ general: null, lines: errors });
    setLocal(NO_DIALOG_REFUSAL);
    props.onSubmit(out);
  };

  return (
    <Dialog
      title={t('purchasing.reply.title', { number: props.po.number })}
      testId="reply-dialog"
      wide
      busy={props.busy}
      submitLabel={t('purchasing.reply.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('purchasing.reply.lead')}</p>
      <Banner error={shown.general} testId="reply-error" />
      <LineTable
        lines={lines}
        head={
          <>
            <th className="num">{t('purchasing.line.ordered')}</th>
            <th className="num">{t('purchasing.line.price')}</th>
            <th>{t('purchasing.line.deliveryDate')}</th>
            <th>{t('purchasing.reply.answer')}</th>
            <th className="num">{t('purchasing.reply.qty')}</th>
            <th className="num">{t('purchasing.reply.price')}</th>
            <th>{t('purchasing.reply.date')}</th>
          </>
        }
        cells={(l, i) => {
          const r = rows[l.id]!;
          const off = r.action === 'refuse';
          return (
            <>
              <td className="num">{formatQuantity(l.quantity)}</td>
              <td className="num">{formatAmount(l.unitPriceOre)}</td>
              <td>{formatDate(l.deliveryDate)}</td>
              <td>
                <select
                  aria-label={`${t('purchasing.reply.answer')} ${l.lineNo}`}
                  data-testid={`reply-action-${i}`}
                  data-autofocus={i === 0 ? true : undefined}
                  value={r.action}
                  onChange={(e) => setRow(l.id, { action: e.target.value as Action }, false)}
                >
                  <option value="accept">{t('purchasing.reply.accept')}</option>
                  <option value="change">{t('purchasing.reply.change')}</option>
                  <option value="refuse">{t('purchasing.reply.refuse')}</option>
                </select>
              </td>
              <td>
                <input
                  className="num qty-input"
                  inputMode="decimal"
                  aria-label={`${t('purchasing.reply.qty')} ${l.lineNo}`}
                  data-testid={`reply-qty-${i}`}
                  disabled={off}
                  value={off ? '' : r.qty}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => setRow(l.id, { qty: e.target.value }, true)}
                />
              </td>
              <td>
                <input
                  className="num qty-input"
                  inputMode="decimal"
                  aria-label={`${t('purchasing.reply.price')} ${l.lineNo}`}
                  data-testid={`reply-price-${i}`}
                  disabled={off}
                  value={off ? '' : r.price}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => setRow(l.id, { price: e.target.value }, true)}
                />
              </td>
              <td>
                <input
                  className="date-input"
                  aria-label={`${t('purchasing.reply.date')} ${l.lineNo}`}
                  data-testid={`reply-date-${i}`}
                  placeholder={t('common.datePlaceholder')}
                  disabled={off}
                  value={off ? '' : r.date}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => setRow(l.id, { date: e.target.value }, true)}
                />
              </td>
            </>
          );
        }}
        rowProps={(l, i) => {
          const action = rows[l.id]!.action;
          return { 'data-testid': `reply-line-${i}`, className: action === 'refuse' ? 'refused' : action === 'change' ? 'changed' : '' };
        }}
        errors={shown.lines}
        errorTestId="reply-line"
        colSpan={10}
      />
      <p className="muted small">{t('purchasing.reply.hint')}</p>
    </Dialog>
  );
}
