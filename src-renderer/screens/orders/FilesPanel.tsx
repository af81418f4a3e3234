// Files on an order (issue 12): attach by the picker or by dropping them on the
// panel, open (Enter), save, remove (Delete, after asking). The engine keeps the
// bytes in the company file; a file over the limit is refused here before it is
// even read, with the engine's own words.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFile } from '../../../shared/channels/files';
import { errorData } from '../../../shared/errors';
import { formatFileSize, MAX_FILE_BYTES } from '../../../shared/files';
import { formatDateTime } from '../../../shared/format';
import { invoke } from '../../api/client';
import { base64ToBlob, readAsBase64 } from '../../api/fileBytes';
import { invalidate, useChannel } from '../../api/queries';
import { downloadBlob } from '../../api/saveFile';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { useLanguage, type BilingualText } from '../../i18n';

export function FilesPanel(props: { orderId: number; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const files = useChannel('files.list', { orderId: props.orderId }, { staleTime: 0 });
  const [error, setError] = useState<BilingualText | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState<OrderFile | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const pick = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLOListElement>(null);

  // The tab opened: the clerk can press Enter on the picker or go down the list.
  useEffect(() => pick.current?.focus(), []);

  const attach = async (chosen: readonly File[]) => {
    setError(null);
    for (const file of chosen) {
      if (file.size > MAX_FILE_BYTES) {
        setError(errorData('file_too_large', 'dataBase64', { name: file.name, bytes: file.size, max: MAX_FILE_BYTES }).message);
        continue;
      }
      setBusy(file.name);
      try {
        const dataBase64 = await readAsBase64(file);
        const done = await invoke('files.attach', { orderId: props.orderId, name: file.name, mime: file.type, dataBase64 });
        props.onNotice(t('files.attached', { name: done.name }));
      } catch (e) {
        setError(refusalOf(e, () => null).general);
      } finally {
        setBusy(null);
      }
    }
    await invalidate('files.list', 'activity.list');
  };

  const fetchBlob = async (f: OrderFile): Promise<Blob | null> => {
    try {
      const got = await invoke('files.get', { id: f.id });
      return base64ToBlob(got.dataBase64, got.mime);
    } catch (e) {
      setError(refusalOf(e, () => null).general);
      return null;
    }
  };
  /** Opens the file where the browser can show it (PDF, picture, text); otherwise it is saved. */
  const open = async (f: OrderFile) => {
    const blob = await fetchBlob(f);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    // A blob: address of our own origin; the new tab gets no handle back to this one.
    const shown = window.open(url, '_blank');
    if (shown) shown.opener = null;
    else downloadBlob(blob, f.name);
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const save = async (f: OrderFile) => {
    const blob = await fetchBlob(f);
    if (blob) downloadBlob(blob, f.name);
  };
  const remove = async (f: OrderFile) => {
    setRemoving(null);
    try {
      await invoke('files.remove', { id: f.id });
      props.onNotice(t('files.removed', { name: f.name }));
      await invalidate('files.list', 'activity.list');
      list.current?.querySelector<HTMLElement>('li[tabindex]')?.focus();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, f: OrderFile) => {
    if (e.target !== e.currentTarget) return;
    const move = (to: Element | null | undefined) => to instanceof HTMLElement && to.focus();
    if (e.key === 'Enter') void open(f);
    else if (e.key === 'Delete') setRemoving(f);
    else if (e.key === 'ArrowDown') move(e.currentTarget.nextElementSibling);
    else if (e.key === 'ArrowUp') move(e.currentTarget.previousElementSibling);
    else return;
    e.preventDefault();
  };

  const dropped = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void attach([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`side-section files-panel ${dragging ? 'dragging' : ''}`}
      data-testid="files-panel"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={dropped}
    >
      <div className="files-head">
        <button ref={pick} type="button" className="small" data-testid="files-pick" disabled={busy !== null} onClick={() => input.current?.click()}>
          {t('files.pick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="files-input"
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            e.target.value = '';
            void attach(chosen);
          }}
        />
      </div>
      <p className="muted files-drop" data-testid="files-drop">
        {dragging ? t('files.dropNow') : t('files.dropHint', { max: formatFileSize(MAX_FILE_BYTES, lang) })}
      </p>
      <Banner error={error} testId="files-error" onClose={() => setError(null)} />
      {busy ? <p className="muted">{t('files.attaching', { name: busy })}</p> : null}
      {files.isError ? <Banner error={refusalOf(files.error, () => null).general} /> : null}
      {files.data && files.data.length === 0 ? <p className="muted" data-testid="files-none">{t('files.none')}</p> : null}
      <ol className="files-list" ref={list} aria-label={t('files.title')}>
        {(files.data ?? []).map((f) => (
          <li key={f.id} tabIndex={0} data-testid={`file-${f.name}`} onKeyDown={(e) => onRowKey(e, f)} onDoubleClick={() => void open(f)}>
            <div className="file-line">
              <span className="file-name" title={f.name}>
                {f.name}
              </span>
              <span className="num file-size">{formatFileSize(f.sizeBytes, lang)}</span>
            </div>
            <div className="file-line muted">
              <span>
                {f.createdByName ?? t('activity.workstation')} · <span className="num">{formatDateTime(f.createdAt)}</span>
              </span>
              <span className="file-actions">
                <button type="button" className="link small" data-testid={`file-open-${f.name}`} onClick={() => void open(f)}>
                  {t('files.open')}
                </button>
                <button type="button" className="link small" data-testid={`file-save-${f.name}`} onClick={() => void save(f)}>
                  {t('files.save')}
                </button>
                <button type="button" className="link small danger" data-testid={`file-remove-${f.name}`} onClick={() => setRemoving(f)}>
                  {t('files.remove')}
                </button>
              </span>
            </div>
          </li>
        ))}
      </ol>
      {files.data?.length ? <p className="muted files-keys">{t('files.keys')}</p> : null}
      {removing ? (
        <ConfirmDialog
          title={t('files.removeTitle')}
          text={t('files.removeText', { name: removing.name })}
          confirmLabel={t('files.removeConfirm')}
          cancelLabel={t('files.keep')}
          danger
          testId="file-remove-confirm"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
