// The customer form: private or business, organisation number (MOD11, checked
// by the engine), address, contacts with phone, credit limit and payment terms.
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/channels/customers';
import type { PartyKind } from '../../../shared/enums';
import { parseAmount } from '../../../shared/format';
import { invoke } from '../../api/client';
import { RadioField, TextField } from '../../components/fields';
import { RecordForm, useRecordForm } from '../../components/RecordForm';
import { bilingual, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';
import {
  ContactsTable,
  PartyAddressFields,
  contactEditing,
  partyFieldOf,
  partyFingerprint,
  partyInputOf,
  partyValuesOf,
  paymentTermsOf,
  type PartyValues,
} from './partyForm';

interface Values extends PartyValues {
  creditLimit: string;
}

const valuesOf = (c: Customer | null): Values => ({
  ...partyValuesOf(c, 'c'),
  creditLimit: c && c.creditLimitOre !== null ? amountText(c.creditLimitOre) : '',
});

export interface CustomerFormProps {
  readonly customer: Customer | null;
  readonly active: boolean;
  readonly onSaved: (c: Customer) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function CustomerForm(props: CustomerFormProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    record: props.customer,
    valuesOf,
    fingerprint: partyFingerprint,
    active: props.active,
    firstField: props.customer ? 'name' : 'kind',
    onSaved: props.onSaved,
    onClose: props.onClose,
    onDirtyChange: props.onDirtyChange,
  });
  const { v, set, saved } = form;
  const contacts = contactEditing(form.setV, form.root, 'c');

  const save = async () => {
    if (form.busy()) return;
    const errors: Record<string, BilingualText> = {};
    let creditLimitOre: number | null = null;
    if (v.creditLimit.trim()) {
      creditLimitOre = parseAmount(v.creditLimit);
      if (creditLimitOre === null || creditLimitOre < 0) errors.creditLimit = bilingual('common.invalidAmount');
    }
    const paymentTermsDays = paymentTermsOf(v, errors);
    if (Object.keys(errors).length) return form.refuse(errors);
    const input = partyInputOf(v);
    const fields = { ...input.fields, creditLimitOre, ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}) };
    await form.persist(
      () =>
        saved
          ? invoke('customers.update', { id: saved.id, ...fields, contacts: input.contacts })
          : invoke('customers.create', { ...fields, contacts: input.contacts }),
      {
        fieldOf: (path) => (path === 'creditLimitOre' ? 'creditLimit' : partyFieldOf(path, input.contactKeys)),
        notice: (r) => t('customers.savedMessage', { number: r.number, name: r.name }),
        invalidate: ['customers.list', 'customers.get', 'customers.lookup'],
      },
    );
  };

  const business = v.kind === 'business';
  return (
    <RecordForm
      form={form}
      active={props.active}
      prefix="customer"
      className="form customer-form"
      title={saved ? t('customers.editTitle', { number: saved.number }) : t('customers.newTitle')}
      onSave={save}
      keys={{ 'alt+k': () => (business ? contacts.add() : undefined) }}
    >
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
          <TextField name="orgNumber" label={t('customers.orgNumber')} value={v.orgNumber} span={2} inputMode="numeric" onChange={(x) => set('orgNumber', x)} />
        ) : (
          <div className="field span-2" />
        )}
        <PartyAddressFields v={v} set={set} />
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
          prefix="customer"
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
