// Under a customer's form: its open items, or its orders (issue 12) — all of
// them, or one contact person's when one is chosen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/channels/customers';
import { ScopedOrders } from '../orders/ScopedOrders';
import { OpenItemsPanel } from './OpenItemsPanel';

type Tab = 'openItems' | 'orders';

export function CustomerTabs(props: { customer: Customer; customerId: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('openItems');
  const [contactId, setContactId] = useState('');
  const contact = props.customer.contacts.find((c) => String(c.id) === contactId);
  return (
    <div className="customer-tabs">
      <div className="side-tabs" role="tablist" aria-label={t('peopleUi.customerTabs.label')}>
        {(['openItems', 'orders'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`side-tab ${tab === id ? 'selected' : ''}`}
            data-testid={`customer-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`peopleUi.customerTabs.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'openItems' ? (
        <OpenItemsPanel customerId={props.customerId} />
      ) : (
        <section className="panel customer-orders" data-testid="customer-orders">
          {props.customer.contacts.length > 0 ? (
            <label className="inline-field">
              <span>{t('peopleUi.scoped.contact')}</span>
              <select data-testid="customer-orders-contact" value={contact ? contactId : ''} onChange={(e) => setContactId(e.target.value)}>
                <option value="">{t('peopleUi.scoped.allContacts')}</option>
                {props.customer.contacts.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ScopedOrders
            testId="customer-orders-list"
            scope={contact ? { contactId: contact.id } : { customerId: props.customerId }}
            hideColumns={['customerName', 'customerNumber']}
          />
        </section>
      )}
    </div>
  );
}
