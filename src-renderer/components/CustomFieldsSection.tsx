// Custom fields (issue 12) on a record's form: one input per active field of the
// record kind, in the administrator's order, the Norwegian way (1 234,50 for
// amounts, dd.mm.åååå for dates, Ja/Nei). What the clerk types is kept as a draft
// per field (only the fields touched); the save sends those, parsed, and the
// engine checks them (type, range, choice, required) and names the field it refuses.
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef, CustomFieldEntity, CustomFieldValues } from '../../shared/channels/customFields';
import { useChannel } from '../api/queries';
import { useLanguage } from '../i18n';
import { customFieldCheck, customFieldName, fieldLabel, parseCustomText, textOf, type CustomDrafts } from './customFieldDrafts';
import { SelectField, TextField } from './fields';

export function useCustomFieldDefs(entity: CustomFieldEntity) {
  return useChannel('customFields.list', { entity }, { staleTime: 30_000 });
}

/**
 * The inputs, as items of the surrounding .form-grid (so Enter moves through them
 * with the rest of the form). `saved`: the record's values; `drafts`: what has been typed since.
 */
export function CustomFieldsSection(props: {
  readonly entity: CustomFieldEntity;
  readonly saved: CustomFieldValues | null | undefined;
  readonly drafts: CustomDrafts;
  readonly onChange: (drafts: CustomDrafts) => void;
  /** A heading row above the fields (the register forms); the order header keeps them compact, without one. */
  readonly heading?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const defs = useCustomFieldDefs(props.entity);
  const fields = (defs.data ?? []).filter((f) => f.active);
  if (fields.length === 0) return null;
  const set = (f: CustomFieldDef, text: string) => props.onChange({ ...props.drafts, [f.key]: { text, value: parseCustomText(f, text) } });
  return (
    <>
      {props.heading === false ? null : (
        <h3 className="custom-fields-head span-4" data-testid={`custom-fields-${props.entity}`}>
          {t('customFields.section')}
        </h3>
      )}
      {fields.map((f) => {
        const name = customFieldName(f.key);
        const text = props.drafts[f.key]?.text ?? textOf(f, props.saved?.[f.key]);
        const label = `${fieldLabel(f, lang)}${f.required ? ' *' : ''}`;
        const common = { name, label, value: text, className: 'custom-field' };
        switch (f.type) {
          case 'choice':
            return (
              <SelectField
                key={f.key}
                {...common}
                onChange={(x) => set(f, x)}
                options={[{ value: '', label: t('customFields.notChosen') }, ...f.choices.map((c) => ({ value: c.key, label: fieldLabel(c, lang) }))]}
              />
            );
          case 'yesno':
            return (
              <SelectField
                key={f.key}
                {...common}
                onChange={(x) => set(f, x)}
                options={[
                  { value: '', label: t('customFields.notChosen') },
                  { value: 'yes', label: t('customFields.yes') },
                  { value: 'no', label: t('customFields.no') },
                ]}
              />
            );
          case 'text':
            return <TextField key={f.key} {...common} span={2} maxLength={500} onChange={(x) => set(f, x)} />;
          case 'date':
            return <TextField key={f.key} {...common} check={customFieldCheck(f)} placeholder={t('common.datePlaceholder')} onChange={(x) => set(f, x)} />;
          default:
            return <TextField key={f.key} {...common} check={customFieldCheck(f)} numeric inputMode={f.type === 'amount' ? 'decimal' : 'numeric'} onChange={(x) => set(f, x)} />;
        }
      })}
    </>
  );
}
