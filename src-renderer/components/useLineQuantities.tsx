// A quantity typed per line in a dialog (deliver, return a loan, dispatch,
// receive, invoice): blank is nothing, and never more than the line allows.
// The dialog's own check wins over the engine's refusal until it passes.
import { useRef, useState } from 'react';
import { formatQuantity, parseQuantity } from '../../shared/format';
import { bilingual, type BilingualText } from '../i18n';
import type { DialogRefusal } from './dialogRefusal';

/** A quantity as the clerk types it (thousandths → "1 234,5"). */
export const qtyText = (q: number): string => formatQuantity(q, { separator: ' ' });

export interface LineQuantity {
  readonly lineId: number;
  readonly quantity: number;
}

interface Line {
  readonly id: number;
}

export function useLineQuantities<L extends Line, R extends DialogRefusal = DialogRefusal>(
  lines: readonly L[],
  initial: (l: L) => string,
  refusal: R,
) {
  const [qty, setQty] = useState<Record<number, string>>(() => Object.fromEntries(lines.map((l) => [l.id, initial(l)])));
  // What the dialog's own check refused (null: it passed, the engine's refusal shows).
  const [local, setLocal] = useState<R | null>(null);
  // Read through a ref as well: a scan adds to what the last scan left before React renders again.
  const qtyRef = useRef(qty);
  qtyRef.current = qty;
  const put = (next: Record<number, string>) => {
    qtyRef.current = next;
    setQty(next);
  };
  const shown: R = local ?? refusal;

  /** What a line's text says: blank is 0, null when it is not a number. */
  const valueOf = (id: number): number | null => {
    const text = (qtyRef.current[id] ?? '').trim();
    return text ? parseQuantity(text) : 0;
  };

  /**
   * The lines with a quantity, or null when one is wrong (shown under it) or,
   * with `nothing`, when no line has any (shown above the table).
   */
  const take = (max: (l: L) => number, tooMuch: (l: L) => BilingualText, nothing: BilingualText | null): LineQuantity[] | null => {
    const errors: Record<number, BilingualText> = {};
    const out: LineQuantity[] = [];
    for (const l of lines) {
      const q = valueOf(l.id);
      if (q === null || q < 0) errors[l.id] = bilingual('common.invalidNumber');
      else if (q > max(l)) errors[l.id] = tooMuch(l);
      else if (q > 0) out.push({ lineId: l.id, quantity: q });
    }
    const refused = Object.keys(errors).length ? { general: null, lines: errors } : out.length === 0 && nothing ? { general: nothing, lines: {} } : null;
    // R adds only optional parts (a header field's refusal), so these are R's too.
    setLocal(refused as R | null);
    return refused ? null : out;
  };

  return {
    qty,
    shown,
    setLocal,
    valueOf,
    take,
    setLine: (id: number, text: string) => put({ ...qtyRef.current, [id]: text }),
    setAll: (next: Record<number, string>) => put(next),
  };
}

export type LineQuantities = ReturnType<typeof useLineQuantities>;

/** The quantity input of one dialog line; `label` is the column's name (the line number is added). */
export function QuantityInput(props: {
  quantities: Pick<LineQuantities, 'qty' | 'shown' | 'setLine'>;
  line: { id: number; lineNo: number };
  label: string;
  testId: string;
  placeholder?: string;
}) {
  const { line, quantities: q } = props;
  return (
    <input
      className={`num qty-input ${q.shown.lines[line.id] ? 'invalid' : ''}`}
      inputMode="decimal"
      aria-label={`${props.label} ${line.lineNo}`}
      data-testid={props.testId}
      value={q.qty[line.id] ?? ''}
      placeholder={props.placeholder}
      onFocus={(e) => e.target.select()}
      onChange={(e) => q.setLine(line.id, e.target.value)}
    />
  );
}
