// The cells of the order lines grid. Each editable cell is always an input (no
// separate edit mode: type and press Enter). An input keeps its own text while
// it has focus, so typing never waits for the grid to redraw the row; the row's
// value takes over again when focus leaves.
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductHit } from '../../../shared/channels/products';
import { VAT_CODES, type VatCode } from '../../../shared/enums';
import { formatAmount, formatQuantity } from '../../../shared/format';
import { fetchChannel } from '../../api/queries';
import { LookupInput } from '../../components/LookupInput';
import { useLanguage, type BilingualText } from '../../i18n';
import { vatShortLabel } from './labels';
import type { LineRow } from './lineRows';
import { lineField, type LineColumn } from './orderDraft';

/** What the cells call back into; read at the time of the event, so always the grid's latest. */
export interface LineCellActions {
  cellRef(uid: string, col: LineColumn): (el: HTMLElement | null) => void;
  /** A key in a cell; `text` is what the cell holds now. */
  onKey(e: KeyboardEvent<HTMLElement>, uid: string, col: LineColumn, text: string): void;
  onText(uid: string, col: 'description' | 'quantity' | 'price' | 'discount' | 'vatCode' | 'productText', text: string): void;
  onLeave(uid: string, col: LineColumn, text: string): void;
  commitProduct(uid: string, product: ProductHit | null, query: string, how: 'enter' | 'blur'): void;
  productKey(e: KeyboardEvent<HTMLInputElement>, uid: string): void;
  afterProduct(uid: string): void;
  remove(uid: string): void;
  /** Text pasted into a product cell; true when it was lines (taken care of), false for a plain value. */
  paste(uid: string, text: string): boolean;
}

export interface LinesGridContext {
  readonly actions: { current: LineCellActions };
}

type Props = CustomCellRendererProps<LineRow, unknown, LinesGridContext>;

/** The cell's own text while focused; the row's otherwise. */
export function useCellText(value: string) {
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(value);
  }, [value, focused]);
  return { text, setText, focused, setFocused };
}

const searchProducts = (query: string) => fetchChannel('products.lookup', { query, limit: 8 });

export function ProductCell(props: Props) {
  const { t } = useTranslation();
  const row = props.data!;
  const actions = props.context.actions;
  const { text, setText, setFocused } = useCellText(row.line.productText);
  const line = row.line;
  return (
    <div
      className="line-cell"
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onPasteCapture={(e) => {
        if (actions.current.paste(row.uid, e.clipboardData.getData('text/plain'))) e.preventDefault();
      }}
    >
      <LookupInput<ProductHit>
        value={text}
        resolved={line.productId !== null && text === line.pickedNumber}
        onChange={(v) => {
          setText(v);
          actions.current.onText(row.uid, 'productText', v);
        }}
        queryKey="products.lookup"
        search={searchProducts}
        debounceMs={20}
        itemKey={(p) => p.id}
        renderItem={(p) => <ProductSuggestion product={p} />}
        onCommit={(p, query, how) => actions.current.commitProduct(row.uid, p, query, how)}
        onAdvance={() => actions.current.afterProduct(row.uid)}
        onOtherKey={(e) => actions.current.productKey(e, row.uid)}
        inputRef={actions.current.cellRef(row.uid, 'product')}
        testId={`line-${row.index}-product`}
        field={lineField(row.uid, 'product')}
        className={`cell ${row.errors.product ? 'invalid' : ''}`}
        placeholder={t('order.line.productPlaceholder')}
        ariaLabel={`${t('order.line.product')} ${row.index + 1}`}
        invalid={Boolean(row.errors.product)}
        disabled={row.locked}
      />
    </div>
  );
}

/** A suggestion: number, name, available (for products whose stock is kept), price, VAT. */
function ProductSuggestion(props: { product: ProductHit }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const p = props.product;
  const none = p.available !== null && p.available <= 0;
  return (
    <span className="lookup-item product-hit">
      <span className="code">{p.number}</span>
      <span className="name">{p.name}</span>
      <span
        className={`num avail ${none ? 'short' : ''}`}
        data-testid="suggestion-available"
        title={p.available === null ? t('linesGrid.notStocked') : t('linesGrid.availableTitle')}
      >
        {p.available === null ? '–' : t('linesGrid.suggestAvailable', { qty: formatQuantity(p.available), unit: p.unit })}
      </span>
      <span className="num" data-testid="suggestion-price">
        {formatAmount(p.priceOre)}
      </span>
      <span className="muted">{vatShortLabel(p.vatCode, lang)}</span>
    </span>
  );
}

type TextCol = 'description' | 'quantity' | 'price' | 'discount';

export function TextCell(props: Props & { col: TextCol }) {
  const { t } = useTranslation();
  const row = props.data!;
  const col = props.col;
  const actions = props.context.actions;
  const { text, setText, setFocused } = useCellText(row.line[col]);
  const numeric = col !== 'description';
  const error = row.errors[col];
  const lang = useLanguage();
  return (
    <input
      ref={actions.current.cellRef(row.uid, col)}
      className={`cell ${numeric ? 'num' : ''} ${error ? 'invalid' : ''}`}
      inputMode={numeric ? 'decimal' : undefined}
      data-testid={`line-${row.index}-${col}`}
      data-field={lineField(row.uid, col)}
      aria-label={`${t(`order.line.${col}`)} ${row.index + 1}`}
      aria-invalid={error ? true : undefined}
      title={error ? error[lang] : col === 'description' ? text : undefined}
      value={text}
      maxLength={col === 'description' ? 300 : 30}
      disabled={row.locked}
      onFocus={(e) => {
        setFocused(true);
        e.target.select();
      }}
      onBlur={(e) => {
        setFocused(false);
        actions.current.onLeave(row.uid, col, e.target.value);
      }}
      onChange={(e) => {
        setText(e.target.value);
        actions.current.onText(row.uid, col, e.target.value);
      }}
      onKeyDown={(e) => actions.current.onKey(e, row.uid, col, e.currentTarget.value)}
    />
  );
}

export function VatCell(props: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const row = props.data!;
  const actions = props.context.actions;
  return (
    <select
      ref={actions.current.cellRef(row.uid, 'vatCode')}
      className={`cell ${row.errors.vatCode ? 'invalid' : ''}`}
      data-testid={`line-${row.index}-vat`}
      data-field={lineField(row.uid, 'vatCode')}
      aria-label={`${t('order.line.vat')} ${row.index + 1}`}
      value={row.line.vatCode}
      onChange={(e) => actions.current.onText(row.uid, 'vatCode', e.target.value as VatCode)}
      onKeyDown={(e) => actions.current.onKey(e, row.uid, 'vatCode', e.currentTarget.value)}
      title={VAT_CODES.find((v) => v.code === row.line.vatCode)?.[lang]}
      disabled={row.locked}
    >
      {VAT_CODES.map((v) => (
        <option key={v.code} value={v.code}>
          {vatShortLabel(v.code, lang)}
        </option>
      ))}
    </select>
  );
}

/** The line number, and under the row what is wrong with it (said at the line, in words). */
export function NumberCell(props: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const row = props.data!;
  // Each message names its cell ("Antall: Ugyldig tall."); the product's own message already does.
  const messages = (Object.entries(row.errors) as [LineColumn, BilingualText][]).map(([col, m]) =>
    col === 'product' ? m[lang] : `${t(`order.line.${col === 'vatCode' ? 'vat' : col}`)}: ${m[lang]}`,
  );
  return (
    <>
      <span className="line-no">{row.index + 1}</span>
      {messages.length ? (
        <div className="line-error" role="alert" data-testid={`line-${row.index}-error`}>
          {messages.join(' ')}
        </div>
      ) : null}
    </>
  );
}

export function UnitCell(props: Props) {
  const row = props.data!;
  return <span data-testid={`line-${row.index}-unit`}>{row.line.unit}</span>;
}

export function AmountCell(props: Props) {
  const row = props.data!;
  return <span data-testid={`line-${row.index}-amount`}>{row.amount === null ? '' : formatAmount(row.amount)}</span>;
}

/** Disp.: what is free for this line; marked when the order would take more. */
export function AvailableCell(props: Props) {
  const { t } = useTranslation();
  const row = props.data!;
  const s = row.stock;
  if (!s) return <span data-testid={`line-${row.index}-available`} />;
  // Lines above may have taken more than there is: nothing is free for this one, not less than nothing.
  const free = Math.max(0, s.available);
  const title = s.short
    ? t('linesGrid.shortTitle', { need: formatQuantity(s.need), available: formatQuantity(free), unit: row.line.unit })
    : t('linesGrid.availableTitle');
  return (
    <span className={`avail ${s.short ? 'short' : ''}`} data-testid={`line-${row.index}-available`} data-short={s.short} title={title}>
      {formatQuantity(free)}
    </span>
  );
}

/** Delivered / invoiced / reserved (or on loan) of a saved line; "lukket" when closed short. */
export function SavedQuantityCell(props: Props & { which: 'delivered' | 'invoiced' | 'reserved'; onLoan: boolean }) {
  const { t } = useTranslation();
  const row = props.data!;
  const l = row.saved;
  const q = (n: number | undefined) => (n ? formatQuantity(n) : '');
  const value = props.which === 'delivered' ? l?.qtyDelivered : props.which === 'invoiced' ? l?.qtyInvoiced : props.onLoan ? l?.qtyOnLoan : l?.qtyReserved;
  return (
    <span data-testid={`line-${row.index}-${props.which}`}>
      {q(value)}
      {props.which === 'delivered' && l?.closedShort ? (
        <span className="closed-short" title={t('process.qty.closedShortTitle')}>
          {' '}
          {t('process.qty.closedShort')}
        </span>
      ) : null}
    </span>
  );
}

export function RemoveCell(props: Props) {
  const { t } = useTranslation();
  const row = props.data!;
  return (
    <button
      disabled={row.locked}
      type="button"
      tabIndex={-1}
      className="icon"
      aria-label={t('order.line.remove', { no: row.index + 1 })}
      title={`${t('order.line.remove', { no: row.index + 1 })} (Ctrl+Delete)`}
      data-testid={`line-${row.index}-remove`}
      onClick={() => props.context.actions.current.remove(row.uid)}
    >
      ×
    </button>
  );
}
