// A supplier invoice matched against the order, line by line: invoice number
// and date, and per line the quantity and unit price invoiced. A unit price
// other than the one agreed is shown as a price difference, per line and in
// total, before the clerk registers it, never silently taken.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import { formatAmount, formatDate, formatQuantity, parseAmount, parseDate } from '../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { LineTable, type DialogRefusal } from '../../components/dialogRefusal';
import { Banner, FieldMessage } from '../../components/fields';
import { QuantityInput, qtyText, useLineQuantities } from '../../components/useLineQuantities';
import { bilingual, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';

export interface InvoiceMatch {
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly lines: { lineId: number; quantity: number; unitPriceOre: number }[];
}

/** The line amount as the engine computes it: quantity × price less the line discount, in øre. */
const amountOf = (quantity: number, priceOre: number, discountBp: number) => Math.round(((quantity * priceOre) / 1000) * ((10_000 - discountBp) / 10_000));

export function SupplierInvoiceDialog(props: {
  po: PurchaseOrder;
  today: string;
  busy: boolean;
  refusal: DialogRefusal & { readonly fields?: Readonly<Record<string, BilingualText>> };
  onCancel: () => void;
  onSubmit: (match: InvoiceMatch) => void;
}) {
  const { t } = useTranslation();
  const open = props.po.lines.filter((l) => l.canInvoice > 0);
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(formatDate(props.today));
  const [price, setPrice] = useState<Record<number, string>>(() => Object.fromEntries(open.map((l) => [l.id, amountText(l.agreedPriceOre)])));
  const quantities = useLineQuantities(open, (l) => qtyText(l.canInvoice), props.refusal);
  const shown = quantities.shown;
  const fields = shown.fields ?? {};

  const parsed = open.map((l) => {
    const q = quantities.valueOf(l.id);
    const p = parseAmount(price[l.id] ?? '');
    const amount = q !== null && p !== null ? amountOf(q, p, l.discountBp) : null;
    const diff = q !== null && p !== null ? amount! - amountOf(q, l.agreedPriceOre, l.discountBp) : null;
    return { l, q, p, amount, diff };
  });
  const totalOre = parsed.reduce((s, x) => s + (x.amount ?? 0), 0);
  const totalDiff = parsed.reduce((s, x) => s + (x.diff ?? 0), 0);

  const submit = () => {
    const lineErrors: Record<number, BilingualText> = {};
    const f: Record<string, BilingualText> = {};
    if (!invoiceNumber.trim()) f.invoiceNumber = bilingual('common.required');
    const date = parseDate(invoiceDate);
    if (!date) f.invoiceDate = bilingual('common.invalidDate');
    const lines: InvoiceMatch['lines'] = [];
    for (const x of parsed) {
      if (x.q === null || x.q < 0) lineErrors[x.l.id] = bilingual('common.invalidNumber');
      else if (x.q > x.l.canInvoice) lineErrors[x.l.id] = bilingual('purchasing.invoice.tooMuch', { left: formatQuantity(x.l.canInvoice) });
      else if (x.p === null || x.p < 0) lineErrors[x.l.id] = bilingual('common.invalidAmount');
      else if (x.q > 0) lines.push({ lineId: x.l.id, quantity: x.q, unitPriceOre: x.p });
    }
    if (Object.keys(lineErrors).length || Object.keys(f).length) return quantities.setLocal({ general: null, lines: lineErrors, fields: f });
    if (lines.length === 0) return quantities.setLocal({ general: bilingual('purchasing.invoice.nothing'), lines: {} });
    quantities.setLocal(null);
    props.onSubmit({ invoiceNumber: invoiceNumber.trim(), invoiceDate: date!, lines });
  };

  const diffText = (d: number | null) => (d ? `${d > 0 ? '+' : ''}${formatAmount(d)}` : '');
  return (
    <Dialog
      title={t('purchasing.invoice.title', { number: props.po.number })}
      testId="invoice-dialog"
      wide
      busy={props.busy}
      submitLabel={t('purchasing.invoice.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <p className="muted">{t('purchasing.invoice.lead')}</p>
      <Banner error={shown.general} testId="invoice-error" />
      <div className="form-grid cols-4">
        <div className={`field ${fields.invoiceNumber ? 'has-error' : ''}`}>
          <label htmlFor="invoice-number">{t('purchasing.invoice.number')}</label>
          <input
            id="invoice-number"
            data-testid="invoice-number"
            data-autofocus
            maxLength={50}
            value={invoiceNumber}
            aria-invalid={fields.invoiceNumber ? true : undefined}
            onChange={(e) => setInvoiceNumber(e.target.value)}
          />
          <FieldMessage id="invoice-number" testId="invoice-number" error={fields.invoiceNumber} />
        </div>
        <div className={`field ${fields.invoiceDate ? 'has-error' : ''}`}>
          <label htmlFor="invoice-date">{t('purchasing.invoice.date')}</label>
          <input
            id="invoice-date"
            data-testid="invoice-date"
            placeholder={t('common.datePlaceholder')}
            value={invoiceDate}
            aria-invalid={fields.invoiceDate ? true : undefined}
            onChange={(e) => setInvoiceDate(e.target.value)}
          />
          <FieldMessage id="invoice-date" testId="invoice-date" error={fields.invoiceDate} />
        </div>
      </div>
      <LineTable
        lines={open}
        head={
          <>
            <th className="num">{t('purchasing.invoice.canInvoice')}</th>
            <th className="num">{t('purchasing.invoice.agreedPrice')}</th>
            <th className="num">{t('purchasing.invoice.qty')}</th>
            <th className="num">{t('purchasing.invoice.price')}</th>
            <th className="num">{t('order.line.amount')}</th>
            <th className="num">{t('purchasing.line.priceDiff')}</th>
          </>
        }
        cells={(l, i) => {
          const { amount, diff } = parsed[i]!;
          return (
            <>
              <td className="num">{formatQuantity(l.canInvoice)}</td>
              <td className="num">{formatAmount(l.agreedPriceOre)}</td>
              <td>
                <QuantityInput quantities={quantities} line={l} label={t('purchasing.invoice.qty')} testId={`invoice-qty-${i}`} />
              </td>
              <td>
                <input
                  className="num qty-input"
                  inputMode="decimal"
                  aria-label={`${t('purchasing.invoice.price')} ${l.lineNo}`}
                  data-testid={`invoice-price-${i}`}
                  value={price[l.id] ?? ''}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => setPrice((p) => ({ ...p, [l.id]: e.target.value }))}
                />
              </td>
              <td className="num">{amount === null ? '' : formatAmount(amount)}</td>
              <td className={`num ${diff ? (diff > 0 ? 'diff-up' : 'diff-down') : ''}`} data-testid={`invoice-diff-${i}`}>
                {diffText(diff)}
              </td>
            </>
          );
        }}
        rowProps={(_l, i) => ({ 'data-testid': `invoice-line-${i}`, className: parsed[i]!.diff ? 'price-diff' : '' })}
        errors={shown.lines}
        errorTestId="invoice-line"
        colSpan={9}
        foot={
          <tfoot>
            <tr>
              <td colSpan={7} className="num strong">
                {t('purchasing.invoice.total')}
              </td>
              <td className="num strong" data-testid="invoice-total">
                {formatAmount(totalOre)}
              </td>
              <td className={`num strong ${totalDiff ? (totalDiff > 0 ? 'diff-up' : 'diff-down') : ''}`} data-testid="invoice-total-diff">
                {diffText(totalDiff)}
              </td>
            </tr>
          </tfoot>
        }
      />
      {totalDiff ? (
        <div className="banner warn" role="status" data-testid="invoice-diff-warning">
          {t('purchasing.invoice.diffWarning', { amount: diffText(totalDiff) })}
        </div>
      ) : null}
    </Dialog>
  );
}
