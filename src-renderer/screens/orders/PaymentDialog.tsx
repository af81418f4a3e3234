// The cash sale's payment dialog (order type 3, SPEC 1.1 and 9): the order's
// total, rounded to whole kroner when paid in cash (1–49 øre down, 50–99 up) with
// the rounding shown as its own amount (card and Vipps pay to the øre), the amount received, the change as it is typed, and
// the payment method. Confirming saves the order with the payment: the engine
// invoices it, and its figures (on the invoice) are what the receipt shows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentInput } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import { PAYMENT_METHODS, roundsToKrone, type PaymentMethod } from '../../../shared/enums';
import { formatAmount, parseAmount } from '../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { Banner, Notice } from '../../components/fields';
import { useReceiptPrint } from '../documents/receiptPrint';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';

const signed = (ore: number) => `${ore > 0 ? '+' : ore < 0 ? '−' : ''}${formatAmount(Math.abs(ore))}`;

export function PaymentDialog(props: {
  grossOre: number | null;
  /** The engine's rounding of the total to whole kroner (SPEC 9), shown on its own line. */
  roundingOre: number | null;
  busy: boolean;
  error: BilingualText | null;
  onCancel: () => void;
  onSubmit: (payment: PaymentInput) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [received, setReceived] = useState('');
  const [local, setLocal] = useState<BilingualText | null>(null);
  const gross = props.grossOre;
  // Which methods are rounded is the engine's rule, read from the shared enum, not decided here.
  const rounding = gross === null ? null : roundsToKrone(method) ? props.roundingOre : 0;
  const toPay = gross === null || rounding === null ? null : gross + rounding;
  const receivedOre = received.trim() ? parseAmount(received) : toPay;
  const change = toPay !== null && receivedOre !== null && receivedOre >= toPay ? receivedOre - toPay : null;

  const submit = () => {
    if (toPay === null) return;
    if (receivedOre === null || receivedOre < 0) return setLocal(bilingual('common.invalidAmount'));
    if (receivedOre < toPay) return setLocal(bilingual('payment.tooLittle', { toPay: formatAmount(toPay) }));
    setLocal(null);
    props.onSubmit({ method, receivedOre });
  };

  return (
    <Dialog
      title={t('payment.title')}
      testId="payment-dialog"
      busy={props.busy || toPay === null}
      submitLabel={t('payment.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <Banner error={local ?? props.error} testId="payment-error" />
      <table className="payment-table">
        <tbody>
          <tr>
            <th scope="row">{t('payment.orderTotal')}</th>
            <td className="num" data-testid="payment-gross">
              {gross === null ? t('order.totals.pending') : formatAmount(gross)}
            </td>
          </tr>
          {roundsToKrone(method) ? (
            <tr>
              <th scope="row">
                {t('payment.rounding')} <span className="muted small">{t('payment.roundingRule')}</span>
              </th>
              <td className="num" data-testid="payment-rounding">
                {rounding === null ? '' : signed(rounding)}
              </td>
            </tr>
          ) : null}
          <tr className="to-pay">
            <th scope="row">{t('payment.toPay')}</th>
            <td className="num" data-testid="payment-to-pay">
              {toPay === null ? '' : formatAmount(toPay)}
            </td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor="payment-received">{t('payment.received')}</label>
            </th>
            <td>
              <input
                id="payment-received"
                className="num"
                inputMode="decimal"
                data-autofocus
                data-testid="payment-received"
                placeholder={toPay === null ? '' : formatAmount(toPay, { separator: ' ' })}
                value={received}
                onChange={(e) => setReceived(e.target.value)}
              />
            </td>
          </tr>
          <tr className="change">
            <th scope="row">{t('payment.change')}</th>
            <td className="num" data-testid="payment-change">
              {change === null ? '' : formatAmount(change)}
            </td>
          </tr>
        </tbody>
      </table>
      <fieldset className="payment-methods" data-testid="payment-method">
        <legend>{t('payment.method')}</legend>
        {PAYMENT_METHODS.map((m) => (
          <label key={m.key}>
            <input
              type="radio"
              name="payment-method"
              value={m.key}
              checked={method === m.key}
              data-testid={`payment-method-${m.key}`}
              onChange={() => setMethod(m.key)}
            />
            <span>{m[lang]}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted small">{t('payment.hint')}</p>
    </Dialog>
  );
}

/** After the sale: the engine's figures from the invoice it made, and the receipt to print (Enter). */
export function CashReceiptDialog(props: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const inv = props.invoice;
  const method = PAYMENT_METHODS.find((m) => m.key === inv.payment?.method);
  const receipt = useReceiptPrint(inv.id);
  return (
    <Dialog
      title={t('payment.doneTitle')}
      testId="cash-receipt"
      submitLabel={t('printing.receipt.print')}
      onSubmit={() => void receipt.print()}
      busy={receipt.busy}
      cancelLabel={t('app.close')}
      onCancel={props.onClose}
    >
      <Banner error={receipt.error} testId="cash-receipt-error" />
      <Notice text={receipt.notice} testId="cash-receipt-notice" />
      <div className="change-big" data-testid="cash-change-box">
        <span>{t('payment.change')}</span>
        <strong data-testid="cash-change">kr {formatAmount(inv.payment?.changeOre ?? 0)}</strong>
      </div>
      <dl className="facts plain">
        <dt>{t('invoices.number')}</dt>
        <dd data-testid="cash-invoice-number">{inv.number}</dd>
        <dt>{t('payment.orderTotal')}</dt>
        <dd>{formatAmount(inv.grossOre)}</dd>
        <dt>{t('payment.rounding')}</dt>
        <dd data-testid="cash-rounding">{signed(inv.roundingOre)}</dd>
        <dt>{t('payment.paid')}</dt>
        <dd data-testid="cash-paid">{formatAmount(inv.payableOre)}</dd>
        <dt>{t('payment.received')}</dt>
        <dd data-testid="cash-received">{formatAmount(inv.payment?.receivedOre ?? 0)}</dd>
        <dt>{t('payment.method')}</dt>
        <dd>{method ? method[lang] : ''}</dd>
      </dl>
    </Dialog>
  );
}
