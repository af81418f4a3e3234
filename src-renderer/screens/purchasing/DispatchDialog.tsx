// The supplier's dispatch advice (option "order dispatch"), per line and in
// parts: never more than the supplier confirmed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import { formatQuantity, parseQuantity } from '../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { bilingual, type BilingualText } from '../../i18n';
import { NO_DIALOG_REFUSAL, type DialogRefusal } from '../orders/ProcessDialogs';
import { LineError, qtyText } from './dialogParts';

export function DispatchDialog(props: {
  po: PurchaseOrder;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: { lineId: number; quantity: number }[]) => void;
}) {
  const { t } = useTranslation();
  const open = props.po.lines.filter((l) => l.canShip > 0);
  const [qty, setQty] = useState<Record<number, string>>(() => Object.fromEntries(open.map((l) => [l.id, qtyText(l.canShip)])));
  const [local, setLocal] = useState<DialogRefusal>(NO_DIALOG_REFUSAL);
  const shown = local.general || Object.keys(local.lines).length ? local : props.refusal;

  const submit = () => {
    const errors: Record<number, BilingualText> = {};
    const lines: { lineId: number; quantity: number }[] = [];
    for (const l of open) {
      const text = (qty[l.id] ?? '').trim();
      const q = text ? parseQuantity(text) : 0;
      if (q === null || q < 0) errors[l.id] = bilingual('common.invalidNumber');
      else if (q > l.canShip) errors[l.id] = bilingual('purchasing.dispatch.tooMuch', { left: formatQuantity(l.canShip) });
      else if (q > 0) lines.push({ lineId: l.id, quantity: q });
    }
    if (Object.keys(errors).length) return setLocal({ general: null, lines: errors });
    if (lines.length === 0) return setLocal({ general: bilingual('purchasing.dispatch.nothing'), lines: {} });
    setLocal(NO_DIALOG_REFUSAL);
    props.onSubmit(lines);
  };

  return (
    <Dialog
      title={t('purchasing.dispatch.title', { number: props.po.number })}
      testId="dispatch-dialog"
      wide
      busy={props.busy}
      submitLabel={t('purchasing.dispatch.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('purchasing.dispatch.lead')}</p>
      <Banner error={shown.general} testId="dispatch-error" />
      <table className="dialog-grid">
        <thead>
          <tr>
            <th className="num">{t('order.line.no')}</th>
            <th>{t('order.line.product')}</th>
            <th>{t('order.line.description')}</th>
            <th className="num">{t('purchasing.line.confirmed')}</th>
            <th className="num">{t('purchasing.line.shipped')}</th>
            <th className="num">{t('purchasing.line.left')}</th>
            <th className="num">{t('purchasing.dispatch.now')}</th>
          </tr>
        </thead>
        <tbody>
          {open.map((l, i) => [
            <tr key={l.id} data-testid={`dispatch-line-${i}`}>
              <td className="num muted">{l.lineNo}</td>
              <td>{l.productNumber}</td>
              <td className="text">{l.description}</td>
              <td className="num">{formatQuantity(l.qtyExpected)}</td>
              <td className="num">{formatQuantity(l.qtyShipped)}</td>
              <td className="num">{formatQuantity(l.canShip)}</td>
              <td>
                <input
                  className={`num qty-input ${shown.lines[l.id] ? 'invalid' : ''}`}
                  inputMode="decimal"
                  aria-label={`${t('purchasing.dispatch.now')} ${l.lineNo}`}
                  data-testid={`dispatch-qty-${i}`}
                  value={qty[l.id] ?? ''}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => setQty((q) => ({ ...q, [l.id]: e.target.value }))}
                />
              </td>
            </tr>,
            <LineError key={`${l.id}-e`} error={shown.lines[l.id]} colSpan={7} testId={`dispatch-line-${i}-error`} />,
          ])}
        </tbody>
      </table>
    </Dialog>
  );
}
