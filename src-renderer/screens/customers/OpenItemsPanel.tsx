// "Åpne poster" under the customer (SPEC 11): the customer's unpaid invoices
// with their age, what the customer owes and what of it is overdue, unpaid
// reminder fees, and the customer's credit (an overpayment), which can be paid
// back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '../../../shared/enums';
import { formatAmount, formatDate, parseAmount, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner, FormScopeProvider, Notice, TextField } from '../../components/fields';
import { refusalOf, useRefusal } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { invoiceStateLabel, todayIso } from '../invoices/labels';

export function OpenItemsPanel(props: { customerId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ledger = useChannel('ledger.customer', { customerId: props.customerId }, { staleTime: 0 });
  const [refunding, setRefunding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const l = ledger.data;
  return (
    <section className="panel open-items" data-testid="open-items">
      <h2>{t('receivables.openItems.title')}</h2>
      {ledger.isError ? <Banner error={refusalOf(ledger.error, () => null).general} testId="open-items-error" /> : null}
      <Notice text={notice} testId="open-items-notice" />
      {l ? (
        <>
          <dl className="facts plain open-items-facts">
            <dt>{t('receivables.openItems.total')}</dt>
            <dd className="num strong" data-testid="open-items-total">{formatAmount(l.totalOre)}</dd>
            <dt>{t('receivables.openItems.overdue')}</dt>
            <dd className={`num ${l.overdueOre ? 'overdue-text' : ''}`} data-testid="open-items-overdue">{formatAmount(l.overdueOre)}</dd>
            <dt>{t('receivables.openItems.fees')}</dt>
            <dd className="num" data-testid="open-items-fees">{formatAmount(l.feesOre)}</dd>
            <dt>{t('receivables.openItems.credit')}</dt>
            <dd className="num" data-testid="open-items-credit">
              {formatAmount(l.creditOre)}
              {l.creditOre > 0 ? (
                <button type="button" className="small" data-testid="open-items-refund" onClick={() => setRefunding(true)}>
                  {t('receivables.openItems.refund')}
                </button>
              ) : null}
            </dd>
          </dl>
          <table className="side-grid aging-strip" data-testid="open-items-aging">
            <thead>
              <tr>
                {AGING_BUCKETS.map((b) => (
                  <th key={b.key} className="num">
                    {b[lang]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {AGING_BUCKETS.map((b) => (
                  <td key={b.key} className="num" data-testid={`open-items-aging-${b.key}`}>
                    {formatAmount(l.aging[b.key])}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          {l.openItems.length === 0 ? (
            <p className="muted" data-testid="open-items-none">{t('receivables.openItems.none')}</p>
          ) : (
            <table className="side-grid" data-testid="open-items-rows">
              <thead>
                <tr>
                  <th className="num">{t('receivables.col.number')}</th>
                  <th>{t('receivables.col.invoiceDate')}</th>
                  <th>{t('receivables.col.dueDate')}</th>
                  <th className="num">{t('receivables.col.outstanding')}</th>
                  <th>{t('receivables.col.state')}</th>
                  <th className="num">{t('receivables.col.daysOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                {l.openItems.map((x, i) => (
                  <tr key={x.invoiceId} data-testid={`open-items-row-${i}`}>
                    <td className="num">{x.number}</td>
                    <td className="num">{formatDate(x.invoiceDate)}</td>
                    <td className="num">{formatDate(x.dueDate)}</td>
                    <td className="num">{formatAmount(x.outstandingOre)}</td>
                    <td className={`inv-state-${x.state}`}>{invoiceStateLabel(x.state, lang)}</td>
                    <td className="num">{x.daysOverdue || ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : ledger.isLoading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : null}
      {refunding && l ? (
        <RefundDialog
          customerId={props.customerId}
          creditOre={l.creditOre}
          onCancel={() => setRefunding(false)}
          onDone={(amountOre) => {
            setRefunding(false);
            setNotice(t('receivables.refund.done', { amount: formatAmount(amountOre) }));
            void invalidate('ledger.customer', 'ledger.aging', 'invoices.detail');
          }}
        />
      ) : null}
    </section>
  );
}

/** "Betal tilbake kreditt": the amount (all of the credit at first), the date, a reference. */
function RefundDialog(props: { customerId: number; creditOre: number; onCancel: () => void; onDone: (amountOre: number) => void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(formatAmount(props.creditOre, { separator: ' ' }));
  const [paidOn, setPaidOn] = useState(formatDate(todayIso()));
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const { refusal, setRefusal, setFields } = useRefusal();
  const submit = async () => {
    const amountOre = parseAmount(amount);
    const date = parseDate(paidOn);
    const local: Record<string, BilingualText> = {};
    if (amountOre === null || amountOre <= 0) local.amount = bilingual('common.invalidAmount');
    if (!date) local.paidOn = bilingual('common.invalidDate');
    if (amountOre === null || amountOre <= 0 || !date) return setFields(local);
    setBusy(true);
    try {
      await invoke('payments.refundCredit', { customerId: props.customerId, amountOre, paidOn: date, reference: reference.trim() || null });
      props.onDone(amountOre);
    } catch (e) {
      setRefusal(refusalOf(e, (p) => ({ amountOre: 'amount', paidOn: 'paidOn', reference: 'reference' })[p] ?? null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('receivables.refund.title')}
      testId="refund-dialog"
      busy={busy}
      submitLabel={t('receivables.refund.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={() => void submit()}
    >
      <Banner error={refusal.general} testId="refund-error" />
      <p className="muted">{t('receivables.refund.lead', { credit: formatAmount(props.creditOre) })}</p>
      <FormScopeProvider prefix="refund" errors={refusal.fields}>
        <div className="form-grid cols-2">
          <TextField name="amount" label={t('receivables.pay.amount')} value={amount} numeric inputMode="decimal" onChange={setAmount} />
          <TextField name="paidOn" label={t('receivables.refund.paidOn')} value={paidOn} numeric onChange={setPaidOn} />
          <TextField name="reference" span={2} label={t('receivables.pay.reference')} value={reference} maxLength={100} onChange={setReference} />
        </div>
      </FormScopeProvider>
    </Dialog>
  );
}
