// The account mapping (SPEC 11): which account of the company's chart each
// kind of posting goes to (customers, bank, sales and VAT per rate …), with the
// standard account it rolls up to in SAF-T. Ctrl+S saves; the engine's refusal
// lands at the row's field.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappedAccount } from '../../../shared/channels/accounting';
import { invoke, isApiError } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage, type BilingualText } from '../../i18n';

export function MappingView(props: { active: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mapping = useChannel('accounting.mapping', {}, { staleTime: 0 });
  const [rows, setRows] = useState<MappedAccount[] | null>(null);
  const [errors, setErrors] = useState<Record<string, BilingualText>>({});
  const [general, setGeneral] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mapping.data && rows === null) setRows([...mapping.data]);
  }, [mapping.data, rows]);

  const set = (i: number, patch: Partial<MappedAccount>) => setRows((r) => (r ? r.map((x, j) => (j === i ? { ...x, ...patch } : x)) : r));
  const save = async () => {
    if (!rows || busy) return;
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const saved = await invoke('accounting.saveMapping', { rows: rows.map((r) => ({ key: r.key, account: r.account.trim(), accountName: r.accountName })) });
      setRows([...saved]);
      setNotice(t('receivables.accounting.mapping.saved'));
      void invalidate('accounting.mapping');
    } catch (e) {
      const field = isApiError(e) ? e.data.field : null;
      // rows.3.account → the fourth row's account box.
      if (field && /^rows\.\d+\.(account|accountName)$/.test(field) && isApiError(e)) {
        setErrors({ [field]: e.data.message });
        root.current?.querySelector<HTMLInputElement>(`[data-field="${field}"]`)?.focus();
      } else setGeneral(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };
  useHotkeys(props.active, { 'ctrl+s': () => void save() });

  return (
    <div className="screen-body scroll" data-testid="mapping-view" ref={root}>
      <section className="panel">
        <h2>{t('receivables.accounting.mapping.title')}</h2>
        <p className="muted">{t('receivables.accounting.mapping.lead')}</p>
        {mapping.isError ? <Banner error={refusalOf(mapping.error, () => null).general} testId="mapping-load-error" /> : null}
        <Banner error={general} title={t('common.couldNotSave')} testId="mapping-error" />
        {rows ? (
          <table className="side-grid mapping-table" data-testid="mapping-rows">
            <thead>
              <tr>
                <th>{t('receivables.accounting.mapping.use')}</th>
                <th>{t('receivables.accounting.col.account')}</th>
                <th>{t('receivables.accounting.col.accountName')}</th>
                <th className="num">{t('receivables.accounting.mapping.standard')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const accErr = errors[`rows.${i}.account`];
                const nameErr = errors[`rows.${i}.accountName`];
                return (
                  <tr key={r.key} data-testid={`mapping-row-${r.key}`}>
                    <td className="text">{lang === 'nb' ? r.labelNb : r.labelEn}</td>
                    <td>
                      <input
                        className="num account-input"
                        inputMode="numeric"
                        maxLength={6}
                        aria-label={`${t('receivables.accounting.col.account')}: ${lang === 'nb' ? r.labelNb : r.labelEn}`}
                        aria-invalid={accErr ? true : undefined}
                        data-field={`rows.${i}.account`}
                        data-testid={`mapping-${r.key}-account`}
                        value={r.account}
                        onChange={(e) => set(i, { account: e.target.value })}
                      />
                      {accErr ? <div className="field-error" role="alert">{accErr[lang]}</div> : null}
                    </td>
                    <td>
                      <input
                        aria-label={`${t('receivables.accounting.col.accountName')}: ${lang === 'nb' ? r.labelNb : r.labelEn}`}
                        aria-invalid={nameErr ? true : undefined}
                        data-field={`rows.${i}.accountName`}
                        data-testid={`mapping-${r.key}-name`}
                        maxLength={100}
                        value={r.accountName}
                        onChange={(e) => set(i, { accountName: e.target.value })}
                      />
                      {nameErr ? <div className="field-error" role="alert">{nameErr[lang]}</div> : null}
                    </td>
                    <td className="num muted">{r.standardAccount}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : mapping.isLoading ? (
          <p className="muted">{t('app.loading')}</p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="primary" data-testid="mapping-save" disabled={!rows || busy} onClick={() => void save()}>
            {t('common.save')} <Shortcut keys="Ctrl+S" />
          </button>
          <Notice text={notice} testId="mapping-notice" />
        </div>
      </section>
    </div>
  );
}
