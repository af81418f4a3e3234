// Batch printing of picking lists (SPEC 7): every order in Pack, or the orders
// selected in the list. The engine issues and archives them a chunk at a time,
// so the progress bar moves and Cancel stops after the chunk in hand (what was
// issued stays issued and archived). An order the engine refuses (a draft with
// nothing reserved, nothing left to pick, not a Normal order) is listed first
// in the report with its reason; the rest are printed. Then the engine puts the
// archived lists together as one PDF: one print job in the Electron app, one
// window to print from in a browser.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListRow } from '../../../shared/channels/orders';
import { ORDER_LIST_MAX_BLOCK } from '../../../shared/channels/orders';
import type { Language } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { canPrintDirectly, printPdf } from '../../api/pdf';
import { invalidate } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from './outcome';
import { LanguageField, PrinterField, usePrinterChoice } from './printChoices';

/** Orders per call: small enough for the bar to move and Cancel to answer quickly. */
export const BATCH_CHUNK = 25;

export type BatchScope =
  | { readonly kind: 'selection'; readonly rows: readonly OrderListRow[] }
  /** Every order of a status, under the list's search when one is typed (as the tab's count is). */
  | { readonly kind: 'status'; readonly statusId: number; readonly statusLabel: string; readonly count: number; readonly search: string };

interface Outcome {
  readonly orderId: number;
  readonly number: number;
  readonly customerName: string;
  readonly documentId: number | null;
  readonly reprint: boolean;
  readonly refusal: BilingualText | null;
}

type Phase =
  | { kind: 'ask' }
  | { kind: 'running' }
  | { kind: 'done'; cancelled: boolean; error: BilingualText | null; pages: number | null };

/** Every order of a status tab, in number order, a block at a time. */
async function ordersOfStatus(statusId: number, search: string): Promise<OrderListRow[]> {
  const rows: OrderListRow[] = [];
  for (let start = 0; ; start += ORDER_LIST_MAX_BLOCK) {
    const page = await invoke('orders.list', {
      startRow: start,
      endRow: start + ORDER_LIST_MAX_BLOCK,
      statusId,
      ...(search ? { search } : {}),
      sortModel: [{ colId: 'number', sort: 'asc' }],
    });
    rows.push(...page.rows);
    if (rows.length >= page.rowCount || page.rows.length === 0) return rows;
  }
}


export function BatchPrintDialog(props: { scope: BatchScope; onClose: () => void }) {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const [language, setLanguage] = useState<Language>(uiLang);
  const printerChoice = usePrinterChoice();
  const [phase, setPhase] = useState<Phase>({ kind: 'ask' });
  const [total, setTotal] = useState(props.scope.kind === 'selection' ? props.scope.rows.length : props.scope.count);
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [openError, setOpenError] = useState<BilingualText | null>(null);
  const cancelled = useRef(false);
  const direct = canPrintDirectly();

  /** The issued lists as one PDF, to the printer (Electron) or the browser's viewer: one job. */
  const printAll = async (documentIds: readonly number[]): Promise<{ pages: number; error: BilingualText | null }> => {
    const combined = await invoke('documents.combine', { documentIds: [...documentIds] });
    const outcome = await printPdf(combined.pdfBase64, direct ? printerChoice.printer || null : null);
    if (outcome.ok) return { pages: combined.pageCount, error: null };
    return { pages: combined.pageCount, error: outcome.blocked ? bilingual('documents.popupBlocked') : (outcome.error?.message ?? null) };
  };

  const run = async () => {
    cancelled.current = false;
    setPhase({ kind: 'running' });
    setOutcomes([]);
    const done: Outcome[] = [];
    let error: BilingualText | null = null;
    let pages: number | null = null;
    let wanted = total;
    try {
      const rows = props.scope.kind === 'selection' ? [...props.scope.rows] : await ordersOfStatus(props.scope.statusId, props.scope.search);
      wanted = rows.length;
      setTotal(wanted);
      for (let start = 0; start < rows.length && !cancelled.current; start += BATCH_CHUNK) {
        const chunk = rows.slice(start, start + BATCH_CHUNK);
        const result = await invoke('documents.renderPickingLists', { orderIds: chunk.map((r) => r.id), language });
        const issuedIn = new Map(result.documents.map((d) => [d.orderId, d]));
        const refusedIn = new Map(result.refused.map((r) => [r.orderId, r]));
        for (const row of chunk) {
          const d = issuedIn.get(row.id);
          const r = refusedIn.get(row.id);
          done.push({
            orderId: row.id,
            number: row.number,
            customerName: row.customerName,
            documentId: d?.documentId ?? null,
            reprint: d?.reprint ?? false,
            refusal: r ? r.message : null,
          });
        }
        setOutcomes([...done]);
      }
      const ids = done.flatMap((o) => (o.documentId === null ? [] : [o.documentId]));
      // In the desktop app the one job goes to the printer at once; a browser opens it from the report (a click, so no popup is blocked).
      if (ids.length && direct) ({ pages, error } = await printAll(ids));
    } catch (e) {
      error = refusalOf(e, () => null).general;
    }
    setOutcomes([...done]);
    void invalidate('documents.list', 'activity.list');
    setPhase({ kind: 'done', cancelled: cancelled.current && done.length < wanted, error, pages });
  };

  const openAll = async () => {
    setOpenError(null);
    try {
      const { pages, error } = await printAll(outcomes.flatMap((o) => (o.documentId === null ? [] : [o.documentId])));
      setPhase((p) => (p.kind === 'done' ? { ...p, pages } : p));
      setOpenError(error);
    } catch (e) {
      setOpenError(refusalOf(e, () => null).general);
    }
  };

  /** One list on its own, as archived, in the browser's viewer. */
  const open = async (o: Outcome) => {
    if (o.documentId === null) return;
    setOpenError(null);
    try {
      const archived = await invoke('documents.get', { id: o.documentId });
      const notice = outcomeNotice(t, await printPdf(archived.pdfBase64, null), archived.document, true, uiLang);
      if (notice?.error) setOpenError(notice.error);
    } catch (e) {
      setOpenError(refusalOf(e, () => null).general);
    }
  };

  const what =
    props.scope.kind === 'selection'
      ? t('documents.batch.selection', { count: props.scope.rows.length })
      : t('documents.batch.status', { count: props.scope.count, status: props.scope.statusLabel });
  const issued = outcomes.filter((o) => o.documentId !== null);
  const refused = outcomes.filter((o) => o.refusal !== null);

  if (phase.kind === 'ask') {
    return (
      <Dialog
        title={t('documents.batch.title')}
        testId="batch-print-dialog"
        submitLabel={direct ? t('documents.batch.print') : t('documents.batch.issue')}
        cancelLabel={t('common.cancel')}
        onCancel={props.onClose}
        onSubmit={() => void run()}
      >
        <p data-testid="batch-print-what">{what}</p>
        <div className="form-grid cols-2">
          <LanguageField id="batch-language" value={language} onChange={setLanguage} />
          {direct ? <PrinterField id="batch-printer" choice={printerChoice} /> : null}
        </div>
        <p className="muted small">{direct ? t('documents.batch.hintDirect') : t('documents.batch.hintBrowser')}</p>
      </Dialog>
    );
  }

  if (phase.kind === 'running') {
    return (
      <Dialog
        title={t('documents.batch.title')}
        testId="batch-print-progress"
        // The one button cancels: Esc or Enter stop after the chunk in hand.
        cancelLabel={cancelled.current ? t('documents.batch.stopping') : t('documents.batch.cancel')}
        busy={cancelled.current}
        onCancel={() => {
          cancelled.current = true;
          setPhase({ kind: 'running' });
        }}
      >
        <progress className="batch-progress" data-testid="batch-progress" max={total || 1} value={outcomes.length} />
        <p data-testid="batch-progress-text">{t('documents.batch.progress', { done: outcomes.length, total })}</p>
      </Dialog>
    );
  }

  return (
    // Its own mount, so that focus starts in the report (on "open all" in a browser).
    <Dialog key="report" title={t('documents.batch.doneTitle')} testId="batch-print-report" wide cancelLabel={t('app.close')} onCancel={props.onClose}>
      <Banner error={phase.error} testId="batch-print-error" />
      <Banner error={openError} testId="batch-open-error" />
      <p data-testid="batch-summary">
        {phase.cancelled
          ? t('documents.batch.cancelledSummary', { count: issued.length, total })
          : t(direct ? 'documents.batch.printedSummary' : 'documents.batch.issuedSummary', { count: issued.length })}
        {refused.length ? ` ${t('documents.batch.refusedSummary', { count: refused.length })}` : ''}
      </p>
      {issued.length ? (
        <div className="batch-combined">
          {phase.pages !== null ? (
            <span data-testid="batch-combined">{t('printing.batch.combined', { count: issued.length, pages: phase.pages })}</span>
          ) : null}
          {!direct ? (
            <button type="button" className="primary" data-testid="batch-open-all" data-autofocus onClick={() => void openAll()}>
              {t('printing.batch.openAll')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-scroll">
        <table className="dialog-grid">
          <tbody>
            {/* The refused first: they are what the clerk has to act on. */}
            {[...refused, ...outcomes.filter((o) => o.refusal === null)].map((o, i) => (
              <tr key={o.orderId} data-testid={`batch-result-${i}`}>
                <td className="num strong">{o.number}</td>
                <td>{o.customerName}</td>
                <td className={`text ${o.refusal ? 'refused-text' : 'ok-text'}`} data-testid={`batch-result-${i}-text`}>
                  {o.refusal ? o.refusal[uiLang] : o.reprint ? t('documents.batch.reprinted') : t('documents.batch.issued')}
                </td>
                <td className="actions">
                  {o.documentId !== null && !direct ? (
                    <button type="button" className="small" data-testid={`batch-result-${i}-open`} onClick={() => void open(o)}>
                      {t('documents.open')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
