// Opening an order from any screen (a customer's, an employee's or a project's
// order list) and starting a new one prefilled (a project's "Ny ordre"): the
// frame provides it, the order screen does it.
import { createContext, useContext } from 'react';
import type { CustomerListRow } from '../../shared/channels/customers';
import type { OrderPeople } from '../screens/people/OrderPeopleFields';

/** What a new order starts with besides the defaults. */
export interface OrderPrefill {
  readonly customer: CustomerListRow | null;
  readonly people: Partial<OrderPeople>;
}

export interface OrderOpener {
  open(id: number): void;
  newOrder(prefill: OrderPrefill): void;
}

export const OrderOpenerContext = createContext<OrderOpener>({ open: () => undefined, newOrder: () => undefined });

export const useOrderOpener = (): OrderOpener => useContext(OrderOpenerContext);
