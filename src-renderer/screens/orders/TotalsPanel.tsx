// Totals per VAT rate (base, VAT, total) and the grand totals, as the engine
// computed them: orders.previewTotals while typing, the saved order's totals after Ctrl+S.
// A purchase order shows what was agreed with the supplier (`agreed`), with what
// was ordered on a row of its own when the two differ (`ordered`).
import { useTranslation } from 'react-i18next';
import type { Totals } from '../../../shared/channels/orders';
import { formatAmount, formatPercentBp } from '../../../shared/format';

const differ = (a: Totals, b: Totals) => a.netOre !== b.netOre || a.vatOre !== b.vatOre || a.grossOre !== b.grossOre;

export function TotalsPanel(props: {
  totals: Totals | undefined;
  preview: boolean;
  pending: boolean;
  /** The totals are the agreed ones (a purchase order the supplier has answered). */
  agreed?: boolean;
  /** The ordered totals, shown beside the agreed ones when they differ. */
  ordered?: Totals | undefined;
}) {
  const { t } = useTranslation();
  const totals = props.totals;
  const ordered = props.ordered && totals && differ(props.ordered, totals) ? props.ordered : null;
  return (
    <section
      className={`totals ${props.pending ? 'pending' : ''}`}
      data-testid="order-totals"
      aria-label={t('order.totals.title')}
      aria-busy={props.pending}
    >
      <div className="totals-head">
        <h2>{t('order.totals.title')}</h2>
        {props.pending ? (
          <span className="pill" data-testid="totals-pending">
            {t('order.totals.pending')}
          </span>
        ) : props.preview ? (
          <span className="pill warn" data-testid="totals-preview">
            {t('order.totals.preview')}
          </span>
        ) : props.agreed ? (
          <span className="pill ok" data-testid="totals-agreed" title={t('order.totals.agreedTitle')}>
            {t('order.totals.agreed')}
          </span>
        ) : null}
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('order.totals.rate')}</th>
            <th scope="col" className="num">
              {t('order.totals.base')}
            </th>
            <th scope="col" className="num">
              {t('order.totals.vat')}
            </th>
            <th scope="col" className="num">
              {t('order.totals.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals && totals.byRate.length > 0 ? (
            totals.byRate.map((r) => (
              <tr key={r.vatCode} data-testid={`totals-rate-${r.vatCode}`}>
                <th scope="row">{formatPercentBp(r.rateBp)}</th>
                <td className="num" data-testid={`totals-rate-${r.vatCode}-base`}>
                  {formatAmount(r.baseOre)}
                </td>
                <td className="num" data-testid={`totals-rate-${r.vatCode}-vat`}>
                  {formatAmount(r.vatOre)}
                </td>
                <td className="num" data-testid={`totals-rate-${r.vatCode}-total`}>
                  {formatAmount(r.totalOre)}
                </td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={4} className="muted">
                {t('order.totals.empty')}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-testid="totals-sum-label">
              {ordered ? t('order.totals.agreedRow') : t('order.totals.sumRow')}
            </th>
            <td className="num" data-testid="totals-net">
              {formatAmount(totals?.netOre ?? 0)}
            </td>
            <td className="num" data-testid="totals-vat">
              {formatAmount(totals?.vatOre ?? 0)}
            </td>
            <td className="num grand" data-testid="totals-gross">
              {formatAmount(totals?.grossOre ?? 0)}
            </td>
          </tr>
          {ordered ? (
            <tr className="ordered-row" data-testid="totals-ordered" title={t('order.totals.orderedTitle')}>
              <th scope="row">{t('order.totals.orderedRow')}</th>
              <td className="num" data-testid="totals-ordered-net">
                {formatAmount(ordered.netOre)}
              </td>
              <td className="num" data-testid="totals-ordered-vat">
                {formatAmount(ordered.vatOre)}
              </td>
              <td className="num" data-testid="totals-ordered-gross">
                {formatAmount(ordered.grossOre)}
              </td>
            </tr>
          ) : null}
        </tfoot>
      </table>
    </section>
  );
}
