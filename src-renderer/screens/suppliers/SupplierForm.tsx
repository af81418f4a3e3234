// The supplier form: business or private, organisation number (MOD11, checked
// by the engine), address, contacts and payment terms, as for customers, with
// no credit limit (SPEC 5: suppliers are parties too).
import { useTranslation } from 'react-i18next';
import type { Supplier } from '../../../shared/channels/suppliers';
import type { PartyKind } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { RadioField, TextField } from '../../components/fields';
import { RecordForm, useRecordForm } from '../../components/RecordForm';
import type { BilingualText } from '../../i18n';
import {
  ContactsTable,
  PartyAddressFields,
  contactEditing,
  partyFieldOf,
  partyFingerprint,
  partyInputOf,
  partyValuesOf,
  paymentTermsOf,
} from '../customers/partyForm';
import { checks } from '../../components/fieldChecks';

const valuesOf = (s: Supplier | null) => partyValuesOf(s, 's');

export interface SupplierFormProps {
  readonly supplier: Supplier | null;
  readonly active: boolean;
  readonly onSaved: (s: Supplier) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function SupplierForm(props: SupplierFormProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    record: props.supplier,
    valuesOf,
    fingerprint: partyFingerprint,
    active: props.active,
    firstField: props.supplier ? 'name' : 'kind',
    onSaved: props.onSaved,
    onClose: props.onClose,
    onDirtyChange: props.onDirtyChange,
  });
  const { v, set, saved } = form;
  const contacts = contactEditing(form.setV, form.root, 's');

  const save = async () => {
    if (form.busy()) return;
    const errors: Record<string, BilingualText> = {};
    const paymentTermsDays = paymentTermsOf(v, errors);
    if (Object.keys(errors).length) return form.refuse(errors);
    const input = partyInputOf(v);
    const fields = { ...input.fields, ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}) };
    await form.persist(
      () =>
        saved
          ? invoke('suppliers.update', { id: saved.id, ...fields, contacts: input.contacts })
          : invoke('suppliers.create', { ...fields, contacts: input.contacts }),
      {
        fieldOf: (path) => partyFieldOf(path, input.contactKeys),
        notice: (r) => t('suppliers.savedMessage', { number: r.number, name: r.name }),
        invalidate: ['suppliers.list', 'suppliers.get', 'suppliers.lookup'],
      },
    );
  };

  const business = v.kind === 'business';
  return (
    <RecordForm
      form={form}
      active={props.active}
      prefix="supplier"
      className="form customer-form"
      title={saved ? t('suppliers.editTitle', { number: saved.number }) : t('suppliers.newTitle')}
      onSave={save}
      keys={{ 'alt+k': () => (business ? contacts.add() : undefined) }}
    >
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
          <TextField name="orgNumber" check={checks.orgNumber} label={t('customers.orgNumber')} value={v.orgNumber} span={2} inputMode="numeric" onChange={(x) => set('orgNumber', x)} />
        ) : (
          <div className="field span-2" />
        )}
        <PartyAddressFields v={v} set={set} />
        <TextField
          name="paymentTermsDays" check={checks.whole}
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
          errors={form.refusal.fields}
          onChange={contacts.change}
          onRemove={contacts.remove}
          onAdd={contacts.add}
        />
      ) : null}
    </RecordForm>
  );
}
