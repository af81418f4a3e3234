// The customer form: private or business, organisation number (MOD11, checked
// by the engine), address, contacts with phone, delivery addresses, credit limit
// and payment terms.
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/channels/customers';
import { INVOICE_METHODS, type InvoiceMethod, type Language, type PartyKind } from '../../../shared/enums';
import { parseAmount } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useCompany } from '../../api/queries';
import { RadioField, SelectField, TextField } from '../../components/fields';
import { RecordForm, useRecordForm } from '../../components/RecordForm';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';
import {
  ContactsTable,
  DeliveryAddressesTable,
  PartyAddressFields,
  contactEditing,
  deliveryAddressDraftsOf,
  deliveryAddressEditing,
  deliveryAddressFieldOf,
  deliveryAddressesFingerprint,
  deliveryAddressesInputOf,
  partyFieldOf,
  partyFingerprint,
  partyInputOf,
  partyValuesOf,
  paymentTermsOf,
  type DeliveryAddressDraft,
  type PartyValues,
} from './partyForm';
import { checks } from '../../components/fieldChecks';
import { CustomFieldsSection } from '../../components/CustomFieldsSection';
import { customPayload, type CustomDrafts } from '../../components/customFieldDrafts';

interface Values extends PartyValues {
  creditLimit: string;
  /** The language the customer's documents are printed in by default. */
  language: Language;
  /** How the customer's invoices go out (issue 13). */
  invoiceMethod: InvoiceMethod;
  deliveryAddresses: DeliveryAddressDraft[];
  /** Custom fields typed since the last save (issue 12). */
  custom: CustomDrafts;
}

/** A new customer starts with the company's document language and invoice method (issue 13). */
const valuesOf = (c: Customer | null, defaults: { language: Language; invoiceMethod: InvoiceMethod } = { language: 'nb', invoiceMethod: 'print' }): Values => ({
  ...partyValuesOf(c, 'c'),
  creditLimit: c && c.creditLimitOre !== null ? amountText(c.creditLimitOre) : '',
  language: c?.language ?? defaults.language,
  invoiceMethod: c?.invoiceMethod ?? defaults.invoiceMethod,
  deliveryAddresses: deliveryAddressDraftsOf(c?.deliveryAddresses),
  custom: {},
});

/** Blank contact and delivery address rows are not something typed. */
const fingerprint = (v: Values) => partyFingerprint({ ...v, deliveryAddresses: deliveryAddressesFingerprint(v.deliveryAddresses) });

export interface CustomerFormProps {
  readonly customer: Customer | null;
  readonly active: boolean;
  readonly onSaved: (c: Customer) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function CustomerForm(props: CustomerFormProps) {
  const { t } = useTranslation();
  const company = useCompany().data;
  const defaults = { language: company?.documentLanguage ?? 'nb', invoiceMethod: company?.defaultInvoiceMethod ?? 'print' } as const;
  const lang = useLanguage();
  const form = useRecordForm({
    record: props.customer,
    valuesOf: (c: Customer | null) => valuesOf(c, defaults),
    fingerprint,
    active: props.active,
    firstField: props.customer ? 'name' : 'kind',
    onSaved: props.onSaved,
    onClose: props.onClose,
    onDirtyChange: props.onDirtyChange,
  });
  const { v, set, saved } = form;
  const contacts = contactEditing(form.setV, form.root, 'c');
  const addresses = deliveryAddressEditing(form.setV, form.root);

  const save = async () => {
    if (form.busy()) return;
    const errors: Record<string, BilingualText> = {};
    let creditLimitOre: number | null = null;
    if (v.creditLimit.trim()) {
      creditLimitOre = parseAmount(v.creditLimit);
      if (creditLimitOre === null || creditLimitOre < 0) errors.creditLimit = bilingual('common.invalidAmount');
    }
    const paymentTermsDays = paymentTermsOf(v, errors);
    const custom = customPayload(v.custom);
    Object.assign(errors, custom.errors);
    if (Object.keys(errors).length) return form.refuse(errors);
    const input = partyInputOf(v);
    const delivery = deliveryAddressesInputOf(v.deliveryAddresses);
    const fields = {
      ...input.fields,
      creditLimitOre,
      language: v.language,
      invoiceMethod: v.invoiceMethod,
      ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}),
      deliveryAddresses: delivery.deliveryAddresses,
      customFields: custom.values,
    };
    await form.persist(
      () =>
        saved
          ? invoke('customers.update', { id: saved.id, ...fields, contacts: input.contacts })
          : invoke('customers.create', { ...fields, contacts: input.contacts }),
      {
        fieldOf: (path) =>
          path.startsWith('customFields.') ? path : path === 'creditLimitOre' ? 'creditLimit' : path === 'language' || path === 'invoiceMethod' ? path : (deliveryAddressFieldOf(path, delivery.keys) ?? partyFieldOf(path, input.contactKeys)),
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
      keys={{ 'alt+k': () => (business ? contacts.add() : undefined), 'alt+l': addresses.add }}
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
          <TextField name="orgNumber" check={checks.orgNumber} label={t('customers.orgNumber')} value={v.orgNumber} span={2} inputMode="numeric" onChange={(x) => set('orgNumber', x)} />
        ) : (
          <div className="field span-2" />
        )}
        <PartyAddressFields v={v} set={set} />
        <TextField
          name="creditLimit" check={checks.amount}
          label={t('customers.creditLimit')}
          value={v.creditLimit}
          span={2}
          numeric
          inputMode="decimal"
          hint={t('customers.creditLimitHint')}
          onChange={(x) => set('creditLimit', x)}
        />
        <TextField
          name="paymentTermsDays" check={checks.whole}
          label={t('customers.paymentTermsDays')}
          value={v.paymentTermsDays}
          span={2}
          inputMode="numeric"
          hint={t('customers.paymentTermsHint')}
          onChange={(x) => set('paymentTermsDays', x)}
        />
        <SelectField
          name="language"
          label={t('printing.customerLanguage')}
          value={v.language}
          span={2}
          hint={t('printing.customerLanguageHint')}
          onChange={(x) => set('language', x === 'en' ? 'en' : 'nb')}
          options={[
            { value: 'nb', label: t('documents.languages.nb') },
            { value: 'en', label: t('documents.languages.en') },
          ]}
        />
        <SelectField
          name="invoiceMethod"
          label={t('numberSeries.customerInvoiceMethod')}
          value={v.invoiceMethod}
          span={2}
          onChange={(x) => set('invoiceMethod', INVOICE_METHODS.find((m) => m.key === x)?.key ?? 'print')}
          options={INVOICE_METHODS.map((m) => ({ value: m.key, label: m[lang] }))}
        />
        <CustomFieldsSection entity="customer" saved={saved?.customFields} drafts={v.custom} onChange={(x) => set('custom', x)} />
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
      <DeliveryAddressesTable
        prefix="customer"
        addresses={v.deliveryAddresses}
        errors={form.refusal.fields}
        onChange={addresses.change}
        onRemove={addresses.remove}
        onAdd={addresses.add}
      />
    </RecordForm>
  );
}
