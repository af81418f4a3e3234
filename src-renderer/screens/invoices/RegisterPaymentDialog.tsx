// Register a payment on an invoice: the amount starts as what is outstanding,
// the date as today, the method as Bank; Enter saves. Amounts are typed the
// Norwegian way (1 234,50). Paying more than is outstanding is allowed, and the
// dialog says before saving that the rest becomes the customer's credit. The
// engine's refusals land at their field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceBalance, InvoiceDetail } from '../../../shared/channels/receivables';
import { RECEIPT_METHODS, type ReceiptMethod } from '../../../shared/enums';
import { formatAmount, formatDate, parseAmount, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Banner, FormScopeProvider, RadioField, TextField } from '../../components/fields';
import { refusalOf, useRefusal } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { todayIso } from './labels';

const FIELDS: Readonly<Record<string, string>> = { amountOre: 'amount', paidOn: 'paidOn', method: 'method', reference: 'reference' };

export function RegisterPaymentDialog(props: { balance: InvoiceBalance; onCancel: () => void; onDone: (after: InvoiceDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const b = props.balance;
  const [amount, setAmount] = useState(formatAmount(b.outstandingOre, { separator: ' ' }));
  const [paidOn, setPaidOn] = useState(formatDate(todayIso()));
  const [method, setMethod] = useState<ReceiptMethod>('bank');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const { refusal, setRefusal, setFields } = useRefusal();
  const amountOre = parseAmount(amount);
  const overOre = amountOre !== null ? amountOre - b.outstandingOre : 0;

  const submit = async () => {
    const local: Record<string, BilingualText> = {};
    const date = parseDate(paidOn);
    if (amountOre === null || amountOre <= 0) local.amount = bilingual('common.invalidAmount');
    if (!date) local.paidOn = bilingual('common.invalidDate');
    if (Object.keys(local).length || amountOre === null || !date) return setFields(local);
    setBusy(true);
    try {
      const after = await invoke('payments.register', {
        invoiceId: b.invoiceId,
        amountOre,
        paidOn: date,
        method,
        reference: reference.trim() ? reference.trim() : null,
      });
      props.onDone(after);
    } catch (e) {
      setRefusal(refusalOf(e, (p) => FIELDS[p] ?? null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('receivables.pay.title', { number: b.number })}
      testId="pay-dialog"
      busy={busy}
      submitLabel={t('receivables.pay.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={() => void submit()}
    >
      <Banner error={refusal.general} testId="pay-error" />
      <p className="muted" data-testid="pay-lead">
        {t('receivables.pay.lead', { customer: b.customerName, outstanding: formatAmount(b.outstandingOre) })}
      </p>
      <FormScopeProvider prefix="pay" errors={refusal.fields}>
        <div className="form-grid cols-2">
          <TextField name="amount" label={t('receivables.pay.amount')} value={amount} numeric inputMode="decimal" autoFocus onChange={setAmount} />
          <TextField name="paidOn" label={t('receivables.pay.paidOn')} value={paidOn} numeric placeholder={t('common.datePlaceholder')} onChange={setPaidOn} />
          <RadioField
            name="method"
            span={2}
            label={t('receivables.pay.method')}
            value={method}
            onChange={(x) => setMethod(x as ReceiptMethod)}
            options={RECEIPT_METHODS.map((m) => ({ value: m.key, label: m[lang] }))}
          />
          <TextField name="reference" span={2} label={t('receivables.pay.reference')} value={reference} maxLength={100} onChange={setReference} />
        </div>
      </FormScopeProvider>
      {overOre > 0 ? (
        <p className="notice warn" role="status" data-testid="pay-overpaid">
          {t('receivables.pay.overpaid', { rest: formatAmount(overOre), customer: b.customerName })}
        </p>
      ) : null}
    </Dialog>
  );
}
