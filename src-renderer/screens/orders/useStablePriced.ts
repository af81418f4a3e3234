// The draft's priced lines, kept as the same array while they price the same.
// A new blank line, a description or a picked-but-unpriced product changes the
// draft but not the totals: the same array means no new preview is asked, and
// "the totals shown are those of the lines on screen" is a reference compare
// instead of serializing a thousand lines on every keystroke.
import { useMemo, useRef } from 'react';
import { pricedLines, samePriced, type DraftLine, type PricedDraftLine } from './orderDraft';

const NONE: readonly PricedDraftLine[] = [];

export function useStablePriced(lines: readonly DraftLine[] | undefined): readonly PricedDraftLine[] {
  const last = useRef<readonly PricedDraftLine[]>(NONE);
  return useMemo(() => {
    const next = lines ? pricedLines(lines) : NONE;
    if (!samePriced(last.current, next)) last.current = next;
    return last.current;
  }, [lines]);
}
