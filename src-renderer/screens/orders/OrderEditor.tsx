// The order screen: header form, lines grid and totals per VAT rate; for a
// saved order also its status bar, the processing actions (deliver, invoice,
// quote to order, order type, loan, subscription, delete) and, on the right,
// its invoices, activity log and jobs. Ctrl+S saves (orders.create for a new
// order, orders.save with the version for an existing one; a cash order opens
// the payment dialog first); Esc goes back to the list, asking first if
// anything is unsaved.
import { CustomFieldsSection } from '../../components/CustomFieldsSection';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../shared/channels/customers';
import type { Order, OrderLine, OrderView, PaymentInput, Status } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { Language, OrderTypeId } from '../../../shared/enums';
import { errorData } from '../../../shared/errors';
import { ApiError, invoke } from '../../api/client';
import { fetchChannel, invalidate, useBootstrap, useChannel, useCompany, useStatuses } from '../../api/queries';
import { focusNextIn, useHotkeys, useLeaveGuard } from '../../app/hotkeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner, FormScopeProvider, Notice, SelectField, TextAreaField, TextField } from '../../components/fields';
import { PartyContactField, PartyLookupField } from '../../components/PartyLookupField';
import { focusField, refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { NO_DIALOG_REFUSAL, dialogRefusalOf, type DialogRefusal } from '../../components/dialogRefusal';
import { CONFIRMABLE, useConfirmedCall, type ConfirmFlags } from '../../components/useConfirmedCall';
import { useDebounced } from '../../components/useDebounced';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { PrintDialog } from '../documents/PrintDialog';
import { ActivityPanel } from './ActivityPanel';
import { DeliveryAddressField } from './DeliveryAddressField';
import { InvoicesPanel, type InvoicesPanelHandle } from './InvoicesPanel';
import { useAskFirst } from './InvoicePreviewDialog';
import { useCopyOrder } from './copyOrder';
import { useOnlyContact } from './onlyContact';
import { JobsPanel } from './JobsPanel';
import { FilesPanel } from './FilesPanel';
import { RelationsPanel } from './RelationsPanel';
import { openRecord } from '../../app/openRecord';
import { OrderPeopleFields } from '../people/OrderPeopleFields';
import type { OrderPrefill } from '../../app/orderOpener';
import { FollowToggle } from '../collaboration/FollowToggle';
import { TasksPanel } from '../collaboration/TasksPanel';
import { manualOrderTypeOptions, orderTypeLabel, statusLabel, visibleStatuses } from './labels';
import { LinesGrid, type LinesGridHandle } from './LinesGrid';
import {
  buildOrder,
  draftFromOrder,
  emptyLine,
  fieldOfPath,
  fingerprint,
  newDraft,
  withCustomer,
  withPrefill,
  type Draft,
  type DraftHeader,
  type DraftLine,
} from './orderDraft';
import { CashReceiptDialog, PaymentDialog } from './PaymentDialog';
import { useStablePriced } from './useStablePriced';
import {
  ChangeTypeDialog,
  ConvertQuoteDialog,
  DeliverDialog,
  InvoicedDialog,
  ReturnLoanDialog,
  SubscriptionDialog,
} from './ProcessDialogs';
import { fromEngine, type Availability } from '../../components/availability';
import { isInvoicedKind, statusOfKind } from './processingRules';
import { StatusBar, type StatusBarHandle } from './StatusBar';
import { TotalsPanel } from './TotalsPanel';
import { checks } from '../../components/fieldChecks';

export interface OrderEditorProps {
  readonly active: boolean;
  /** null: a new order. */
  readonly orderId: number | null;
  readonly onClose: () => void;
  /** Open another order in the editor (a backorder, the order made from a quote), with a message to show there. */
  readonly onOpenOrder: (id: number, notice?: string) => void;
  /** Shown when the editor opens (e.g. "Ordre 10002 er laget fra tilbud 10001."). */
  readonly initialNotice?: string;
  /** A new order started from another screen (a project's): its customer and people. */
  readonly prefill?: OrderPrefill;
}

const searchCustomers = (query: string) => fetchChannel('customers.lookup', { query, limit: 8 });

type Question =
  /** `then`: where the clerk was going (a screen key) once the changes are discarded. */
  | { kind: 'leave'; then?: () => void }
  | { kind: 'remove'; uid: string }
  | { kind: 'delete' }
  | { kind: 'engine'; message: BilingualText; flag: keyof ConfirmFlags; confirm: Partial<ConfirmFlags>; payment?: PaymentInput };

type ProcessDialog =
  | { kind: 'deliver' }
  | { kind: 'returnLoan' }
  | { kind: 'convert' }
  | { kind: 'changeType' }
  | { kind: 'subscription' }
  /** The cash payment: for saving a cash order, or for a quote converted to, or an order changed to, Cash. */
  | { kind: 'payment'; then?: 'convert' | 'changeType' }
  | { kind: 'invoiced'; invoice: Invoice; backorder: { id: number; number: number } | null }
  | { kind: 'cashReceipt'; invoice: Invoice };

type SideTab = 'invoices' | 'documents' | 'activity' | 'jobs' | 'tasks' | 'files' | 'relations';

/** Channels whose answers a processing action may have changed. */
const AFTER_PROCESSING = [
  'orders.statusCounts',
  'orders.get',
  'orders.list',
  'invoices.list',
  'invoices.get',
  'orders.story',
  'activity.list',
  'jobs.list',
  'stock.get',
  'stock.available',
] as const;

export function OrderEditor(props: OrderEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const statuses = useStatuses();
  const boot = useBootstrap();
  const company = useCompany();
  const [orderId, setOrderId] = useState(props.orderId);
  const loaded = useChannel('orders.get', { id: orderId ?? 0 }, { enabled: orderId !== null && props.orderId !== null });
  const [order, setOrder] = useState<OrderView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [baseline, setBaseline] = useState<string>('');
  const { refusal, setRefusal, clear } = useRefusal();
  const [notice, setNotice] = useState<string | null>(props.initialNotice ?? null);
  const [printing, setPrinting] = useState(false);
  const [saving, setSaving] = useState(false);
  // A second Ctrl+S before the first answer must not create the order twice.
  const savingRef = useRef(false);
  const [confirm, setConfirm] = useState<Question | null>(null);
  const [dialog, setDialog] = useState<ProcessDialog | null>(null);
  const [dialogRefusal, setDialogRefusal] = useState<DialogRefusal>(NO_DIALOG_REFUSAL);
  const [actionError, setActionError] = useState<BilingualText | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('invoices');
  const flow = useConfirmedCall();
  const askFirst = useAskFirst(flow.busy);
  const rootRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const grid = useRef<LinesGridHandle | null>(null);
  const statusBar = useRef<StatusBarHandle>(null);
  const invoicesPanel = useRef<InvoicesPanelHandle>(null);
  const customerInput = useRef<HTMLInputElement | null>(null);

  // Start: a new draft (dated by the engine's today) once the statuses are known, or the loaded order.
  useEffect(() => {
    if (draft) return;
    if (props.orderId === null && statuses.data && boot.data && company.isFetched) {
      // A new order starts as the company's default order type for manual entry (issue 13).
      const d = withPrefill(newDraft(visibleStatuses(statuses.data)[0]?.id, boot.data.today, company.data?.defaultOrderTypeManual), props.prefill);
      setDraft(d);
      setBaseline(fingerprint(d));
    } else if (props.orderId !== null && loaded.data) {
      const d = draftFromOrder(loaded.data);
      setOrder(loaded.data);
      setDraft(d);
      setBaseline(fingerprint(d));
    }
  }, [draft, props.orderId, statuses.data, boot.data, loaded.data, company.isFetched, company.data]);

  // First focus: the customer field for a new order; the status bar for a saved one.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (draft && props.active && !focusedOnce.current) {
      focusedOnce.current = true;
      if (props.orderId === null) customerInput.current?.focus();
      else window.setTimeout(() => statusBar.current?.focusCurrent(), 0);
    }
  }, [draft, props.active, props.orderId]);

  const dirty = useMemo(() => draft !== null && fingerprint(draft) !== baseline, [draft, baseline]);
  const locked = order !== null && isInvoicedKind(order.statusKind);

  // Running totals and line amounts from the engine while typing (debounced); the saved order's otherwise.
  const priced = useStablePriced(draft?.lines);
  const previewPriced = useDebounced(priced, 150);
  const previewInput = useMemo(
    () => previewPriced.map(({ quantity, unitPriceOre, discountBp, vatCode }) => ({ quantity, unitPriceOre, discountBp, vatCode })),
    [previewPriced],
  );
  // One input object per set of lines: useChannel keeps the query's hash with it.
  const previewArgs = useMemo(() => ({ lines: previewInput }), [previewInput]);
  const preview = useChannel('orders.previewTotals', previewArgs, { enabled: dirty, keepPrevious: true });
  const totals = dirty ? preview.data : order?.totals;
  // The numbers shown are not yet those of the lines on screen (typing, or the engine still computing).
  const totalsPending = dirty && (preview.isPlaceholderData || preview.isFetching || previewPriced !== priced);
  const lastAmounts = useRef<ReadonlyMap<string, number>>(new Map());
  const amounts = useMemo<ReadonlyMap<string, number>>(() => {
    if (!draft) return new Map();
    if (!dirty) {
      const byId = new Map((order?.lines ?? []).map((l) => [l.id, l.amountOre]));
      return new Map(draft.lines.flatMap((l) => (l.id !== undefined && byId.has(l.id) ? [[l.uid, byId.get(l.id)!] as const] : [])));
    }
    if (preview.data && !preview.isPlaceholderData && preview.data.lineAmountsOre.length === previewPriced.length) {
      return new Map(previewPriced.map((p, i) => [p.uid, preview.data.lineAmountsOre[i]!] as const));
    }
    return lastAmounts.current;
  }, [draft, dirty, order, preview.data, preview.isPlaceholderData, previewPriced]);
  lastAmounts.current = amounts;

  useOnlyContact({
    customerId: draft?.header.customerId ?? null,
    savedCustomerId: order?.customerId ?? null,
    contactId: draft?.header.contactId ?? '',
    setContact: useCallback((v: string) => setDraft((d) => (d ? { ...d, header: { ...d.header, contactId: v } } : d)), []),
  });

  const savedLines = useMemo(() => new Map<number, OrderLine>((order?.lines ?? []).map((l) => [l.id, l])), [order]);

  const setHeader = (change: Partial<DraftHeader>) => setDraft((d) => (d ? { ...d, header: { ...d.header, ...change } } : d));
  const setLines = (update: (lines: readonly DraftLine[]) => readonly DraftLine[]) =>
    setDraft((d) => (d ? { ...d, lines: update(d.lines) } : d));
  const setFieldError = (field: string, error: BilingualText | null) =>
    setRefusal((r) => {
      const fields = { ...r.fields };
      if (error) fields[field] = error;
      else delete fields[field];
      return { ...r, fields };
    });

  /** The order as the engine now has it: the screen follows, and every list that shows it reloads. */
  const applyOrder = (o: OrderView) => {
    const d = draftFromOrder(o);
    setOrder(o);
    setOrderId(o.id);
    setDraft(d);
    setBaseline(fingerprint(d));
    void invalidate(...AFTER_PROCESSING);
  };

  const newInvoiceOf = async (before: Order, after: Order): Promise<Invoice | null> => {
    const made = after.invoiceIds.filter((id) => !before.invoiceIds.includes(id));
    const last = made[made.length - 1];
    return last === undefined ? null : invoke('invoices.get', { id: last });
  };

  const save = async (confirmed: Partial<ConfirmFlags> = {}, payment?: PaymentInput) => {
    if (!draft || savingRef.current) return;
    const built = buildOrder(draft);
    const firstError = Object.keys(built.errors)[0];
    if (firstError) {
      setDialog(null);
      setRefusal({ fields: built.errors, general: null });
      focusField(rootRef.current, firstError);
      return;
    }
    savingRef.current = true;
    setSaving(true);
    clear();
    setActionError(null);
    const before = order;
    try {
      const paid = payment ? { payment } : {};
      const saved =
        orderId === null || !order
          ? await invoke('orders.create', {
              header: built.header,
              lines: built.lines.map(({ id: _id, ...l }) => l),
              texts: built.texts,
              confirm: confirmed,
              ...paid,
            })
          : await invoke('orders.save', {
              id: order.id,
              version: order.version,
              header: built.header,
              lines: built.lines,
              texts: built.texts,
              confirm: confirmed,
              ...paid,
            });
      applyOrder(saved);
      setNotice(t(orderId === null ? 'order.createdAs' : 'order.savedAs', { number: saved.number }));
      if (payment) {
        const invoice = await newInvoiceOf(before ?? { ...saved, invoiceIds: [] }, saved);
        setDialog(invoice ? { kind: 'cashReceipt', invoice } : null);
        if (invoice) setNotice(t('payment.doneNotice', { number: saved.number, invoice: invoice.number }));
      }
    } catch (error) {
      const flag = error instanceof ApiError ? CONFIRMABLE[error.data.code] : undefined;
      if (error instanceof ApiError && flag && !confirmed[flag]) {
        setDialog(null);
        setConfirm({ kind: 'engine', message: error.data.message, flag, confirm: confirmed, ...(payment ? { payment } : {}) });
        return;
      }
      // A refusal about the payment stays in the payment dialog, where the clerk can fix it.
      if (payment && error instanceof ApiError && error.data.field?.startsWith('payment')) {
        setDialogRefusal({ general: error.data.message, lines: {} });
        return;
      }
      setDialog(null);
      const r = refusalOf(error, (path) => fieldOfPath(path, built.uids, built.textUids));
      setRefusal(r);
      const field = Object.keys(r.fields)[0];
      focusField(rootRef.current, field);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  /** Ctrl+S: a cash order (type 3) is invoiced as it is saved, so the payment is asked for first. */
  const requestSave = () => {
    if (!draft) return;
    if (locked) {
      setActionError(errorData('order_invoiced', null).message);
      return;
    }
    if (draft.header.orderType === '3') {
      const built = buildOrder(draft);
      const firstError = Object.keys(built.errors)[0];
      if (firstError) {
        setRefusal({ fields: built.errors, general: null });
        focusField(rootRef.current, firstError);
        return;
      }
      if (built.lines.length === 0) {
        setActionError(bilingual('payment.noLines'));
        return;
      }
      setDialogRefusal(NO_DIALOG_REFUSAL);
      setDialog({ kind: 'payment' });
      return;
    }
    void save();
  };

  const back = () => {
    if (dirty) setConfirm({ kind: 'leave' });
    else props.onClose();
  };
  // A screen key (Alt+1..6) with unsaved changes asks the same question, then goes.
  useLeaveGuard(props.active && dirty, (then) => setConfirm({ kind: 'leave', then }));
  // Esc closes an error banner first; the next Esc backs out.
  const bannerOpen = actionError !== null || refusal.general !== null;
  const closeBanners = () => {
    setActionError(null);
    setRefusal((r) => ({ ...r, general: null }));
  };

  // ---- Processing ---------------------------------------------------------------

  /** Runs a processing call through the confirm questions; a refusal goes to the banner (or to the dialog that asked). */
  const process = async <T,>(
    call: (confirm: Partial<ConfirmFlags>) => Promise<T>,
    onRefused: (error: unknown) => void = (e) => setActionError(refusalOf(e, () => null).general),
  ): Promise<T | null> => {
    setActionError(null);
    clear();
    return flow.run(call, onRefused);
  };

  const refusalInDialog = (error: unknown, lineIds: readonly number[]) => setDialogRefusal(dialogRefusalOf(error, lineIds));

  /** When a move invoiced the order, say so with the invoice's number. */
  const afterMove = async (before: Order, after: OrderView, status: Status) => {
    applyOrder(after);
    const invoice = await newInvoiceOf(before, after).catch(() => null);
    if (invoice) {
      setNotice(t('process.invoicedNotice', { number: invoice.number }));
      setDialog({ kind: 'invoiced', invoice, backorder: null });
    } else setNotice(t('process.moved', { number: after.number, status: statusLabel(status, lang) }));
  };

  const moveTo = async (status: Status) => {
    if (!order) return;
    if (dirty) return setActionError(bilingual('process.saveFirst'));
    const before = order;
    const moved = await process((c) => invoke('orders.setStatus', { id: before.id, version: before.version, statusId: status.id, confirm: c }));
    if (moved) await afterMove(before, moved, status);
  };

  const runAction = (availability: Availability, action: () => void) => {
    if (!availability.ok) {
      setActionError(availability.reason);
      return;
    }
    setActionError(null);
    action();
  };

  const deliver = async (lines: { lineId: number; quantity: number }[], closeShort: number[]) => {
    if (!order) return;
    const before = order;
    const after = await process(
      () => invoke('orders.deliver', { id: before.id, version: before.version, lines, closeShort }),
      (e) => refusalInDialog(e, lines.map((l) => l.lineId)),
    );
    if (!after) return;
    setDialog(null);
    applyOrder(after);
    setNotice(
      after.deliveryState === 'full'
        ? t('process.deliver.doneFull', { number: after.number, status: statusLabel(statuses.data?.find((s) => s.id === after.statusId), lang) })
        : t('process.deliver.donePartial', { number: after.number }),
    );
  };

  const invoice = async () => {
    if (!order) return;
    const can = fromEngine(order.actions.invoice, dirty);
    if (!can.ok) return setActionError(can.reason);
    const before = order;
    if (order.actions.invoiceMode === 'all') {
      // Nothing delivered yet (a loan, a confirmed order): moving to Invoiced delivers the rest, after asking.
      const target = statusOfKind(statuses.data, 'invoiced');
      if (!target) return setActionError(errorData('status_missing', null, { kind: 'Fakturert' }).message);
      // The clerk has read that the rest is delivered on the way (invoicing.preview) and confirmed it.
      const moved = await process((c) =>
        invoke('orders.setStatus', { id: before.id, version: before.version, statusId: target.id, confirm: { ...c, deliverRemaining: true } }),
      );
      if (moved) await afterMove(before, moved, target);
      return;
    }
    const result = await process(() => invoke('orders.invoice', { id: before.id, version: before.version }));
    if (!result) return;
    applyOrder(result.order);
    setNotice(t('process.invoicedNotice', { number: result.invoice.number }));
    setDialog({
      kind: 'invoiced',
      invoice: result.invoice,
      backorder: result.backorder ? { id: result.backorder.id, number: result.backorder.number } : null,
    });
  };

  /** Fakturer asks first, saying what the invoice will be (issue 10, item 3). */
  const askInvoice = () => {
    if (!order) return;
    askFirst.ask({
      title: t('orderStory.preview.invoiceTitle', { number: order.number }),
      confirmLabel: t('orderStory.preview.confirmInvoice'),
      testId: 'invoice-confirm',
      request: { kind: 'order', id: order.id, version: order.version },
      onConfirm: () => void invoice(),
      onRefused: (e) => setActionError(refusalOf(e, () => null).general),
    });
  };

  const copy = useCopyOrder((id, notice) => props.onOpenOrder(id, notice), setActionError);

  const convert = async (orderType: 1 | 2 | 3 | 7, payment?: PaymentInput) => {
    if (!order) return;
    const quote = order;
    // A quote converted to Cash is invoiced as it is made: the payment is asked for first.
    if (orderType === 3 && !payment) {
      setDialogRefusal(NO_DIALOG_REFUSAL);
      setDialog({ kind: 'payment', then: 'convert' });
      return;
    }
    const made = await process(
      (c) => invoke('orders.convertQuote', { id: quote.id, version: quote.version, orderType, confirm: c, ...(payment ? { payment } : {}) }),
      (e) => setDialogRefusal({ general: refusalOf(e, () => null).general, lines: {} }),
    );
    if (!made) return;
    setDialog(null);
    void invalidate(...AFTER_PROCESSING);
    props.onOpenOrder(made.id, t('process.convert.done', { number: made.number, quote: quote.number }));
  };

  const changeType = async (orderType: OrderTypeId, payment?: PaymentInput) => {
    if (!order) return;
    const before = order;
    // An order changed to Cash is invoiced as it changes: the payment is asked for first.
    if (orderType === 3 && !payment) {
      setDialogRefusal(NO_DIALOG_REFUSAL);
      setDialog({ kind: 'payment', then: 'changeType' });
      return;
    }
    const after = await process(
      (c) => invoke('orders.changeType', { id: before.id, version: before.version, orderType, confirm: c, ...(payment ? { payment } : {}) }),
      (e) => setDialogRefusal({ general: refusalOf(e, () => null).general, lines: {} }),
    );
    if (!after) return;
    setDialog(null);
    applyOrder(after);
    setNotice(t('process.changeType.done', { number: after.number, type: orderTypeLabel(after.orderType, lang) }));
  };

  const lendOrReturn = () => {
    if (!order) return;
    if (order.statusKind === 'loan') {
      setDialogRefusal(NO_DIALOG_REFUSAL);
      setDialog({ kind: 'returnLoan' });
      return;
    }
    const loan = statusOfKind(statuses.data, 'loan');
    if (loan) void moveTo(loan);
  };

  const returnLoan = async (lines: { lineId: number; quantity: number }[]) => {
    if (!order) return;
    const before = order;
    const after = await process(
      () => invoke('orders.returnLoan', { id: before.id, version: before.version, lines }),
      (e) => refusalInDialog(e, lines.map((l) => l.lineId)),
    );
    if (!after) return;
    setDialog(null);
    applyOrder(after);
    setNotice(t('process.loan.returned', { number: after.number }));
  };

  const subscribe = async (interval: Parameters<typeof invoke<'orders.setSubscription'>>[1]['interval'], start: string | null) => {
    if (!order) return;
    const before = order;
    const onRefused = (e: unknown) => setDialogRefusal({ general: refusalOf(e, () => null).general, lines: {} });
    let after = await process(() => invoke('orders.setSubscription', { id: before.id, version: before.version, interval, start }), onRefused);
    if (!after) return;
    const target = statusOfKind(statuses.data, 'subscription');
    // An order is invoiced by the subscription run while it stands in the status Abonnement.
    if (interval && target && after.statusKind !== 'subscription') {
      const current = after;
      const moved = await process(
        (c) => invoke('orders.setStatus', { id: current.id, version: current.version, statusId: target.id, confirm: c }),
        onRefused,
      );
      applyOrder(moved ?? current);
      if (!moved) return;
      after = moved;
    }
    setDialog(null);
    applyOrder(after);
    setNotice(interval ? t('process.subscription.done', { number: after.number }) : t('process.subscription.ended', { number: after.number }));
  };

  const deleteOrder = async () => {
    if (!order) return;
    const before = order;
    const done = await process(() => invoke('orders.delete', { id: before.id, version: before.version }));
    if (!done) return;
    void invalidate(...AFTER_PROCESSING);
    props.onClose();
  };

  const availability = order
    ? {
        deliver: fromEngine(order.actions.deliver, dirty),
        invoice: fromEngine(order.actions.invoice, dirty),
        convert: fromEngine(order.actions.convertQuote, dirty),
        changeType: fromEngine(order.actions.changeType, dirty),
        lend: fromEngine(order.statusKind === 'loan' ? order.actions.returnLoan : order.actions.lend, dirty),
        subscription: fromEngine(order.actions.subscription, dirty),
        remove: fromEngine(order.actions.delete, dirty),
        // A document shows the order as saved: unsaved changes would not be on it.
        print: dirty ? { ok: false as const, reason: bilingual('process.saveFirst') } : { ok: true as const },
        // A copy is of the order as saved.
        copy: dirty ? { ok: false as const, reason: bilingual('process.saveFirst') } : { ok: true as const },
      }
    : null;

  const showSide = (tab: SideTab) => {
    setSideTab(tab);
    if (tab === 'invoices') window.setTimeout(() => invoicesPanel.current?.focus(), 0);
  };

  useHotkeys(props.active && draft !== null, {
    'ctrl+s': requestSave,
    escape: bannerOpen ? closeBanners : back,
    'alt+l': () => grid.current?.focusEntry(),
    ...(order && availability
      ? {
          'alt+arrowleft': () => statusBar.current?.step(-1),
          'alt+arrowright': () => statusBar.current?.step(1),
          'alt+v': () =>
            runAction(availability.deliver, () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'deliver' });
            }),
          'alt+r': () => runAction(availability.invoice, askInvoice),
          'alt+c': () => runAction(availability.copy, () => copy.run(order.id, order.number)),
          'alt+o': () =>
            runAction(availability.convert, () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'convert' });
            }),
          'alt+t': () =>
            runAction(availability.changeType, () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'changeType' });
            }),
          'alt+u': () => runAction(availability.lend, lendOrReturn),
          'alt+b': () =>
            runAction(availability.subscription, () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'subscription' });
            }),
          'alt+delete': () => runAction(availability.remove, () => setConfirm({ kind: 'delete' })),
          'alt+p': () => runAction(availability.print, () => setPrinting(true)),
          'alt+a': () => showSide('documents'),
          'alt+k': () => showSide('invoices'),
          'alt+g': () => showSide('activity'),
          'alt+j': () => showSide('jobs'),
          'alt+i': () => showSide('files'),
          'alt+y': () => showSide('relations'),
          'alt+d': () => showSide('tasks'),
        }
      : {}),
  });

  const removeLine = (uid: string) => {
    if (!draft) return;
    const i = draft.lines.findIndex((l) => l.uid === uid);
    const rest = draft.lines.filter((l) => l.uid !== uid);
    const lines = rest.length ? rest : [emptyLine()];
    setLines(() => lines);
    setFieldError(`line.${uid}.product`, null);
    const target = lines[Math.min(i, lines.length - 1)];
    if (target) window.setTimeout(() => grid.current?.focusCell(target.uid, 'product'), 0);
  };

  // Enter in the header moves to the next field; from the last one, to the lines.
  const onHeaderKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement) return;
    e.preventDefault();
    if (!focusNextIn(headerRef.current, target, e.shiftKey)) grid.current?.focusEntry();
  };

  if (!draft) {
    return (
      <div className="screen order-screen" data-testid="order-editor">
        {loaded.isError ? <Banner error={refusalOf(loaded.error, () => null).general} /> : <p className="muted">{t('app.loading')}</p>}
      </div>
    );
  }

  const h = draft.header;
  const lineToRemove = confirm?.kind === 'remove' ? draft.lines.findIndex((l) => l.uid === confirm.uid) : -1;
  const currentStatus = order ? statuses.data?.find((s) => s.id === order.statusId) : undefined;

  const actionButton = (key: string, label: string, keys: string, can: Availability, onClick: () => void, testId: string) => (
    <button
      key={key}
      type="button"
      className="action"
      disabled={!can.ok || flow.busy}
      title={can.ok ? undefined : can.reason[lang]}
      aria-keyshortcuts={keys}
      data-testid={testId}
      onClick={() => runAction(can, onClick)}
    >
      {label} <Shortcut keys={keys} />
    </button>
  );

  return (
    <div className="screen order-screen" data-testid="order-editor" ref={rootRef}>
      <div className="toolbar">
        <button type="button" className="link" onClick={back} data-testid="order-back">
          ← {t('order.backToList')} <Shortcut keys="Esc" />
        </button>
        <h1 data-testid="order-title">
          {order ? (
            <>
              {order.orderType === 5 ? t('order.quoteLabel') : t('order.label')} <span data-testid="order-number">{order.number}</span>
            </>
          ) : (
            t('order.newTitle')
          )}
        </h1>
        {order ? (
          <span className="pill" data-testid="order-status-pill">
            {statusLabel(currentStatus, lang)} · {orderTypeLabel(order.orderType, lang)}
          </span>
        ) : null}
        {order ? <ProgressPills order={order} /> : null}
        {order ? <RelatedOrders order={order} onOpen={(id) => props.onOpenOrder(id)} /> : null}
        <span className={`pill ${dirty || !order ? 'warn' : 'ok'}`} data-testid="order-dirty">
          {dirty || !order ? t('app.unsaved') : t('app.saved')}
        </span>
        <Notice text={dirty ? null : notice} testId="order-notice" />
        <div className="toolbar-spacer" />
        {order ? <FollowToggle orderId={order.id} /> : null}
        <button
          type="button"
          className="primary"
          disabled={saving || locked}
          title={locked ? errorData('order_invoiced', null).message[lang] : undefined}
          onClick={requestSave}
          data-testid="order-save"
        >
          {h.orderType === '3' && !locked ? t('payment.saveAndPay') : t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
      </div>
      {order ? (
        <StatusBar order={order} statuses={statuses.data} busy={flow.busy} onMove={(s) => void moveTo(s)} handle={statusBar} />
      ) : null}
      {order && availability ? (
        <div className="action-bar" role="toolbar" aria-label={t('process.actions')} data-testid="order-actions">
          {actionButton(
            'deliver',
            t('process.deliver.action'),
            'Alt+V',
            availability.deliver,
            () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'deliver' });
            },
            'action-deliver',
          )}
          {actionButton('invoice', t('process.invoice'), 'Alt+R', availability.invoice, askInvoice, 'action-invoice')}
          {order.orderType === 5
            ? actionButton(
                'convert',
                t('process.convert.action'),
                'Alt+O',
                availability.convert,
                () => {
                  setDialogRefusal(NO_DIALOG_REFUSAL);
                  setDialog({ kind: 'convert' });
                },
                'action-convert',
              )
            : null}
          {actionButton(
            'type',
            t('process.changeType.action'),
            'Alt+T',
            availability.changeType,
            () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'changeType' });
            },
            'action-change-type',
          )}
          {actionButton(
            'loan',
            order.statusKind === 'loan' ? t('process.loan.return') : t('process.loan.lend'),
            'Alt+U',
            availability.lend,
            lendOrReturn,
            'action-loan',
          )}
          {actionButton(
            'subscription',
            t('process.subscription.action'),
            'Alt+B',
            availability.subscription,
            () => {
              setDialogRefusal(NO_DIALOG_REFUSAL);
              setDialog({ kind: 'subscription' });
            },
            'action-subscription',
          )}
          {actionButton('print', t('documents.printAction'), 'Alt+P', availability.print, () => setPrinting(true), 'action-print')}
          {actionButton('copy', t('orderStory.copy.action'), 'Alt+C', availability.copy, () => copy.run(order.id, order.number), 'action-copy')}
          <span className="toolbar-spacer" />
          {actionButton('delete', t('process.delete'), 'Alt+Delete', availability.remove, () => setConfirm({ kind: 'delete' }), 'action-delete')}
        </div>
      ) : null}
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="order-error" onClose={closeBanners} />
      <Banner error={actionError} title={t('process.refused')} testId="order-action-error" onClose={closeBanners} />
      <div className={`order-layout ${order ? 'with-side' : ''}`}>
        <div className="order-body">
          <fieldset className="plain" disabled={locked} data-testid="order-form">
            <FormScopeProvider prefix="order" errors={refusal.fields}>
              <div className="form-grid cols-4 order-header" ref={headerRef} onKeyDown={onHeaderKey} data-testid="order-header">
                <PartyLookupField<CustomerListRow>
                  field="customer"
                  label={t('order.customer')}
                  placeholder={t('order.customerPlaceholder')}
                  testId="order-customer"
                  queryKey="customers.lookup"
                  search={searchCustomers}
                  text={h.customerText}
                  resolved={h.customerId !== null && h.customerText === h.customerPicked}
                  number={h.customerNumber}
                  inputRef={(el) => {
                    customerInput.current = el;
                  }}
                  onText={(text) => setHeader({ customerText: text })}
                  onPick={(c) => {
                    // May arrive after the clerk has moved on and typed more: update what is there now.
                    setDraft((d) => (d ? { ...d, header: withCustomer(d.header, c) } : d));
                    setFieldError('customer', null);
                  }}
                  onNotFound={(query, how) => {
                    setFieldError('customer', bilingual('order.customerNotFound', { query }));
                    if (how === 'enter') customerInput.current?.focus();
                  }}
                  onAdvance={() => focusNextIn(headerRef.current, customerInput.current)}
                />
                <PartyContactField channel="customers.get" partyId={h.customerId} value={h.contactId} onChange={(v) => setHeader({ contactId: v })} />
                <TextField
                  name="customerReference"
                  label={t('order.customerReference')}
                  value={h.customerReference}
                  maxLength={100}
                  onChange={(v) => setHeader({ customerReference: v })}
                />
                <OrderPeopleFields value={h.people} root={headerRef} onChange={(c) => setDraft((d) => (d ? { ...d, header: { ...d.header, people: { ...d.header.people, ...c } } } : d))} />
                <OrderTypeField value={h.orderType} saved={order !== null} onChange={(v) => setHeader({ orderType: v })} />
                <SelectField
                  name="statusId"
                  label={t('order.status')}
                  value={h.statusId}
                  disabled={order !== null}
                  hint={order !== null ? t('process.statusByBar') : undefined}
                  onChange={(v) => setHeader({ statusId: v })}
                  options={statusOptions(statuses.data, h.statusId, lang)}
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
                  label={t('order.deliveryDate')}
                  value={h.deliveryDate}
                  placeholder={t('common.datePlaceholder')}
                  onChange={(v) => setHeader({ deliveryDate: v })}
                />
                <TextField
                  name="ourReference"
                  label={t('order.ourReference')}
                  value={h.ourReference}
                  maxLength={100}
                  onChange={(v) => setHeader({ ourReference: v })}
                />
                <TextField
                  name="paymentTermsDays" check={checks.whole}
                  label={t('order.paymentTermsDays')}
                  value={h.paymentTermsDays}
                  inputMode="numeric"
                  onChange={(v) => setHeader({ paymentTermsDays: v })}
                />
                <DeliveryAddressField
                  customerId={h.customerId}
                  value={h.deliveryAddressId}
                  kept={order && order.customerId === h.customerId ? order.deliveryAddress : null}
                  onChange={(v) => setHeader({ deliveryAddressId: v })}
                />
                <TextAreaField name="notes" label={t('order.notes')} value={h.notes} span={2} rows={1} onChange={(v) => setHeader({ notes: v })} />
                <CustomFieldsSection entity="order" heading={false} saved={order?.customFields} drafts={h.custom} onChange={(custom) => setHeader({ custom })} />
              </div>
            </FormScopeProvider>
            <div className="hint-bar inline">
              <Shortcut keys="Enter" label={t('keys.nextField')} />
              <Shortcut keys="Alt+L" label={t('keys.lines')} />
              {order ? <Shortcut keys="Alt+←/→" label={t('process.statusBar')} /> : null}
            </div>
            <div className="section-head">
              <h2>{t('order.lines')}</h2>
              {locked ? (
                <span className="pill" data-testid="order-locked">
                  {t('process.locked')}
                </span>
              ) : (
                <button
                  type="button"
                  className="small"
                  data-testid="order-add-line"
                  onClick={() => {
                    const line = emptyLine();
                    setLines((ls) => [...ls, line]);
                    window.setTimeout(() => grid.current?.focusCell(line.uid, 'product'), 0);
                  }}
                >
                  + {t('order.addLine')}
                </button>
              )}
            </div>
            <LinesGrid
              lines={draft.lines}
              setLines={setLines}
              errors={refusal.fields}
              setFieldError={setFieldError}
              amounts={amounts}
              amountsPending={totalsPending}
              savedLines={order ? savedLines : null}
              onRemoveRequest={(uid) => {
                const line = draft.lines.find((l) => l.uid === uid);
                if (!line) return;
                if (line.productId === null && !line.productText && !line.quantity) removeLine(uid);
                else setConfirm({ kind: 'remove', uid });
              }}
              handle={grid}
            />
          </fieldset>
          <div className="order-footer">
            <div className="hint-bar inline">
              <Shortcut keys="Enter" label={t('keys.nextField')} />
              <Shortcut keys="Ctrl+Delete" label={t('keys.deleteLine')} />
              <Shortcut keys="Alt+↑/↓" label={t('keys.moveLine')} />
              <Shortcut keys="Alt+H" label={t('gridText.addHeading')} />
              <Shortcut keys="Alt+N" label={t('gridText.addText')} />
              <Shortcut keys="Ctrl+S" label={t('keys.save')} />
              <Shortcut keys="Esc" label={t('keys.back')} />
            </div>
            <TotalsPanel totals={totals} preview={dirty} pending={totalsPending} />
          </div>
        </div>
        {order ? (
          <aside className="order-side" aria-label={t('process.side')} data-testid="order-side">
            <div className="side-tabs" role="tablist">
              {(
                [
                  ['invoices', t('invoices.title'), 'Alt+K'],
                  ['documents', t('documents.title'), 'Alt+A'],
                  ['activity', t('activity.title'), 'Alt+G'],
                  ['jobs', t('jobs.titleTab'), 'Alt+J'],
                  ['tasks', t('activityUi.tasks.tab'), 'Alt+D'],
                  ['files', t('files.title'), 'Alt+I'],
                  ['relations', t('files.relations.title'), 'Alt+Y'],
                ] as const
              ).map(([tab, label, keys]) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  aria-selected={sideTab === tab}
                  className={`side-tab ${sideTab === tab ? 'selected' : ''}`}
                  data-testid={`side-tab-${tab}`}
                  onClick={() => showSide(tab)}
                >
                  {label} <Shortcut keys={keys} />
                </button>
              ))}
            </div>
            <div className="side-body">
              {sideTab === 'invoices' ? (
                <InvoicesPanel
                  orderId={order.id}
                  handle={invoicesPanel}
                  onNotice={setNotice}
                  onOpenOrder={(id) => props.onOpenOrder(id)}
                  onCredited={(note) => {
                    setNotice(t('invoices.credited', { number: note.number }));
                    void loaded.refetch().then((r) => {
                      if (r.data) applyOrder(r.data);
                    });
                  }}
                />
              ) : sideTab === 'documents' ? (
                <DocumentsPanel orderId={order.id} onNotice={setNotice} />
              ) : sideTab === 'activity' ? (
                <ActivityPanel order={order} />
              ) : sideTab === 'files' ? (
                <FilesPanel orderId={order.id} onNotice={setNotice} />
              ) : sideTab === 'relations' ? (
                <RelationsPanel orderId={order.id} onNotice={setNotice} onOpen={(o) => openRecord(o, 'sales', (id) => props.onOpenOrder(id))} />
              ) : sideTab === 'tasks' ? (
                <TasksPanel orderId={order.id} />
              ) : (
                <JobsPanel order={order} onOrder={applyOrder} />
              )}
            </div>
          </aside>
        ) : null}
      </div>
      {flow.dialog}
      {order && printing ? (
        <PrintDialog
          order={order}
          onClose={() => setPrinting(false)}
          onDone={(text) => {
            setPrinting(false);
            setNotice(text);
          }}
        />
      ) : null}
      {order && dialog?.kind === 'deliver' ? (
        <DeliverDialog
          order={order}
          busy={flow.busy}
          refusal={dialogRefusal}
          onCancel={() => setDialog(null)}
          onSubmit={(lines, shorts) => void deliver(lines, shorts)}
        />
      ) : null}
      {order && dialog?.kind === 'returnLoan' ? (
        <ReturnLoanDialog order={order} busy={flow.busy} refusal={dialogRefusal} onCancel={() => setDialog(null)} onSubmit={(l) => void returnLoan(l)} />
      ) : null}
      {order && dialog?.kind === 'convert' ? (
        <ConvertQuoteDialog
          order={order}
          busy={flow.busy}
          error={dialogRefusal.general}
          onCancel={() => setDialog(null)}
          onSubmit={(type) => void convert(type)}
        />
      ) : null}
      {order && dialog?.kind === 'changeType' ? (
        <ChangeTypeDialog
          order={order}
          busy={flow.busy}
          error={dialogRefusal.general}
          onCancel={() => setDialog(null)}
          onSubmit={(type) => void changeType(type)}
        />
      ) : null}
      {order && dialog?.kind === 'subscription' ? (
        <SubscriptionDialog
          order={order}
          today={boot.data?.today ?? order.orderDate}
          busy={flow.busy}
          error={dialogRefusal.general}
          onCancel={() => setDialog(null)}
          onSubmit={(interval, start) => void subscribe(interval, start)}
        />
      ) : null}
      {dialog?.kind === 'payment' ? (
        <PaymentDialog
          grossOre={totalsPending ? null : (totals?.grossOre ?? null)}
          roundingOre={totalsPending ? null : (totals?.cashRoundingOre ?? null)}
          busy={saving || flow.busy}
          error={dialogRefusal.general}
          onCancel={() => setDialog(null)}
          onSubmit={(payment) =>
            dialog.then === 'convert' ? void convert(3, payment) : dialog.then === 'changeType' ? void changeType(3, payment) : void save({}, payment)
          }
        />
      ) : null}
      {askFirst.dialog}
      {copy.dialog}
      {dialog?.kind === 'cashReceipt' ? <CashReceiptDialog invoice={dialog.invoice} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'invoiced' ? (
        <InvoicedDialog
          invoice={dialog.invoice}
          backorder={dialog.backorder}
          onClose={() => setDialog(null)}
          onOpenBackorder={(id) => {
            setDialog(null);
            props.onOpenOrder(id);
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
            const then = confirm.then;
            setConfirm(null);
            props.onClose();
            then?.();
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {confirm?.kind === 'delete' && order ? (
        <ConfirmDialog
          title={t('process.deleteTitle', { number: order.number })}
          text={t('process.deleteText')}
          confirmLabel={t('process.delete')}
          cancelLabel={t('common.cancel')}
          danger
          testId="delete-confirm"
          onConfirm={() => {
            setConfirm(null);
            void deleteOrder();
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {confirm?.kind === 'engine' ? (
        <ConfirmDialog
          title={t('order.confirmTitle')}
          text={confirm.message[lang]}
          confirmLabel={t('order.confirmYes')}
          cancelLabel={t('common.cancel')}
          testId="order-confirm"
          onConfirm={() => {
            const next = { ...confirm.confirm, [confirm.flag]: true };
            const payment = confirm.payment;
            setConfirm(null);
            void save(next, payment);
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

/** "Delvis levert", "Levert", "Delvis fakturert": computed by the engine from the lines (SPEC 2). */
function ProgressPills(props: { order: Order }) {
  const { t } = useTranslation();
  const o = props.order;
  const pills: { key: string; text: string; cls: string; testId: string }[] = [];
  if (o.deliveryState === 'partial') pills.push({ key: 'd', text: t('process.state.partiallyDelivered'), cls: 'warn', testId: 'order-delivery-state' });
  else if (o.deliveryState === 'full' && o.invoiceState === 'none')
    pills.push({ key: 'd', text: t('process.state.delivered'), cls: 'ok', testId: 'order-delivery-state' });
  if (o.invoiceState === 'partial') pills.push({ key: 'i', text: t('process.state.partiallyInvoiced'), cls: 'warn', testId: 'order-invoice-state' });
  return (
    <>
      {pills.map((p) => (
        <span key={p.key} className={`pill ${p.cls}`} data-testid={p.testId}>
          {p.text}
        </span>
      ))}
    </>
  );
}

/**
 * The orders this one is related to, each a link to open it: the quote it was
 * made from and the order it was converted to (SPEC 4: both sides show it), the
 * order a backorder remains of.
 */
function RelatedOrders(props: { order: Order; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const o = props.order;
  const backorderOf = useChannel('orders.get', { id: o.backorderOfId ?? 0 }, { enabled: o.backorderOfId !== null });
  const links: { id: number; text: string; testId: string }[] = [];
  if (o.sourceOrderId !== null && o.sourceOrderNumber !== null) {
    links.push({ id: o.sourceOrderId, text: t('process.fromQuote', { number: o.sourceOrderNumber }), testId: 'order-related' });
  }
  if (o.convertedToId !== null && o.convertedToNumber !== null) {
    links.push({ id: o.convertedToId, text: t('process.convertedTo', { number: o.convertedToNumber }), testId: 'order-converted-to' });
  }
  if (o.backorderOfId !== null && backorderOf.data) {
    links.push({ id: o.backorderOfId, text: t('process.backorderOf', { number: backorderOf.data.number }), testId: 'order-related' });
  }
  return (
    <>
      {links.map((l) => (
        <button key={l.testId + l.id} type="button" className="link small" data-testid={l.testId} onClick={() => props.onOpen(l.id)}>
          {l.text}
        </button>
      ))}
    </>
  );
}

function OrderTypeField(props: { value: string; saved: boolean; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <SelectField
      name="orderType"
      label={t('order.orderType')}
      value={props.value}
      // A saved order changes type through its rule (Endre ordretype), which undoes what the old type did.
      disabled={props.saved}
      hint={props.saved ? t('process.typeByAction') : undefined}
      onChange={props.onChange}
      options={
        // Type 9 comes only from an import: shown when the order has it, never offered otherwise.
        props.value === '9' ? [...manualOrderTypeOptions(lang), { value: '9', label: orderTypeLabel(9, lang) }] : manualOrderTypeOptions(lang)
      }
    />
  );
}

/** The visible statuses in flow order, and the order's own status if the administrator has hidden it since. */
function statusOptions(statuses: readonly Status[] | undefined, current: string, lang: Language) {
  const visible = visibleStatuses(statuses);
  const own = statuses?.find((s) => String(s.id) === current);
  const list = own && !visible.some((s) => s.id === own.id) ? [...visible, own] : visible;
  return list.map((s) => ({ value: String(s.id), label: statusLabel(s, lang) }));
}
