// One invoice beside the invoice list: its balance as the engine derives it,
// the payments and reminders on it, the orders it invoices, and what can be done
// with it now (register a payment, use the customer's credit, print, void with
// the engine's reason when not allowed, credit).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../shared/channels/receivables';
import { formatAmount, formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { printPdf } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Dialog } from '../../components/Dialog';
import { Banner, FormScopeProvider, TextField } from '../../components/fields';
import { refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from '../documents/outcome';
import { CreditDialog } from '../orders/InvoicesPanel';
import { invoiceStateLabel, receiptMethodLabel } from './labels';
import { RegisterPaymentDialog } from './RegisterPaymentDialog';

type Action = 'pay' | 'void' | 'credit' | null;

/** What is taken off the amount to pay, with its minus (none on 0,00). */
const minus = (ore: number) => (ore ? `−${formatAmount(ore)}` : formatAmount(0));

export function InvoiceDetailPanel(props: {
  invoiceId: number;
  active: boolean;
  onClose: () => void;
  /** Something changed the invoice: what to tell the clerk. */
  onChanged: (notice: string) => void;
  onOpenOrder: (orderNumber: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useChannel('invoices.detail', { invoiceId: props.invoiceId }, { staleTime: 0 });
  const [action, setAction] = useState<Action>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const [busy, setBusy] = useState(false);
  const d = detail.data;
  const b = d?.balance;
  const payable = b !== undefined && b.kind === 'invoice' && b.outstandingOre > 0 && b.state !== 'void';
  const canUseCredit = payable && (d?.customerCreditOre ?? 0) > 0;
  const canCredit = b !== undefined && b.kind === 'invoice' && b.state !== 'void' && b.state !== 'credited';

  const changed = (notice: string) => {
    setAction(null);
    setError(null);
    props.onChanged(notice);
  };

  const useCredit = async () => {
    if (!canUseCredit || busy) return;
    setBusy(true);
    setError(null);
    try {
      const after = await invoke('payments.useCredit', { invoiceId: props.invoiceId });
      changed(t('receivables.detail.creditUsed', { amount: formatAmount((b?.outstandingOre ?? 0) - after.balance.outstandingOre), number: after.balance.number }));
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    if (!b || busy) return;
    setBusy(true);
    setError(null);
    try {
      const rendered = await invoke('documents.render', { kind: b.kind === 'credit_note' ? 'credit_note' : 'invoice', invoiceId: b.invoiceId, language: lang });
      void invalidate('documents.list', 'activity.list');
      const notice = outcomeNotice(t, await printPdf(rendered.pdfBase64, null), rendered.document, rendered.reprint, lang);
      if (notice?.error) setError(notice.error);
      else if (notice) props.onChanged(notice.text);
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys(props.active && action === null, {
    escape: props.onClose,
    'alt+b': () => payable && setAction('pay'),
    'alt+k': () => void useCredit(),
    'alt+p': () => void print(),
    'alt+a': () => d?.voidable.allowed && setAction('void'),
    'alt+n': () => canCredit && setAction('credit'),
  });

  return (
    <aside className="invoice-detail side-section" data-testid="invoice-detail" aria-label={t('receivables.detail.title')}>
      {detail.isError ? <Banner error={refusalOf(detail.error, () => null).general} testId="invoice-detail-error" /> : null}
      <Banner error={error} testId="invoice-action-error" />
      {!d || !b ? (
        detail.isError ? null : <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <div className="detail-head">
            <h2 data-testid="invoice-detail-title">
              {b.kind === 'credit_note' ? t('receivables.detail.creditNoteTitle', { number: b.number }) : t('receivables.detail.invoiceTitle', { number: b.number })}
            </h2>
            <span className={`state-badge inv-state-${b.state}`} data-testid="invoice-detail-state">
              {invoiceStateLabel(b.state, lang)}
            </span>
          </div>
          <dl className="facts plain detail-facts">
            <dt>{t('receivables.col.customer')}</dt>
            <dd data-testid="invoice-detail-customer">
              {b.customerName} <span className="muted">({b.customerNumber})</span>
            </dd>
            <dt>{t('receivables.col.invoiceDate')}</dt>
            <dd>{formatDate(b.invoiceDate)}</dd>
            <dt>{t('receivables.col.dueDate')}</dt>
            <dd>
              {formatDate(b.dueDate)}
              {b.daysOverdue > 0 ? <span className="overdue-text"> · {t('receivables.detail.daysOverdue', { count: b.daysOverdue })}</span> : null}
            </dd>
            <dt>{t('receivables.col.kid')}</dt>
            <dd className="tabular">{b.kid ?? '—'}</dd>
            {b.creditedInvoiceNumber !== null ? (
              <>
                <dt>{t('receivables.detail.credits')}</dt>
                <dd>{b.creditedInvoiceNumber}</dd>
              </>
            ) : null}
            <dt>{t('receivables.detail.orders')}</dt>
            <dd className="order-links">
              {b.orderNumbers.map((n) => (
                <button key={n} type="button" className="link" data-testid={`invoice-detail-order-${n}`} onClick={() => props.onOpenOrder(n)}>
                  {n}
                </button>
              ))}
            </dd>
          </dl>
          <table className="side-grid balance-table" data-testid="invoice-balance">
            <tbody>
              <tr>
                <th scope="row">{t('receivables.detail.payable')}</th>
                <td className="num" data-testid="invoice-detail-payable">{formatAmount(b.payableOre)}</td>
              </tr>
              {b.creditedOre ? (
                <tr>
                  <th scope="row">{t('receivables.detail.credited')}</th>
                  <td className="num">{minus(b.creditedOre)}</td>
                </tr>
              ) : null}
              <tr>
                <th scope="row">{t('receivables.detail.paid')}</th>
                <td className="num" data-testid="invoice-detail-paid">{minus(b.paidOre)}</td>
              </tr>
              <tr className="total">
                <th scope="row">{t('receivables.detail.outstanding')}</th>
                <td className="num strong" data-testid="invoice-detail-outstanding">{formatAmount(b.outstandingOre)}</td>
              </tr>
              {b.feesOutstandingOre ? (
                <tr>
                  <th scope="row">{t('receivables.detail.fees')}</th>
                  <td className="num" data-testid="invoice-detail-fees">{formatAmount(b.feesOutstandingOre)}</td>
                </tr>
              ) : null}
              {d.customerCreditOre ? (
                <tr>
                  <th scope="row">{t('receivables.detail.customerCredit')}</th>
                  <td className="num" data-testid="invoice-detail-credit">{formatAmount(d.customerCreditOre)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <div className="detail-actions">
            <button type="button" className="primary" data-testid="invoice-pay" disabled={!payable} onClick={() => setAction('pay')}>
              {t('receivables.detail.pay')} <Shortcut keys="Alt+B" />
            </button>
            <button type="button" data-testid="invoice-use-credit" disabled={!canUseCredit || busy} onClick={() => void useCredit()}>
              {t('receivables.detail.useCredit')} <Shortcut keys="Alt+K" />
            </button>
            <button type="button" data-testid="invoice-print" disabled={busy} onClick={() => void print()}>
              {t('receivables.detail.print')} <Shortcut keys="Alt+P" />
            </button>
            <button type="button" data-testid="invoice-credit" disabled={!canCredit} onClick={() => setAction('credit')}>
              {t('receivables.detail.credit')} <Shortcut keys="Alt+N" />
            </button>
            <button
              type="button"
              className="danger-outline"
              data-testid="invoice-void"
              disabled={!d.voidable.allowed}
              title={d.voidable.allowed ? undefined : (d.voidable[lang === 'nb' ? 'reasonNb' : 'reasonEn'] ?? undefined)}
              onClick={() => setAction('void')}
            >
              {t('receivables.detail.void')} <Shortcut keys="Alt+A" />
            </button>
          </div>
          {!d.voidable.allowed && b.state !== 'void' ? (
            <p className="muted small" data-testid="invoice-void-reason">
              {d.voidable[lang === 'nb' ? 'reasonNb' : 'reasonEn']}
            </p>
          ) : null}
          <h3>{t('receivables.detail.payments')}</h3>
          <PaymentsTable detail={d} />
          <h3>{t('receivables.detail.reminders')}</h3>
          {d.reminders.length === 0 ? (
            <p className="muted" data-testid="invoice-reminders-none">{t('receivables.detail.noReminders')}</p>
          ) : (
            <table className="side-grid" data-testid="invoice-reminders">
              <thead>
                <tr>
                  <th>{t('receivables.detail.sentOn')}</th>
                  <th>{t('receivables.detail.level')}</th>
                  <th>{t('receivables.detail.payBy')}</th>
                  <th className="num">{t('receivables.detail.fee')}</th>
                </tr>
              </thead>
              <tbody>
                {d.reminders.map((r) => {
                  const here = r.invoices.find((i) => i.invoiceId === b.invoiceId);
                  return (
                    <tr key={r.id}>
                      <td className="num">{formatDate(r.sentOn)}</td>
                      <td className="num">{here?.level ?? ''}</td>
                      <td className="num">{formatDate(r.payBy)}</td>
                      <td className="num">{formatAmount(here?.feeOre ?? 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
      <div className="hint-bar inline">
        <Shortcut keys="Esc" label={t('receivables.detail.close')} />
      </div>
      {action === 'pay' && b ? (
        <RegisterPaymentDialog
          balance={b}
          onCancel={() => setAction(null)}
          onDone={(after) => changed(t('receivables.pay.done', { number: after.balance.number, state: invoiceStateLabel(after.balance.state, lang) }))}
        />
      ) : null}
      {action === 'void' && b ? (
        <VoidDialog invoiceId={b.invoiceId} number={b.number} onCancel={() => setAction(null)} onDone={() => changed(t('receivables.void.done', { number: b.number }))} />
      ) : null}
      {action === 'credit' && b ? (
        <CreditDialog
          invoiceId={b.invoiceId}
          lang={lang}
          onCancel={() => setAction(null)}
          onDone={(note) => changed(t('receivables.detail.credited_done', { note: note.number, number: b.number }))}
        />
      ) : null}
    </aside>
  );
}

function PaymentsTable(props: { detail: InvoiceDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = props.detail.payments;
  if (rows.length === 0) return <p className="muted" data-testid="invoice-payments-none">{t('receivables.detail.noPayments')}</p>;
  return (
    <table className="side-grid" data-testid="invoice-payments">
      <thead>
        <tr>
          <th>{t('receivables.pay.paidOn')}</th>
          <th>{t('receivables.pay.method')}</th>
          <th>{t('receivables.pay.reference')}</th>
          <th className="num">{t('receivables.detail.here')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p, i) => (
          <tr key={p.id} data-testid={`invoice-payment-${i}`}>
            <td className="num">{formatDate(p.paidOn)}</td>
            <td>{receiptMethodLabel(p.method, lang)}</td>
            <td className="text">{p.reference ?? p.kid ?? ''}</td>
            <td className="num">{formatAmount(p.allocatedHereOre)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Voiding asks why (kept with the invoice and in the log); the engine refuses once it has left the house. */
function VoidDialog(props: { invoiceId: number; number: number; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { refusal, setRefusal } = useRefusal();
  const submit = async () => {
    setBusy(true);
    try {
      await invoke('invoices.void', { invoiceId: props.invoiceId, reason });
      props.onDone();
    } catch (e) {
      setRefusal(refusalOf(e, (p) => (p === 'reason' ? 'reason' : null)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('receivables.void.title', { number: props.number })}
      testId="void-dialog"
      danger
      busy={busy}
      submitLabel={t('receivables.void.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={() => void submit()}
    >
      <Banner error={refusal.general} testId="void-error" />
      <p>{t('receivables.void.lead')}</p>
      <FormScopeProvider prefix="void" errors={refusal.fields}>
        <TextField name="reason" label={t('receivables.void.reason')} value={reason} maxLength={200} onChange={setReason} />
      </FormScopeProvider>
    </Dialog>
  );
}
