// Settings → Spesialfelter (issue 12): the administrator's fields per record
// kind, in their display order; a field is added and changed in a dialog (type,
// labels, required, list column, bounds, the choices of a choice list). What may
// change is the engine's to say: a type with values, a choice in use are refused.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDef,
  type CustomFieldEntity,
  type CustomFieldInput,
  type CustomFieldType,
} from '../../../shared/channels/customFields';
import { formatAmount, parseAmount, parseDecimal } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { fieldLabel } from '../../components/customFieldDrafts';
import { Banner, CheckboxField, FormScopeProvider, Notice, SelectField, TextField } from '../../components/fields';
import { refusalOf, NO_REFUSAL, type Refusal } from '../../components/refusal';
import { StatusTabs } from '../../components/StatusTabs';
import { bilingual, useLanguage } from '../../i18n';

const AFTER_CHANGE = ['customFields.list', 'orders.list', 'orders.get', 'customers.get', 'products.get'] as const;

export function CustomFieldsPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [entity, setEntity] = useState<CustomFieldEntity>('order');
  const all = useChannel('customFields.list', { includeInactive: true }, { staleTime: 0 });
  const [editing, setEditing] = useState<CustomFieldDef | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const fields = (all.data ?? []).filter((f) => f.entity === entity);

  const run = async (call: () => Promise<unknown>, done: string) => {
    setRefusal(NO_REFUSAL);
    setNotice(null);
    try {
      await call();
      setNotice(done);
      await invalidate(...AFTER_CHANGE);
    } catch (e) {
      setRefusal(refusalOf(e, () => null));
    }
  };
  const move = (i: number, by: -1 | 1) => {
    const ids = fields.map((f) => f.id);
    const [id] = ids.splice(i, 1);
    ids.splice(i + by, 0, id!);
    void run(() => invoke('customFields.reorder', { entity, ids }), t('customFields.form.moved'));
  };

  return (
    <section className="panel custom-fields-panel" data-testid="custom-fields-panel">
      <h2>{t('customFields.title')}</h2>
      <p className="muted small">{t('customFields.lead')}</p>
      <div className="custom-fields-bar">
        <StatusTabs<CustomFieldEntity>
          tabs={CUSTOM_FIELD_ENTITIES.map((e) => ({ id: e, label: t(`customFields.entity.${e}`), count: (all.data ?? []).filter((f) => f.entity === e).length }))}
          selected={entity}
          onSelect={(e) => e && setEntity(e)}
          onDown={() => undefined}
          ariaLabel={t('customFields.kinds')}
          testId="cf-kinds"
          tabTestId="cf-kind"
        />
        <button type="button" className="primary" data-testid="cf-add" onClick={() => setEditing('new')}>
          + {t('customFields.add')}
        </button>
      </div>
      <Banner error={refusal.general} testId="cf-error" />
      <Notice text={notice} testId="cf-notice" />
      {fields.length === 0 ? (
        <p className="muted" data-testid="cf-none">
          {t('customFields.none')}
        </p>
      ) : (
        <table className="side-grid custom-fields-grid" data-testid="cf-table">
          <thead>
            <tr>
              <th>{t('customFields.col.label')}</th>
              <th>{t('customFields.col.type')}</th>
              <th className="center">{t('customFields.col.required')}</th>
              {entity === 'order' ? <th className="center">{t('customFields.col.listColumn')}</th> : null}
              <th className="num">{t('customFields.col.inUse')}</th>
              <th>{t('customFields.col.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={f.id} data-testid={`cf-row-${f.key}`} className={f.active ? '' : 'muted'}>
                <td className="strong">
                  {fieldLabel(f, lang)}
                  {f.type === 'choice' ? <div className="muted small">{f.choices.map((c) => fieldLabel(c, lang)).join(' · ')}</div> : null}
                </td>
                <td>{t(`customFields.type.${f.type}`)}</td>
                <td className="center">{f.required ? t('customFields.yes') : ''}</td>
                {entity === 'order' ? <td className="center">{f.listColumn ? t('customFields.yes') : ''}</td> : null}
                <td className="num">{t('customFields.records', { count: f.valueCount })}</td>
                <td>{f.active ? t('customFields.active') : t('customFields.inactive')}</td>
                <td className="actions">
                  <button type="button" className="small" aria-label={t('customFields.up')} title={t('customFields.up')} disabled={i === 0} data-testid={`cf-up-${f.key}`} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="small" aria-label={t('customFields.down')} title={t('customFields.down')} disabled={i === fields.length - 1} data-testid={`cf-down-${f.key}`} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="small" data-testid={`cf-edit-${f.key}`} onClick={() => setEditing(f)}>
                    {t('customFields.edit')}
                  </button>
                  {f.active ? (
                    <button
                      type="button"
                      className="small"
                      data-testid={`cf-deactivate-${f.key}`}
                      onClick={() => void run(() => invoke('customFields.deactivate', { id: f.id, version: f.version }), t('customFields.form.deactivated', { label: f.labelNb }))}
                    >
                      {t('customFields.deactivate')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <FieldDialog
          entity={entity}
          field={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(f) => {
            setEditing(null);
            setRefusal(NO_REFUSAL);
            setNotice(t('customFields.form.saved', { label: f.labelNb }));
            void invalidate(...AFTER_CHANGE);
          }}
        />
      ) : null}
    </section>
  );
}

interface ChoiceDraft {
  readonly key?: string;
  readonly labelNb: string;
}

const boundText = (type: CustomFieldType, v: number | null): string => (v === null ? '' : type === 'amount' ? formatAmount(v, { separator: ' ' }) : String(v));
const parseBound = (type: CustomFieldType, s: string): number | null | undefined => (s.trim() ? ((type === 'amount' ? parseAmount(s) : parseDecimal(s, 0)) ?? undefined) : null);

function FieldDialog(props: { entity: CustomFieldEntity; field: CustomFieldDef | null; onClose: () => void; onSaved: (f: CustomFieldDef) => void }) {
  const { t } = useTranslation();
  const f = props.field;
  const [labelNb, setLabelNb] = useState(f?.labelNb ?? '');
  const [labelEn, setLabelEn] = useState(f?.labelEn ?? '');
  const [type, setType] = useState<CustomFieldType>(f?.type ?? 'text');
  const [required, setRequired] = useState(f?.required ?? false);
  const [listColumn, setListColumn] = useState(f?.listColumn ?? props.entity === 'order');
  const [active, setActive] = useState(f?.active ?? true);
  const [min, setMin] = useState(boundText(f?.type ?? 'text', f?.minValue ?? null));
  const [max, setMax] = useState(boundText(f?.type ?? 'text', f?.maxValue ?? null));
  const [choices, setChoices] = useState<readonly ChoiceDraft[]>(f?.choices.length ? f.choices : [{ labelNb: '' }]);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const [busy, setBusy] = useState(false);
  const ranged = type === 'number' || type === 'amount';

  const submit = async () => {
    const minValue = ranged ? parseBound(type, min) : null;
    const maxValue = ranged ? parseBound(type, max) : null;
    const invalid = bilingual(type === 'amount' ? 'common.invalidAmount' : 'common.invalidWhole');
    if (minValue === undefined || maxValue === undefined) {
      return setRefusal({ fields: { ...(minValue === undefined ? { minValue: invalid } : {}), ...(maxValue === undefined ? { maxValue: invalid } : {}) }, general: null });
    }
    const input: CustomFieldInput = {
      ...(f ? { id: f.id, version: f.version } : {}),
      entity: props.entity,
      type,
      labelNb,
      labelEn: labelEn.trim() || null,
      required,
      listColumn,
      active,
      minValue,
      maxValue,
      choices: type === 'choice' ? choices.filter((c) => c.labelNb.trim()).map((c) => ({ ...(c.key ? { key: c.key } : {}), labelNb: c.labelNb })) : [],
    };
    setBusy(true);
    try {
      props.onSaved(await invoke('customFields.save', input));
    } catch (e) {
      setRefusal(refusalOf(e, (path) => (/^(labelNb|labelEn|type|minValue|maxValue|choices\.\d+)$/.test(path) ? path.replace(/^choices\.(\d+)$/, 'choices.$1.labelNb') : null)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={f ? t('customFields.form.editTitle', { label: f.labelNb }) : t('customFields.form.newTitle', { kind: t(`customFields.entity.${props.entity}`).toLocaleLowerCase('nb') })}
      testId="cf-dialog"
      wide
      busy={busy}
      onCancel={props.onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
    >
      <Banner error={refusal.general} testId="cf-dialog-error" />
      <FormScopeProvider prefix="cf" errors={refusal.fields}>
        <div className="form-grid cols-4">
          <TextField name="labelNb" label={t('customFields.form.labelNb')} value={labelNb} span={2} maxLength={60} onChange={setLabelNb} />
          <TextField name="labelEn" label={t('customFields.form.labelEn')} value={labelEn} span={2} maxLength={60} onChange={setLabelEn} />
          <SelectField
            name="type"
            label={t('customFields.form.type')}
            value={type}
            span={2}
            disabled={!!f && f.valueCount > 0}
            hint={f && f.valueCount > 0 ? t('customFields.form.typeLocked', { count: f.valueCount }) : undefined}
            onChange={(x) => setType(x as CustomFieldType)}
            options={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`customFields.type.${x}`) }))}
          />
          {ranged ? (
            <>
              <TextField name="minValue" label={t('customFields.form.minValue')} value={min} numeric inputMode="decimal" onChange={setMin} />
              <TextField name="maxValue" label={t('customFields.form.maxValue')} value={max} numeric inputMode="decimal" onChange={setMax} />
            </>
          ) : (
            <div className="field span-2" />
          )}
          <CheckboxField name="required" label={t('customFields.form.required')} checked={required} onChange={setRequired} />
          {props.entity === 'order' ? <CheckboxField name="listColumn" label={t('customFields.form.listColumn')} checked={listColumn} span={2} onChange={setListColumn} /> : null}
          {f ? <CheckboxField name="active" label={t('customFields.form.active')} checked={active} onChange={setActive} /> : null}
        </div>
        {type === 'choice' ? (
          <div className="custom-field-choices" data-testid="cf-choices">
            <h3>{t('customFields.form.choices')}</h3>
            {choices.map((c, i) => (
              <div className="choice-row" key={i}>
                <TextField
                  name={`choices.${i}.labelNb`}
                  label={t('customFields.form.choiceLabel', { n: i + 1 })}
                  value={c.labelNb}
                  maxLength={60}
                  onChange={(x) => setChoices((cs) => cs.map((o, j) => (j === i ? { ...o, labelNb: x } : o)))}
                />
                <button
                  type="button"
                  className="small"
                  aria-label={t('customFields.form.removeChoice', { n: i + 1 })}
                  title={t('customFields.form.removeChoice', { n: i + 1 })}
                  data-testid={`cf-choice-remove-${i}`}
                  disabled={choices.length === 1}
                  onClick={() => setChoices((cs) => cs.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </div>
            ))}
            <button type="button" className="small" data-testid="cf-choice-add" onClick={(e) => {
                const root = e.currentTarget.closest('.custom-field-choices');
                setChoices((cs) => [...cs, { labelNb: '' }]);
                window.setTimeout(() => root?.querySelector<HTMLInputElement>(`[data-field="choices.${choices.length}.labelNb"]`)?.focus(), 0);
              }}>
              + {t('customFields.form.addChoice')}
            </button>
          </div>
        ) : null}
      </FormScopeProvider>
    </Dialog>
  );
}
