// Export of a list (issue 13): a toolbar button "Eksporter" (Ctrl+E) opens a small
// dialog; E saves the list as Excel (.xlsx), C as CSV, Esc closes. The engine
// makes the file from the list's own query (search, status tab, filters, sort:
// what the clerk sees), and it is saved through the usual download path.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportList, ExportListInput } from '../../shared/channels/export';
import { invoke } from '../api/client';
import { base64ToBlob } from '../api/fileBytes';
import { downloadBlob } from '../api/saveFile';
import { modalOpened, useHotkeys } from '../app/hotkeys';
import { useLanguage, type BilingualText } from '../i18n';
import { Banner } from './fields';
import { refusalOf } from './refusal';
import { Shortcut } from './Shortcut';

/** The list's query as it stands now, without format and language. */
export type ExportQuery = { readonly [K in ExportList]: Omit<Extract<ExportListInput, { list: K }>, 'format' | 'language'> }[ExportList];

export function ListExport(props: { readonly active: boolean; readonly list: ExportList; readonly query: () => ExportQuery }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useHotkeys(props.active && !open, { 'ctrl+e': () => setOpen(true) });
  return (
    <>
      <button type="button" data-testid={`export-${props.list}`} onClick={() => setOpen(true)}>
        {t('listExport.button')} <Shortcut keys="Ctrl+E" />
      </button>
      {open ? <ExportDialog list={props.list} query={props.query} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ExportDialog(props: { readonly list: ExportList; readonly query: () => ExportQuery; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const busyRef = useRef(false);

  const run = async (format: ExportFormat) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(format);
    setError(null);
    try {
      const file = await invoke('export.list', { ...props.query(), format, language: lang } as ExportListInput);
      downloadBlob(base64ToBlob(file.contentBase64, file.mime), file.fileName);
      props.onClose();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
      busyRef.current = false;
      setBusy(null);
    }
  };
  const runRef = useRef(run);
  runRef.current = run;

  // Modal like the app's other dialogs: the screens' keys are silent while it is open, focus comes back after.
  useLayoutEffect(() => {
    const done = modalOpened();
    const previous = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      done();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  // E and C from anywhere in the dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const format = e.code === 'KeyE' ? 'xlsx' : e.code === 'KeyC' ? 'csv' : null;
      if (!format) return;
      e.preventDefault();
      void runRef.current(format);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog form-dialog list-export-dialog"
      data-testid="list-export-dialog"
      aria-labelledby={titleId}
      aria-busy={busy !== null}
      onCancel={(e) => {
        e.preventDefault();
        if (!busyRef.current) props.onClose();
      }}
    >
      <h2 id={titleId}>{t('listExport.title', { list: t(`listExport.lists.${props.list}`) })}</h2>
      <div className="dialog-body">
        <p className="muted">{t('listExport.lead')}</p>
        <div className="list-export-choices">
          <button type="button" className="primary" data-autofocus data-testid="list-export-xlsx" disabled={busy !== null} onClick={() => void run('xlsx')}>
            {t('listExport.excel')} <Shortcut keys="E" />
          </button>
          <button type="button" data-testid="list-export-csv" disabled={busy !== null} onClick={() => void run('csv')}>
            {t('listExport.csv')} <Shortcut keys="C" />
          </button>
        </div>
        {busy ? (
          <p className="muted" role="status" data-testid="list-export-busy">
            {t('listExport.busy')}
          </p>
        ) : null}
        <Banner error={error} title={t('listExport.failed')} testId="list-export-error" />
      </div>
      <div className="dialog-buttons">
        <span className="dialog-spacer" />
        <button type="button" data-testid="list-export-cancel" disabled={busy !== null} onClick={props.onClose}>
          {t('common.cancel')} <Shortcut keys="Esc" />
        </button>
      </div>
    </dialog>
  );
}
