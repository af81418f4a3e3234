// The supplier form: business or private, organisation number (MOD11, checked
// by the engine), address, contacts and payment terms, as for customers, with
// no credit limit (SPEC 5: suppliers are parties too).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Supplier, SupplierInput } from '../../../shared/channels/suppliers';
import { formatOrgNumber } from '../../../shared/checks';
import type { PartyKind } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { invalidate } from '../../api/queries';
import { focusNextIn, useHotkeys } from '../../app/hotkeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner, FormScopeProvider, Notice, RadioField, TextField } from '../../components/fields';
import { focusField, refusalOf, useRefusal, type FieldErrors } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual } from '../../i18n';
import { ContactsTable, type ContactDraft } from '../customers/CustomerForm';

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
  paymentTermsDays: string;
  contacts: ContactDraft[];
}

let contactKey = 0;
const blankContact = (): ContactDraft => ({ key: `s${++contactKey}`, name: '', phone: '', email: '', role: '' });
const isBlankContact = (c: ContactDraft) => !c.name.trim() && !c.phone.trim() && !c.email.trim() && !c.role.trim();

function valuesOf(s: Supplier | null): Values {
  if (!s) {
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
      contacts: [blankContact()],
    };
  }
  return {
    kind: s.kind,
    name: s.name,
    orgNumber: s.orgNumber ? formatOrgNumber(s.orgNumber) : '',
    email: s.email ?? '',
    phone: s.phone ?? '',
    addressLine1: s.addressLine1 ?? '',
    postalCode: s.postalCode ?? '',
    city: s.city ?? '',
    country: s.country,
    paymentTermsDays: String(s.paymentTermsDays),
    contacts: s.contacts.map((x) => ({ key: `s${++contactKey}`, id: x.id, name: x.name, phone: x.phone ?? '', email: x.email ?? '', role: x.role ?? '' })),
  };
}

const blankToNull = (s: string): string | null => (s.trim() ? s.trim() : null);
const fingerprint = (v: Values) => JSON.stringify({ ...v, contacts: v.contacts.filter((c) => !isBlankContact(c)).map(({ key: _k, ...c }) => c) });
const OWN_FIELDS = ['kind', 'name', 'orgNumber', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'country', 'paymentTermsDays'];

function fieldOf(path: string, sentContacts: readonly string[]): string | null {
  const m = /^contacts\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const key = sentContacts[Number(m[1])];
    return key ? `contacts.${key}.${m[2] === 'id' ? 'name' : m[2]}` : null;
  }
  return OWN_FIELDS.includes(path) ? path : null;
}

export interface SupplierFormProps {
  readonly supplier: Supplier | null;
  readonly active: boolean;
  readonly onSaved: (s: Supplier) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function SupplierForm(props: SupplierFormProps) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(() => valuesOf(props.supplier));
  const [baseline, setBaseline] = useState(() => fingerprint(valuesOf(props.supplier)));
  const [saved, setSaved] = useState<Supplier | null>(props.supplier);
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
    if (props.active) focusField(root.current, props.supplier ? 'name' : 'kind');
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
    let paymentTermsDays: number | undefined;
    if (v.paymentTermsDays.trim()) {
      const n = Number(v.paymentTermsDays.trim());
      if (!Number.isInteger(n) || n < 0) {
        setFields({ paymentTermsDays: bilingual('common.invalidWhole') } as FieldErrors);
        focusField(root.current, 'paymentTermsDays');
        return;
      }
      paymentTermsDays = n;
    }
    const business = v.kind === 'business';
    const contacts = business ? v.contacts.filter((c) => !isBlankContact(c)) : [];
    const fields: Omit<SupplierInput, 'contacts'> = {
      kind: v.kind,
      name: v.name,
      orgNumber: business ? blankToNull(v.orgNumber) : null,
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      addressLine1: blankToNull(v.addressLine1),
      postalCode: blankToNull(v.postalCode),
      city: blankToNull(v.city),
      country: v.country,
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
        ? await invoke('suppliers.update', { id: saved.id, ...fields, contacts: contactInput })
        : await invoke('suppliers.create', { ...fields, contacts: contactInput });
      const next = valuesOf(result);
      setSaved(result);
      setV(next);
      setBaseline(fingerprint(next));
      setNotice(t('suppliers.savedMessage', { number: result.number, name: result.name }));
      void invalidate('suppliers.list', 'suppliers.get', 'suppliers.lookup');
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
      data-testid="supplier-form"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-title">
        <h2 data-testid="supplier-form-title">{saved ? t('suppliers.editTitle', { number: saved.number }) : t('suppliers.newTitle')}</h2>
        <span className={`pill ${dirty || !saved ? 'warn' : 'ok'}`}>{dirty || !saved ? t('app.unsaved') : t('app.saved')}</span>
      </div>
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="supplier-error" />
      <FormScopeProvider prefix="supplier" errors={refusal.fields}>
        <div className="form-grid cols-4">
          <RadioField
            name="kind"
            label={t('suppliers.kind')}
            value={v.kind}
            span={2}
            onChange={(x) => set('kind', x as PartyKind)}
            options={[
              { value: 'business', label: t('customers.kinds.business') },
              { value: 'private', label: t('customers.kinds.private') },
            ]}
          />
          {business ? (
            <TextField name="orgNumber" label={t('customers.orgNumber')} value={v.orgNumber} span={2} inputMode="numeric" onChange={(x) => set('orgNumber', x)} />
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
            name="paymentTermsDays"
            label={t('suppliers.paymentTermsDays')}
            value={v.paymentTermsDays}
            span={2}
            inputMode="numeric"
            hint={t('customers.paymentTermsHint')}
            onChange={(x) => set('paymentTermsDays', x)}
          />
          <TextField name="country" label={t('suppliers.country')} value={v.country} maxLength={2} onChange={(x) => set('country', x.toUpperCase())} />
        </div>
        {business ? (
          <ContactsTable
            prefix="supplier"
            contacts={v.contacts}
            errors={refusal.fields}
            onChange={setContact}
            onRemove={(key) => setV((old) => ({ ...old, contacts: old.contacts.filter((c) => c.key !== key) }))}
            onAdd={addContact}
          />
        ) : null}
      </FormScopeProvider>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="supplier-save">
          {t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
        <button type="button" onClick={close} data-testid="supplier-close">
          {t('app.close')} <Shortcut keys="Esc" />
        </button>
        <Notice text={dirty ? null : notice} testId="supplier-notice" />
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
