// The purchase order's lines. While the order is To process every cell is an
// input, walked by Enter as on the sales order (product → quantity → price →
// discount → next line; ↑/↓ between lines, Ctrl+Delete removes a line). Beside
// what was ordered, a saved order shows per line what the supplier confirmed
// (quantity, price, date), what is shipped, received and invoiced, and the
// price difference the supplier invoices carried.
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/channels/products';
import type { PurchaseLine, PurchaseOptions } from '../../../shared/channels/purchasing';
import { VAT_CODES, type VatCode } from '../../../shared/enums';
import { formatAmount, formatDate, formatQuantity } from '../../../shared/format';
import { fetchChannel } from '../../api/queries';
import { LookupInput } from '../../components/LookupInput';
import type { FieldErrors } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { vatShortLabel } from '../orders/labels';
import {
  PURCHASE_ENTER_COLUMNS,
  emptyPurchaseLine,
  isBlankPurchaseLine,
  purchaseLineField,
  withPurchaseProduct,
  type PurchaseColumn,
  type PurchaseDraftLine,
} from './purchaseDraft';

export interface PurchaseLinesHandle {
  focusCell(uid: string, col: PurchaseColumn): void;
  /** Alt+L: the first line without a product, or the last line. */
  focusEntry(): void;
}

type LinesUpdater = (update: (lines: readonly PurchaseDraftLine[]) => readonly PurchaseDraftLine[]) => void;

export interface PurchaseLinesProps {
  readonly lines: readonly PurchaseDraftLine[];
  readonly setLines: LinesUpdater;
  readonly editable: boolean;
  readonly errors: FieldErrors;
  readonly setFieldError: (field: string, error: BilingualText | null) => void;
  readonly onRemoveRequest: (uid: string) => void;
  readonly handle: RefObject<PurchaseLinesHandle | null>;
  readonly amounts: ReadonlyMap<string, number>;
  readonly amountsPending: boolean;
  /** The saved order's lines by id, and its options (which step columns to show); null for a new order. */
  readonly saved: { readonly lines: ReadonlyMap<number, PurchaseLine>; readonly options: PurchaseOptions } | null;
}

const searchProducts = (query: string) => fetchChannel('products.lookup', { query, limit: 8 });
const CELL_COLUMNS: readonly PurchaseColumn[] = ['product', 'description', 'quantity', 'price', 'discount', 'vatCode', 'deliveryDate'];

export function PurchaseLines(props: PurchaseLinesProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cells = useRef(new Map<string, HTMLElement>());
  const pending = useRef<{ uid: string; col: PurchaseColumn } | null>(null);
  const linesRef = useRef(props.lines);
  linesRef.current = props.lines;

  const tryFocus = (uid: string, col: PurchaseColumn): boolean => {
    const el = cells.current.get(`${uid}:${col}`);
    if (!el) return false;
    el.focus();
    if (el instanceof HTMLInputElement) el.select();
    return true;
  };
  const focusCell = (uid: string, col: PurchaseColumn) => {
    pending.current = null;
    if (!tryFocus(uid, col)) pending.current = { uid, col };
  };
  useLayoutEffect(() => {
    const p = pending.current;
    if (p && tryFocus(p.uid, p.col)) pending.current = null;
  });

  props.handle.current = {
    focusCell,
    focusEntry: () => {
      const lines = linesRef.current;
      const target = lines.find((l) => l.productId === null) ?? lines[lines.length - 1];
      if (target) focusCell(target.uid, 'product');
    },
  };

  const update = (uid: string, change: (l: PurchaseDraftLine) => PurchaseDraftLine) =>
    props.setLines((lines) => lines.map((l) => (l.uid === uid ? change(l) : l)));
  const cellRef = (uid: string, col: PurchaseColumn) => (el: HTMLElement | null) => {
    if (el) cells.current.set(`${uid}:${col}`, el);
    else cells.current.delete(`${uid}:${col}`);
  };

  const toNextLine = (uid: string) => {
    const lines = linesRef.current;
    const i = lines.findIndex((l) => l.uid === uid);
    const next = lines[i + 1];
    if (next) return focusCell(next.uid, 'product');
    const current = lines[i];
    if (current && isBlankPurchaseLine(current)) return focusCell(current.uid, 'product');
    const line = emptyPurchaseLine();
    props.setLines((ls) => [...ls, line]);
    focusCell(line.uid, 'product');
  };

  const advance = (uid: string, col: PurchaseColumn) => {
    const i = PURCHASE_ENTER_COLUMNS.indexOf(col);
    const next = PURCHASE_ENTER_COLUMNS[i + 1];
    if (col === 'description') return focusCell(uid, 'quantity');
    if (next && i >= 0) return focusCell(uid, next);
    toNextLine(uid);
  };

  const commonKeys = (e: KeyboardEvent<HTMLElement>, uid: string, col: PurchaseColumn): boolean => {
    const lines = linesRef.current;
    const i = lines.findIndex((l) => l.uid === uid);
    if ((e.ctrlKey || e.metaKey) && e.key === 'Delete') {
      e.preventDefault();
      props.onRemoveRequest(uid);
      return true;
    }
    if (!e.altKey && !e.ctrlKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && col !== 'vatCode') {
      const target = lines[e.key === 'ArrowUp' ? i - 1 : i + 1];
      if (target) {
        e.preventDefault();
        focusCell(target.uid, col);
      }
      return true;
    }
    return false;
  };

  const onCellKey = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, line: PurchaseDraftLine, col: PurchaseColumn) => {
    if (commonKeys(e, line.uid, col)) return;
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      if (col === 'quantity' && !line.quantity.trim() && line.productId !== null) update(line.uid, (l) => ({ ...l, quantity: '1' }));
      advance(line.uid, col);
    }
  };

  const commitProduct = (uid: string, product: Product | null, query: string, how: 'enter' | 'blur') => {
    if (product) {
      update(uid, (l) => withPurchaseProduct(l, product));
      props.setFieldError(purchaseLineField(uid, 'product'), null);
      return;
    }
    props.setFieldError(purchaseLineField(uid, 'product'), bilingual('order.line.productNotFound', { query }));
    if (how === 'enter') focusCell(uid, 'product');
  };

  const errorOf = (uid: string, col: PurchaseColumn) => props.errors[purchaseLineField(uid, col)];
  const lineErrors = (uid: string) => CELL_COLUMNS.map((c) => errorOf(uid, c)).filter((m): m is BilingualText => Boolean(m));
  const saved = props.saved;
  const stepCols = saved ? 3 + (saved.options.reply ? 1 : 0) + (saved.options.dispatch ? 1 : 0) : 0;
  const disabled = !props.editable;

  const textInput = (line: PurchaseDraftLine, i: number, col: 'description' | 'quantity' | 'price' | 'discount' | 'deliveryDate', numeric: boolean, label: string) => (
    <input
      ref={cellRef(line.uid, col)}
      className={`cell ${numeric ? 'num' : ''} ${errorOf(line.uid, col) ? 'invalid' : ''}`}
      inputMode={numeric ? 'decimal' : undefined}
      data-testid={`pline-${i}-${col}`}
      data-field={purchaseLineField(line.uid, col)}
      aria-label={`${label} ${i + 1}`}
      value={line[col]}
      placeholder={col === 'price' && !disabled ? t('purchasing.line.costPlaceholder') : undefined}
      title={col === 'deliveryDate' ? t('common.datePlaceholder') : undefined}
      maxLength={col === 'description' ? 300 : undefined}
      disabled={disabled}
      onFocus={(e) => e.target.select()}
      onChange={(e) => update(line.uid, (l) => ({ ...l, [col]: e.target.value, ...(col === 'price' ? { priceTouched: true } : {}) }))}
      onKeyDown={(e) => onCellKey(e, line, col)}
    />
  );

  return (
    <div className="lines" data-testid="purchase-lines">
      <table className="lines-grid purchase-lines" role="grid" aria-label={t('order.lines')}>
        <colgroup>
          <col className="c-no" />
          <col className="c-product" />
          <col className="c-description" />
          <col className="c-quantity" />
          <col className="c-unit" />
          <col className="c-price" />
          <col className="c-discount" />
          <col className="c-vat" />
          <col className="c-date" />
          <col className="c-amount" />
          {saved ? (
            <>
              {saved.options.reply ? <col className="c-confirmed" /> : null}
              {saved.options.dispatch ? <col className="c-qty" /> : null}
              <col className="c-qty" />
              <col className="c-qty" />
              <col className="c-diff" />
            </>
          ) : null}
          <col className="c-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="num">{t('order.line.no')}</th>
            <th scope="col">{t('order.line.product')}</th>
            <th scope="col">{t('order.line.description')}</th>
            <th scope="col" className="num">{t('purchasing.line.ordered')}</th>
            <th scope="col">{t('order.line.unit')}</th>
            <th scope="col" className="num">{t('purchasing.line.price')}</th>
            <th scope="col" className="num">{t('order.line.discount')}</th>
            <th scope="col">{t('order.line.vat')}</th>
            <th scope="col">{t('purchasing.line.deliveryDate')}</th>
            <th scope="col" className="num">{t('order.line.amount')}</th>
            {saved ? (
              <>
                {saved.options.reply ? (
                  <th scope="col" className="num qty-col" title={t('purchasing.line.confirmedTitle')}>
                    {t('purchasing.line.confirmed')}
                  </th>
                ) : null}
                {saved.options.dispatch ? <th scope="col" className="num qty-col">{t('purchasing.line.shipped')}</th> : null}
                <th scope="col" className="num qty-col">{t('purchasing.line.received')}</th>
                <th scope="col" className="num qty-col">{t('purchasing.line.invoiced')}</th>
                <th scope="col" className="num qty-col" title={t('purchasing.line.priceDiffTitle')}>{t('purchasing.line.priceDiff')}</th>
              </>
            ) : null}
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, i) => {
            const amount = props.amounts.get(line.uid) ?? null;
            const s = line.id !== undefined ? saved?.lines.get(line.id) : undefined;
            const errors = lineErrors(line.uid);
            return [
              <tr key={line.uid} data-testid={`pline-${i}`} className={`${errors.length ? 'has-error' : ''} ${disabled ? 'locked' : ''} ${s?.reply === 'refused' ? 'refused' : ''}`}>
                <td className="num muted">{i + 1}</td>
                <td>
                  <LookupInput<Product>
                    value={line.productText}
                    resolved={line.productId !== null && line.productText === line.pickedNumber}
                    onChange={(text) => update(line.uid, (l) => ({ ...l, productText: text, priceTouched: false }))}
                    queryKey="products.lookup"
                    search={searchProducts}
                    itemKey={(p) => p.id}
                    renderItem={(p) => (
                      <span className="lookup-item">
                        <span className="code">{p.number}</span>
                        <span className="name">{p.name}</span>
                        <span className="num">{p.costOre != null ? formatAmount(p.costOre) : ''}</span>
                        <span className="muted">{p.ean ?? ''}</span>
                      </span>
                    )}
                    onCommit={(p, query, how) => commitProduct(line.uid, p, query, how)}
                    onAdvance={() => focusCell(line.uid, 'quantity')}
                    onOtherKey={(e) => commonKeys(e, line.uid, 'product')}
                    inputRef={cellRef(line.uid, 'product')}
                    testId={`pline-${i}-product`}
                    field={purchaseLineField(line.uid, 'product')}
                    className={`cell ${errorOf(line.uid, 'product') ? 'invalid' : ''}`}
                    placeholder={disabled ? undefined : t('order.line.productPlaceholder')}
                    ariaLabel={`${t('order.line.product')} ${i + 1}`}
                    invalid={Boolean(errorOf(line.uid, 'product'))}
                    disabled={disabled}
                  />
                </td>
                <td>{textInput(line, i, 'description', false, t('order.line.description'))}</td>
                <td>{textInput(line, i, 'quantity', true, t('purchasing.line.ordered'))}</td>
                <td className="muted">{line.unit}</td>
                <td>{textInput(line, i, 'price', true, t('purchasing.line.price'))}</td>
                <td>{textInput(line, i, 'discount', true, t('order.line.discount'))}</td>
                <td>
                  <select
                    ref={cellRef(line.uid, 'vatCode')}
                    className="cell"
                    data-testid={`pline-${i}-vatCode`}
                    data-field={purchaseLineField(line.uid, 'vatCode')}
                    aria-label={`${t('order.line.vat')} ${i + 1}`}
                    value={line.vatCode}
                    disabled={disabled}
                    title={VAT_CODES.find((v) => v.code === line.vatCode)?.[lang]}
                    onChange={(e) => update(line.uid, (l) => ({ ...l, vatCode: e.target.value as VatCode }))}
                    onKeyDown={(e) => onCellKey(e, line, 'vatCode')}
                  >
                    {VAT_CODES.map((v) => (
                      <option key={v.code} value={v.code}>
                        {vatShortLabel(v.code, lang)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{textInput(line, i, 'deliveryDate', false, t('purchasing.line.deliveryDate'))}</td>
                <td className={`num amount ${props.amountsPending ? 'pending' : ''}`} data-testid={`pline-${i}-amount`}>
                  {amount === null ? (s ? formatAmount(s.amountOre) : '') : formatAmount(amount)}
                </td>
                {saved ? <StepCells line={s} index={i} reply={saved.options.reply} dispatch={saved.options.dispatch} /> : null}
                <td className="actions">
                  <button
                    disabled={disabled}
                    type="button"
                    tabIndex={-1}
                    className="icon"
                    aria-label={t('order.line.remove', { no: i + 1 })}
                    title={`${t('order.line.remove', { no: i + 1 })} (Ctrl+Delete)`}
                    data-testid={`pline-${i}-remove`}
                    onClick={() => props.onRemoveRequest(line.uid)}
                  >
                    {disabled ? '' : '×'}
                  </button>
                </td>
              </tr>,
              errors.length ? (
                <tr key={`${line.uid}-error`} className="line-error-row">
                  <td />
                  <td colSpan={10 + stepCols + 1} role="alert" data-testid={`pline-${i}-error`}>
                    {errors.map((m) => m[lang]).join(' ')}
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Confirmed (with the changed price and date under it), shipped, received,
 * invoiced, and the price difference invoiced against the agreed price.
 */
function StepCells(props: { line: PurchaseLine | undefined; index: number; reply: boolean; dispatch: boolean }) {
  const { t } = useTranslation();
  const l = props.line;
  const q = (n: number | undefined) => (n ? formatQuantity(n) : '');
  const i = props.index;
  let confirmed: ReactNode = '';
  if (l?.reply === 'refused') confirmed = <span className="refused-text">{t('purchasing.reply.refused')}</span>;
  else if (l?.reply === 'accepted') confirmed = <span>{formatQuantity(l.qtyConfirmed)}</span>;
  else if (l?.reply === 'changed') {
    const parts = [
      formatQuantity(l.qtyConfirmed),
      l.confirmedPriceOre !== null ? `à ${formatAmount(l.confirmedPriceOre)}` : null,
      l.confirmedDeliveryDate ? formatDate(l.confirmedDeliveryDate) : null,
    ].filter(Boolean);
    confirmed = (
      <span className="changed" title={t('purchasing.reply.changedAmountTitle', { amount: formatAmount(l.agreedAmountOre) })}>
        {parts.join(' · ')}
      </span>
    );
  }
  const diff = l?.priceDifferenceOre ?? 0;
  return (
    <>
      {props.reply ? (
        <td className="num qty-col confirmed-col" data-testid={`pline-${i}-confirmed`}>
          {confirmed}
        </td>
      ) : null}
      {props.dispatch ? (
        <td className="num qty-col" data-testid={`pline-${i}-shipped`}>
          {q(l?.qtyShipped)}
        </td>
      ) : null}
      <td className="num qty-col" data-testid={`pline-${i}-received`}>
        {q(l?.qtyReceived)}
      </td>
      <td className="num qty-col" data-testid={`pline-${i}-invoiced`}>
        {q(l?.qtyInvoiced)}
      </td>
      <td className={`num qty-col ${diff > 0 ? 'diff-up' : diff < 0 ? 'diff-down' : ''}`} data-testid={`pline-${i}-priceDiff`}>
        {diff ? `${diff > 0 ? '+' : ''}${formatAmount(diff)}` : ''}
      </td>
    </>
  );
}
