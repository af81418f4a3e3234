// Ansatte (issue 12): who can be our contact and responsible on orders and
// projects, optionally linked to the user who logs in as them. Changing them
// needs "administer" (the engine refuses otherwise; the refusal shows here as
// in the users panel). An employee's orders are a tab of their own.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../shared/channels/people';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Banner, CheckboxField, FormScopeProvider, Notice, SelectField, TextField } from '../../components/fields';
import { refusalOf, type FieldErrors } from '../../components/refusal';
import type { BilingualText } from '../../i18n';
import { ScopedOrders } from '../orders/ScopedOrders';

interface EmployeeDraft {
  readonly name: string;
  readonly initials: string;
  readonly phone: string;
  readonly email: string;
  readonly userId: string;
  readonly active: boolean;
}

const BLANK: EmployeeDraft = { name: '', initials: '', phone: '', email: '', userId: '', active: true };
const draftOf = (e: Employee): EmployeeDraft => ({
  name: e.name,
  initials: e.initials,
  phone: e.phone ?? '',
  email: e.email ?? '',
  userId: e.userId === null ? '' : String(e.userId),
  active: e.active,
});

export function EmployeesPanel() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const employees = useChannel('employees.list', { includeInactive: showInactive }, { staleTime: 0 });
  const users = useChannel('users.list', {}, { staleTime: 0 });
  /** The employee in the form (null: a new one), and whose orders are shown. */
  const [editing, setEditing] = useState<Employee | null>(null);
  const [draft, setDraft] = useState<EmployeeDraft>(BLANK);
  const [ordersOf, setOrdersOf] = useState<Employee | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<EmployeeDraft>) => setDraft((d) => ({ ...d, ...change }));

  const edit = (e: Employee | null) => {
    setEditing(e);
    setDraft(e ? draftOf(e) : BLANK);
    setFields({});
    setError(null);
    setNotice(null);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const input = {
      name: draft.name.trim(),
      initials: draft.initials.trim(),
      phone: draft.phone.trim() || null,
      email: draft.email.trim() || null,
      userId: draft.userId ? Number(draft.userId) : null,
      active: draft.active,
    };
    try {
      const saved = editing ? await invoke('employees.update', { id: editing.id, version: editing.version, ...input }) : await invoke('employees.create', input);
      setNotice(t('peopleUi.employees.saved', { name: saved.name }));
      setEditing(null);
      setDraft(BLANK);
      setFields({});
      await invalidate('employees.list', 'employees.get');
    } catch (e) {
      const r = refusalOf(e, (path) => (path in BLANK ? path : null));
      setFields(r.fields);
      setError(r.general);
    } finally {
      setBusy(false);
    }
  };

  const userOptions = [
    { value: '', label: t('peopleUi.employees.noUser') },
    ...(users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.username})` })),
  ];
  const list = employees.data ?? [];
  return (
    <section className="panel employees-panel" data-testid="employees-panel">
      <h2>{t('peopleUi.employees.title')}</h2>
      <p className="muted small">{t('peopleUi.employees.lead')}</p>
      {employees.isError ? <Banner error={refusalOf(employees.error, () => null).general} /> : null}
      <label className="inline-check">
        <input type="checkbox" data-testid="employees-show-inactive" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
        {t('peopleUi.employees.showInactive')}
      </label>
      <table className="side-grid" data-testid="employees-table">
        <thead>
          <tr>
            <th>{t('peopleUi.employees.initials')}</th>
            <th>{t('peopleUi.employees.name')}</th>
            <th>{t('peopleUi.employees.phone')}</th>
            <th>{t('peopleUi.employees.email')}</th>
            <th>{t('peopleUi.employees.user')}</th>
            <th>{t('peopleUi.employees.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                {t('peopleUi.employees.none')}
              </td>
            </tr>
          ) : null}
          {list.map((e) => (
            <tr key={e.id} data-testid={`employee-${e.initials}`} className={ordersOf?.id === e.id ? 'selected' : undefined}>
              <td className="strong">{e.initials}</td>
              <td>{e.name}</td>
              <td>{e.phone ?? ''}</td>
              <td>{e.email ?? ''}</td>
              <td>{e.userName ?? ''}</td>
              <td>{e.active ? t('peopleUi.employees.active') : t('peopleUi.employees.inactive')}</td>
              <td className="actions">
                <button type="button" className="small" data-testid={`employee-${e.initials}-edit`} onClick={() => edit(e)}>
                  {t('peopleUi.employees.edit')}
                </button>{' '}
                <button type="button" className="small" data-testid={`employee-${e.initials}-orders`} onClick={() => setOrdersOf(ordersOf?.id === e.id ? null : e)}>
                  {t('peopleUi.employees.orders')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{editing ? t('peopleUi.employees.editing', { name: editing.name }) : t('peopleUi.employees.newEmployee')}</h3>
      <Banner error={error} testId="employee-error" />
      <FormScopeProvider prefix="employee" errors={fields}>
        <form
          className="form-grid cols-4"
          data-testid="employee-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField name="name" label={t('peopleUi.employees.name')} value={draft.name} maxLength={100} span={2} onChange={(v) => set({ name: v })} />
          <TextField name="initials" label={t('peopleUi.employees.initials')} value={draft.initials} maxLength={6} onChange={(v) => set({ initials: v })} />
          <TextField name="phone" label={t('peopleUi.employees.phone')} value={draft.phone} inputMode="tel" maxLength={30} onChange={(v) => set({ phone: v })} />
          <TextField name="email" label={t('peopleUi.employees.email')} value={draft.email} inputMode="email" maxLength={200} span={2} onChange={(v) => set({ email: v })} />
          <SelectField name="userId" label={t('peopleUi.employees.user')} value={draft.userId} options={userOptions} onChange={(v) => set({ userId: v })} />
          <CheckboxField name="active" label={t('peopleUi.employees.active')} checked={draft.active} onChange={(v) => set({ active: v })} />
          <div className="form-actions span-4">
            <button type="submit" className="primary" disabled={busy} data-testid="employee-save">
              {t('common.save')}
            </button>
            {editing ? (
              <button type="button" disabled={busy} data-testid="employee-new" onClick={() => edit(null)}>
                {t('peopleUi.employees.newEmployee')}
              </button>
            ) : null}
            <Notice text={notice} testId="employee-notice" />
          </div>
        </form>
      </FormScopeProvider>
      {ordersOf ? (
        <div className="employee-orders">
          <h3>{t('peopleUi.employees.ordersOf', { name: ordersOf.name })}</h3>
          <ScopedOrders testId="employee-orders" scope={{ employeeId: ordersOf.id }} />
        </div>
      ) : null}
    </section>
  );
}
