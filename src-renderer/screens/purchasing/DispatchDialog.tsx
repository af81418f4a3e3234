// The supplier's dispatch advice (option "order dispatch"), per line and in
// parts: never more than the supplier confirmed.
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import { formatQuantity } from '../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { LineTable, type DialogRefusal } from '../../components/dialogRefusal';
import { Banner } from '../../components/fields';
import { QuantityInput, qtyText, useLineQuantities, type LineQuantity } from '../../components/useLineQuantities';
import { bilingual } from '../../i18n';

export function DispatchDialog(props: {
  po: PurchaseOrder;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: LineQuantity[]) => void;
}) {
  const { t } = useTranslation();
  const open = props.po.lines.filter((l) => l.canShip > 0);
  const quantities = useLineQuantities(open, (l) => qtyText(l.canShip), props.refusal);
  const shown = quantities.shown;

  const submit = () => {
    const lines = quantities.take(
      (l) => l.canShip,
      (l) => bilingual('purchasing.dispatch.tooMuch', { left: formatQuantity(l.canShip) }),
      bilingual('purchasing.dispatch.nothing'),
    );
    if (lines) props.onSubmit(lines);
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
      <LineTable
        lines={open}
        head={
          <>
            <th className="num">{t('purchasing.line.confirmed')}</th>
            <th className="num">{t('purchasing.line.shipped')}</th>
            <th className="num">{t('purchasing.line.left')}</th>
            <th className="num">{t('purchasing.dispatch.now')}</th>
          </>
        }
        cells={(l, i) => (
          <>
            <td className="num">{formatQuantity(l.qtyExpected)}</td>
            <td className="num">{formatQuantity(l.qtyShipped)}</td>
            <td className="num">{formatQuantity(l.canShip)}</td>
            <td>
              <QuantityInput quantities={quantities} line={l} label={t('purchasing.dispatch.now')} testId={`dispatch-qty-${i}`} />
            </td>
          </>
        )}
        rowProps={(_l, i) => ({ 'data-testid': `dispatch-line-${i}` })}
        errors={shown.lines}
        errorTestId="dispatch-line"
        colSpan={7}
      />
    </Dialog>
  );
}
