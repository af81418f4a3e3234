// The contact person is filled in when the chosen customer has exactly one
// (issue 10, item 15): on a new order when the customer is picked, and on a
// saved one when the customer is changed; the saved customer's choice is left as it is.
import { useEffect, useRef } from 'react';
import { useChannel } from '../../api/queries';

export function useOnlyContact(p: {
  customerId: number | null;
  /** The customer the order is saved with (null: a new order). */
  savedCustomerId: number | null;
  contactId: string;
  setContact: (id: string) => void;
}): void {
  const customer = useChannel('customers.get', { id: p.customerId ?? 0 }, { enabled: p.customerId !== null });
  const done = useRef<number | null>(null);
  const { customerId, savedCustomerId, contactId, setContact } = p;
  useEffect(() => {
    if (customerId === null || customerId === savedCustomerId || done.current === customerId) return;
    if (!customer.data || customer.data.id !== customerId) return;
    done.current = customerId;
    const only = customer.data.contacts.length === 1 ? customer.data.contacts[0] : undefined;
    if (only && contactId === '') setContact(String(only.id));
  }, [customerId, savedCustomerId, contactId, setContact, customer.data]);
}
