// "Reskontro" for the whole company (SPEC 11): every customer who owes
// something, by age of the debt (not due, 0–30, 31–60, 61–90, over 90 days past
// due), what is overdue, their credit and the totals.
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '../../../shared/enums';
import { formatAmount, formatDate } from '../../../shared/format';
import { useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { useLanguage } from '../../i18n';

export function AgingDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const aging = useChannel('ledger.aging', {}, { staleTime: 0 });
  const rows = aging.data?.rows ?? [];
  const totals = aging.data?.totals;
  return (
    <Dialog title={t('receivables.aging.title')} testId="aging-dialog" wide cancelLabel={t('app.close')} onCancel={props.onClose}>
      {aging.isError ? <Banner error={refusalOf(aging.error, () => null).general} testId="aging-error" /> : null}
      {aging.data && rows.length === 0 ? <p className="muted" data-testid="aging-empty">{t('receivables.aging.empty')}</p> : null}
      {rows.length ? (
        <div className="dialog-scroll">
          <table className="dialog-grid aging-table" data-testid="aging-rows">
            <thead>
              <tr>
                <th>{t('receivables.col.customer')}</th>
                {AGING_BUCKETS.map((b) => (
                  <th key={b.key} className="num">
                    {b[lang]}
                  </th>
                ))}
                <th className="num">{t('receivables.aging.total')}</th>
                <th className="num">{t('receivables.aging.overdue')}</th>
                <th className="num">{t('receivables.aging.credit')}</th>
                <th>{t('receivables.aging.oldestDue')}</th>
                <th>{t('receivables.aging.lastReminder')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.customerId} data-testid={`aging-row-${i}`}>
                  <td className="text">
                    {r.customerName} <span className="muted">({r.customerNumber})</span>
                  </td>
                  {AGING_BUCKETS.map((b) => (
                    <td key={b.key} className="num">
                      {r.aging[b.key] ? formatAmount(r.aging[b.key]) : ''}
                    </td>
                  ))}
                  <td className="num strong">{formatAmount(r.totalOre)}</td>
                  <td className="num">{r.overdueOre ? formatAmount(r.overdueOre) : ''}</td>
                  <td className="num">{r.creditOre ? formatAmount(r.creditOre) : ''}</td>
                  <td className="num">{formatDate(r.oldestDueDate)}</td>
                  <td className="num">{formatDate(r.lastReminderOn)}</td>
                </tr>
              ))}
            </tbody>
            {totals ? (
              <tfoot>
                <tr className="total" data-testid="aging-totals">
                  <th scope="row">{t('receivables.aging.sum')}</th>
                  {AGING_BUCKETS.map((b) => (
                    <td key={b.key} className="num">
                      {formatAmount(totals[b.key])}
                    </td>
                  ))}
                  <td className="num strong" data-testid="aging-total">{formatAmount(totals.totalOre)}</td>
                  <td colSpan={4} />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      ) : null}
    </Dialog>
  );
}
