// The order screen: header form, lines grid and totals per VAT rate. Ctrl+S
// saves (orders.create for a new order, orders.save with the version for an
// existing one); Esc goes back to the list, asking first if anything is unsaved.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../shared/channels/customers';
import type { ConfirmInput, Order, Status } from '../../../shared/channels/orders';
import type { Language } from '../../../shared/enums';
import type { ErrorCode } from '../../../shared/errors';
import { formatOrgNumber } from '../../../shared/checks';
import { ApiError, invoke } from '../../api/client';
import { fetchChannel, invalidate, useChannel, useStatuses } from '../../api/queries';
import { focusNextIn, useHotkeys } from '../../app/hotkeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner, FieldMessage, FormScopeProvider, Notice, SelectField, TextAreaField, TextField, useFieldScope } from '../../components/fields';
import { LookupInput } from '../../components/LookupInput';
import { focusField, refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useDebounced } from '../../components/useDebounced';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { manualOrderTypeOptions, orderTypeLabel, statusLabel, visibleStatuses } from './labels';
import { LinesGrid, type LinesGridHandle } from './LinesGrid';
import {
  buildOrder,
  draftFromOrder,
  emptyLine,
  fieldOfPath,
  fingerprint,
  newDraft,
  pricedLines,
  withCustomer,
  type Draft,
  type DraftHeader,
  type DraftLine,
} from './orderDraft';
import { TotalsPanel } from './TotalsPanel';

export interface OrderEditorProps {
  readonly active: boolean;
  /** null: a new order. */
  readonly orderId: number | null;
  readonly onClose: () => void;
}

const searchCustomers = (query: string) => fetchChannel('customers.lookup', { query, limit: 8 });

type ConfirmFlags = Required<NonNullable<ConfirmInput>>;

/**
 * Refusals the clerk may overrule: the engine says what would happen, the clerk
 * confirms, and the same save is sent again with the matching flag set.
 */
const CONFIRMABLE: Partial<Record<ErrorCode, keyof ConfirmFlags>> = {
  confirm_shortage: 'allowShortage',
  confirm_deliver_remaining: 'deliverRemaining',
  confirm_return_goods: 'returnGoods',
  credit_limit_exceeded: 'overrideCreditLimit',
};

type Question =
  | { kind: 'leave' }
  | { kind: 'remove'; uid: string }
  | { kind: 'engine'; message: BilingualText; flag: keyof ConfirmFlags; confirm: Partial<ConfirmFlags> };

export function OrderEditor(props: OrderEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const statuses = useStatuses();
  const [orderId, setOrderId] = useState(props.orderId);
  const loaded = useChannel('orders.get', { id: orderId ?? 0 }, { enabled: orderId !== null && props.orderId !== null });
  const [order, setOrder] = useState<Order | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [baseline, setBaseline] = useState<string>('');
  const { refusal, setRefusal, clear } = useRefusal();
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A second Ctrl+S before the first answer must not create the order twice.
  const savingRef = useRef(false);
  const [confirm, setConfirm] = useState<Question | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const grid = useRef<LinesGridHandle | null>(null);
  const customerInput = useRef<HTMLInputElement | null>(null);

  // Start: a new draft once the statuses are known, or the loaded order.
  useEffect(() => {
    if (draft) return;
    if (props.orderId === null && statuses.data) {
      const d = newDraft(visibleStatuses(statuses.data)[0]?.id);
      setDraft(d);
      setBaseline(fingerprint(d));
    } else if (props.orderId !== null && loaded.data) {
      const d = draftFromOrder(loaded.data);
      setOrder(loaded.data);
      setDraft(d);
      setBaseline(fingerprint(d));
    }
  }, [draft, props.orderId, statuses.data, loaded.data]);

  // First focus: the customer field, where an order starts.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (draft && props.active && !focusedOnce.current) {
      focusedOnce.current = true;
      customerInput.current?.focus();
    }
  }, [draft, props.active]);

  const dirty = draft !== null && fingerprint(draft) !== baseline;

  // Running totals from the engine while typing (debounced); the saved order's totals otherwise.
  const priced = useMemo(() => (draft ? pricedLines(draft.lines) : []), [draft]);
  const currentInput = useMemo(
    () => priced.map(({ quantity, unitPriceOre, discountBp, vatCode }) => ({ quantity, unitPriceOre, discountBp, vatCode })),
    [priced],
  );
  const previewInput = useDebounced(currentInput, 150);
  const preview = useChannel('orders.previewTotals', { lines: previewInput }, { enabled: dirty, keepPrevious: true });
  const totals = dirty ? preview.data : order?.totals;
  // The numbers shown are not yet those of the lines on screen (typing, or the engine still computing).
  const totalsPending =
    dirty && (preview.isPlaceholderData || preview.isFetching || JSON.stringify(previewInput) !== JSON.stringify(currentInput));

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

  const save = async (confirmed: Partial<ConfirmFlags> = {}) => {
    if (!draft || savingRef.current) return;
    const built = buildOrder(draft);
    const firstError = Object.keys(built.errors)[0];
    if (firstError) {
      setRefusal({ fields: built.errors, general: null });
      focusField(rootRef.current, firstError);
      return;
    }
    savingRef.current = true;
    setSaving(true);
    clear();
    try {
      const saved =
        orderId === null || !order
          ? await invoke('orders.create', {
              header: built.header,
              lines: built.lines.map(({ id: _id, ...l }) => l),
              confirm: confirmed,
            })
          : await invoke('orders.save', {
              id: order.id,
              version: order.version,
              header: built.header,
              lines: built.lines,
              confirm: confirmed,
            });
      const d = draftFromOrder(saved);
      setOrder(saved);
      setOrderId(saved.id);
      setDraft(d);
      setBaseline(fingerprint(d));
      setNotice(t(orderId === null ? 'order.createdAs' : 'order.savedAs', { number: saved.number }));
      void invalidate('orders.statusCounts', 'orders.get', 'orders.list');
    } catch (error) {
      const flag = error instanceof ApiError ? CONFIRMABLE[error.data.code] : undefined;
      if (error instanceof ApiError && flag && !confirmed[flag]) {
        setConfirm({ kind: 'engine', message: error.data.message, flag, confirm: confirmed });
        return;
      }
      const r = refusalOf(error, (path) => fieldOfPath(path, built.uids));
      setRefusal(r);
      const field = Object.keys(r.fields)[0];
      focusField(rootRef.current, field);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const back = () => {
    if (dirty) setConfirm({ kind: 'leave' });
    else props.onClose();
  };

  useHotkeys(props.active && draft !== null, {
    'ctrl+s': () => void save(),
    escape: back,
    'alt+l': () => grid.current?.focusEntry(),
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

  return (
    <div className="screen order-screen" data-testid="order-editor" ref={rootRef}>
      <div className="toolbar">
        <button type="button" className="link" onClick={back} data-testid="order-back">
          ← {t('order.backToList')} <Shortcut keys="Esc" />
        </button>
        <h1 data-testid="order-title">
          {order ? (
            <>
              {t('order.label')} <span data-testid="order-number">{order.number}</span>
            </>
          ) : (
            t('order.newTitle')
          )}
        </h1>
        {order ? (
          <span className="pill" data-testid="order-status-pill">
            {statusLabel(
              statuses.data?.find((s) => s.id === order.statusId),
              lang,
            )}{' '}
            · {orderTypeLabel(order.orderType, lang)}
          </span>
        ) : null}
        <span className={`pill ${dirty || !order ? 'warn' : 'ok'}`} data-testid="order-dirty">
          {dirty || !order ? t('app.unsaved') : t('app.saved')}
        </span>
        <Notice text={dirty ? null : notice} testId="order-notice" />
        <div className="toolbar-spacer" />
        <button type="button" className="primary" disabled={saving} onClick={() => void save()} data-testid="order-save">
          {t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
      </div>
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="order-error" />
      <div className="order-body">
        <FormScopeProvider prefix="order" errors={refusal.fields}>
          <div className="form-grid cols-4 order-header" ref={headerRef} onKeyDown={onHeaderKey} data-testid="order-header">
            <CustomerField
              header={h}
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
            <ContactField customerId={h.customerId} value={h.contactId} onChange={(v) => setHeader({ contactId: v })} />
            <TextField
              name="customerReference"
              label={t('order.customerReference')}
              value={h.customerReference}
              maxLength={100}
              onChange={(v) => setHeader({ customerReference: v })}
            />
            <OrderTypeField value={h.orderType} onChange={(v) => setHeader({ orderType: v })} />
            <SelectField
              name="statusId"
              label={t('order.status')}
              value={h.statusId}
              onChange={(v) => setHeader({ statusId: v })}
              options={statusOptions(statuses.data, h.statusId, lang)}
            />
            <TextField
              name="orderDate"
              label={t('order.orderDate')}
              value={h.orderDate}
              placeholder={t('common.datePlaceholder')}
              onChange={(v) => setHeader({ orderDate: v })}
            />
            <TextField
              name="deliveryDate"
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
              name="paymentTermsDays"
              label={t('order.paymentTermsDays')}
              value={h.paymentTermsDays}
              inputMode="numeric"
              onChange={(v) => setHeader({ paymentTermsDays: v })}
            />
            <TextAreaField name="notes" label={t('order.notes')} value={h.notes} span={2} rows={1} onChange={(v) => setHeader({ notes: v })} />
          </div>
        </FormScopeProvider>
        <div className="hint-bar inline">
          <Shortcut keys="Enter" label={t('keys.nextField')} />
          <Shortcut keys="Alt+L" label={t('keys.lines')} />
        </div>
        <div className="section-head">
          <h2>{t('order.lines')}</h2>
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
        </div>
        <LinesGrid
          lines={draft.lines}
          setLines={setLines}
          errors={refusal.fields}
          setFieldError={setFieldError}
          onRemoveRequest={(uid) => {
            const line = draft.lines.find((l) => l.uid === uid);
            if (!line) return;
            if (line.productId === null && !line.productText && !line.quantity) removeLine(uid);
            else setConfirm({ kind: 'remove', uid });
          }}
          handle={grid}
        />
        <div className="order-footer">
          <div className="hint-bar inline">
            <Shortcut keys="Enter" label={t('keys.nextField')} />
            <Shortcut keys="Ctrl+Delete" label={t('keys.deleteLine')} />
            <Shortcut keys="Alt+↑/↓" label={t('keys.moveLine')} />
            <Shortcut keys="Ctrl+S" label={t('keys.save')} />
            <Shortcut keys="Esc" label={t('keys.back')} />
          </div>
          <TotalsPanel totals={totals} preview={dirty} pending={totalsPending} />
        </div>
      </div>
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
      {confirm?.kind === 'engine' ? (
        <ConfirmDialog
          title={t('order.confirmTitle')}
          text={confirm.message[lang]}
          confirmLabel={t('order.confirmYes')}
          cancelLabel={t('common.cancel')}
          testId="order-confirm"
          onConfirm={() => {
            const next = { ...confirm.confirm, [confirm.flag]: true };
            setConfirm(null);
            void save(next);
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

function CustomerField(props: {
  header: DraftHeader;
  inputRef: (el: HTMLInputElement | null) => void;
  onText: (text: string) => void;
  onPick: (c: CustomerListRow) => void;
  onNotFound: (query: string, how: 'enter' | 'blur') => void;
  onAdvance: () => void;
}) {
  const { t } = useTranslation();
  const f = useFieldScope('customer');
  const h = props.header;
  const resolved = h.customerId !== null && h.customerText === h.customerPicked;
  return (
    <div className={`field span-2 ${f.error ? 'has-error' : ''}`}>
      <label htmlFor={f.id}>{t('order.customer')}</label>
      <div className="customer-field">
        <LookupInput<CustomerListRow>
          id={f.id}
          value={h.customerText}
          resolved={resolved}
          onChange={props.onText}
          queryKey="customers.lookup"
          search={searchCustomers}
          itemKey={(c) => c.id}
          renderItem={(c) => (
            <span className="lookup-item">
              <span className="code">{c.number}</span>
              <span className="name">{c.name}</span>
              <span className="muted">{c.orgNumber ? formatOrgNumber(c.orgNumber) : ''}</span>
              <span className="muted">{c.city ?? ''}</span>
            </span>
          )}
          onCommit={(c, query, how) => (c ? props.onPick(c) : props.onNotFound(query, how))}
          onAdvance={props.onAdvance}
          inputRef={props.inputRef}
          testId="order-customer"
          field="customer"
          placeholder={t('order.customerPlaceholder')}
          invalid={Boolean(f.error)}
          describedBy={f.error ? `${f.id}-error` : undefined}
        />
        <span className="customer-number num" data-testid="order-customer-number">
          {resolved && h.customerNumber !== null ? h.customerNumber : ''}
        </span>
      </div>
      <FieldMessage id={f.id} testId="order-customer" error={f.error} />
    </div>
  );
}

function ContactField(props: { customerId: number | null; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const customer = useChannel('customers.get', { id: props.customerId ?? 0 }, { enabled: props.customerId !== null });
  const options = [
    { value: '', label: t('common.none') },
    ...(props.customerId !== null && customer.data
      ? customer.data.contacts.map((c) => ({ value: String(c.id), label: c.phone ? `${c.name} (${c.phone})` : c.name }))
      : []),
  ];
  return <SelectField name="contactId" label={t('order.contact')} value={props.value} onChange={props.onChange} options={options} />;
}

function OrderTypeField(props: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <SelectField
      name="orderType"
      label={t('order.orderType')}
      value={props.value}
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
