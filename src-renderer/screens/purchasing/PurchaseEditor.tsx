// The purchase order screen: header (supplier, order type, dates, references),
// the lines with what was ordered beside what the supplier confirmed, shipped,
// what was received and invoiced, totals per VAT rate and the supplier invoices
// with their price differences. Its status is derived by the engine from the
// lines (SPEC 1.3) and shown as a track of the steps the company uses. The
// steps are dialogs: reply (Alt+S), dispatch (Alt+F), reception (Alt+M, with
// the EAN scanner), supplier invoice (Alt+R); an inquiry becomes an order
// (Alt+O); print (Alt+P), amend (Alt+E), cancel (Alt+Delete). The order's
// log opens beside it (Alt+G, as on the sales order). Ctrl+S saves while the
// order is To process; Esc goes back to the list. Whether each action can be
// taken now, and why not, is the engine's answer (PurchaseOrder.actions, and
// documents.availability for printing); the screen adds only its own concern:
// unsaved changes are saved first.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability as EngineAvailability } from '../../../shared/channels/common';
import { fromEngine, no, OK, type Availability } from '../../components/availability';
import type { PurchaseOrder, ReplyLineInput } from '../../../shared/channels/purchasing';
import type { SupplierListRow } from '../../../shared/channels/suppliers';
import { formatAmount, formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { fetchChannel, invalidate, useBootstrap, useChannel } from '../../api/queries';
import { focusNextIn, useHotkeys } from '../../app/hotkeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner, FormScopeProvider, Notice, SelectField, TextAreaField, TextField } from '../../components/fields';
import { OrderPeopleFields } from '../people/OrderPeopleFields';
import { PartyContactField, PartyLookupField } from '../../components/PartyLookupField';
import { focusField, refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { NO_DIALOG_REFUSAL, dialogRefusalOf, type DialogRefusal } from '../../components/dialogRefusal';
import { useDebounced } from '../../components/useDebounced';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { ActivityPanel } from '../orders/ActivityPanel';
import { FilesPanel } from '../orders/FilesPanel';
import { RelationsPanel } from '../orders/RelationsPanel';
import { openRecord } from '../../app/openRecord';
import { TotalsPanel } from '../orders/TotalsPanel';
import { AmendDialog, CancelDialog } from './CancelAmendDialogs';
import { DispatchDialog } from './DispatchDialog';
import { purchaseStatusLabel, purchaseTypeLabel, purchaseTypeOptions, statusTone } from './labels';
import { PurchaseLines, type PurchaseLinesHandle } from './PurchaseLines';
import { PurchasePrintDialog } from './PurchasePrintDialog';
import {
  buildPurchase,
  draftFromPurchase,
  emptyPurchaseLine,
  newPurchaseDraft,
  purchaseFieldOfPath,
  purchaseFingerprint,
  withSupplier,
  type PurchaseDraft,
  type PurchaseDraftHeader,
  type PurchaseDraftLine,
} from './purchaseDraft';
import { ReceptionDialog } from './ReceptionDialog';
import { ReplyDialog } from './ReplyDialog';
import { StatusTrack } from './StatusTrack';
import { SupplierInvoiceDialog, type InvoiceMatch } from './SupplierInvoiceDialog';
import { SupplierInvoicesPanel } from './SupplierInvoicesPanel';
import { checks } from '../../components/fieldChecks';

export interface PurchaseEditorProps {
  readonly active: boolean;
  /** null: a new purchase order. */
  readonly orderId: number | null;
  readonly onClose: () => void;
  /** Open another purchase order here (the amendment, the order it replaced). */
  readonly onOpenOrder: (id: number, notice?: string) => void;
  readonly initialNotice?: string;
}

type StepDialog = 'reply' | 'dispatch' | 'receive' | 'invoice' | 'cancel' | 'amend' | 'print';

/** Channels whose answers a purchasing step may have changed. */
const AFTER_PURCHASE = ['purchase.list', 'purchase.get', 'purchase.suggestions', 'stock.get', 'products.list', 'activity.list', 'documents.availability'] as const;

const searchSuppliers = (query: string) => fetchChannel('suppliers.lookup', { query, limit: 8 });

/**
 * The action buttons: what the engine says each action allows now (with its
 * refusal as the reason), except that a step on an order with unsaved changes
 * waits for the save (the unsaved form is the screen's own).
 */
function availabilityOf(po: PurchaseOrder, dirty: boolean, printRefusal: BilingualText | null) {
  const step = (a: EngineAvailability) => fromEngine(a, dirty);
  return {
    save: fromEngine(po.actions.save),
    // Turning an inquiry into an order saves the unsaved changes with it.
    toOrder: fromEngine(po.actions.toOrder),
    reply: step(po.actions.reply),
    dispatch: step(po.actions.dispatch),
    receive: step(po.actions.receive),
    invoice: step(po.actions.invoice),
    print: dirty ? no(bilingual('process.saveFirst')) : printRefusal ? no(printRefusal) : OK,
    amend: step(po.actions.amend),
    cancel: step(po.actions.cancel),
  };
}

type PoSideTab = 'activity' | 'files' | 'relations';

export function PurchaseEditor(props: PurchaseEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const boot = useBootstrap();
  const [orderId] = useState(props.orderId);
  const loaded = useChannel('purchase.get', { id: orderId ?? 0 }, { enabled: orderId !== null, staleTime: 0 });
  const [po, setPo] = useState<PurchaseOrder | null>(null);
  const [draft, setDraft] = useState<PurchaseDraft | null>(null);
  const [baseline, setBaseline] = useState('');
  const { refusal, setRefusal, clear } = useRefusal();
  const [notice, setNotice] = useState<string | null>(props.initialNotice ?? null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const [dialogRefusal, setDialogRefusal] = useState<DialogRefusal & { fields?: Record<string, BilingualText> }>(NO_DIALOG_REFUSAL);
  const [actionError, setActionError] = useState<BilingualText | null>(null);
  const [showLog, setShowLog] = useState(false);
  // The side area's tab: the log (Alt+G toggles the area), files, relations.
  const [poTab, setPoTab] = useState<PoSideTab>('activity');
  const showPoSide = (tab: PoSideTab) => {
    setPoTab(tab);
    setShowLog(true);
  };
  const [confirm, setConfirm] = useState<{ kind: 'leave' } | { kind: 'remove'; uid: string } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const grid = useRef<PurchaseLinesHandle | null>(null);
  const supplierInput = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (draft) return;
    if (props.orderId === null && boot.data) {
      const d = newPurchaseDraft(boot.data.today);
      setDraft(d);
      setBaseline(purchaseFingerprint(d));
    } else if (props.orderId !== null && loaded.data) {
      const d = draftFromPurchase(loaded.data);
      setPo(loaded.data);
      setDraft(d);
      setBaseline(purchaseFingerprint(d));
    }
  }, [draft, props.orderId, boot.data, loaded.data]);

  const focusedOnce = useRef(false);
  useEffect(() => {
    if (draft && props.active && !focusedOnce.current) {
      focusedOnce.current = true;
      if (props.orderId === null) supplierInput.current?.focus();
      else rootRef.current?.querySelector<HTMLElement>('[data-testid=purchase-actions] button:not([disabled])')?.focus();
    }
  }, [draft, props.active, props.orderId]);

  const dirty = draft !== null && purchaseFingerprint(draft) !== baseline;
  const editable = po === null || po.editable;

  // Running totals and line amounts while typing (the engine prices them); the saved order's otherwise.
  const priced = useMemo(() => {
    if (!draft) return [];
    const built = buildPurchase(draft);
    return built.lines.flatMap((l, i) =>
      l.unitPriceOre === undefined ? [] : [{ uid: built.uids[i]!, quantity: l.quantity, unitPriceOre: l.unitPriceOre, discountBp: l.discountBp ?? 0, vatCode: l.vatCode ?? '25' }],
    );
  }, [draft]);
  const previewPriced = useDebounced(priced, 150);
  const previewInput = useMemo(() => previewPriced.map(({ uid: _u, ...l }) => l), [previewPriced]);
  const preview = useChannel('orders.previewTotals', { lines: previewInput }, { enabled: dirty, keepPrevious: true });
  // Saved: what was agreed with the supplier (expected quantity × agreed price), the ordered totals beside it.
  const totals = dirty ? preview.data : po?.agreedTotals;
  const answered = !dirty && po !== null && po.lines.some((l) => l.reply !== null);
  const totalsPending = dirty && (preview.isPlaceholderData || preview.isFetching || previewPriced !== priced);
  const amounts = useMemo<ReadonlyMap<string, number>>(() => {
    if (!draft) return new Map();
    if (!dirty) {
      const byId = new Map((po?.lines ?? []).map((l) => [l.id, l.amountOre]));
      return new Map(draft.lines.flatMap((l) => (l.id !== undefined && byId.has(l.id) ? [[l.uid, byId.get(l.id)!] as const] : [])));
    }
    if (preview.data && !preview.isPlaceholderData && preview.data.lineAmountsOre.length === previewPriced.length) {
      return new Map(previewPriced.map((p, i) => [p.uid, preview.data.lineAmountsOre[i]!] as const));
    }
    return new Map();
  }, [draft, dirty, po, preview.data, preview.isPlaceholderData, previewPriced]);
  // The step columns: those the company's options switch on, and those with figures from when an option was on.
  const savedLines = useMemo(
    () =>
      po
        ? {
            lines: new Map(po.lines.map((l) => [l.id, l])),
            options: {
              ...po.options,
              reply: po.options.reply || po.lines.some((l) => l.reply !== null),
              dispatch: po.options.dispatch || po.lines.some((l) => l.qtyShipped > 0),
            },
          }
        : null,
    [po],
  );

  const setHeader = (change: Partial<PurchaseDraftHeader>) => setDraft((d) => (d ? { ...d, header: { ...d.header, ...change } } : d));
  const setLines = (update: (lines: readonly PurchaseDraftLine[]) => readonly PurchaseDraftLine[]) => setDraft((d) => (d ? { ...d, lines: update(d.lines) } : d));
  const setFieldError = (field: string, error: BilingualText | null) =>
    setRefusal((r) => {
      const fields = { ...r.fields };
      if (error) fields[field] = error;
      else delete fields[field];
      return { ...r, fields };
    });

  const applyOrder = (o: PurchaseOrder) => {
    const d = draftFromPurchase(o);
    setPo(o);
    setDraft(d);
    setBaseline(purchaseFingerprint(d));
    void invalidate(...AFTER_PURCHASE);
  };

  const save = async (override: Partial<PurchaseDraftHeader> = {}) => {
    if (!draft || savingRef.current) return;
    const current = { ...draft, header: { ...draft.header, ...override } };
    const built = buildPurchase(current);
    const firstError = Object.keys(built.errors)[0];
    if (firstError) {
      setRefusal({ fields: built.errors, general: null });
      focusField(rootRef.current, firstError);
      return;
    }
    savingRef.current = true;
    setSaving(true);
    clear();
    setActionError(null);
    try {
      const saved = po
        ? await invoke('purchase.save', { id: po.id, version: po.version, header: built.header, lines: built.lines })
        : await invoke('purchase.create', { header: built.header, lines: built.lines.map(({ id: _id, ...l }) => l) });
      applyOrder(saved);
      const what = saved.orderType === 5 ? t('purchasing.inquiryLabel') : t('purchasing.orderLabel');
      setNotice(
        override.orderType && po
          ? t('purchasing.toOrder.done', { number: saved.number })
          : t(po ? 'purchasing.savedAs' : 'purchasing.createdAs', { what, number: saved.number }),
      );
    } catch (error) {
      const r = refusalOf(error, (path) => purchaseFieldOfPath(path, built.uids));
      setRefusal(r);
      focusField(rootRef.current, Object.keys(r.fields)[0]);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const back = () => {
    if (dirty) setConfirm({ kind: 'leave' });
    else props.onClose();
  };

  /** Runs a step; a refusal goes to the dialog that asked (by line where it names one). */
  const step = async (call: (o: PurchaseOrder) => Promise<PurchaseOrder>, lineIds: readonly number[], done: (after: PurchaseOrder) => string) => {
    if (!po) return;
    setBusy(true);
    setActionError(null);
    try {
      const after = await call(po);
      setDialog(null);
      applyOrder(after);
      setNotice(done(after));
    } catch (error) {
      setDialogRefusal(dialogRefusalOf(error, lineIds));
    } finally {
      setBusy(false);
    }
  };

  const statusText = (o: PurchaseOrder) => purchaseStatusLabel(o.status, lang);
  const reply = (lines: ReplyLineInput[]) =>
    step(
      (o) => invoke('purchase.reply', { id: o.id, version: o.version, lines }),
      lines.map((l) => l.lineId),
      (a) => t('purchasing.reply.done', { number: a.number, status: statusText(a) }),
    );
  const dispatch = (lines: { lineId: number; quantity: number }[]) =>
    step(
      (o) => invoke('purchase.dispatch', { id: o.id, version: o.version, lines }),
      lines.map((l) => l.lineId),
      (a) => t('purchasing.dispatch.done', { number: a.number, status: statusText(a) }),
    );
  const receive = (lines: { lineId: number; quantity: number }[]) =>
    step(
      (o) => invoke('purchase.receive', { id: o.id, version: o.version, lines }),
      lines.map((l) => l.lineId),
      (a) => t('purchasing.receive.done', { number: a.number, status: statusText(a) }),
    );
  const matchInvoice = (m: InvoiceMatch) => {
    if (!po) return;
    setBusy(true);
    const lineIds = m.lines.map((l) => l.lineId);
    invoke('purchase.matchInvoice', { id: po.id, version: po.version, ...m }).then(
      (after) => {
        setDialog(null);
        applyOrder(after);
        const inv = after.invoices.find((i) => i.invoiceNumber === m.invoiceNumber);
        const diff = inv?.priceDifferenceOre ?? 0;
        setNotice(
          diff
            ? t('purchasing.invoice.doneDiff', { invoice: m.invoiceNumber, status: statusText(after), diff: `${diff > 0 ? '+' : ''}${formatAmount(diff)}` })
            : t('purchasing.invoice.done', { invoice: m.invoiceNumber, status: statusText(after) }),
        );
        setBusy(false);
      },
      (error: unknown) => {
        setBusy(false);
        const r = refusalOf(error, (path) => (path === 'invoiceNumber' || path === 'invoiceDate' ? path : null));
        if (Object.keys(r.fields).length) setDialogRefusal({ general: null, lines: {}, fields: r.fields });
        else setDialogRefusal(dialogRefusalOf(error, lineIds));
      },
    );
  };
  const cancelOrder = (reason: string | null) =>
    step(
      (o) => invoke('purchase.cancel', { id: o.id, version: o.version, reason }),
      [],
      (a) => t('purchasing.cancel.done', { number: a.number }),
    );
  const amend = async (reason: string | null) => {
    if (!po) return;
    setBusy(true);
    try {
      const made = await invoke('purchase.amend', { id: po.id, version: po.version, reason });
      setDialog(null);
      void invalidate(...AFTER_PURCHASE);
      props.onOpenOrder(made.id, t('purchasing.amend.done', { number: made.number, old: po.number }));
    } catch (error) {
      setDialogRefusal(dialogRefusalOf(error, []));
    } finally {
      setBusy(false);
    }
  };

  const documents = useChannel('documents.availability', { orderId: po?.id ?? 0 }, { enabled: po !== null, staleTime: 0 });
  const printState = documents.data?.purchase_order;
  const printRefusal = printState && !printState.available && printState.reason ? { nb: printState.reason.nb, en: printState.reason.en } : null;
  const availability = po ? availabilityOf(po, dirty, printRefusal) : null;
  const open = (kind: StepDialog, can: Availability | undefined) => {
    if (!can) return;
    if (!can.ok) return setActionError(can.reason);
    setActionError(null);
    setDialogRefusal(NO_DIALOG_REFUSAL);
    setDialog(kind);
  };
  const toOrder = () => {
    if (!availability) return;
    if (!availability.toOrder.ok) return setActionError(availability.toOrder.reason);
    setHeader({ orderType: '1' });
    void save({ orderType: '1' });
  };

  useHotkeys(props.active && draft !== null, {
    'ctrl+s': () => {
      if (editable) return void save();
      if (availability && !availability.save.ok) setActionError(availability.save.reason);
    },
    escape: back,
    'alt+l': () => grid.current?.focusEntry(),
    ...(availability
      ? {
          'alt+s': () => open('reply', availability.reply),
          'alt+f': () => open('dispatch', availability.dispatch),
          'alt+m': () => open('receive', availability.receive),
          'alt+r': () => open('invoice', availability.invoice),
          'alt+p': () => open('print', availability.print),
          'alt+e': () => open('amend', availability.amend),
          'alt+delete': () => open('cancel', availability.cancel),
          'alt+o': toOrder,
          'alt+g': () => (showLog && poTab !== 'activity' ? setPoTab('activity') : setShowLog((v) => !v)),
          'alt+i': () => showPoSide('files'),
          'alt+y': () => showPoSide('relations'),
        }
      : {}),
  });

  const removeLine = (uid: string) => {
    if (!draft) return;
    const i = draft.lines.findIndex((l) => l.uid === uid);
    const rest = draft.lines.filter((l) => l.uid !== uid);
    const lines = rest.length ? rest : [emptyPurchaseLine()];
    setLines(() => lines);
    const target = lines[Math.min(i, lines.length - 1)];
    if (target) window.setTimeout(() => grid.current?.focusCell(target.uid, 'product'), 0);
  };

  const onHeaderKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement) return;
    e.preventDefault();
    if (!focusNextIn(headerRef.current, target, e.shiftKey)) grid.current?.focusEntry();
  };

  if (!draft) {
    return (
      <div className="screen order-screen" data-testid="purchase-editor">
        {loaded.isError ? <Banner error={refusalOf(loaded.error, () => null).general} /> : <p className="muted">{t('app.loading')}</p>}
      </div>
    );
  }

  const h = draft.header;
  const lineToRemove = confirm?.kind === 'remove' ? draft.lines.findIndex((l) => l.uid === confirm.uid) : -1;
  const titleWord = po ? (po.orderType === 5 ? t('purchasing.inquiryLabel') : t('purchasing.orderLabel')) : t('purchasing.newTitle');

  const actionButton = (key: string, label: string, keys: string, can: Availability, onClick: () => void) => (
    <button
      key={key}
      type="button"
      className="action"
      disabled={!can.ok || busy}
      title={can.ok ? undefined : can.reason[lang]}
      aria-keyshortcuts={keys}
      data-testid={`po-action-${key}`}
      onClick={onClick}
    >
      {label} <Shortcut keys={keys} />
    </button>
  );

  return (
    <div className="screen order-screen purchase-screen" data-testid="purchase-editor" ref={rootRef}>
      <div className="toolbar">
        <button type="button" className="link" onClick={back} data-testid="po-back">
          ← {t('purchasing.backToList')} <Shortcut keys="Esc" />
        </button>
        <h1 data-testid="po-title">
          {titleWord}
          {po ? (
            <>
              {' '}
              <span data-testid="po-number">{po.number}</span>
              {po.revision > 0 ? <span className="muted"> {t('purchasing.revision', { revision: po.revision })}</span> : null}
            </>
          ) : null}
        </h1>
        {po ? (
          <span className={`pill ${statusTone(po.status)}`} data-testid="po-status">
            {purchaseStatusLabel(po.status, lang)}
          </span>
        ) : null}
        {po ? (
          <span className="pill" data-testid="po-type">
            {purchaseTypeLabel(po.orderType, lang)}
          </span>
        ) : null}
        {po?.amendsId ? (
          <button type="button" className="link small" data-testid="po-amends" onClick={() => props.onOpenOrder(po.amendsId!)}>
            {t('purchasing.amends', { number: po.amendsNumber })}
          </button>
        ) : null}
        {po?.amendedById ? (
          <button type="button" className="link small" data-testid="po-amended-by" onClick={() => props.onOpenOrder(po.amendedById!)}>
            {t('purchasing.amendedBy', { number: po.amendedByNumber })}
          </button>
        ) : null}
        <span className={`pill ${dirty || !po ? 'warn' : 'ok'}`} data-testid="po-dirty">
          {dirty || !po ? t('app.unsaved') : t('app.saved')}
        </span>
        <Notice text={dirty ? null : notice} testId="po-notice" />
        <div className="toolbar-spacer" />
        <button type="button" className="primary" disabled={saving || !editable} onClick={() => void save()} data-testid="po-save">
          {t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
      </div>
      {po ? <StatusTrack po={po} /> : null}
      {po && availability ? (
        <div className="action-bar" role="toolbar" aria-label={t('process.actions')} data-testid="purchase-actions">
          {po.orderType === 5 || po.orderType === 6 ? actionButton('to-order', t('purchasing.toOrder.action'), 'Alt+O', availability.toOrder, toOrder) : null}
          {po.options.reply ? actionButton('reply', t('purchasing.reply.action'), 'Alt+S', availability.reply, () => open('reply', availability.reply)) : null}
          {po.options.dispatch
            ? actionButton('dispatch', t('purchasing.dispatch.action'), 'Alt+F', availability.dispatch, () => open('dispatch', availability.dispatch))
            : null}
          {po.options.reception
            ? actionButton('receive', t('purchasing.receive.action'), 'Alt+M', availability.receive, () => open('receive', availability.receive))
            : null}
          {actionButton('invoice', t('purchasing.invoice.action'), 'Alt+R', availability.invoice, () => open('invoice', availability.invoice))}
          {actionButton('print', t('purchasing.print.action'), 'Alt+P', availability.print, () => open('print', availability.print))}
          <span className="toolbar-spacer" />
          <button
            type="button"
            className={`action ${showLog ? 'selected' : ''}`}
            aria-pressed={showLog}
            aria-keyshortcuts="Alt+G"
            data-testid="po-log-toggle"
            onClick={() => setShowLog((v) => !v)}
          >
            {t('activity.title')} <Shortcut keys="Alt+G" />
          </button>
          {actionButton('amend', t('purchasing.amend.action'), 'Alt+E', availability.amend, () => open('amend', availability.amend))}
          {actionButton('cancel', t('purchasing.cancel.action'), 'Alt+Delete', availability.cancel, () => open('cancel', availability.cancel))}
        </div>
      ) : null}
      {po?.cancelledAt ? (
        <div className="banner warn" role="status" data-testid="po-cancelled">
          {po.amendedByNumber
            ? t('purchasing.cancelledReplaced', { date: formatDate(po.cancelledAt), number: po.amendedByNumber })
            : t('purchasing.cancelledOn', { date: formatDate(po.cancelledAt) })}
        </div>
      ) : null}
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="po-error" />
      <Banner error={actionError} title={t('process.refused')} testId="po-action-error" />
      <div className={`order-layout ${po && showLog ? 'with-side' : ''}`}>
        <div className="order-body">
          <fieldset className="plain" data-testid="po-form">
            <FormScopeProvider prefix="po" errors={refusal.fields}>
              <fieldset className="plain" disabled={!editable}>
                <div className="form-grid cols-4 order-header" ref={headerRef} onKeyDown={onHeaderKey} data-testid="po-header">
                  <PartyLookupField<SupplierListRow>
                    field="supplier"
                    label={t('purchasing.supplier')}
                    placeholder={t('purchasing.supplierPlaceholder')}
                    testId="po-supplier"
                    queryKey="suppliers.lookup"
                    search={searchSuppliers}
                    text={h.supplierText}
                    resolved={h.supplierId !== null && h.supplierText === h.supplierPicked}
                    number={h.supplierNumber}
                    inputRef={(el) => {
                      supplierInput.current = el;
                    }}
                    onText={(text) => setHeader({ supplierText: text })}
                    onPick={(s) => {
                      setDraft((d) => (d ? { ...d, header: withSupplier(d.header, s) } : d));
                      setFieldError('supplier', null);
                    }}
                    onNotFound={(query, how) => {
                      setFieldError('supplier', bilingual('purchasing.supplierNotFound', { query }));
                      if (how === 'enter') supplierInput.current?.focus();
                    }}
                    onAdvance={() => focusNextIn(headerRef.current, supplierInput.current)}
                  />
                  <PartyContactField channel="suppliers.get" partyId={h.supplierId} value={h.contactId} onChange={(v) => setHeader({ contactId: v })} />
                  <TextField
                    name="supplierReference"
                    label={t('purchasing.supplierReference')}
                    value={h.supplierReference}
                    maxLength={100}
                    onChange={(v) => setHeader({ supplierReference: v })}
                  />
                  <OrderPeopleFields value={h.people} root={headerRef} onChange={(c) => setDraft((d) => (d ? { ...d, header: { ...d.header, people: { ...d.header.people, ...c } } } : d))} />
                  <SelectField
                    name="orderType"
                    label={t('order.orderType')}
                    value={h.orderType}
                    onChange={(v) => setHeader({ orderType: v })}
                    options={purchaseTypeOptions(lang)}
                    hint={h.orderType === '4' ? t('purchasing.realizedHint') : undefined}
                  />
                  <TextField
                    name="orderDate" check={checks.date}
                    label={t('order.orderDate')}
                    value={h.orderDate}
                    placeholder={t('common.datePlaceholder')}
                    onChange={(v) => setHeader({ orderDate: v })}
                  />
                  <TextField
                    name="deliveryDate" check={checks.date}
                    label={t('purchasing.wantedDate')}
                    value={h.deliveryDate}
                    placeholder={t('common.datePlaceholder')}
                    onChange={(v) => setHeader({ deliveryDate: v })}
                  />
                  <TextField name="ourReference" label={t('order.ourReference')} value={h.ourReference} maxLength={100} onChange={(v) => setHeader({ ourReference: v })} />
                  <TextField
                    name="paymentTermsDays" check={checks.whole}
                    label={t('order.paymentTermsDays')}
                    value={h.paymentTermsDays}
                    inputMode="numeric"
                    onChange={(v) => setHeader({ paymentTermsDays: v })}
                  />
                  <TextAreaField name="notes" label={t('order.notes')} value={h.notes} span={4} rows={1} onChange={(v) => setHeader({ notes: v })} />
                </div>
              </fieldset>
            </FormScopeProvider>
            <div className="section-head">
              <h2>{t('order.lines')}</h2>
              {editable ? (
                <button
                  type="button"
                  className="small"
                  data-testid="po-add-line"
                  onClick={() => {
                    const line = emptyPurchaseLine();
                    setLines((ls) => [...ls, line]);
                    window.setTimeout(() => grid.current?.focusCell(line.uid, 'product'), 0);
                  }}
                >
                  + {t('order.addLine')}
                </button>
              ) : (
                <span className="pill" data-testid="po-locked" title={t('purchasing.lockedTitle')}>
                  {t('purchasing.locked')}
                </span>
              )}
            </div>
            <PurchaseLines
              lines={draft.lines}
              setLines={setLines}
              editable={editable}
              errors={refusal.fields}
              setFieldError={setFieldError}
              amounts={amounts}
              amountsPending={totalsPending}
              saved={savedLines}
              onRemoveRequest={(uid) => {
                const line = draft.lines.find((l) => l.uid === uid);
                if (!line) return;
                if (line.productId === null && !line.productText && !line.quantity) removeLine(uid);
                else setConfirm({ kind: 'remove', uid });
              }}
              handle={grid}
            />
          </fieldset>
          <div className="order-footer purchase-footer">
            <div className="purchase-footer-left">
              <div className="hint-bar inline">
                <Shortcut keys="Enter" label={t('keys.nextField')} />
                <Shortcut keys="Alt+L" label={t('keys.lines')} />
                <Shortcut keys="Ctrl+Delete" label={t('keys.deleteLine')} />
                <Shortcut keys="Ctrl+S" label={t('keys.save')} />
                <Shortcut keys="Esc" label={t('keys.back')} />
              </div>
              {po ? <SupplierInvoicesPanel po={po} /> : null}
            </div>
            <TotalsPanel totals={totals} preview={dirty} pending={totalsPending} agreed={answered} ordered={dirty ? undefined : po?.totals} />
          </div>
        </div>
        {po && showLog ? (
          <aside className="order-side" aria-label={t('activity.title')} data-testid="po-side">
            <div className="side-tabs" role="tablist">
              {(
                [
                  ['activity', t('activity.title'), 'Alt+G'],
                  ['files', t('files.title'), 'Alt+I'],
                  ['relations', t('files.relations.title'), 'Alt+Y'],
                ] as const
              ).map(([tab, label, keys]) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  aria-selected={poTab === tab}
                  className={`side-tab ${poTab === tab ? 'selected' : ''}`}
                  data-testid={`po-side-tab-${tab}`}
                  onClick={() => (poTab === tab && tab === 'activity' ? setShowLog(false) : setPoTab(tab))}
                >
                  {label} <Shortcut keys={keys} />
                </button>
              ))}
            </div>
            <div className="side-body">
              {poTab === 'files' ? (
                <FilesPanel orderId={po.id} onNotice={setNotice} />
              ) : poTab === 'relations' ? (
                <RelationsPanel orderId={po.id} onNotice={setNotice} onOpen={(o) => openRecord(o, 'purchase', (id) => props.onOpenOrder(id))} />
              ) : (
                <ActivityPanel order={po} kind="purchase" />
              )}
            </div>
          </aside>
        ) : null}
      </div>
      {po && dialog === 'reply' ? (
        <ReplyDialog po={po} busy={busy} refusal={dialogRefusal} onCancel={() => setDialog(null)} onSubmit={(l) => void reply(l)} />
      ) : null}
      {po && dialog === 'dispatch' ? (
        <DispatchDialog po={po} busy={busy} refusal={dialogRefusal} onCancel={() => setDialog(null)} onSubmit={(l) => void dispatch(l)} />
      ) : null}
      {po && dialog === 'receive' ? (
        <ReceptionDialog po={po} busy={busy} refusal={dialogRefusal} onCancel={() => setDialog(null)} onSubmit={(l) => void receive(l)} />
      ) : null}
      {po && dialog === 'invoice' ? (
        <SupplierInvoiceDialog
          po={po}
          today={boot.data?.today ?? po.orderDate}
          busy={busy}
          refusal={dialogRefusal}
          onCancel={() => setDialog(null)}
          onSubmit={matchInvoice}
        />
      ) : null}
      {po && dialog === 'cancel' ? (
        <CancelDialog po={po} busy={busy} error={dialogRefusal.general} onCancel={() => setDialog(null)} onSubmit={(r) => void cancelOrder(r)} />
      ) : null}
      {po && dialog === 'amend' ? (
        <AmendDialog po={po} busy={busy} error={dialogRefusal.general} onCancel={() => setDialog(null)} onSubmit={(r) => void amend(r)} />
      ) : null}
      {po && dialog === 'print' ? (
        <PurchasePrintDialog
          po={po}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setNotice(text);
          }}
        />
      ) : null}
      {confirm?.kind === 'leave' ? (
        <ConfirmDialog
          title={t('common.unsavedTitle')}
          text={t('common.unsavedText')}
          confirmLabel={t('common.discard')}
          cancelLabel={t('common.keepEditing')}
          danger
          onConfirm={() => {
            setConfirm(null);
            props.onClose();
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {confirm?.kind === 'remove' && lineToRemove >= 0 ? (
        <ConfirmDialog
          title={t('order.line.removeTitle')}
          text={t('order.line.removeText', {
            no: lineToRemove + 1,
            text: [draft.lines[lineToRemove]?.productText, draft.lines[lineToRemove]?.description].filter(Boolean).join(' – '),
          })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          focusConfirm
          onConfirm={() => {
            const uid = confirm.uid;
            setConfirm(null);
            removeLine(uid);
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </div>
  );
}

