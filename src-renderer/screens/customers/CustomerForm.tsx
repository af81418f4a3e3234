// The customer form: private or business, organisation number (MOD11, checked
// by the engine), address, contacts with phone, credit limit and payment terms.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerInput } from '../../../shared/channels/customers';
import { formatOrgNumber } from '../../../shared/checks';
import type { PartyKind } from '../../../shared/enums';
import { parseAmount } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate } from '../../api/queries';
import { focusNextIn, useHotkeys } from '../../app/hotkeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner, FieldMessage, FormScopeProvider, Notice, RadioField, TextField } from '../../components/fields';
import { focusField, refusalOf, useRefusal, type FieldErrors } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';

export interface ContactDraft {
  key: string;
  id?: number;
  name: string;
  phone: string;
  email: string;
  role: string;
}

interface Values {
  kind: PartyKind;
  name: string;
  orgNumber: string;
  email: string;
  phone: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country: string;
  creditLimit: string;
  paymentTermsDays: string;
  contacts: ContactDraft[];
}

let contactKey = 0;
const blankContact = (): ContactDraft => ({ key: `c${++contactKey}`, name: '', phone: '', email: '', role: '' });
const isBlankContact = (c: ContactDraft) => !c.name.trim() && !c.phone.trim() && !c.email.trim() && !c.role.trim();

function valuesOf(c: Customer | null): Values {
  if (!c) {
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
      creditLimit: '',
      paymentTermsDays: '',
      contacts: [blankContact()],
    };
  }
  return {
    kind: c.kind,
    name: c.name,
    orgNumber: c.orgNumber ? formatOrgNumber(c.orgNumber) : '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    addressLine1: c.addressLine1 ?? '',
    postalCode: c.postalCode ?? '',
    city: c.city ?? '',
    country: c.country,
    creditLimit: c.creditLimitOre === null ? '' : amountText(c.creditLimitOre),
    paymentTermsDays: String(c.paymentTermsDays),
    contacts: c.contacts.map((x) => ({
      key: `c${++contactKey}`,
      id: x.id,
      name: x.name,
      phone: x.phone ?? '',
      email: x.email ?? '',
      role: x.role ?? '',
    })),
  };
}

const blankToNull = (s: string): string | null => (s.trim() ? s.trim() : null);
const fingerprint = (v: Values) => JSON.stringify({ ...v, contacts: v.contacts.filter((c) => !isBlankContact(c)).map(({ key: _k, ...c }) => c) });

/** The engine's paths ("creditLimitOre", "contacts.0.phone") → this form's fields. */
function fieldOf(path: string, sentContacts: readonly string[]): string | null {
  if (path === 'creditLimitOre') return 'creditLimit';
  const m = /^contacts\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const key = sentContacts[Number(m[1])];
    const col = m[2] === 'id' ? 'name' : m[2];
    return key ? `contacts.${key}.${col}` : null;
  }
  return ['kind', 'name', 'orgNumber', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'country', 'paymentTermsDays'].includes(path)
    ? path
    : null;
}

export interface CustomerFormProps {
  readonly customer: Customer | null;
  readonly active: boolean;
  readonly onSaved: (c: Customer) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function CustomerForm(props: CustomerFormProps) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(() => valuesOf(props.customer));
  const [baseline, setBaseline] = useState(() => fingerprint(valuesOf(props.customer)));
  const [saved, setSaved] = useState<Customer | null>(props.customer);
  const { refusal, setRefusal, clear, setFields } = useRefusal();
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const dirty = fingerprint(v) !== baseline;
  const onDirtyChange = props.onDirtyChange;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (props.active) focusField(root.current, props.customer ? 'name' : 'kind');
    // Only when the form opens.
  }, []);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));
  const setContact = (key: string, change: Partial<ContactDraft>) =>
    setV((old) => ({ ...old, contacts: old.contacts.map((c) => (c.key === key ? { ...c, ...change } : c)) }));

  const addContact = () => {
    const c = blankContact();
    setV((old) => ({ ...old, contacts: [...old.contacts, c] }));
    window.setTimeout(() => focusField(root.current, `contacts.${c.key}.name`), 0);
  };

  const save = async () => {
    if (savingRef.current) return;
    const errors: Record<string, BilingualText> = {};
    let creditLimitOre: number | null = null;
    if (v.creditLimit.trim()) {
      creditLimitOre = parseAmount(v.creditLimit);
      if (creditLimitOre === null || creditLimitOre < 0) errors.creditLimit = bilingual('common.invalidAmount');
    }
    let paymentTermsDays: number | undefined;
    if (v.paymentTermsDays.trim()) {
      const n = Number(v.paymentTermsDays.trim());
      if (!Number.isInteger(n) || n < 0) errors.paymentTermsDays = bilingual('common.invalidWhole');
      else paymentTermsDays = n;
    }
    if (Object.keys(errors).length) {
      setFields(errors as FieldErrors);
      focusField(root.current, Object.keys(errors)[0]);
      return;
    }
    const business = v.kind === 'business';
    const contacts = business ? v.contacts.filter((c) => !isBlankContact(c)) : [];
    const fields: Omit<CustomerInput, 'contacts'> = {
      kind: v.kind,
      name: v.name,
      orgNumber: business ? blankToNull(v.orgNumber) : null,
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      addressLine1: blankToNull(v.addressLine1),
      postalCode: blankToNull(v.postalCode),
      city: blankToNull(v.city),
      country: v.country,
      creditLimitOre,
      ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}),
    };
    const contactInput = contacts.map((c) => ({
      ...(c.id !== undefined ? { id: c.id } : {}),
      name: c.name,
      phone: blankToNull(c.phone),
      email: blankToNull(c.email),
      role: blankToNull(c.role),
    }));
    savingRef.current = true;
    setSaving(true);
    clear();
    try {
      const result = saved
        ? await invoke('customers.update', { id: saved.id, ...fields, contacts: contactInput })
        : await invoke('customers.create', { ...fields, contacts: contactInput });
      const next = valuesOf(result);
      setSaved(result);
      setV(next);
      setBaseline(fingerprint(next));
      setNotice(t('customers.savedMessage', { number: result.number, name: result.name }));
      void invalidate('customers.list', 'customers.get', 'customers.lookup');
      props.onSaved(result);
    } catch (error) {
      const r = refusalOf(error, (path) => fieldOf(path, contacts.map((c) => c.key)));
      setRefusal(r);
      focusField(root.current, Object.keys(r.fields)[0]);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const close = () => (dirty ? setConfirmLeave(true) : props.onClose());

  useHotkeys(props.active, {
    'ctrl+s': () => void save(),
    escape: close,
    'alt+k': () => (v.kind === 'business' ? addContact() : undefined),
  });

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    focusNextIn(root.current, target, e.shiftKey);
  };

  const business = v.kind === 'business';
  return (
    <form
      ref={root}
      className="form customer-form"
      data-testid="customer-form"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-title">
        <h2 data-testid="customer-form-title">
          {saved ? t('customers.editTitle', { number: saved.number }) : t('customers.newTitle')}
        </h2>
        <span className={`pill ${dirty || !saved ? 'warn' : 'ok'}`}>{dirty || !saved ? t('app.unsaved') : t('app.saved')}</span>
      </div>
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="customer-error" />
      <FormScopeProvider prefix="customer" errors={refusal.fields}>
        <div className="form-grid cols-4">
          <RadioField
            name="kind"
            label={t('customers.kind')}
            value={v.kind}
            span={2}
            onChange={(x) => set('kind', x as PartyKind)}
            options={[
              { value: 'private', label: t('customers.kinds.private') },
              { value: 'business', label: t('customers.kinds.business') },
            ]}
          />
          {business ? (
            <TextField
              name="orgNumber"
              label={t('customers.orgNumber')}
              value={v.orgNumber}
              span={2}
              inputMode="numeric"
              onChange={(x) => set('orgNumber', x)}
            />
          ) : (
            <div className="field span-2" />
          )}
          <TextField name="name" label={t('customers.name')} value={v.name} span={4} maxLength={200} onChange={(x) => set('name', x)} />
          <TextField name="addressLine1" label={t('customers.addressLine1')} value={v.addressLine1} span={2} onChange={(x) => set('addressLine1', x)} />
          <TextField name="postalCode" label={t('customers.postalCode')} value={v.postalCode} maxLength={10} onChange={(x) => set('postalCode', x)} />
          <TextField name="city" label={t('customers.city')} value={v.city} onChange={(x) => set('city', x)} />
          <TextField name="phone" label={t('customers.phone')} value={v.phone} span={2} inputMode="tel" onChange={(x) => set('phone', x)} />
          <TextField name="email" label={t('customers.email')} value={v.email} span={2} inputMode="email" onChange={(x) => set('email', x)} />
          <TextField
            name="creditLimit"
            label={t('customers.creditLimit')}
            value={v.creditLimit}
            span={2}
            numeric
            inputMode="decimal"
            hint={t('customers.creditLimitHint')}
            onChange={(x) => set('creditLimit', x)}
          />
          <TextField
            name="paymentTermsDays"
            label={t('customers.paymentTermsDays')}
            value={v.paymentTermsDays}
            span={2}
            inputMode="numeric"
            hint={t('customers.paymentTermsHint')}
            onChange={(x) => set('paymentTermsDays', x)}
          />
        </div>
        {business ? (
          <ContactsTable
            contacts={v.contacts}
            errors={refusal.fields}
            onChange={setContact}
            onRemove={(key) => setV((old) => ({ ...old, contacts: old.contacts.filter((c) => c.key !== key) }))}
            onAdd={addContact}
          />
        ) : null}
      </FormScopeProvider>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="customer-save">
          {t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
        <button type="button" onClick={close} data-testid="customer-close">
          {t('app.close')} <Shortcut keys="Esc" />
        </button>
        <Notice text={dirty ? null : notice} testId="customer-notice" />
      </div>
      {confirmLeave ? (
        <ConfirmDialog
          title={t('common.unsavedTitle')}
          text={t('common.unsavedText')}
          confirmLabel={t('common.discard')}
          cancelLabel={t('common.keepEditing')}
          danger
          onConfirm={() => {
            setConfirmLeave(false);
            props.onClose();
          }}
          onCancel={() => setConfirmLeave(false)}
        />
      ) : null}
    </form>
  );
}

/** The contacts of a business party (customers, suppliers): `prefix` names its test ids. */
export function ContactsTable(props: {
  prefix?: string;
  contacts: readonly ContactDraft[];
  errors: FieldErrors;
  onChange: (key: string, change: Partial<ContactDraft>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const cols = ['name', 'phone', 'email', 'role'] as const;
  const prefix = props.prefix ?? 'customer';
  return (
    <fieldset className="form-section contacts" data-testid={`${prefix}-contacts`}>
      <legend>{t('customers.contacts')}</legend>
      {props.contacts.length === 0 ? <p className="muted">{t('customers.contact.none')}</p> : null}
      {props.contacts.length > 0 ? (
        <table className="mini-grid">
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {t(`customers.contact.${c}`)}
                </th>
              ))}
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {props.contacts.map((c, i) => (
              <tr key={c.key}>
                {cols.map((col) => {
                  const field = `contacts.${c.key}.${col}`;
                  const error = props.errors[field];
                  return (
                    <td key={col} className={error ? 'has-error' : ''}>
                      <input
                        className="cell"
                        data-field={field}
                        data-testid={`${prefix}-contact-${i}-${col}`}
                        aria-label={`${t(`customers.contact.${col}`)} ${i + 1}`}
                        aria-invalid={error ? true : undefined}
                        value={c[col]}
                        inputMode={col === 'phone' ? 'tel' : col === 'email' ? 'email' : undefined}
                        onChange={(e) => props.onChange(c.key, { [col]: e.target.value })}
                      />
                      {error ? <FieldMessage id={`contact-${c.key}-${col}`} testId={`${prefix}-contact-${i}-${col}`} error={error} /> : null}
                    </td>
                  );
                })}
                <td className="actions">
                  <button
                    type="button"
                    className="icon"
                    tabIndex={-1}
                    aria-label={t('customers.contact.remove', { no: i + 1 })}
                    onClick={() => props.onRemove(c.key)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="small" onClick={props.onAdd} data-testid={`${prefix}-contact-add`} data-skip-enter="1">
        + {t('customers.contact.add')} <Shortcut keys="Alt+K" />
      </button>
    </fieldset>
  );
}
