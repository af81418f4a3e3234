// The order screen's processing dialogs: deliver (a quantity per line, close
// short), return a loan, quote to order, change order type, subscription, and
// what invoicing made. Each checks what it can by itself and shows the engine's
// refusal by the line it names.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import { MANUAL_ORDER_TYPE_IDS, SUBSCRIPTION_INTERVALS, type OrderTypeId, type SubscriptionInterval } from '../../../shared/enums';
import { formatAmount, formatDate, formatQuantity, parseDate } from '../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { LineTable, type DialogRefusal } from '../../components/dialogRefusal';
import { Banner } from '../../components/fields';
import { QuantityInput, qtyText, useLineQuantities, type LineQuantity } from '../../components/useLineQuantities';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { orderTypeLabel } from './labels';
import { remainingToDeliver } from './processingRules';

// ---- Deliver -------------------------------------------------------------------

export function DeliverDialog(props: {
  order: Order;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: LineQuantity[], closeShort: number[]) => void;
}) {
  const { t } = useTranslation();
  const open = props.order.lines.filter((l) => remainingToDeliver(l) > 0);
  const quantities = useLineQuantities(open, (l) => qtyText(remainingToDeliver(l)), props.refusal);
  const shown = quantities.shown;
  const [shorts, setShorts] = useState<Record<number, boolean>>({});

  const submit = () => {
    const closeShort = open.filter((l) => shorts[l.id]).map((l) => l.id);
    const lines = quantities.take(
      remainingToDeliver,
      (l) => bilingual('process.deliver.tooMuch', { remaining: formatQuantity(remainingToDeliver(l)) }),
      // Closing lines short is something to do even with nothing delivered.
      closeShort.length ? null : bilingual('process.deliver.nothing'),
    );
    if (lines) props.onSubmit(lines, closeShort);
  };

  return (
    <Dialog
      title={t('process.deliver.title', { number: props.order.number })}
      testId="deliver-dialog"
      wide
      busy={props.busy}
      submitLabel={t('process.deliver.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('process.deliver.lead')}</p>
      <Banner error={shown.general} testId="deliver-error" />
      <LineTable
        lines={open}
        head={
          <>
            <th className="num">{t('process.qty.ordered')}</th>
            <th className="num">{t('process.qty.delivered')}</th>
            <th className="num">{t('process.qty.remaining')}</th>
            <th className="num">{t('process.deliver.now')}</th>
            <th>{t('process.deliver.closeShort')}</th>
          </>
        }
        cells={(l, i) => (
          <>
            <td className="num">{formatQuantity(l.quantity)}</td>
            <td className="num">{formatQuantity(l.qtyDelivered)}</td>
            <td className="num">{formatQuantity(remainingToDeliver(l))}</td>
            <td>
              <QuantityInput quantities={quantities} line={l} label={t('process.deliver.now')} testId={`deliver-qty-${i}`} />
            </td>
            <td className="center">
              <input
                type="checkbox"
                aria-label={`${t('process.deliver.closeShort')} ${l.lineNo}`}
                data-testid={`deliver-short-${i}`}
                checked={shorts[l.id] ?? false}
                onChange={(e) => setShorts((s) => ({ ...s, [l.id]: e.target.checked }))}
              />
            </td>
          </>
        )}
        rowProps={(_l, i) => ({ 'data-testid': `deliver-line-${i}` })}
        errors={shown.lines}
        errorTestId="deliver-line"
        colSpan={8}
      />
      <p className="muted small">{t('process.deliver.closeShortHint')}</p>
    </Dialog>
  );
}

// ---- Return a loan -------------------------------------------------------------

export function ReturnLoanDialog(props: {
  order: Order;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: LineQuantity[]) => void;
}) {
  const { t } = useTranslation();
  const lent = props.order.lines.filter((l) => l.qtyOnLoan > 0);
  const quantities = useLineQuantities(lent, (l) => qtyText(l.qtyOnLoan), props.refusal);
  const shown = quantities.shown;

  const submit = () => {
    const lines = quantities.take(
      (l) => l.qtyOnLoan,
      (l) => bilingual('process.loan.tooMuch', { onLoan: formatQuantity(l.qtyOnLoan) }),
      bilingual('process.loan.nothing'),
    );
    if (lines) props.onSubmit(lines);
  };

  return (
    <Dialog
      title={t('process.loan.returnTitle', { number: props.order.number })}
      testId="return-loan-dialog"
      wide
      busy={props.busy}
      submitLabel={t('process.loan.returnSubmit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('process.loan.returnLead')}</p>
      <Banner error={shown.general} testId="return-loan-error" />
      <LineTable
        lines={lent}
        head={
          <>
            <th className="num">{t('process.qty.onLoan')}</th>
            <th className="num">{t('process.loan.returnNow')}</th>
          </>
        }
        cells={(l, i) => (
          <>
            <td className="num">{formatQuantity(l.qtyOnLoan)}</td>
            <td>
              <QuantityInput quantities={quantities} line={l} label={t('process.loan.returnNow')} testId={`return-qty-${i}`} />
            </td>
          </>
        )}
        errors={shown.lines}
        errorTestId="return-line"
        colSpan={5}
      />
    </Dialog>
  );
}

// ---- Order type: from a quote, or changed -----------------------------------------

function TypeChoice(props: { types: readonly OrderTypeId[]; value: OrderTypeId; onChange: (t: OrderTypeId) => void; testId: string }) {
  const lang = useLanguage();
  return (
    <div className="type-choice" role="radiogroup" data-testid={props.testId}>
      {props.types.map((id) => (
        <label key={id} className={props.value === id ? 'chosen' : ''}>
          <input
            type="radio"
            name={props.testId}
            value={id}
            checked={props.value === id}
            data-autofocus={props.value === id ? true : undefined}
            data-testid={`${props.testId}-${id}`}
            onChange={() => props.onChange(id)}
          />
          <span>{orderTypeLabel(id, lang)}</span>
        </label>
      ))}
    </div>
  );
}

export function ConvertQuoteDialog(props: { order: Order; busy: boolean; error: BilingualText | null; onCancel: () => void; onSubmit: (type: 1 | 2 | 3 | 7) => void }) {
  const { t } = useTranslation();
  const [type, setType] = useState<1 | 2 | 3 | 7>(1);
  return (
    <Dialog
      title={t('process.convert.title', { number: props.order.number })}
      testId="convert-dialog"
      busy={props.busy}
      submitLabel={t('process.convert.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit(type)}
    >
      <p className="muted">{t('process.convert.lead')}</p>
      <Banner error={props.error} testId="convert-error" />
      <TypeChoice types={[1, 2, 3, 7]} value={type} onChange={(v) => setType(v as 1 | 2 | 3 | 7)} testId="convert-type" />
    </Dialog>
  );
}

export function ChangeTypeDialog(props: { order: Order; busy: boolean; error: BilingualText | null; onCancel: () => void; onSubmit: (type: OrderTypeId) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const types = MANUAL_ORDER_TYPE_IDS.filter((id) => id !== props.order.orderType);
  const [type, setType] = useState<OrderTypeId>(types[0] ?? 1);
  return (
    <Dialog
      title={t('process.changeType.title', { number: props.order.number })}
      testId="change-type-dialog"
      busy={props.busy}
      submitLabel={t('process.changeType.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit(type)}
    >
      <p className="muted">{t('process.changeType.lead', { current: orderTypeLabel(props.order.orderType, lang) })}</p>
      <Banner error={props.error} testId="change-type-error" />
      <TypeChoice types={types} value={type} onChange={setType} testId="change-type" />
    </Dialog>
  );
}

// ---- Subscription --------------------------------------------------------------

export function SubscriptionDialog(props: {
  order: Order;
  today: string;
  busy: boolean;
  error: BilingualText | null;
  onCancel: () => void;
  onSubmit: (interval: SubscriptionInterval | null, start: string | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [interval, setInterval] = useState<string>(props.order.subscriptionInterval ?? 'monthly');
  const [start, setStart] = useState(formatDate(props.order.subscriptionStart ?? props.today));
  const [local, setLocal] = useState<BilingualText | null>(null);
  const submit = () => {
    if (interval === '') return props.onSubmit(null, null);
    const iso = parseDate(start);
    if (!iso) return setLocal(bilingual('common.invalidDate'));
    setLocal(null);
    props.onSubmit(interval as SubscriptionInterval, iso);
  };
  return (
    <Dialog
      title={t('process.subscription.title', { number: props.order.number })}
      testId="subscription-dialog"
      busy={props.busy}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('process.subscription.lead')}</p>
      <Banner error={local ?? props.error} testId="subscription-error" />
      <div className="form-grid cols-2">
        <div className="field">
          <label htmlFor="subscription-interval">{t('process.subscription.interval')}</label>
          <select id="subscription-interval" data-testid="subscription-interval" value={interval} onChange={(e) => setInterval(e.target.value)}>
            {SUBSCRIPTION_INTERVALS.map((s) => (
              <option key={s.key} value={s.key}>
                {s[lang]}
              </option>
            ))}
            <option value="">{t('process.subscription.none')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="subscription-start">{t('process.subscription.start')}</label>
          <input
            id="subscription-start"
            data-testid="subscription-start"
            value={start}
            disabled={interval === ''}
            placeholder={t('common.datePlaceholder')}
            onChange={(e) => setStart(e.target.value)}
          />
        </div>
      </div>
    </Dialog>
  );
}

// ---- What invoicing made ---------------------------------------------------------

export function InvoicedDialog(props: {
  invoice: Invoice;
  backorder: { id: number; number: number } | null;
  onClose: () => void;
  onOpenBackorder: (id: number) => void;
}) {
  const { t } = useTranslation();
  const inv = props.invoice;
  return (
    <Dialog
      title={t('process.invoiced.title', { number: inv.number })}
      testId="invoiced-dialog"
      cancelLabel={t('app.close')}
      onCancel={props.onClose}
      extraButtons={
        props.backorder ? (
          <button type="button" data-testid="open-backorder" onClick={() => props.backorder && props.onOpenBackorder(props.backorder.id)}>
            {t('process.invoiced.openBackorder', { number: props.backorder.number })}
          </button>
        ) : null
      }
    >
      <dl className="facts plain">
        <dt>{t('invoices.number')}</dt>
        <dd data-testid="invoiced-number">{inv.number}</dd>
        <dt>{t('invoices.date')}</dt>
        <dd>{formatDate(inv.invoiceDate)}</dd>
        <dt>{t('invoices.dueDate')}</dt>
        <dd>{formatDate(inv.dueDate)}</dd>
        <dt>{t('invoices.amount')}</dt>
        <dd className="num-left" data-testid="invoiced-amount">
          kr {formatAmount(inv.payableOre)}
        </dd>
        <dt>{t('invoices.kid')}</dt>
        <dd>{inv.kid ?? ''}</dd>
      </dl>
      {props.backorder ? (
        <p data-testid="invoiced-backorder">{t('process.invoiced.backorder', { number: props.backorder.number })}</p>
      ) : null}
    </Dialog>
  );
}
