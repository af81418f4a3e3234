// Import of customers, suppliers or products from a CSV or Excel file (issue 13).
// The clerk picks a file; the engine reads it, suggests which column goes to which
// field (as the last import of the kind was mapped, else from the headers), and
// checks every row. The dialog shows the mapping (a select per field), the first
// rows, and every error by row and column; "Importer N rader" stays disabled while
// there are errors. Everything is decided by the engine (import.preview / commit).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFieldInfo, ImportIssue, ImportKind, ImportPreview, ImportResult } from '../../../shared/channels/import';
import { errorData } from '../../../shared/errors';
import { MAX_FILE_BYTES } from '../../../shared/files';
import { invoke } from '../../api/client';
import { readAsBase64 } from '../../api/fileBytes';
import { Dialog } from '../../components/Dialog';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage, type BilingualText } from '../../i18n';
import { keyName } from '../../app/hotkeys';

/** Rows of the file shown in the preview. */
const PREVIEW_ROWS = 20;

interface Chosen {
  readonly name: string;
  readonly dataBase64: string;
}

export function ImportDialog(props: { kind: ImportKind; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'checking' | 'importing' | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const request = useRef(0);
  const body = useRef<HTMLDivElement>(null);

  // Once imported, the one button left (Lukk) takes the focus, so Enter or Esc closes.
  useEffect(() => {
    if (result) body.current?.closest('form')?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, [result]);

  /** Asks the engine to read and check the file (with the clerk's mapping once there is one). */
  const check = async (chosen: Chosen, mapping?: Record<string, string | null>) => {
    const mine = ++request.current;
    setBusy(mapping ? 'checking' : 'reading');
    setError(null);
    try {
      const p = await invoke('import.preview', { kind: props.kind, fileName: chosen.name, dataBase64: chosen.dataBase64, previewRows: PREVIEW_ROWS, ...(mapping ? { mapping } : {}) });
      if (mine === request.current) setPreview(p);
    } catch (e) {
      if (mine === request.current) {
        setError(refusalOf(e, () => null).general);
        if (!mapping) setPreview(null);
      }
    } finally {
      if (mine === request.current) setBusy(null);
    }
  };

  const choose = async (picked: File) => {
    setResult(null);
    if (picked.size > MAX_FILE_BYTES) {
      setError(errorData('file_too_large', 'dataBase64', { name: picked.name, bytes: picked.size, max: MAX_FILE_BYTES }).message);
      return;
    }
    const chosen = { name: picked.name, dataBase64: await readAsBase64(picked) };
    setFile(chosen);
    await check(chosen);
  };

  const remap = (field: string, column: string | null) => {
    if (!file || !preview) return;
    const mapping: Record<string, string | null> = { ...preview.mapping };
    // A column goes to one field: taken from the field that had it.
    if (column !== null) for (const k of Object.keys(mapping)) if (mapping[k] === column) mapping[k] = null;
    mapping[field] = column;
    setPreview({ ...preview, mapping });
    void check(file, mapping);
  };

  const commit = async () => {
    if (!file || !preview || preview.errorCount > 0 || busy) return;
    setBusy('importing');
    setError(null);
    try {
      const r = await invoke('import.commit', { kind: props.kind, fileName: file.name, dataBase64: file.dataBase64, mapping: preview.mapping });
      if (r.errorCount > 0) setPreview({ ...preview, errors: r.errors, errorCount: r.errorCount });
      else {
        setResult(r);
        props.onImported();
      }
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(null);
    }
  };

  const pick = () => fileInput.current?.click();
  const fieldLabel = (f: ImportFieldInfo) =>
    f.custom ? (lang === 'en' ? (f.custom.labelEn ?? f.custom.labelNb) : f.custom.labelNb) : t(`importFile.fields.${f.key}` as 'importFile.fields.name');
  const issueText = (i: ImportIssue) => {
    const message = i.message[lang];
    if (i.column) return t('importFile.issueAt', { row: i.row, column: i.column, message });
    return t('importFile.issueRow', { row: i.row, message });
  };
  const erroneous = new Set((preview?.errors ?? []).map((e) => `${e.row}:${e.column ?? ''}`));
  const ready = preview !== null && preview.errorCount === 0 && busy === null;

  return (
    <Dialog
      title={t(`importFile.title.${props.kind}`)}
      testId="import-dialog"
      wide
      cancelLabel={result ? t('app.close') : t('common.cancel')}
      onCancel={props.onClose}
      {...(result
        ? {}
        : {
            onSubmit: () => void commit(),
            submitLabel: preview ? t('importFile.importRows', { count: preview.rowCount }) : t('importFile.importNothing'),
            busy: !ready,
          })}
    >
      <div
        ref={body}
        className="import-dialog-body"
        onKeyDown={(e) => {
          if (keyName(e.nativeEvent) === 'alt+v' && !result) {
            e.preventDefault();
            pick();
          }
        }}
      >
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file-input"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            e.target.value = '';
            if (picked) void choose(picked);
          }}
        />
        {result ? (
          <Notice testId="import-result" text={t(`importFile.done.${props.kind}`, { count: result.imported, first: result.firstNumber ?? '', last: result.lastNumber ?? '' })} />
        ) : (
          <>
            <div className="import-file-row">
              <button type="button" onClick={pick} data-testid="import-choose" data-autofocus disabled={busy === 'importing'}>
                {file ? t('importFile.chooseOther') : t('importFile.choose')} <Shortcut keys="Alt+V" />
              </button>
              {file ? (
                <span className="import-file-name" data-testid="import-file-name">
                  {file.name}
                  {preview ? (
                    <span className="muted">
                      {' · '}
                      {preview.format === 'xlsx' ? t('importFile.xlsx', { sheet: preview.sheet ?? '' }) : t('importFile.csv', { delimiter: t(`importFile.delimiters.${delimiterKey(preview.delimiter)}`), encoding: preview.encoding ?? '' })}
                      {' · '}
                      {t('importFile.rowCount', { count: preview.rowCount })}
                    </span>
                  ) : null}
                </span>
              ) : (
                <span className="muted">{t('importFile.hint')}</span>
              )}
              <span className="dialog-spacer" />
              {busy ? (
                <span className="muted" data-testid="import-busy" role="status">
                  {t(`importFile.busy.${busy}`)}
                </span>
              ) : null}
            </div>
            <Banner error={error} testId="import-error" />
            {preview ? (
              <div className="import-panes">
                <section className="import-mapping" aria-label={t('importFile.mapping')}>
                  <h3>
                    {t('importFile.mapping')}{' '}
                    <span className="muted" data-testid="import-mapping-source">
                      {t(`importFile.mappingSource.${preview.mappingSource}`)}
                    </span>
                  </h3>
                  <table className="dialog-grid import-mapping-grid">
                    <thead>
                      <tr>
                        <th>{t('importFile.field')}</th>
                        <th>{t('importFile.column')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.fields.map((f) => (
                        <tr key={f.key}>
                          <td>
                            <label htmlFor={`import-map-${f.key}`}>
                              {fieldLabel(f)}
                              {f.required ? <span className="required-mark"> *</span> : null}
                            </label>
                          </td>
                          <td>
                            <select
                              id={`import-map-${f.key}`}
                              data-testid={`import-map-${f.key}`}
                              value={preview.mapping[f.key] ?? ''}
                              onChange={(e) => remap(f.key, e.target.value === '' ? null : e.target.value)}
                            >
                              <option value="">{t('importFile.notImported')}</option>
                              {preview.columns.map((c) => (
                                <option key={c} value={c}>
                                  {c}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
                <div className="import-right">
                  <section className="import-preview" aria-label={t('importFile.preview')}>
                    <h3>{preview.rows.length < preview.rowCount ? t('importFile.previewOf', { shown: preview.rows.length, count: preview.rowCount }) : t('importFile.previewAll', { count: preview.rowCount })}</h3>
                    <div className="import-preview-scroll" tabIndex={0} data-testid="import-preview">
                      <table className="dialog-grid">
                        <thead>
                          <tr>
                            <th className="num">{t('importFile.row')}</th>
                            {preview.columns.map((c) => {
                              const field = Object.entries(preview.mapping).find(([, col]) => col === c)?.[0];
                              const info = preview.fields.find((f) => f.key === field);
                              return (
                                <th key={c} title={info ? fieldLabel(info) : t('importFile.notImported')} className={info ? '' : 'unmapped'}>
                                  {c}
                                  <span className="import-maps-to">{info ? `→ ${fieldLabel(info)}` : '—'}</span>
                                </th>
                              );
                            })}
                          </tr>
                        </thead>
                        <tbody>
                          {preview.rows.map((r) => (
                            <tr key={r.row} data-testid={`import-preview-row-${r.row}`}>
                              <td className="num muted">{r.row}</td>
                              {r.cells.map((cell, i) => (
                                <td key={i} className={erroneous.has(`${r.row}:${preview.columns[i] ?? ''}`) ? 'import-cell-error' : ''}>
                                  {cell}
                                </td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </section>
                  <section className="import-errors" aria-label={t('importFile.errors')} data-testid="import-errors">
                    {preview.errorCount === 0 ? (
                      <p className="import-ok" data-testid="import-no-errors">
                        {t('importFile.noErrors', { count: preview.rowCount })}
                      </p>
                    ) : (
                      <>
                        <h3 className="import-errors-title" data-testid="import-error-count">
                          {t('importFile.errorCount', { count: preview.errorCount })}
                        </h3>
                        <ul className="import-error-list" tabIndex={0}>
                          {preview.errors.map((i, n) => (
                            <li key={n} data-testid="import-issue">
                              {issueText(i)}
                            </li>
                          ))}
                          {preview.errorCount > preview.errors.length ? <li className="muted">{t('importFile.moreErrors', { count: preview.errorCount - preview.errors.length })}</li> : null}
                        </ul>
                      </>
                    )}
                  </section>
                </div>
              </div>
            ) : null}
          </>
        )}
      </div>
    </Dialog>
  );
}

const delimiterKey = (d: ImportPreview['delimiter']): 'semicolon' | 'comma' | 'tab' => (d === ',' ? 'comma' : d === '\t' ? 'tab' : 'semicolon');
