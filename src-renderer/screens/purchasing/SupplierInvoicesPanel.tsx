// The supplier invoices matched against this order: number, date, amount and
// the price difference against the agreed prices, per invoice and per line,
// in plain sight (SPEC 1.3: an invoiced price that differs is shown, not hidden).
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import { formatAmount, formatDate, formatQuantity } from '../../../shared/format';

const signed = (ore: number) => (ore ? `${ore > 0 ? '+' : ''}${formatAmount(ore)}` : '');

export function SupplierInvoicesPanel(props: { po: PurchaseOrder }) {
  const { t } = useTranslation();
  const po = props.po;
  const lineNo = (id: number) => po.lines.find((l) => l.id === id);
  return (
    <section className="supplier-invoices" data-testid="supplier-invoices" aria-label={t('purchasing.invoices.title')}>
      <div className="totals-head">
        <h2>{t('purchasing.invoices.title')}</h2>
        {po.priceDifferenceOre ? (
          <span className={`pill ${po.priceDifferenceOre > 0 ? 'stop' : 'warn'}`} data-testid="po-price-diff">
            {t('purchasing.invoices.diffTotal', { amount: signed(po.priceDifferenceOre) })}
          </span>
        ) : null}
      </div>
      {po.invoices.length === 0 ? (
        <p className="muted">{t('purchasing.invoices.none')}</p>
      ) : (
        <table className="side-grid">
          <thead>
            <tr>
              <th>{t('purchasing.invoices.number')}</th>
              <th>{t('purchasing.invoices.date')}</th>
              <th>{t('purchasing.invoices.lines')}</th>
              <th className="num">{t('purchasing.invoices.net')}</th>
              <th className="num">{t('purchasing.line.priceDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {po.invoices.map((inv, i) => (
              <Fragment key={inv.id}>
                <tr data-testid={`supplier-invoice-${i}`}>
                  <td className="strong" data-testid={`supplier-invoice-${i}-number`}>
                    {inv.invoiceNumber}
                  </td>
                  <td className="date">{formatDate(inv.invoiceDate)}</td>
                  <td className="muted small">
                    {inv.lines
                      .map((l) => {
                        const line = lineNo(l.orderLineId);
                        return `${line?.productNumber ?? l.lineNo} × ${formatQuantity(l.quantity)} à ${formatAmount(l.unitPriceOre)}`;
                      })
                      .join(', ')}
                  </td>
                  <td className="num" data-testid={`supplier-invoice-${i}-net`}>
                    {formatAmount(inv.totalNetOre)}
                  </td>
                  <td className={`num ${inv.priceDifferenceOre > 0 ? 'diff-up' : inv.priceDifferenceOre < 0 ? 'diff-down' : ''}`} data-testid={`supplier-invoice-${i}-diff`}>
                    {signed(inv.priceDifferenceOre)}
                  </td>
                </tr>
                {inv.lines
                  .filter((l) => l.priceDifferenceOre !== 0)
                  .map((l) => (
                    <tr key={l.id} className="diff-line">
                      <td />
                      <td colSpan={2} className="small">
                        {t('purchasing.invoices.diffLine', {
                          line: l.lineNo,
                          product: lineNo(l.orderLineId)?.productNumber ?? '',
                          agreed: formatAmount(l.agreedPriceOre),
                          invoiced: formatAmount(l.unitPriceOre),
                        })}
                      </td>
                      <td />
                      <td className={`num small ${l.priceDifferenceOre > 0 ? 'diff-up' : 'diff-down'}`}>{signed(l.priceDifferenceOre)}</td>
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
