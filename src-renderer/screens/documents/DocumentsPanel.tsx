// The order's archive (SPEC 7): every document issued for it, its invoices and
// credit notes included, newest first, each printable again or savable exactly
// as it was issued (the archived bytes, never a new rendering).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentLabel, type ArchivedDocument } from '../../../shared/channels/documents';
import { formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { canPrintDirectly } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from './outcome';
import { outputDocument } from './printChoices';

function time(iso: string): string {
  const d = new Date(iso);
  return `${formatDate(iso.slice(0, 10))} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function DocumentsPanel(props: { orderId: number; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useChannel('documents.list', { orderId: props.orderId }, { staleTime: 0 });
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);

  const again = async (doc: ArchivedDocument, then: 'print' | 'save') => {
    setBusy(doc.id);
    setError(null);
    try {
      const archived = await invoke('documents.get', { id: doc.id });
      const outcome = await outputDocument(archived, then, '', doc.language);
      const notice = outcomeNotice(t, outcome, archived.document, true, lang);
      if (notice?.error) setError(notice.error);
      else if (notice) props.onNotice(notice.text);
      void invalidate('activity.list');
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(null);
    }
  };

  const rows = list.data ?? [];
  return (
    <div className="side-section" data-testid="documents-panel">
      {list.isError ? <Banner error={refusalOf(list.error, () => null).general} /> : null}
      <Banner error={error} testId="documents-error" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="documents-empty">
          {t('documents.none')}
        </p>
      ) : (
        <table className="side-grid">
          <thead>
            <tr>
              <th>{t('documents.document')}</th>
              <th>{t('documents.issued')}</th>
              <th className="num">{t('documents.pages')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d, i) => (
              <tr key={d.id} data-testid={`document-row-${i}`}>
                <td>
                  <span className="strong" data-testid={`document-row-${i}-kind`}>
                    {documentLabel(d.kind, lang)}
                  </span>{' '}
                  <span data-testid={`document-row-${i}-number`}>{d.number}</span>
                  {d.language !== lang ? <span className="muted small"> ({d.language})</span> : null}
                  <div className="muted small">{d.userName ?? t('activity.workstation')}</div>
                </td>
                <td className="date small">{time(d.issuedAt)}</td>
                <td className="num">{d.pageCount}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="small"
                    disabled={busy !== null}
                    data-testid={`document-row-${i}-print`}
                    title={t('documents.reprintTitle')}
                    onClick={() => void again(d, 'print')}
                  >
                    {canPrintDirectly() ? t('documents.print') : t('documents.open')}
                  </button>{' '}
                  <button
                    type="button"
                    className="small"
                    disabled={busy !== null}
                    data-testid={`document-row-${i}-save`}
                    onClick={() => void again(d, 'save')}
                  >
                    {t('documents.save')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
