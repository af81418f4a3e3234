// The order header's delivery address (SPEC 5): the customer's own address or one
// of its delivery addresses. Shown only when the customer has any (or the order
// keeps a copy of one the customer has since removed).
import { useTranslation } from 'react-i18next';
import type { OrderDeliveryAddress } from '../../../shared/channels/orders';
import { useChannel } from '../../api/queries';
import { SelectField } from '../../components/fields';
import { KEPT_DELIVERY_ADDRESS } from './orderDraft';

interface AddressLike {
  readonly name: string;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
}

/** "Byggeplass Fjellveien, Fjellveien 77, 5019 Bergen". */
export function addressLabel(a: AddressLike): string {
  const postal = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.name, a.addressLine1 ?? '', postal, a.country !== 'NO' ? a.country : ''].filter((s) => s.length > 0).join(', ');
}

export function DeliveryAddressField(props: {
  customerId: number | null;
  value: string;
  /** The copy the saved order has, for an address the customer no longer lists. */
  kept: OrderDeliveryAddress | null;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const customer = useChannel('customers.get', { id: props.customerId ?? 0 }, { enabled: props.customerId !== null });
  const addresses = props.customerId !== null && customer.data ? customer.data.deliveryAddresses : [];
  const keptShown = props.value === KEPT_DELIVERY_ADDRESS && props.kept !== null;
  if (addresses.length === 0 && !keptShown) return null;
  const options = [
    { value: '', label: t('order.deliveryAddressCustomer') },
    ...(keptShown && props.kept ? [{ value: KEPT_DELIVERY_ADDRESS, label: t('order.deliveryAddressKept', { address: addressLabel(props.kept) }) }] : []),
    ...addresses.map((a) => ({ value: String(a.id), label: addressLabel(a) })),
  ];
  return <SelectField name="deliveryAddressId" label={t('order.deliveryAddress')} value={props.value} span={2} onChange={props.onChange} options={options} />;
}
