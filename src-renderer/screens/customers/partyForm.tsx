// What the customer and supplier forms share (suppliers are parties too, SPEC 5):
// the party's values as typed, the address block, payment terms, and the
// contacts of a business with the engine's "contacts.0.phone" mapped to its row.
import type { Dispatch, RefObject, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, DeliveryAddress } from '../../../shared/channels/customers';
import { formatOrgNumber } from '../../../shared/checks';
import type { PartyKind } from '../../../shared/enums';
import { checks } from '../../components/fieldChecks';
import { FieldMessage, TextField } from '../../components/fields';
import { focusField, type FieldErrors } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, type BilingualText } from '../../i18n';

export interface ContactDraft {
  key: string;
  id?: number;
  name: string;
  phone: string;
  email: string;
  role: string;
}

export interface PartyValues {
  kind: PartyKind;
  name: string;
  orgNumber: string;
  email: string;
  phone: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country: string;
  paymentTermsDays: string;
  contacts: ContactDraft[];
}

interface Party {
  readonly kind: PartyKind;
  readonly name: string;
  readonly orgNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
  readonly paymentTermsDays: number;
  readonly contacts: readonly Contact[];
}

let contactKey = 0;
/** `tag` keeps the row keys of the two forms apart ("c1", "s1"). */
const blankContact = (tag: string): ContactDraft => ({ key: `${tag}${++contactKey}`, name: '', phone: '', email: '', role: '' });
const isBlankContact = (c: ContactDraft) => !c.name.trim() && !c.phone.trim() && !c.email.trim() && !c.role.trim();
const blankToNull = (s: string): string | null => (s.trim() ? s.trim() : null);

export function partyValuesOf(p: Party | null, tag: string): PartyValues {
  if (!p) {
    return {
      kind: 'business',
      name: '',
      orgNumber: '',
      email: '',
      phone: '',
      addressLine1: '',
      postalCode: '',
      city: '',
      country: 'NO',
      paymentTermsDays: '',
      contacts: [blankContact(tag)],
    };
  }
  return {
    kind: p.kind,
    name: p.name,
    orgNumber: p.orgNumber ? formatOrgNumber(p.orgNumber) : '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    addressLine1: p.addressLine1 ?? '',
    postalCode: p.postalCode ?? '',
    city: p.city ?? '',
    country: p.country,
    paymentTermsDays: String(p.paymentTermsDays),
    contacts: p.contacts.map((x) => ({ key: `${tag}${++contactKey}`, id: x.id, name: x.name, phone: x.phone ?? '', email: x.email ?? '', role: x.role ?? '' })),
  };
}

/** Blank contact rows are not something typed. */
export const partyFingerprint = <V extends PartyValues>(v: V) =>
  JSON.stringify({ ...v, contacts: v.contacts.filter((c) => !isBlankContact(c)).map(({ key: _k, ...c }) => c) });

const OWN_FIELDS = ['kind', 'name', 'orgNumber', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'country', 'paymentTermsDays'];

/** The engine's paths ("contacts.0.phone") → the form's fields; `sentContacts` are the row keys in the order sent. */
export function partyFieldOf(path: string, sentContacts: readonly string[]): string | null {
  const m = /^contacts\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const key = sentContacts[Number(m[1])];
    return key ? `contacts.${key}.${m[2] === 'id' ? 'name' : m[2]}` : null;
  }
  return OWN_FIELDS.includes(path) ? path : null;
}

/** Payment terms as typed: blank leaves the engine's default, else whole days. */
export function paymentTermsOf(v: PartyValues, errors: Record<string, BilingualText>): number | undefined {
  if (!v.paymentTermsDays.trim()) return undefined;
  const n = Number(v.paymentTermsDays.trim());
  if (!Number.isInteger(n) || n < 0) errors.paymentTermsDays = bilingual('common.invalidWhole');
  else return n;
  return undefined;
}

/** The party's fields and contacts as the engine takes them; `contactKeys` map a refusal back to its row. */
export function partyInputOf(v: PartyValues) {
  const business = v.kind === 'business';
  const contacts = business ? v.contacts.filter((c) => !isBlankContact(c)) : [];
  return {
    fields: {
      kind: v.kind,
      name: v.name,
      orgNumber: business ? blankToNull(v.orgNumber) : null,
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      addressLine1: blankToNull(v.addressLine1),
      postalCode: blankToNull(v.postalCode),
      city: blankToNull(v.city),
      country: v.country,
    },
    contacts: contacts.map((c) => ({
      ...(c.id !== undefined ? { id: c.id } : {}),
      name: c.name,
      phone: blankToNull(c.phone),
      email: blankToNull(c.email),
      role: blankToNull(c.role),
    })),
    contactKeys: contacts.map((c) => c.key),
  };
}

/** Changing, adding (focus goes to the new row's name) and removing contact rows. */
export function contactEditing<V extends { contacts: ContactDraft[] }>(setV: Dispatch<SetStateAction<V>>, root: RefObject<HTMLElement | null>, tag: string) {
  return {
    change: (key: string, change: Partial<ContactDraft>) =>
      setV((old) => ({ ...old, contacts: old.contacts.map((c) => (c.key === key ? { ...c, ...change } : c)) })),
    add: () => {
      const c = blankContact(tag);
      setV((old) => ({ ...old, contacts: [...old.contacts, c] }));
      window.setTimeout(() => focusField(root.current, `contacts.${c.key}.name`), 0);
    },
    remove: (key: string) => setV((old) => ({ ...old, contacts: old.contacts.filter((c) => c.key !== key) })),
  };
}

/** Name, address, phone and e-mail: the same fields and labels for customers and suppliers. */
export function PartyAddressFields<V extends PartyValues>(props: { v: V; set: <K extends keyof V>(key: K, value: V[K]) => void }) {
  const { t } = useTranslation();
  const { v, set } = props;
  return (
    <>
      <TextField name="name" label={t('customers.name')} value={v.name} span={4} maxLength={200} onChange={(x) => set('name', x)} />
      <TextField name="addressLine1" label={t('customers.addressLine1')} value={v.addressLine1} span={2} onChange={(x) => set('addressLine1', x)} />
      <TextField name="postalCode" check={checks.postalCode(v.country)} label={t('customers.postalCode')} value={v.postalCode} maxLength={10} onChange={(x) => set('postalCode', x)} />
      <TextField name="city" label={t('customers.city')} value={v.city} onChange={(x) => set('city', x)} />
      <TextField name="phone" label={t('customers.phone')} value={v.phone} span={2} inputMode="tel" onChange={(x) => set('phone', x)} />
      <TextField name="email" label={t('customers.email')} value={v.email} span={2} inputMode="email" onChange={(x) => set('email', x)} />
    </>
  );
}

type CellProps = { maxLength?: number; size?: number; inputMode?: 'tel' | 'email' | 'numeric' };

/**
 * The editable table of the contacts and of the delivery addresses: a text cell per
 * column, a remove button per row and an add button. `tag` names the row test ids
 * ("<prefix>-<tag>-0-name") and the texts ("customers.<tag>.name"); `field` names the
 * cells' data-field ("<field>.<key>.<col>"), which refusals are placed on.
 */
function EditableRowsTable<R extends { key: string }, C extends keyof R & string>(props: {
  prefix: string;
  tag: 'contact' | 'delivery';
  field: string;
  className: string;
  testId: string;
  legend: string;
  addKeys: string;
  cols: readonly C[];
  rows: readonly R[];
  errors: FieldErrors;
  cellProps: (col: C) => CellProps;
  /** The column's title, also the cell's label with the row number. */
  title: (col: C) => string;
  onChange: (key: string, change: Partial<R>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const { prefix, tag, cols } = props;
  return (
    <fieldset className={props.className} data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.rows.length === 0 ? <p className="muted">{t(`customers.${tag}.none`)}</p> : null}
      {props.rows.length > 0 ? (
        <table className="mini-grid">
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {props.title(c)}
                </th>
              ))}
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={r.key}>
                {cols.map((col) => {
                  const field = `${props.field}.${r.key}.${col}`;
                  const error = props.errors[field];
                  return (
                    <td key={col} className={error ? 'has-error' : ''}>
                      <input
                        className="cell"
                        data-field={field}
                        data-testid={`${prefix}-${tag}-${i}-${col}`}
                        aria-label={`${props.title(col)} ${i + 1}`}
                        aria-invalid={error ? true : undefined}
                        value={String(r[col])}
                        {...props.cellProps(col)}
                        onChange={(e) => props.onChange(r.key, { [col]: e.target.value } as Partial<R>)}
                      />
                      {error ? <FieldMessage id={`${tag}-${r.key}-${col}`} testId={`${prefix}-${tag}-${i}-${col}`} error={error} /> : null}
                    </td>
                  );
                })}
                <td className="actions">
                  <button
                    type="button"
                    className="icon"
                    tabIndex={-1}
                    aria-label={t(`customers.${tag}.remove`, { no: i + 1 })}
                    onClick={() => props.onRemove(r.key)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="small" onClick={props.onAdd} data-testid={`${prefix}-${tag}-add`} data-skip-enter="1">
        + {t(`customers.${tag}.add`)} <Shortcut keys={props.addKeys} />
      </button>
    </fieldset>
  );
}

const CONTACT_COLUMNS = ['name', 'phone', 'email', 'role'] as const;
const contactCellProps = (col: (typeof CONTACT_COLUMNS)[number]): CellProps => ({
  inputMode: col === 'phone' ? 'tel' : col === 'email' ? 'email' : undefined,
});

/** The contacts of a business party: `prefix` names its test ids. */
export function ContactsTable(props: {
  prefix: string;
  contacts: readonly ContactDraft[];
  errors: FieldErrors;
  onChange: (key: string, change: Partial<ContactDraft>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <EditableRowsTable
      prefix={props.prefix}
      tag="contact"
      field="contacts"
      className="form-section contacts"
      testId={`${props.prefix}-contacts`}
      legend={t('customers.contacts')}
      addKeys="Alt+K"
      cols={CONTACT_COLUMNS}
      rows={props.contacts}
      errors={props.errors}
      cellProps={contactCellProps}
      title={(col) => t(`customers.contact.${col}`)}
      onChange={props.onChange}
      onRemove={props.onRemove}
      onAdd={props.onAdd}
    />
  );
}

// ---- Delivery addresses (customers only, SPEC 5) ---------------------------------

export interface DeliveryAddressDraft {
  key: string;
  id?: number;
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country: string;
}

let addressKey = 0;
const blankDeliveryAddress = (): DeliveryAddressDraft => ({ key: `d${++addressKey}`, name: '', addressLine1: '', postalCode: '', city: '', country: 'NO' });
const isBlankDeliveryAddress = (a: DeliveryAddressDraft) => !a.name.trim() && !a.addressLine1.trim() && !a.postalCode.trim() && !a.city.trim();

export function deliveryAddressDraftsOf(addresses: readonly DeliveryAddress[] | undefined): DeliveryAddressDraft[] {
  return (addresses ?? []).map((a) => ({
    key: `d${++addressKey}`,
    id: a.id,
    name: a.name,
    addressLine1: a.addressLine1 ?? '',
    postalCode: a.postalCode ?? '',
    city: a.city ?? '',
    country: a.country,
  }));
}

/** Blank rows are not something typed. */
export const deliveryAddressesFingerprint = (rows: readonly DeliveryAddressDraft[]) =>
  rows.filter((a) => !isBlankDeliveryAddress(a)).map(({ key: _k, ...a }) => a);

/** The rows as the engine takes them; `keys` map a refusal ("deliveryAddresses.0.postalCode") back to its row. */
export function deliveryAddressesInputOf(rows: readonly DeliveryAddressDraft[]) {
  const kept = rows.filter((a) => !isBlankDeliveryAddress(a));
  return {
    deliveryAddresses: kept.map((a) => ({
      ...(a.id !== undefined ? { id: a.id } : {}),
      name: a.name,
      addressLine1: blankToNull(a.addressLine1),
      postalCode: blankToNull(a.postalCode),
      city: blankToNull(a.city),
      country: a.country.trim().toUpperCase() || 'NO',
    })),
    keys: kept.map((a) => a.key),
  };
}

/** The engine's "deliveryAddresses.0.postalCode" → the form's field, or null when it is not about a row. */
export function deliveryAddressFieldOf(path: string, keys: readonly string[]): string | null {
  const m = /^deliveryAddresses\.(\d+)\.(\w+)$/.exec(path);
  if (!m) return null;
  const key = keys[Number(m[1])];
  return key ? `deliveryAddresses.${key}.${m[2] === 'id' ? 'name' : m[2]}` : null;
}

/** Changing, adding (focus goes to the new row's name) and removing delivery address rows. */
export function deliveryAddressEditing<V extends { deliveryAddresses: DeliveryAddressDraft[] }>(setV: Dispatch<SetStateAction<V>>, root: RefObject<HTMLElement | null>) {
  return {
    change: (key: string, change: Partial<DeliveryAddressDraft>) =>
      setV((old) => ({ ...old, deliveryAddresses: old.deliveryAddresses.map((a) => (a.key === key ? { ...a, ...change } : a)) })),
    add: () => {
      const a = blankDeliveryAddress();
      setV((old) => ({ ...old, deliveryAddresses: [...old.deliveryAddresses, a] }));
      window.setTimeout(() => focusField(root.current, `deliveryAddresses.${a.key}.name`), 0);
    },
    remove: (key: string) => setV((old) => ({ ...old, deliveryAddresses: old.deliveryAddresses.filter((a) => a.key !== key) })),
  };
}

const DELIVERY_COLUMNS = ['name', 'addressLine1', 'postalCode', 'city', 'country'] as const;
const deliveryCellProps = (col: (typeof DELIVERY_COLUMNS)[number]): CellProps => ({
  maxLength: col === 'country' ? 2 : col === 'postalCode' ? 10 : undefined,
  size: col === 'country' ? 3 : col === 'postalCode' ? 6 : undefined,
  inputMode: col === 'postalCode' ? 'numeric' : undefined,
});

/** The customer's delivery addresses, laid out and typed like the contacts: `prefix` names its test ids. */
export function DeliveryAddressesTable(props: {
  prefix: string;
  addresses: readonly DeliveryAddressDraft[];
  errors: FieldErrors;
  onChange: (key: string, change: Partial<DeliveryAddressDraft>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <EditableRowsTable
      prefix={props.prefix}
      tag="delivery"
      field="deliveryAddresses"
      className="form-section contacts delivery-addresses"
      testId={`${props.prefix}-delivery-addresses`}
      legend={t('customers.deliveryAddresses')}
      addKeys="Alt+L"
      cols={DELIVERY_COLUMNS}
      rows={props.addresses}
      errors={props.errors}
      cellProps={deliveryCellProps}
      title={(col) => t(`customers.delivery.${col}`)}
      onChange={props.onChange}
      onRemove={props.onRemove}
      onAdd={props.onAdd}
    />
  );
}
