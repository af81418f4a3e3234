// The order's invoices and credit notes (number, date, amount, KID), and the
// credit action: a quantity per invoice line, "goods back to stock", never more
// than is left to credit (SPEC 4).
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice, InvoiceSummary } from '../../../shared/channels/processing';
import { formatAmount, formatDate, formatQuantity, parseQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { canPrintDirectly, printPdf } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from '../documents/outcome';
import { InvoicePreviewDialog } from './InvoicePreviewDialog';
import { BackordersSection, InvoiceStoryRow } from './OrderStory';

export interface InvoicesPanelHandle {
  focus(): void;
}

export function InvoicesPanel(props: {
  orderId: number;
  onCredited: (note: Invoice) => void;
  /** A document went to the printer or the viewer: what to tell the clerk. */
  onNotice: (text: string) => void;
  handle: Ref<InvoicesPanelHandle>;
  /** Open another order (a backorder, or the order a backorder came from). */
  onOpenOrder: (id: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useChannel('invoices.list', { orderId: props.orderId }, { staleTime: 0 });
  const story = useChannel('orders.story', { id: props.orderId }, { staleTime: 0 });
  const storyOf = new Map((story.data?.invoices ?? []).map((s) => [s.id, s]));
  const [crediting, setCrediting] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const [printError, setPrintError] = useState<BilingualText | null>(null);
  const [printingId, setPrintingId] = useState<number | null>(null);

  // An invoice, a credit note or a cash sale's receipt, issued (or its archived copy) and printed.
  const print = async (inv: InvoiceSummary) => {
    // The engine says which document each invoice prints as (a cash sale's receipt, a credit note …).
    const printsAs = (await invoke('documents.printDefaults', { orderId: props.orderId })).invoices.find((i) => i.id === inv.id)?.kind;
    const kind = printsAs === 'credit_note' || printsAs === 'cash_receipt' ? printsAs : 'invoice';
    setPrintError(null);
    setPrintingId(inv.id);
    try {
      const rendered = await invoke('documents.render', { kind, invoiceId: inv.id, language: lang });
      void invalidate('documents.list', 'activity.list');
      const notice = outcomeNotice(t, await printPdf(rendered.pdfBase64, null), rendered.document, rendered.reprint, lang);
      if (notice?.error) setPrintError(notice.error);
      else if (notice) props.onNotice(notice.text);
    } catch (e) {
      setPrintError(refusalOf(e, () => null).general);
    } finally {
      setPrintingId(null);
    }
  };

  // Alt+K may come before the invoices are read: the first credit button takes the focus when they arrive.
  const focusWanted = useRef(false);
  const focusFirst = () => (root.current?.querySelector<HTMLElement>('button[data-credit]') ?? root.current)?.focus();
  useImperativeHandle(props.handle, () => ({
    focus: () => {
      focusWanted.current = list.data === undefined;
      focusFirst();
    },
  }));
  useEffect(() => {
    if (!focusWanted.current || list.data === undefined) return;
    focusWanted.current = false;
    focusFirst();
  }, [list.data]);

  const rows = list.data ?? [];
  const numberOf = new Map(rows.map((r) => [r.id, r.number]));
  return (
    <div className="side-section" ref={root} tabIndex={-1} data-testid="invoices-panel">
      {list.isError ? <Banner error={refusalOf(list.error, () => null).general} /> : null}
      <Banner error={printError} testId="invoice-print-error" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="invoices-empty">
          {t('invoices.none')}
        </p>
      ) : (
        <table className="side-grid">
          <thead>
            <tr>
              <th>{t('invoices.number')}</th>
              <th>{t('invoices.date')}</th>
              <th className="num">{t('invoices.amount')}</th>
              <th>{t('invoices.kid')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((inv: InvoiceSummary, i) => {
              const isNote = inv.kind === 'credit_note';
              return [
                <tr key={inv.id} data-testid={`invoice-row-${i}`} className={isNote ? 'credit-note' : ''}>
                  <td>
                    <span className="strong" data-testid={`invoice-row-${i}-number`}>
                      {inv.number}
                    </span>{' '}
                    <span className="muted small" data-testid={`invoice-row-${i}-kind`}>
                      {isNote
                        ? t('invoices.creditNoteOf', { number: numberOf.get(inv.creditedInvoiceId ?? 0) ?? inv.creditedInvoiceId ?? '' })
                        : inv.payment
                          ? t('invoices.cashSale')
                          : t('invoices.invoice')}
                    </span>
                  </td>
                  <td className="date">{formatDate(inv.invoiceDate)}</td>
                  <td className="num" data-testid={`invoice-row-${i}-amount`}>
                    {formatAmount(inv.payableOre)}
                  </td>
                  <td className="num small" data-testid={`invoice-row-${i}-kid`}>
                    {inv.kid ?? ''}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="small"
                      disabled={printingId !== null}
                      data-testid={`invoice-row-${i}-print`}
                      title={t('documents.printInvoiceTitle', { number: inv.number })}
                      onClick={() => void print(inv)}
                    >
                      {canPrintDirectly() ? t('documents.print') : t('documents.open')}
                    </button>{' '}
                    {isNote ? null : (
                      <button
                        data-credit
                        type="button"
                        className="small"
                        data-testid={`invoice-row-${i}-credit`}
                        title={t('invoices.creditTitle', { number: inv.number })}
                        onClick={() => setCrediting(inv.id)}
                      >
                        {t('invoices.credit')}
                      </button>
                    )}
                  </td>
                </tr>,
                <InvoiceStoryRow key={`${inv.id}-lines`} invoice={storyOf.get(inv.id)} index={i} columns={5} />,
              ];
            })}
          </tbody>
        </table>
      )}
      <BackordersSection story={story.data} onOpenOrder={props.onOpenOrder} />
      {crediting !== null ? (
        <CreditDialog
          invoiceId={crediting}
          lang={lang}
          onCancel={() => setCrediting(null)}
          onDone={(note) => {
            setCrediting(null);
            void invalidate('invoices.list', 'invoices.get', 'stock.get', 'orders.get', 'orders.story', 'activity.list');
            props.onCredited(note);
          }}
        />
      ) : null}
    </div>
  );
}

/** The dialog opens once the invoice is read, so that focus starts in its first quantity. */
export function CreditDialog(props: { invoiceId: number; lang: 'nb' | 'en'; onCancel: () => void; onDone: (note: Invoice) => void }) {
  const invoice = useChannel('invoices.get', { id: props.invoiceId }, { staleTime: 0 });
  if (invoice.isError) {
    return <Banner error={refusalOf(invoice.error, () => null).general} testId="credit-error" />;
  }
  return invoice.data && !invoice.isFetching ? <CreditForm {...props} invoice={invoice.data} /> : null;
}

function CreditForm(props: { invoice: Invoice; lang: 'nb' | 'en'; onCancel: () => void; onDone: (note: Invoice) => void }) {
  const { t } = useTranslation();
  const invoice = { data: props.invoice };
  const [qty, setQty] = useState<Record<number, string>>({});
  const [toStock, setToStock] = useState(true);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<BilingualText | null>(null);
  const [lineErrors, setLineErrors] = useState<Record<number, BilingualText>>({});
  const [confirming, setConfirming] = useState<{ invoiceLineId: number; quantity: number }[] | null>(null);

  const lines = invoice.data?.lines ?? [];
  const submit = () => {
    const errors: Record<number, BilingualText> = {};
    const items: { invoiceLineId: number; quantity: number }[] = [];
    for (const l of lines) {
      const text = (qty[l.id] ?? '').trim();
      if (!text) continue;
      const q = parseQuantity(text);
      const left = l.quantity - l.qtyCredited;
      if (q === null || q < 0) errors[l.id] = bilingual('common.invalidNumber');
      else if (q > left) errors[l.id] = bilingual('invoices.creditTooMuch', { left: formatQuantity(left) });
      else if (q > 0) items.push({ invoiceLineId: l.id, quantity: q });
    }
    setLineErrors(errors);
    if (Object.keys(errors).length) return;
    if (items.length === 0) return setGeneral(bilingual('invoices.creditNothing'));
    setGeneral(null);
    // A credit note is final: the clerk first reads what it will be (issue 10, item 3).
    setConfirming(items);
  };

  /** A refusal about a line goes to that line; any other above the lines. */
  const showRefusal = (error: unknown, items: readonly { invoiceLineId: number }[]) => {
    const r = refusalOf(error, (path) => path);
    const field = Object.keys(r.fields)[0];
    const m = field ? /^lines\.(\d+)\./.exec(field) : null;
    const item = m ? items[Number(m[1])] : undefined;
    if (item && field) setLineErrors({ [item.invoiceLineId]: r.fields[field]! });
    else setGeneral(r.general ?? (field ? r.fields[field]! : null));
  };

  const credit = async (items: { invoiceLineId: number; quantity: number }[]) => {
    setBusy(true);
    try {
      const note = await invoke('invoices.credit', { invoiceId: props.invoice.id, lines: items, returnToStock: toStock });
      props.onDone(note);
    } catch (error) {
      setConfirming(null);
      showRefusal(error, items);
    } finally {
      setBusy(false);
    }
  };

  const inv = invoice.data;
  if (confirming) {
    return (
      <InvoicePreviewDialog
        title={t('orderStory.preview.creditTitle', { number: inv.number })}
        confirmLabel={t('orderStory.preview.confirmCredit')}
        testId="credit-confirm"
        busy={busy}
        request={{ kind: 'credit', invoiceId: inv.id, lines: confirming, returnToStock: toStock }}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void credit(confirming)}
        onRefused={(e) => {
          setConfirming(null);
          showRefusal(e, confirming);
        }}
      />
    );
  }
  return (
    <Dialog
      title={inv ? t('invoices.creditDialogTitle', { number: inv.number }) : t('app.loading')}
      testId="credit-dialog"
      wide
      busy={busy || !inv}
      submitLabel={t('invoices.creditSubmit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('invoices.creditLead')}</p>
      <Banner error={general} testId="credit-error" />
      <table className="dialog-grid">
        <thead>
          <tr>
            <th>{t('order.line.description')}</th>
            <th className="num">{t('process.qty.invoiced')}</th>
            <th className="num">{t('process.qty.credited')}</th>
            <th className="num">{t('order.line.price')}</th>
            <th className="num">{t('invoices.creditNow')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const left = l.quantity - l.qtyCredited;
            return [
              <tr key={l.id} data-testid={`credit-line-${i}`}>
                <td className="text">{l.description}</td>
                <td className="num">{formatQuantity(l.quantity)}</td>
                <td className="num">{formatQuantity(l.qtyCredited)}</td>
                <td className="num">{formatAmount(l.unitPriceOre)}</td>
                <td>
                  <input
                    className={`num qty-input ${lineErrors[l.id] ? 'invalid' : ''}`}
                    inputMode="decimal"
                    disabled={left <= 0}
                    data-autofocus={i === 0 ? true : undefined}
                    aria-label={`${t('invoices.creditNow')} ${i + 1}`}
                    data-testid={`credit-qty-${i}`}
                    placeholder={left > 0 ? `0–${formatQuantity(left, { separator: ' ' })}` : ''}
                    value={qty[l.id] ?? ''}
                    onChange={(e) => setQty((q) => ({ ...q, [l.id]: e.target.value }))}
                  />
                </td>
              </tr>,
              lineErrors[l.id] ? (
                <tr key={`${l.id}-e`} className="line-error-row">
                  <td colSpan={5} role="alert" data-testid={`credit-line-${i}-error`}>
                    {lineErrors[l.id]![props.lang]}
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      <label className="check-line">
        <input type="checkbox" data-testid="credit-to-stock" checked={toStock} onChange={(e) => setToStock(e.target.checked)} />
        <span>{t('invoices.returnToStock')}</span>
      </label>
    </Dialog>
  );
}
