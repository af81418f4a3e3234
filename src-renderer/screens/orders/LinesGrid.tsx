// The order lines, made for the keyboard. Every cell is always an input, so
// there is no separate "edit mode" to enter: type a product number or part of
// its name, Enter takes the match and moves to quantity, then price (filled in
// from the product), then discount; Enter on the last cell of the last line
// starts a new line with focus on its product cell. ↑/↓ move between lines,
// Alt+↑/↓ move the line itself, Ctrl+Delete removes it (after asking).
// On a saved order each line also shows what is delivered, invoiced and
// reserved (or lent); a line with goods delivered or invoiced is locked.
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../../../shared/channels/orders';
import type { Product } from '../../../shared/channels/products';
import { VAT_CODES, type VatCode } from '../../../shared/enums';
import { formatAmount, formatQuantity } from '../../../shared/format';
import { fetchChannel } from '../../api/queries';
import { LookupInput } from '../../components/LookupInput';
import type { FieldErrors } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import {
  ENTER_COLUMNS,
  emptyLine,
  isBlankLine,
  lineField,
  withProduct,
  type DraftLine,
  type LineColumn,
} from './orderDraft';

export interface LinesGridHandle {
  focusCell(uid: string, col: LineColumn): void;
  /** Alt+L: the first line without a product, or the last line. */
  focusEntry(): void;
}

type LinesUpdater = (update: (lines: readonly DraftLine[]) => readonly DraftLine[]) => void;

export interface LinesGridProps {
  readonly lines: readonly DraftLine[];
  readonly setLines: LinesUpdater;
  readonly errors: FieldErrors;
  readonly setFieldError: (field: string, error: BilingualText | null) => void;
  readonly onRemoveRequest: (uid: string) => void;
  readonly handle: RefObject<LinesGridHandle | null>;
  /** Each line's amount as the engine computed it (orders.previewTotals while typing), by line uid. */
  readonly amounts: ReadonlyMap<string, number>;
  readonly amountsPending: boolean;
  /** The saved order's lines by id, for the quantity columns; null for a new order. */
  readonly savedLines: ReadonlyMap<number, OrderLine> | null;
}

const searchProducts = (query: string) => fetchChannel('products.lookup', { query, limit: 8 });

export function LinesGrid(props: LinesGridProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cells = useRef(new Map<string, HTMLElement>());
  const pending = useRef<{ uid: string; col: LineColumn } | null>(null);
  const linesRef = useRef(props.lines);
  linesRef.current = props.lines;

  const tryFocus = (uid: string, col: LineColumn): boolean => {
    const el = cells.current.get(`${uid}:${col}`);
    if (!el) return false;
    el.focus();
    if (el instanceof HTMLInputElement) el.select();
    return true;
  };
  const focusCell = (uid: string, col: LineColumn) => {
    pending.current = null;
    if (!tryFocus(uid, col)) pending.current = { uid, col };
  };
  // A cell asked for before it existed (a new line) gets focus once it is rendered.
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

  const update = (uid: string, change: (l: DraftLine) => DraftLine) =>
    props.setLines((lines) => lines.map((l) => (l.uid === uid ? change(l) : l)));

  const cellRef = (uid: string, col: LineColumn) => (el: HTMLElement | null) => {
    if (el) cells.current.set(`${uid}:${col}`, el);
    else cells.current.delete(`${uid}:${col}`);
  };

  /** Enter from the last cell: the next line's product cell, or a new line at the end. */
  const toNextLine = (uid: string) => {
    const lines = linesRef.current;
    const i = lines.findIndex((l) => l.uid === uid);
    const next = lines[i + 1];
    if (next) return focusCell(next.uid, 'product');
    const current = lines[i];
    if (current && isBlankLine(current)) return focusCell(current.uid, 'product');
    const line = emptyLine();
    props.setLines((ls) => [...ls, line]);
    focusCell(line.uid, 'product');
  };

  const advance = (uid: string, col: LineColumn) => {
    const i = ENTER_COLUMNS.indexOf(col);
    const next = ENTER_COLUMNS[i + 1];
    if (col === 'description') return focusCell(uid, 'quantity');
    if (next && i >= 0) return focusCell(uid, next);
    toNextLine(uid);
  };

  const move = (uid: string, delta: -1 | 1, col: LineColumn) => {
    const at = linesRef.current.findIndex((l) => l.uid === uid);
    if (at < 0 || at + delta < 0 || at + delta >= linesRef.current.length) return;
    props.setLines((lines) => {
      const i = lines.findIndex((l) => l.uid === uid);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= lines.length) return lines;
      const copy = [...lines];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    });
    // After the rows are re-ordered in the DOM: moving a focused node loses its focus.
    pending.current = { uid, col };
  };

  /** Keys every cell shares. Returns true when handled. */
  const commonKeys = (e: KeyboardEvent<HTMLElement>, uid: string, col: LineColumn): boolean => {
    const lines = linesRef.current;
    const i = lines.findIndex((l) => l.uid === uid);
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(uid, e.key === 'ArrowUp' ? -1 : 1, col);
      return true;
    }
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

  const onCellKey = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, line: DraftLine, col: LineColumn) => {
    if (commonKeys(e, line.uid, col)) return;
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      if (col === 'quantity' && !line.quantity.trim() && line.productId !== null) {
        update(line.uid, (l) => ({ ...l, quantity: '1' }));
      }
      advance(line.uid, col);
    }
  };

  const commitProduct = (uid: string, product: Product | null, query: string, how: 'enter' | 'blur') => {
    if (product) {
      update(uid, (l) => withProduct(l, product));
      props.setFieldError(lineField(uid, 'product'), null);
      return;
    }
    props.setFieldError(lineField(uid, 'product'), bilingual('order.line.productNotFound', { query }));
    if (how === 'enter') focusCell(uid, 'product');
  };

  const errorOf = (uid: string, col: LineColumn) => props.errors[lineField(uid, col)];
  const lineErrors = (uid: string) =>
    (['product', 'description', 'quantity', 'price', 'discount', 'vatCode'] as const)
      .map((c) => errorOf(uid, c))
      .filter((m): m is BilingualText => Boolean(m));

  const onLoan = [...(props.savedLines?.values() ?? [])].some((l) => l.qtyOnLoan > 0);

  return (
    <div className="lines" data-testid="order-lines">
      <table className="lines-grid" role="grid" aria-label={t('order.lines')}>
        <colgroup>
          <col className="c-no" />
          <col className="c-product" />
          <col className="c-description" />
          <col className="c-quantity" />
          <col className="c-unit" />
          <col className="c-price" />
          <col className="c-discount" />
          <col className="c-vat" />
          <col className="c-amount" />
          {props.savedLines ? (
            <>
              <col className="c-qty" />
              <col className="c-qty" />
              <col className="c-qty" />
            </>
          ) : null}
          <col className="c-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('order.line.no')}
            </th>
            <th scope="col">{t('order.line.product')}</th>
            <th scope="col">{t('order.line.description')}</th>
            <th scope="col" className="num">
              {t('order.line.quantity')}
            </th>
            <th scope="col">{t('order.line.unit')}</th>
            <th scope="col" className="num">
              {t('order.line.price')}
            </th>
            <th scope="col" className="num">
              {t('order.line.discount')}
            </th>
            <th scope="col">{t('order.line.vat')}</th>
            <th scope="col" className="num">
              {t('order.line.amount')}
            </th>
            {props.savedLines ? (
              <>
                <th scope="col" className="num qty-col" title={t('process.qty.delivered')}>
                  {t('process.qty.deliveredShort')}
                </th>
                <th scope="col" className="num qty-col" title={t('process.qty.invoiced')}>
                  {t('process.qty.invoicedShort')}
                </th>
                <th scope="col" className="num qty-col" title={onLoan ? t('process.qty.onLoan') : t('process.qty.reserved')}>
                  {onLoan ? t('process.qty.onLoanShort') : t('process.qty.reservedShort')}
                </th>
              </>
            ) : null}
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, i) => {
            const amount = props.amounts.get(line.uid) ?? null;
            const saved = line.id !== undefined ? props.savedLines?.get(line.id) : undefined;
            // The engine refuses to change a line whose goods are delivered or invoiced: say so by locking it.
            const lineLocked = saved !== undefined && (saved.qtyDelivered > 0 || saved.qtyInvoiced > 0);
            const errors = lineErrors(line.uid);
            const cls = (col: LineColumn) => (errorOf(line.uid, col) ? 'invalid' : '');
            return [
              <tr
                key={line.uid}
                data-testid={`line-${i}`}
                className={`${errors.length ? 'has-error' : ''} ${lineLocked ? 'locked' : ''}`}
                title={lineLocked ? t('process.lineLocked') : undefined}
              >
                <td className="num muted">{i + 1}</td>
                <td>
                  <LookupInput<Product>
                    value={line.productText}
                    resolved={line.productId !== null && line.productText === line.pickedNumber}
                    onChange={(text) =>
                      update(line.uid, (l) => ({ ...l, productText: text, priceTouched: false }))
                    }
                    queryKey="products.lookup"
                    search={searchProducts}
                    itemKey={(p) => p.id}
                    renderItem={(p) => (
                      <span className="lookup-item">
                        <span className="code">{p.number}</span>
                        <span className="name">{p.name}</span>
                        <span className="num">{formatAmount(p.priceOre)}</span>
                        <span className="muted">{p.vatCode}&nbsp;%</span>
                      </span>
                    )}
                    onCommit={(p, query, how) => commitProduct(line.uid, p, query, how)}
                    onAdvance={() => focusCell(line.uid, 'quantity')}
                    onOtherKey={(e) => commonKeys(e, line.uid, 'product')}
                    inputRef={cellRef(line.uid, 'product')}
                    testId={`line-${i}-product`}
                    field={lineField(line.uid, 'product')}
                    className={`cell ${cls('product')}`}
                    placeholder={t('order.line.productPlaceholder')}
                    ariaLabel={`${t('order.line.product')} ${i + 1}`}
                    invalid={Boolean(errorOf(line.uid, 'product'))}
                    disabled={lineLocked}
                  />
                </td>
                <td>
                  <input
                    ref={cellRef(line.uid, 'description')}
                    className={`cell ${cls('description')}`}
                    data-testid={`line-${i}-description`}
                    data-field={lineField(line.uid, 'description')}
                    aria-label={`${t('order.line.description')} ${i + 1}`}
                    value={line.description}
                    maxLength={300}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => update(line.uid, (l) => ({ ...l, description: e.target.value }))}
                    onKeyDown={(e) => onCellKey(e, line, 'description')}
                    disabled={lineLocked}
                  />
                </td>
                <td>
                  <input
                    ref={cellRef(line.uid, 'quantity')}
                    className={`cell num ${cls('quantity')}`}
                    inputMode="decimal"
                    data-testid={`line-${i}-quantity`}
                    data-field={lineField(line.uid, 'quantity')}
                    aria-label={`${t('order.line.quantity')} ${i + 1}`}
                    value={line.quantity}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => update(line.uid, (l) => ({ ...l, quantity: e.target.value }))}
                    onKeyDown={(e) => onCellKey(e, line, 'quantity')}
                    disabled={lineLocked}
                  />
                </td>
                <td className="muted" data-testid={`line-${i}-unit`}>
                  {line.unit}
                </td>
                <td>
                  <input
                    ref={cellRef(line.uid, 'price')}
                    className={`cell num ${cls('price')}`}
                    inputMode="decimal"
                    data-testid={`line-${i}-price`}
                    data-field={lineField(line.uid, 'price')}
                    aria-label={`${t('order.line.price')} ${i + 1}`}
                    value={line.price}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => update(line.uid, (l) => ({ ...l, price: e.target.value, priceTouched: true }))}
                    onKeyDown={(e) => onCellKey(e, line, 'price')}
                    disabled={lineLocked}
                  />
                </td>
                <td>
                  <input
                    ref={cellRef(line.uid, 'discount')}
                    className={`cell num ${cls('discount')}`}
                    inputMode="decimal"
                    data-testid={`line-${i}-discount`}
                    data-field={lineField(line.uid, 'discount')}
                    aria-label={`${t('order.line.discount')} ${i + 1}`}
                    value={line.discount}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => update(line.uid, (l) => ({ ...l, discount: e.target.value }))}
                    onKeyDown={(e) => onCellKey(e, line, 'discount')}
                    disabled={lineLocked}
                  />
                </td>
                <td>
                  <select
                    ref={cellRef(line.uid, 'vatCode')}
                    className={`cell ${cls('vatCode')}`}
                    data-testid={`line-${i}-vat`}
                    data-field={lineField(line.uid, 'vatCode')}
                    aria-label={`${t('order.line.vat')} ${i + 1}`}
                    value={line.vatCode}
                    onChange={(e) => update(line.uid, (l) => ({ ...l, vatCode: e.target.value as VatCode }))}
                    onKeyDown={(e) => onCellKey(e, line, 'vatCode')}
                    title={VAT_CODES.find((v) => v.code === line.vatCode)?.[lang]}
                    disabled={lineLocked}
                  >
                    {VAT_CODES.map((v) => (
                      <option key={v.code} value={v.code}>
                        {v.code}&nbsp;%
                      </option>
                    ))}
                  </select>
                </td>
                <td className={`num amount ${props.amountsPending ? 'pending' : ''}`} data-testid={`line-${i}-amount`}>
                  {amount === null ? '' : formatAmount(amount)}
                </td>
                {props.savedLines ? <QuantityCells line={saved} index={i} onLoan={onLoan} /> : null}
                <td className="actions">
                  <button
                    disabled={lineLocked}
                    type="button"
                    tabIndex={-1}
                    className="icon"
                    aria-label={t('order.line.remove', { no: i + 1 })}
                    title={`${t('order.line.remove', { no: i + 1 })} (Ctrl+Delete)`}
                    data-testid={`line-${i}-remove`}
                    onClick={() => props.onRemoveRequest(line.uid)}
                  >
                    ×
                  </button>
                </td>
              </tr>,
              errors.length ? (
                <tr key={`${line.uid}-error`} className="line-error-row">
                  <td />
                  <td colSpan={props.savedLines ? 12 : 9} role="alert" data-testid={`line-${i}-error`}>
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

/** Delivered / invoiced / reserved (or on loan) of a saved line, compact; "lukket" when closed short. */
function QuantityCells(props: { line: OrderLine | undefined; index: number; onLoan: boolean }) {
  const { t } = useTranslation();
  const l = props.line;
  const q = (n: number | undefined) => (n ? formatQuantity(n) : '');
  return (
    <>
      <td className="num qty-col" data-testid={`line-${props.index}-delivered`}>
        {q(l?.qtyDelivered)}
        {l?.closedShort ? (
          <span className="closed-short" title={t('process.qty.closedShortTitle')}>
            {' '}
            {t('process.qty.closedShort')}
          </span>
        ) : null}
      </td>
      <td className="num qty-col" data-testid={`line-${props.index}-invoiced`}>
        {q(l?.qtyInvoiced)}
      </td>
      <td className="num qty-col" data-testid={`line-${props.index}-reserved`}>
        {q(props.onLoan ? l?.qtyOnLoan : l?.qtyReserved)}
      </td>
    </>
  );
}
