// A project's form: name, customer (found as the clerk types), responsible
// employee, status, start and end, description. Numbered by the engine from the
// project series when first saved.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../shared/channels/customers';
import type { ProjectView } from '../../../shared/channels/people';
import { PROJECT_STATUSES, type ProjectStatus } from '../../../shared/enums';
import { formatDate, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { fetchChannel } from '../../api/queries';
import { focusNextIn } from '../../app/hotkeys';
import { checks } from '../../components/fieldChecks';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { PartyLookupField } from '../../components/PartyLookupField';
import { RecordForm, useRecordForm } from '../../components/RecordForm';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { EmployeeLookupField } from '../people/IdLookupFields';
import { CustomFieldsSection } from '../../components/CustomFieldsSection';
import { customPayload, type CustomDrafts } from '../../components/customFieldDrafts';

interface ProjectValues {
  readonly name: string;
  readonly customerId: number | null;
  readonly customerText: string;
  readonly customerPicked: string;
  readonly customerNumber: number | null;
  readonly responsibleId: number | null;
  readonly status: ProjectStatus;
  readonly startDate: string;
  readonly endDate: string;
  readonly description: string;
  /** Custom fields typed since the project was loaded (issue 12). */
  readonly custom: CustomDrafts;
}

const valuesOf = (p: ProjectView | null): ProjectValues => ({
  name: p?.name ?? '',
  customerId: p?.customerId ?? null,
  customerText: p?.customerName ?? '',
  customerPicked: p?.customerName ?? '',
  customerNumber: null,
  responsibleId: p?.responsibleId ?? null,
  status: p?.status ?? 'active',
  startDate: formatDate(p?.startDate),
  endDate: formatDate(p?.endDate),
  description: p?.description ?? '',
  custom: {},
});
// The customer's text while typing is not a change until it is picked.
const fingerprint = (v: ProjectValues) => JSON.stringify({ ...v, customerText: undefined, customerPicked: undefined, customerNumber: undefined });
const searchCustomers = (query: string) => fetchChannel('customers.lookup', { query, limit: 8 });
const FIELDS = new Set(['name', 'customerId', 'responsibleId', 'status', 'startDate', 'endDate', 'description']);

export function ProjectForm(props: {
  project: ProjectView | null;
  active: boolean;
  onSaved: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = useRecordForm({
    record: props.project,
    valuesOf,
    fingerprint,
    active: props.active,
    firstField: 'name',
    onSaved: props.onSaved,
    onClose: props.onClose,
    onDirtyChange: props.onDirtyChange,
  });
  const { v, set, saved } = form;
  const customerInput = useRef<HTMLInputElement | null>(null);

  const save = async () => {
    if (form.busy()) return;
    const errors: Record<string, BilingualText> = {};
    const date = (key: 'startDate' | 'endDate'): string | null => {
      if (!v[key].trim()) return null;
      const iso = parseDate(v[key]);
      if (iso === null) errors[key] = bilingual('peopleUi.projects.form.invalidDate');
      return iso;
    };
    const startDate = date('startDate');
    const endDate = date('endDate');
    if (v.customerText.trim() && v.customerText !== v.customerPicked) errors.customerId = bilingual('peopleUi.projects.form.customerNotFound', { query: v.customerText.trim() });
    const custom = customPayload(v.custom);
    Object.assign(errors, custom.errors);
    if (Object.keys(errors).length) return form.refuse(errors);
    const fields = {
      name: v.name.trim(),
      customerId: v.customerText.trim() ? v.customerId : null,
      responsibleId: v.responsibleId,
      status: v.status,
      startDate,
      endDate,
      description: v.description.trim() || null,
      customFields: custom.values,
    };
    await form.persist(() => (saved ? invoke('projects.update', { id: saved.id, version: saved.version, ...fields }) : invoke('projects.create', fields)), {
      fieldOf: (path) => (FIELDS.has(path) || path.startsWith('customFields.') ? path : null),
      notice: (r) => t(saved ? 'peopleUi.projects.form.saved' : 'peopleUi.projects.form.created', { number: r.number }),
      invalidate: ['projects.list', 'projects.get', 'projects.lookup'],
    });
  };

  const advance = (from: HTMLElement | null) => {
    focusNextIn(form.root.current, from);
  };
  return (
    <RecordForm
      form={form}
      active={props.active}
      prefix="project"
      className="form project-form"
      title={saved ? t('peopleUi.projects.form.title', { number: saved.number }) : t('peopleUi.projects.form.newTitle')}
      onSave={save}
    >
      <div className="form-grid cols-4">
        <TextField name="name" label={t('peopleUi.projects.form.name')} value={v.name} maxLength={200} span={4} onChange={(x) => set('name', x)} />
        <PartyLookupField<CustomerListRow>
          field="customerId"
          label={t('peopleUi.projects.form.customer')}
          placeholder={t('peopleUi.projects.form.customerPlaceholder')}
          testId="project-customer"
          queryKey="customers.lookup"
          search={searchCustomers}
          text={v.customerText}
          resolved={v.customerId !== null && v.customerText === v.customerPicked}
          number={v.customerNumber}
          inputRef={(el) => {
            customerInput.current = el;
          }}
          onText={(x) => set('customerText', x)}
          onPick={(c) => form.setV((old) => ({ ...old, customerId: c.id, customerText: c.name, customerPicked: c.name, customerNumber: c.number }))}
          onNotFound={(query, how) => {
            form.refuse({ customerId: bilingual('peopleUi.projects.form.customerNotFound', { query }) });
            if (how === 'enter') customerInput.current?.focus();
          }}
          onAdvance={() => advance(customerInput.current)}
        />
        <EmployeeLookupField
          name="responsibleId"
          label={t('peopleUi.projects.form.responsible')}
          value={v.responsibleId}
          onChange={(id) => set('responsibleId', id)}
          onAdvance={advance}
        />
        <SelectField
          name="status"
          label={t('peopleUi.projects.form.status')}
          value={v.status}
          onChange={(x) => set('status', x as ProjectStatus)}
          options={PROJECT_STATUSES.map((s) => ({ value: s.key, label: s[lang] }))}
        />
        <TextField
          name="startDate"
          check={checks.date}
          label={t('peopleUi.projects.form.startDate')}
          value={v.startDate}
          placeholder={t('common.datePlaceholder')}
          onChange={(x) => set('startDate', x)}
        />
        <TextField
          name="endDate"
          check={checks.date}
          label={t('peopleUi.projects.form.endDate')}
          value={v.endDate}
          placeholder={t('common.datePlaceholder')}
          onChange={(x) => set('endDate', x)}
        />
        <TextAreaField name="description" label={t('peopleUi.projects.form.description')} value={v.description} span={4} rows={2} onChange={(x) => set('description', x)} />
      </div>
      <CustomFieldsSection entity="project" saved={saved?.customFields} drafts={v.custom} onChange={(x) => set('custom', x)} />
    </RecordForm>
  );
}
