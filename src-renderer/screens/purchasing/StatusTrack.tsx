// The purchase order's status (SPEC 1.3) as the steps the company's options
// switch on (and the one the order has reached, if its option is off since):
// To process → Confirmed → Shipped → Received → Invoiced. The step
// reached is highlighted, with "Delvis …" while some line still expects more.
// Nothing here is clickable: the status follows from the lines, moved by the
// step dialogs. Cancelled and refused orders show that instead.
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import { useLanguage } from '../../i18n';
import { purchaseStatusLabel, statusSteps } from './labels';

export function StatusTrack(props: { po: PurchaseOrder }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const po = props.po;
  const steps = statusSteps(po.options, po.status);
  const at = steps.findIndex((s) => s.key === po.status || s.partial === po.status);
  const stopped = po.status === 'cancelled' || po.status === 'refused';
  return (
    <nav className="status-bar status-track" aria-label={t('purchasing.statusTrack')} data-testid="po-status-track">
      <ol>
        {steps.map((s, i) => {
          const current = i === at;
          const partial = current && s.partial === po.status;
          return (
            <li key={s.key}>
              <span
                className={`status-step ${current ? 'current' : ''} ${i < at ? 'passed' : ''} ${partial ? 'partial' : ''}`}
                aria-current={current ? 'step' : undefined}
                data-testid={`po-step-${s.key}`}
              >
                {purchaseStatusLabel(partial ? po.status : s.key, lang)}
              </span>
            </li>
          );
        })}
        {stopped ? (
          <li>
            <span className="status-step current stopped" aria-current="step" data-testid={`po-step-${po.status}`}>
              {purchaseStatusLabel(po.status, lang)}
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
