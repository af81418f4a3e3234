// A project's figures (projects.get: its sales orders and what of them is
// invoiced, its purchase orders) and its orders; Alt+N starts a new order for
// the project, with its customer filled in.
import { useTranslation } from 'react-i18next';
import type { ProjectView } from '../../../shared/channels/people';
import { formatAmount } from '../../../shared/format';
import { fetchChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { useOrderOpener } from '../../app/orderOpener';
import { Shortcut } from '../../components/Shortcut';
import { ScopedOrders } from '../orders/ScopedOrders';

export function ProjectOrders(props: { project: ProjectView; active: boolean }) {
  const { t } = useTranslation();
  const opener = useOrderOpener();
  const p = props.project;
  const newOrder = () => {
    const customer = p.customerId === null ? Promise.resolve(null) : fetchChannel('customers.get', { id: p.customerId });
    void customer.then((c) => opener.newOrder({ customer: c, people: { projectId: p.id } }));
  };
  useHotkeys(props.active, { 'alt+n': newOrder });
  return (
    <section className="panel project-orders" data-testid="project-orders">
      <div className="project-orders-head">
        <h2>{t('peopleUi.scoped.title')}</h2>
        <button type="button" data-testid="project-new-order" onClick={newOrder}>
          {t('peopleUi.projects.newOrder')} <Shortcut keys="Alt+N" />
        </button>
      </div>
      <dl className="facts plain project-figures" aria-label={t('peopleUi.projects.figures.title')} data-testid="project-figures">
        <dt>{t('peopleUi.projects.figures.salesOrders')}</dt>
        <dd className="num" data-testid="project-sales-count">{p.salesOrderCount}</dd>
        <dt>{t('peopleUi.projects.figures.salesNet')}</dt>
        <dd className="num" data-testid="project-sales-net">{formatAmount(p.salesNetOre)}</dd>
        <dt>{t('peopleUi.projects.figures.invoiced')}</dt>
        <dd className="num" data-testid="project-invoiced">{formatAmount(p.invoicedNetOre)}</dd>
        <dt>{t('peopleUi.projects.figures.purchaseOrders')}</dt>
        <dd className="num" data-testid="project-purchase-count">{p.purchaseOrderCount}</dd>
        <dt>{t('peopleUi.projects.figures.purchaseNet')}</dt>
        <dd className="num" data-testid="project-purchase-net">{formatAmount(p.purchaseNetOre)}</dd>
      </dl>
      <ScopedOrders testId="project-orders-list" scope={{ projectId: p.id }} hideColumns={['customerName', 'customerNumber', 'projectNumber']} />
    </section>
  );
}
