// The company form: at first start (welcome screen) and under Settings.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company, CompanyInput } from '../../../shared/channels/company';
import { formatBankAccount, formatOrgNumber } from '../../../shared/checks';
import { formatAmount, parseAmount } from '../../../shared/format';
import { INVOICE_METHODS, LANGUAGES, STATUS_PRESETS, type InvoiceMethod, type Language, type StatusPreset } from '../../../shared/enums';
import { IMPORT_DEFAULT_TYPES, MANUAL_DEFAULT_TYPES } from '../../../shared/kinds';
import { orderTypeLabel } from '../orders/labels';
import { invoke } from '../../api/client';
import { invalidate } from '../../api/queries';
import { focusNextIn, useHotkeys } from '../../app/hotkeys';
import { Banner, CheckboxField, FormScopeProvider, Notice, SelectField, TextField } from '../../components/fields';
import { focusField, refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, useLanguage } from '../../i18n';
import { checks } from '../../components/fieldChecks';

interface Values {
  name: string;
  orgNumber: string;
  vatRegistered: boolean;
  addressLine1: string;
  postalCode: string;
  city: string;
  bankAccount: string;
  email: string;
  phone: string;
  defaultPaymentTermsDays: string;
  statusPreset: StatusPreset;
  autoConfirmOnAccept: boolean;
  generateBackorders: boolean;
  purchaseReply: boolean;
  purchaseDispatch: boolean;
  purchaseReception: boolean;
  postCashInvoices: boolean;
  gs1CompanyPrefix: string;
  defaultCarrier: string;
  closeWhenPaid: boolean;
  /** In kroner as typed ("65,00"). */
  reminderFee: string;
  defaultOrderTypeManual: string;
  defaultOrderTypeImport: string;
  defaultInvoiceMethod: InvoiceMethod;
  documentLanguage: Language;
}

function valuesOf(c: Company | null): Values {
  return {
    name: c?.name ?? '',
    orgNumber: c ? formatOrgNumber(c.orgNumber) : '',
    vatRegistered: c?.vatRegistered ?? true,
    addressLine1: c?.addressLine1 ?? '',
    postalCode: c?.postalCode ?? '',
    city: c?.city ?? '',
    bankAccount: c?.bankAccount ? formatBankAccount(c.bankAccount) : '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    defaultPaymentTermsDays: String(c?.defaultPaymentTermsDays ?? 14),
    statusPreset: c?.statusPreset ?? 'standard',
    autoConfirmOnAccept: c?.autoConfirmOnAccept ?? false,
    generateBackorders: c?.generateBackorders ?? true,
    purchaseReply: c?.purchaseReply ?? true,
    purchaseDispatch: c?.purchaseDispatch ?? false,
    purchaseReception: c?.purchaseReception ?? true,
    postCashInvoices: c?.postCashInvoices ?? false,
    gs1CompanyPrefix: c?.gs1CompanyPrefix ?? '',
    defaultCarrier: c?.defaultCarrier ?? '',
    closeWhenPaid: c?.closeWhenPaid ?? false,
    reminderFee: formatAmount(c?.reminderFeeOre ?? 0, { separator: ' ' }),
    defaultOrderTypeManual: String(c?.defaultOrderTypeManual ?? 1),
    defaultOrderTypeImport: String(c?.defaultOrderTypeImport ?? 6),
    defaultInvoiceMethod: c?.defaultInvoiceMethod ?? 'print',
    documentLanguage: c?.documentLanguage ?? 'nb',
  };
}

const blankToNull = (s: string): string | null => (s.trim() ? s.trim() : null);

export function CompanyForm(props: { company: Company | null; active: boolean; onSaved: (c: Company) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [v, setV] = useState<Values>(() => valuesOf(props.company));
  const { refusal, setRefusal, clear, setFields } = useRefusal();
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const root = useRef<HTMLFormElement>(null);
  const setup = props.company === null;

  useEffect(() => {
    if (props.autoFocus) focusField(root.current, 'name');
  }, [props.autoFocus]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));

  const save = async () => {
    if (savingRef.current) return;
    const days = Number(v.defaultPaymentTermsDays.trim());
    if (!Number.isInteger(days) || days < 0 || !v.defaultPaymentTermsDays.trim()) {
      setFields({ defaultPaymentTermsDays: bilingual('common.invalidWhole') });
      focusField(root.current, 'defaultPaymentTermsDays');
      return;
    }
    const reminderFeeOre = v.reminderFee.trim() ? parseAmount(v.reminderFee) : 0;
    if (reminderFeeOre === null || reminderFeeOre < 0) {
      setFields({ reminderFee: bilingual('common.invalidAmount') });
      focusField(root.current, 'reminderFee');
      return;
    }
    const input: CompanyInput = {
      name: v.name,
      orgNumber: v.orgNumber,
      vatRegistered: v.vatRegistered,
      addressLine1: blankToNull(v.addressLine1),
      postalCode: blankToNull(v.postalCode),
      city: blankToNull(v.city),
      country: 'NO',
      bankAccount: blankToNull(v.bankAccount),
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      defaultPaymentTermsDays: days,
      statusPreset: v.statusPreset,
      autoConfirmOnAccept: v.autoConfirmOnAccept,
      generateBackorders: v.generateBackorders,
      purchaseReply: v.purchaseReply,
      purchaseDispatch: v.purchaseDispatch,
      purchaseReception: v.purchaseReception,
      postCashInvoices: v.postCashInvoices,
      // Checked by the engine (7–10 digits); its refusal lands at the field.
      gs1CompanyPrefix: blankToNull(v.gs1CompanyPrefix.replace(/\s+/g, '')),
      defaultCarrier: blankToNull(v.defaultCarrier),
      closeWhenPaid: v.closeWhenPaid,
      reminderFeeOre,
      defaultOrderTypeManual: Number(v.defaultOrderTypeManual) as CompanyInput['defaultOrderTypeManual'],
      defaultOrderTypeImport: Number(v.defaultOrderTypeImport) as CompanyInput['defaultOrderTypeImport'],
      defaultInvoiceMethod: v.defaultInvoiceMethod,
      documentLanguage: v.documentLanguage,
    };
    savingRef.current = true;
    setSaving(true);
    clear();
    try {
      const saved = await invoke('company.save', input);
      setV(valuesOf(saved));
      setNotice(t('company.savedMessage'));
      await invalidate('company.get', 'system.bootstrap', 'statuses.list', 'statusFlow.get');
      props.onSaved(saved);
    } catch (error) {
      const r = refusalOf(error, (path) => (path === 'reminderFeeOre' ? 'reminderFee' : path in v ? path : null));
      setRefusal(r);
      focusField(root.current, Object.keys(r.fields)[0]);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  useHotkeys(props.active, { 'ctrl+s': () => void save() });

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    focusNextIn(root.current, target, e.shiftKey);
  };

  return (
    <form
      ref={root}
      className="form company-form"
      data-testid="company-form"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="company-error" />
      <FormScopeProvider prefix="company" errors={refusal.fields}>
        <div className="form-grid cols-4">
          <TextField name="name" label={t('company.name')} value={v.name} span={2} maxLength={200} onChange={(x) => set('name', x)} />
          <TextField
            name="orgNumber" check={checks.orgNumber}
            label={t('company.orgNumber')}
            value={v.orgNumber}
            inputMode="numeric"
            onChange={(x) => set('orgNumber', x)}
          />
          <CheckboxField name="vatRegistered" label={t('company.vatRegistered')} checked={v.vatRegistered} onChange={(x) => set('vatRegistered', x)} />
          <TextField name="addressLine1" label={t('company.addressLine1')} value={v.addressLine1} span={2} onChange={(x) => set('addressLine1', x)} />
          <TextField name="postalCode" check={checks.postalCode('NO')} label={t('company.postalCode')} value={v.postalCode} inputMode="numeric" maxLength={4} onChange={(x) => set('postalCode', x)} />
          <TextField name="city" label={t('company.city')} value={v.city} onChange={(x) => set('city', x)} />
          <TextField name="bankAccount" check={checks.bankAccount} label={t('company.bankAccount')} value={v.bankAccount} inputMode="numeric" onChange={(x) => set('bankAccount', x)} />
          <TextField name="email" label={t('company.email')} value={v.email} inputMode="email" onChange={(x) => set('email', x)} />
          <TextField name="phone" label={t('company.phone')} value={v.phone} inputMode="tel" onChange={(x) => set('phone', x)} />
          <TextField
            name="defaultPaymentTermsDays" check={checks.whole}
            label={t('company.defaultPaymentTermsDays')}
            value={v.defaultPaymentTermsDays}
            inputMode="numeric"
            onChange={(x) => set('defaultPaymentTermsDays', x)}
          />
          <SelectField
            name="statusPreset"
            label={t('company.statusPreset')}
            value={v.statusPreset}
            span={2}
            disabled={!setup}
            hint={setup ? undefined : t('company.statusPresetFixed')}
            onChange={(x) => set('statusPreset', x as StatusPreset)}
            options={STATUS_PRESETS.map((p) => ({ value: p, label: t(`company.presets.${p}`) }))}
          />
        </div>
        <fieldset className="form-section">
          <legend>{t('company.processing')}</legend>
          <div className="form-grid cols-3">
            <CheckboxField name="autoConfirmOnAccept" label={t('company.autoConfirmOnAccept')} checked={v.autoConfirmOnAccept} onChange={(x) => set('autoConfirmOnAccept', x)} />
            <CheckboxField name="generateBackorders" label={t('company.generateBackorders')} checked={v.generateBackorders} onChange={(x) => set('generateBackorders', x)} />
            <CheckboxField name="postCashInvoices" label={t('company.postCashInvoices')} checked={v.postCashInvoices} onChange={(x) => set('postCashInvoices', x)} />
            <CheckboxField name="purchaseReply" label={t('company.purchaseReply')} checked={v.purchaseReply} onChange={(x) => set('purchaseReply', x)} />
            <CheckboxField name="purchaseDispatch" label={t('company.purchaseDispatch')} checked={v.purchaseDispatch} onChange={(x) => set('purchaseDispatch', x)} />
            <CheckboxField name="purchaseReception" label={t('company.purchaseReception')} checked={v.purchaseReception} onChange={(x) => set('purchaseReception', x)} />
          </div>
          <div className="form-grid cols-4 company-defaults">
            <SelectField
              name="defaultOrderTypeManual"
              label={t('numberSeries.defaults.orderTypeManual')}
              value={v.defaultOrderTypeManual}
              onChange={(x) => set('defaultOrderTypeManual', x)}
              options={MANUAL_DEFAULT_TYPES.map((id) => ({ value: String(id), label: orderTypeLabel(id, lang) }))}
            />
            <SelectField
              name="defaultOrderTypeImport"
              label={t('numberSeries.defaults.orderTypeImport')}
              hint={t('numberSeries.defaults.orderTypeImportHint')}
              value={v.defaultOrderTypeImport}
              onChange={(x) => set('defaultOrderTypeImport', x)}
              options={IMPORT_DEFAULT_TYPES.map((id) => ({ value: String(id), label: orderTypeLabel(id, lang) }))}
            />
            <SelectField
              name="defaultInvoiceMethod"
              label={t('numberSeries.defaults.invoiceMethod')}
              value={v.defaultInvoiceMethod}
              onChange={(x) => set('defaultInvoiceMethod', x as InvoiceMethod)}
              options={INVOICE_METHODS.map((m) => ({ value: m.key, label: m[lang] }))}
            />
            <SelectField
              name="documentLanguage"
              label={t('numberSeries.defaults.documentLanguage')}
              hint={t('numberSeries.defaults.documentLanguageHint')}
              value={v.documentLanguage}
              onChange={(x) => set('documentLanguage', x as Language)}
              options={LANGUAGES.map((l) => ({ value: l, label: t(`app.languages.${l}`) }))}
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('receivables.company.title')}</legend>
          <div className="form-grid cols-4">
            <CheckboxField name="closeWhenPaid" span={2} label={t('receivables.company.closeWhenPaid')} checked={v.closeWhenPaid} onChange={(x) => set('closeWhenPaid', x)} />
            <TextField
              name="reminderFee"
              check={checks.amount}
              label={t('receivables.company.reminderFee')}
              hint={t('receivables.company.reminderFeeHint')}
              value={v.reminderFee}
              numeric
              inputMode="decimal"
              onChange={(x) => set('reminderFee', x)}
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('printing.settings.title')}</legend>
          <div className="form-grid cols-4">
            <TextField
              name="gs1CompanyPrefix"
              label={t('printing.settings.gs1Prefix')}
              hint={t('printing.settings.gs1Hint')}
              value={v.gs1CompanyPrefix}
              inputMode="numeric"
              maxLength={12}
              onChange={(x) => set('gs1CompanyPrefix', x)}
            />
            <TextField
              name="defaultCarrier"
              label={t('printing.settings.carrier')}
              hint={t('printing.settings.carrierHint')}
              value={v.defaultCarrier}
              maxLength={100}
              span={2}
              onChange={(x) => set('defaultCarrier', x)}
            />
          </div>
        </fieldset>
      </FormScopeProvider>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="company-save">
          {setup ? t('company.saveSetup') : t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
        <Notice text={notice} testId="company-notice" />
      </div>
    </form>
  );
}
