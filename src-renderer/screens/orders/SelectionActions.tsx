// What the order list does with the orders the clerk has selected: one
// collective invoice for the selected orders of one customer, or a move of each
// to a status, with what was refused for which order and why.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmInput, OrderListRow, Status } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import { formatAmount } from '../../../shared/format';
import { ApiError, invoke } from '../../api/client';
import { invalidate } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { CONFIRMABLE, type ConfirmFlags } from '../../components/useConfirmedCall';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { useCopyOrder } from './copyOrder';
import { InvoicePreviewDialog } from './InvoicePreviewDialog';
import { statusLabel } from './labels';

interface MoveResult {
  readonly row: OrderListRow;
  readonly ok: boolean;
  readonly message: BilingualText | null;
  /** The flag that would let the engine go ahead (the refusal asked for a confirmation). */
  readonly flag?: keyof ConfirmFlags;
}

type Open =
  | { kind: 'collective' }
  | { kind: 'collectiveDone'; invoice: Invoice }
  | { kind: 'move' }
  | { kind: 'moveDone'; status: Status; results: readonly MoveResult[] };

export function SelectionActions(props: {
  active: boolean;
  selected: readonly OrderListRow[];
  statuses: readonly Status[];
  onDone: () => void;
  onClear: () => void;
  /** A copy was made of the selected order: open it. */
  onCopied: (id: number, notice: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<string>('');
  const n = props.selected.length;
  // A refusal speaks of the selection it was given: a new selection clears it.
  useEffect(() => setError(null), [props.selected]);

  const startCollective = () => {
    if (n === 0) return;
    const names = [...new Set(props.selected.map((r) => r.customerName))];
    if (names.length > 1) {
      setError(bilingual('orders.selection.differentCustomers', { names: names.join(', ') }));
      return;
    }
    setError(null);
    setOpen({ kind: 'collective' });
  };

  const collective = async () => {
    const first = props.selected[0];
    if (!first) return;
    setBusy(true);
    try {
      const invoice = await invoke('orders.collectiveInvoice', { customerId: first.customerId, orderIds: props.selected.map((r) => r.id) });
      setOpen({ kind: 'collectiveDone', invoice });
      void invalidate('invoices.list', 'orders.get', 'orders.story', 'activity.list', 'stock.get');
      props.onDone();
    } catch (e) {
      setOpen(null);
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  const move = async (statusId: number, rows: readonly OrderListRow[], flags: Partial<Record<number, keyof ConfirmFlags>> = {}) => {
    const status = props.statuses.find((s) => s.id === statusId);
    if (!status) return;
    setBusy(true);
    const results: MoveResult[] = [];
    for (const row of rows) {
      try {
        const order = await invoke('orders.get', { id: row.id });
        const flag = flags[row.id];
        const confirm: ConfirmInput = flag ? { [flag]: true } : {};
        await invoke('orders.setStatus', { id: order.id, version: order.version, statusId, confirm });
        results.push({ row, ok: true, message: null });
      } catch (e) {
        const flag = e instanceof ApiError ? CONFIRMABLE[e.data.code] : undefined;
        results.push({ row, ok: false, message: refusalOf(e, () => null).general, ...(flag ? { flag } : {}) });
      }
    }
    setBusy(false);
    setOpen({ kind: 'moveDone', status, results });
    void invalidate('orders.get', 'activity.list', 'stock.get', 'invoices.list');
    props.onDone();
  };

  const copy = useCopyOrder(props.onCopied, setError);
  const startCopy = () => {
    const only = props.selected.length === 1 ? props.selected[0] : undefined;
    if (!only) return setError(bilingual('orderStory.copy.pickOne'));
    copy.run(only.id, only.number);
  };

  useHotkeys(props.active && open === null, {
    'alt+s': () => startCollective(),
    'alt+c': () => {
      if (n > 0) startCopy();
    },
    'alt+m': () => {
      if (n > 0) setOpen({ kind: 'move' });
    },
  });

  const moveTargets = props.statuses;
  return (
    <>
      {n > 0 ? (
        <div className="selection-bar" data-testid="selection-bar">
          <span className="strong" data-testid="selection-count">
            {t('orders.selection.count', { count: n })}
          </span>
          <button type="button" className="small primary" data-testid="selection-collective" disabled={busy} onClick={startCollective}>
            {t('orders.selection.collective')} <Shortcut keys="Alt+S" />
          </button>
          <button type="button" className="small" data-testid="selection-move" disabled={busy} onClick={() => setOpen({ kind: 'move' })}>
            {t('orders.selection.move')} <Shortcut keys="Alt+M" />
          </button>
          <button type="button" className="small" data-testid="selection-copy" disabled={busy || copy.busy || n !== 1} onClick={startCopy}>
            {t('orderStory.copy.action')} <Shortcut keys="Alt+C" />
          </button>
          <button type="button" className="small link" data-testid="selection-clear" onClick={props.onClear}>
            {t('orders.selection.clear')}
          </button>
        </div>
      ) : null}
      <Banner error={error} title={t('process.refused')} testId="selection-error" />
      {open?.kind === 'collective' && props.selected[0] ? (
        <InvoicePreviewDialog
          title={t('orderStory.preview.collectiveTitle', { customer: props.selected[0].customerName })}
          confirmLabel={t('orderStory.preview.confirmCollective')}
          testId="collective-dialog"
          note={t('orders.selection.collectiveHint')}
          busy={busy}
          request={{ kind: 'collective', customerId: props.selected[0].customerId, orderIds: props.selected.map((r) => r.id) }}
          onCancel={() => setOpen(null)}
          onConfirm={() => void collective()}
          onRefused={(e) => {
            setOpen(null);
            setError(refusalOf(e, () => null).general);
          }}
        />
      ) : null}
      {copy.dialog}
      {open?.kind === 'collectiveDone' ? (
        <Dialog title={t('process.invoiced.title', { number: open.invoice.number })} testId="collective-done" cancelLabel={t('app.close')} onCancel={() => setOpen(null)}>
          <p data-testid="collective-done-text">
            {t('orders.selection.collectiveDone', {
              number: open.invoice.number,
              count: open.invoice.orderIds.length,
              amount: formatAmount(open.invoice.payableOre),
              customer: open.invoice.customerName,
            })}
          </p>
        </Dialog>
      ) : null}
      {open?.kind === 'move' ? (
        <Dialog
          title={t('orders.selection.moveTitle', { count: n })}
          testId="move-dialog"
          busy={busy}
          submitLabel={t('orders.selection.moveSubmit')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setOpen(null)}
          onSubmit={() => {
            const id = Number(target || moveTargets[0]?.id);
            if (id) void move(id, props.selected);
          }}
        >
          <div className="field">
            <label htmlFor="move-status">{t('orders.selection.moveTo')}</label>
            <select id="move-status" data-testid="move-status" value={target || String(moveTargets[0]?.id ?? '')} onChange={(e) => setTarget(e.target.value)}>
              {moveTargets.map((s) => (
                <option key={s.id} value={s.id}>
                  {statusLabel(s, lang)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted small">{t('orders.selection.moveHint')}</p>
        </Dialog>
      ) : null}
      {open?.kind === 'moveDone' ? (
        <MoveReport
          status={open.status}
          results={open.results}
          busy={busy}
          onClose={() => setOpen(null)}
          onRetry={(rows) =>
            void move(
              open.status.id,
              rows.map((r) => r.row),
              Object.fromEntries(rows.map((r) => [r.row.id, r.flag])),
            )
          }
        />
      ) : null}
    </>
  );
}

function MoveReport(props: {
  status: Status;
  results: readonly MoveResult[];
  busy: boolean;
  onClose: () => void;
  onRetry: (rows: readonly MoveResult[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const moved = props.results.filter((r) => r.ok).length;
  const askable = props.results.filter((r) => !r.ok && r.flag);
  return (
    <Dialog
      title={t('orders.selection.moveDoneTitle', { status: statusLabel(props.status, lang) })}
      testId="move-report"
      wide
      cancelLabel={t('app.close')}
      onCancel={props.onClose}
      extraButtons={
        askable.length ? (
          <button type="button" data-testid="move-confirm-retry" disabled={props.busy} onClick={() => props.onRetry(askable)}>
            {t('orders.selection.confirmRetry', { count: askable.length })}
          </button>
        ) : null
      }
    >
      <p data-testid="move-summary">{t('orders.selection.moveSummary', { moved, total: props.results.length })}</p>
      <table className="dialog-grid">
        <tbody>
          {props.results.map((r, i) => (
            <tr key={r.row.id} data-testid={`move-result-${i}`}>
              <td className="num strong">{r.row.number}</td>
              <td>{r.row.customerName}</td>
              <td className={`text ${r.ok ? 'ok-text' : 'refused-text'}`} data-testid={`move-result-${i}-text`}>
                {r.ok ? t('orders.selection.moved', { status: statusLabel(props.status, lang) }) : (r.message?.[lang] ?? '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
