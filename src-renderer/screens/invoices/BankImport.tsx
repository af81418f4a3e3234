// Bank files (SPEC 11): a Nets OCR giro or camt.054 file, picked with the file
// dialog or dropped on the invoice screen, is read here as text and sent to the
// engine, which matches it by KID. The report says what was paid, what waits for
// a clerk and what an earlier file already brought; the waiting ones are matched
// by hand to an invoice (found by number, KID or customer) or put to a
// customer's credit.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankImportReport, BankTransaction, InvoiceBalance } from '../../../shared/channels/receivables';
import { formatAmount, formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useDebounced } from '../../components/useDebounced';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { bankProblemLabel, invoiceStateLabel } from './labels';

export interface BankFile {
  readonly pick: () => void;
  readonly busy: boolean;
  readonly dragging: boolean;
  readonly report: BankImportReport | null;
  readonly error: BilingualText | null;
  readonly clearError: () => void;
  readonly input: React.RefObject<HTMLInputElement | null>;
  readonly importFile: (file: File) => Promise<void>;
  /** Spread on the screen: a file dropped anywhere on it is imported. */
  readonly dropProps: {
    onDragOver: (e: DragEvent) => void;
    onDragLeave: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
  };
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useBankFile(onImported: (report: BankImportReport) => void): BankFile {
  const input = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [report, setReport] = useState<BankImportReport | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const content = await file.text();
      if (!content.trim()) throw new Error('empty');
      const result = await invoke('bank.import', { fileName: file.name, content });
      setReport(result);
      onImported(result);
    } catch (e) {
      setError(e instanceof Error && e.message === 'empty' ? bilingual('receivables.bank.emptyFile', { name: file.name }) : refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return {
    pick: () => input.current?.click(),
    busy,
    dragging,
    report,
    error,
    clearError: () => setError(null),
    input,
    importFile,
    dropProps: {
      onDragOver: (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: (e) => {
        if (e.currentTarget === e.target) setDragging(false);
      },
      onDrop: (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void importFile(file);
      },
    },
  };
}

/** The import button with its drop zone: a file picked or dropped is imported at once. */
export function BankFileDrop(props: { bank: BankFile }) {
  const { t } = useTranslation();
  const { bank } = props;
  return (
    <div className={`bank-drop ${bank.dragging ? 'dragging' : ''}`} data-testid="bank-drop" title={t('receivables.bank.dropTitle')}>
      <input
        ref={bank.input}
        type="file"
        hidden
        accept=".txt,.ocr,.xml,.dat,text/plain,application/xml,text/xml"
        data-testid="bank-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void bank.importFile(file);
        }}
      />
      <button type="button" data-testid="bank-import" disabled={bank.busy} onClick={bank.pick}>
        {bank.busy ? t('receivables.bank.importing') : t('receivables.bank.importButton')} <Shortcut keys="Alt+L" />
      </button>
      <span className="bank-drop-hint">{bank.dragging ? t('receivables.bank.dropNow') : t('receivables.bank.dropHint')}</span>
    </div>
  );
}

/** The match report: totals, then every transaction with what became of it, then the duplicates skipped. */
export function BankImportDialog(props: { report: BankImportReport; onClose: () => void; onManual: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const r = props.report;
  const duplicateOre = r.duplicates.reduce((s, d) => s + d.amountOre, 0);
  return (
    <Dialog
      title={t('receivables.bank.reportTitle', { name: r.fileName })}
      testId="bank-report"
      wide
      cancelLabel={t('app.close')}
      onCancel={props.onClose}
      extraButtons={
        r.unmatchedCount > 0 ? (
          <button type="button" data-testid="bank-report-manual" onClick={props.onManual}>
            {t('receivables.bank.toManual', { count: r.unmatchedCount })}
          </button>
        ) : null
      }
    >
      <p className="muted" data-testid="bank-report-format">
        {t(`receivables.bank.format.${r.format}`)} · {t('receivables.bank.transactionCount', { count: r.transactions.length })}
      </p>
      <table className="side-grid summary-table" data-testid="bank-report-summary">
        <tbody>
          <tr>
            <th scope="row">{t('receivables.bank.matched')}</th>
            <td className="num" data-testid="bank-report-matched">{r.matchedCount}</td>
            <td className="num">{formatAmount(r.matchedOre)}</td>
          </tr>
          <tr>
            <th scope="row">{t('receivables.bank.unmatched')}</th>
            <td className="num" data-testid="bank-report-unmatched">{r.unmatchedCount}</td>
            <td className="num">{formatAmount(r.unmatchedOre)}</td>
          </tr>
          {r.ignored.length ? (
            <tr>
              <th scope="row">{t('receivables.bank.ignored')}</th>
              <td className="num" data-testid="bank-report-ignored">{r.ignored.length}</td>
              <td className="num">{formatAmount(r.ignored.reduce((sum, x) => sum + x.amountOre, 0))}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">{t('receivables.bank.duplicates')}</th>
            <td className="num" data-testid="bank-report-duplicates">{r.duplicates.length}</td>
            <td className="num">{formatAmount(duplicateOre)}</td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-scroll">
        <TransactionsTable rows={r.transactions} lang={lang} testId="bank-report-rows" />
        {r.ignored.length ? (
          <>
            <h3>{t('receivables.bank.ignoredTitle')}</h3>
            <table className="dialog-grid" data-testid="bank-report-ignored-rows">
              <thead>
                <tr>
                  <th>{t('receivables.bank.ref')}</th>
                  <th>{t('receivables.col.kid')}</th>
                  <th className="num">{t('receivables.bank.amount')}</th>
                  <th>{t('receivables.bank.why')}</th>
                </tr>
              </thead>
              <tbody>
                {r.ignored.map((x, i) => (
                  <tr key={`${x.externalRef ?? ''}-${i}`}>
                    <td className="num">{x.externalRef ?? ''}</td>
                    <td className="num">{x.kid ?? ''}</td>
                    <td className="num">{formatAmount(x.amountOre)}</td>
                    <td className="text">{lang === 'nb' ? x.reasonNb : x.reasonEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {r.duplicates.length ? (
          <>
            <h3>{t('receivables.bank.duplicatesTitle')}</h3>
            <table className="dialog-grid" data-testid="bank-report-duplicate-rows">
              <thead>
                <tr>
                  <th>{t('receivables.bank.ref')}</th>
                  <th>{t('receivables.col.kid')}</th>
                  <th className="num">{t('receivables.bank.amount')}</th>
                  <th>{t('receivables.bank.why')}</th>
                </tr>
              </thead>
              <tbody>
                {r.duplicates.map((d) => (
                  <tr key={d.externalRef}>
                    <td className="num">{d.externalRef}</td>
                    <td className="num">{d.kid ?? ''}</td>
                    <td className="num">{formatAmount(d.amountOre)}</td>
                    <td className="text">{t('receivables.bank.duplicateWhy', { importId: d.importId })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

function TransactionsTable(props: {
  rows: readonly BankTransaction[];
  lang: 'nb' | 'en';
  testId: string;
  selected?: number | null;
  onSelect?: (tx: BankTransaction) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="dialog-grid" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('receivables.bank.date')}</th>
          <th>{t('receivables.col.kid')}</th>
          <th>{t('receivables.bank.payer')}</th>
          <th className="num">{t('receivables.bank.amount')}</th>
          <th>{t('receivables.bank.result')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((x, i) => (
          <tr
            key={x.id}
            data-testid={`${props.testId}-${i}`}
            className={`${props.selected === x.id ? 'selected' : ''} ${props.onSelect ? 'pickable' : ''}`}
            aria-selected={props.onSelect ? props.selected === x.id : undefined}
            onClick={() => props.onSelect?.(x)}
          >
            <td className="num">{formatDate(x.bookingDate)}</td>
            <td className="num">{x.kid ?? '—'}</td>
            <td className="text">{x.payerName ?? x.message ?? ''}</td>
            <td className="num">{formatAmount(x.amountOre)}</td>
            <td className={`text ${x.state === 'unmatched' ? 'refused-text' : 'ok-text'}`}>
              {x.state === 'unmatched'
                ? bankProblemLabel(x.problem, props.lang) || t('receivables.bank.waiting')
                : x.invoiceNumber !== null
                  ? t('receivables.bank.paidInvoice', { number: x.invoiceNumber })
                  : t('receivables.bank.toCreditDone')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "Til manuell avstemming": the transactions waiting for a clerk. ↑/↓ choose the
 * transaction, the lookup finds the invoice (number, KID or customer, folded by
 * the engine), Enter pays it; or the amount goes to the customer's credit.
 */
export function ManualMatchDialog(props: { onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const waiting = useChannel('bank.transactions', { state: 'unmatched' }, { staleTime: 0 });
  const rows = waiting.data ?? [];
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const tx = rows.find((r) => r.id === selectedId) ?? rows[0] ?? null;
  const [query, setQuery] = useState('');
  const search = useDebounced(query.trim(), 200);
  const [picked, setPicked] = useState<InvoiceBalance | null>(null);
  const [cursor, setCursor] = useState(0);
  const [error, setError] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What the clerk typed, or else the invoice the engine offers for the transaction's KID; by number, so "2" shows 2 before 20–29.
  const found = useChannel(
    'invoices.page',
    { startRow: 0, endRow: 8, tab: 'unpaid', sortModel: [{ colId: 'number', sort: 'asc' }], ...(search ? { search } : tx?.kid ? { search: tx.kid } : {}) },
    { enabled: tx !== null, keepPrevious: true },
  );
  // The invoice whose number or KID is exactly what was typed first ("2" also finds 20–29).
  const exact = (r: InvoiceBalance) => String(r.number) === search || r.kid === search;
  const candidates = [...(found.data?.rows ?? [])].sort((a, b) => Number(exact(b)) - Number(exact(a)));
  const creditCustomer = picked
    ? { id: picked.customerId, name: picked.customerName }
    : tx?.customerId
      ? { id: tx.customerId, name: candidates.find((c) => c.customerId === tx.customerId)?.customerName ?? '' }
      : null;

  const done = (text: string) => {
    setNotice(text);
    setPicked(null);
    setQuery('');
    setSelectedId(null);
    props.onChanged();
    void waiting.refetch();
  };
  const run = async (what: () => Promise<BankTransaction>, text: (r: BankTransaction) => string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      done(text(await what()));
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };
  const match = (invoice: InvoiceBalance) => {
    if (!tx) return;
    void run(
      () => invoke('bank.match', { transactionId: tx.id, invoiceId: invoice.invoiceId }),
      () => t('receivables.bank.matchedDone', { amount: formatAmount(tx.amountOre), number: invoice.number }),
    );
  };
  const toCredit = () => {
    if (!tx || !creditCustomer) return;
    void run(
      () => invoke('bank.toCredit', { transactionId: tx.id, customerId: creditCustomer.id }),
      () => t('receivables.bank.creditDone', { amount: formatAmount(tx.amountOre), customer: creditCustomer.name }),
    );
  };
  const moveTx = (by: number) => {
    if (!rows.length) return;
    const i = Math.max(0, rows.findIndex((r) => r.id === tx?.id));
    setSelectedId(rows[Math.max(0, Math.min(rows.length - 1, i + by))]!.id);
    setPicked(null);
  };

  // The dialog opens once the list is read, so that focus starts in the invoice lookup.
  if (waiting.isLoading) return null;
  return (
    <Dialog
      title={t('receivables.bank.manualTitle')}
      testId="bank-manual-dialog"
      wide
      cancelLabel={t('app.close')}
      onCancel={props.onClose}
      extraButtons={
        <button type="button" data-testid="bank-to-credit" disabled={!tx || !creditCustomer || busy} onClick={toCredit}>
          {creditCustomer ? t('receivables.bank.toCredit', { customer: creditCustomer.name }) : t('receivables.bank.toCreditNoCustomer')}
        </button>
      }
    >
      <Banner error={waiting.isError ? refusalOf(waiting.error, () => null).general : error} testId="bank-manual-error" />
      <Notice text={notice} testId="bank-manual-notice" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="bank-manual-empty">{t('receivables.bank.nothingWaiting')}</p>
      ) : (
        <>
          <div className="dialog-scroll short">
            <TransactionsTable rows={rows} lang={lang} testId="bank-manual-rows" selected={tx?.id ?? null} onSelect={(x) => setSelectedId(x.id)} />
          </div>
          <div className="manual-match">
            <label htmlFor="bank-invoice-lookup">{t('receivables.bank.findInvoice')}</label>
            <input
              id="bank-invoice-lookup"
              data-autofocus
              data-testid="bank-invoice-lookup"
              type="search"
              placeholder={t('receivables.bank.findPlaceholder')}
              value={query}
              autoComplete="off"
              onChange={(e) => {
                setQuery(e.target.value);
                setCursor(0);
                setPicked(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && !e.altKey) {
                  e.preventDefault();
                  const next = Math.min(cursor + 1, Math.max(0, candidates.length - 1));
                  setCursor(next);
                  setPicked(candidates[next] ?? null);
                } else if (e.key === 'ArrowUp' && !e.altKey) {
                  e.preventDefault();
                  const next = Math.max(0, cursor - 1);
                  setCursor(next);
                  setPicked(candidates[next] ?? null);
                } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  // Alt+↑/↓: the transaction above or below.
                  e.preventDefault();
                  moveTx(e.key === 'ArrowDown' ? 1 : -1);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  const c = candidates[cursor];
                  if (c) match(c);
                }
              }}
            />
            <span className="muted small">{t('receivables.bank.lookupKeys')}</span>
          </div>
          <table className="dialog-grid" data-testid="bank-candidates">
            <thead>
              <tr>
                <th className="num">{t('receivables.col.number')}</th>
                <th>{t('receivables.col.customer')}</th>
                <th>{t('receivables.col.kid')}</th>
                <th>{t('receivables.col.dueDate')}</th>
                <th className="num">{t('receivables.col.outstanding')}</th>
                <th>{t('receivables.col.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {candidates.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">{t('receivables.bank.noCandidates')}</td>
                </tr>
              ) : (
                candidates.map((c, i) => (
                  <tr
                    key={c.invoiceId}
                    className={`pickable ${i === cursor ? 'selected' : ''}`}
                    data-testid={`bank-candidate-${i}`}
                    onClick={() => {
                      setCursor(i);
                      setPicked(c);
                    }}
                  >
                    <td className="num strong">{c.number}</td>
                    <td className="text">{c.customerName}</td>
                    <td className="num">{c.kid ?? ''}</td>
                    <td className="num">{formatDate(c.dueDate)}</td>
                    <td className="num">{formatAmount(c.outstandingOre)}</td>
                    <td>{invoiceStateLabel(c.state, lang)}</td>
                    <td className="actions">
                      <button type="button" className="small" data-testid={`bank-candidate-${i}-match`} disabled={busy} onClick={() => match(c)}>
                        {t('receivables.bank.match')}
                      </button>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {tx && candidates[cursor] && tx.amountOre !== candidates[cursor].outstandingOre ? (
            <p className="muted small" data-testid="bank-amount-differs">
              {tx.amountOre < candidates[cursor].outstandingOre
                ? t('receivables.bank.partial', { amount: formatAmount(tx.amountOre), outstanding: formatAmount(candidates[cursor].outstandingOre) })
                : t('receivables.bank.over', { rest: formatAmount(tx.amountOre - candidates[cursor].outstandingOre) })}
            </p>
          ) : null}
        </>
      )}
    </Dialog>
  );
}
