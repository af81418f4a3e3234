// A text field that finds records as the clerk types (customer by number, name
// or org. no.; product by number or part of its name). Enter takes the
// highlighted match and moves on; if the matches for what was typed have not
// arrived yet, focus moves on at once and the match is filled in when it comes,
// so a fast typist never types into the wrong field.
//
// Only an answer for exactly the text in the field is ever acted on (issue 10):
// while it is on its way the earlier answer may still show (dimmed), but ↓/↑
// are counted and applied to the new answer when it comes, and Enter takes
// from the new answer — never a row of the old one.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { queryClient } from '../api/queries';
import { useDebounced } from './useDebounced';

export interface LookupInputProps<T> {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** True when `value` is what a pick put there: Enter then only moves on. */
  readonly resolved: boolean;
  /** Cache key prefix and the search itself. */
  readonly queryKey: string;
  readonly search: (query: string) => Promise<readonly T[]>;
  /** How long typing must pause before searching (ms); a local engine answers in a few ms. */
  readonly debounceMs?: number;
  readonly itemKey: (item: T) => string | number;
  readonly renderItem: (item: T) => ReactNode;
  /**
   * A match was taken, or none was found for what was typed. `how` says whether
   * the clerk pressed Enter (focus has moved on; on no match, bring it back) or left the field.
   */
  readonly onCommit: (item: T | null, query: string, how: 'enter' | 'blur') => void;
  /** Move focus onward (Enter). */
  readonly onAdvance: () => void;
  /** Enter on an empty field. */
  readonly onEnterEmpty?: () => void;
  /** Keys the lookup does not use (arrows with the list closed, Alt+..., Ctrl+...). */
  readonly onOtherKey?: (e: KeyboardEvent<HTMLInputElement>) => void;
  readonly inputRef?: (el: HTMLInputElement | null) => void;
  readonly testId: string;
  readonly field: string;
  readonly id?: string;
  readonly className?: string;
  readonly placeholder?: string;
  readonly ariaLabel?: string;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly disabled?: boolean;
}

export function LookupInput<T>(props: LookupInputProps<T>) {
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const inputEl = useRef<HTMLInputElement | null>(null);
  const committing = useRef(false);
  /** ↓ (+1) and ↑ (−1) pressed while the answer for the text is still on its way. */
  const pendingMoves = useRef(0);
  const query = props.value.trim();
  const debounced = useDebounced(query, props.debounceMs ?? 120);
  const wanted = !props.resolved && debounced.length > 0;
  const results = useQuery({
    queryKey: [props.queryKey, debounced],
    queryFn: () => props.search(debounced),
    enabled: wanted,
    staleTime: 5_000,
  });
  const items = wanted && results.data ? results.data : [];
  const open = focused && !dismissed && !props.resolved && query.length > 0 && items.length > 0;
  /** The rows shown are the answer for exactly the text in the field (the query key is the text). */
  const fresh = wanted && debounced === query && results.data !== undefined;
  const pending = !props.resolved && query.length > 0 && !fresh;

  // A new answer for the text: the moves made while it was coming apply to it.
  useEffect(() => {
    if (!fresh) return;
    const n = results.data?.length ?? 0;
    setHighlight(Math.max(0, Math.min(pendingMoves.current, n - 1)));
    pendingMoves.current = 0;
  }, [fresh, results.data]);

  const fetchNow = (q: string) =>
    queryClient.fetchQuery({ queryKey: [props.queryKey, q], queryFn: () => props.search(q), staleTime: 5_000 });

  const commitLater = (q: string, advance: boolean) => {
    committing.current = true;
    const moves = pendingMoves.current;
    if (advance) props.onAdvance();
    fetchNow(q).then(
      (found) => props.onCommit(found[Math.max(0, Math.min(moves, found.length - 1))] ?? null, q, advance ? 'enter' : 'blur'),
      () => props.onCommit(null, q, advance ? 'enter' : 'blur'),
    ).finally(() => {
      committing.current = false;
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (props.resolved) return props.onAdvance();
      if (!query) return props.onEnterEmpty?.();
      if (fresh) {
        const item = items[Math.min(highlight, items.length - 1)];
        committing.current = true;
        props.onCommit(item ?? null, query, 'enter');
        if (item) props.onAdvance();
        committing.current = false;
        return;
      }
      commitLater(query, true);
      return;
    }
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey && !e.ctrlKey && pending) {
      e.preventDefault();
      pendingMoves.current = Math.max(0, pendingMoves.current + (e.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey) {
      e.preventDefault();
      setHighlight((h) => (e.key === 'ArrowDown' ? Math.min(h + 1, items.length - 1) : Math.max(h - 1, 0)));
      return;
    }
    if (open && e.key === 'Escape') {
      e.preventDefault();
      setDismissed(true);
      return;
    }
    props.onOtherKey?.(e);
  };

  // Leaving the field with something typed that is not yet a pick: take the best match, as Enter would, without moving focus.
  const onBlur = () => {
    setFocused(false);
    if (!props.resolved && query && !committing.current) {
      if (fresh) props.onCommit(items[Math.min(highlight, items.length - 1)] ?? null, query, 'blur');
      else commitLater(query, false);
    }
  };

  const listId = `${props.testId}-options`;
  return (
    <>
      <input
        ref={(el) => {
          inputEl.current = el;
          props.inputRef?.(el);
        }}
        id={props.id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && fresh ? `${listId}-${highlight}` : undefined}
        aria-autocomplete="list"
        aria-label={props.ariaLabel}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        autoComplete="off"
        spellCheck={false}
        className={`${props.className ?? ''} ${props.resolved || !query ? '' : 'unresolved'}`}
        placeholder={props.placeholder}
        data-testid={props.testId}
        data-field={props.field}
        disabled={props.disabled}
        value={props.value}
        onChange={(e) => {
          setDismissed(false);
          pendingMoves.current = 0;
          props.onChange(e.target.value);
        }}
        onFocus={(e) => {
          setFocused(true);
          e.target.select();
        }}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      {open && inputEl.current
        ? createPortal(
            <LookupList
              anchor={inputEl.current}
              id={listId}
              query={debounced}
              items={items}
              highlight={fresh ? highlight : -1}
              stale={!fresh}
              itemKey={props.itemKey}
              renderItem={props.renderItem}
              onPick={(item) => {
                if (!fresh) return; // a row of an earlier answer: never taken
                committing.current = true;
                props.onCommit(item, query, 'enter');
                props.onAdvance();
                committing.current = false;
              }}
            />,
            document.body,
          )
        : null}
    </>
  );
}

function LookupList<T>(props: {
  anchor: HTMLElement;
  id: string;
  /** The text these items were found for (shown as data-query, for tests and the bench). */
  query: string;
  items: readonly T[];
  highlight: number;
  /** The rows answer an earlier text (the answer for the current one is on its way). */
  stale: boolean;
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const [pos, setPos] = useState({ top: 0, left: 0, minWidth: 0 });
  useLayoutEffect(() => {
    const place = () => {
      const r = props.anchor.getBoundingClientRect();
      setPos({ top: r.bottom + 1, left: r.left, minWidth: Math.max(r.width, 320) });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [props.anchor]);
  useEffect(() => {
    ref.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [props.highlight]);
  return (
    <ul
      ref={ref}
      id={props.id}
      role="listbox"
      className={`lookup-list${props.stale ? ' stale' : ''}`}
      aria-busy={props.stale || undefined}
      data-testid={props.id}
      data-query={props.query}
      style={{ top: pos.top, left: pos.left, minWidth: pos.minWidth }}
    >
      {props.items.map((item, i) => (
        <li
          key={props.itemKey(item)}
          id={`${props.id}-${i}`}
          role="option"
          aria-selected={i === props.highlight}
          data-testid={`${props.id}-${i}`}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(item);
          }}
        >
          {props.renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
