// A row of status tabs above a list, each with its count: one tab stop, the
// arrow keys (and Home / End) move between tabs and choose, Arrow Down goes
// into the list.
import { useRef, type KeyboardEvent } from 'react';

export interface StatusTab<K extends string | number> {
  /** null: every status. */
  readonly id: K | null;
  readonly label: string;
  readonly count: number;
  /** The administrator's colour for the status (issue 13), shown as a dot. */
  readonly colour?: string | null;
}

export function StatusTabs<K extends string | number>(props: {
  readonly tabs: readonly StatusTab<K>[];
  readonly selected: K | null;
  readonly onSelect: (id: K | null) => void;
  /** Arrow Down: into the list. */
  readonly onDown: () => void;
  readonly ariaLabel: string;
  /** The row's test id; each tab's is `${tabTestId}-${id}` and its count's `${tabTestId}-count-${id}` ("all" for null). */
  readonly testId: string;
  readonly tabTestId: string;
  /** Grey out the tabs with nothing in them (not the one chosen). */
  readonly markEmpty?: boolean;
}) {
  const tabRefs = useRef(new Map<K | 'all', HTMLButtonElement>());
  const ids = props.tabs.map((tab) => tab.id);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = ids.indexOf(props.selected);
    let next: K | null | undefined;
    if (e.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
    else if (e.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
    else if (e.key === 'Home') next = ids[0];
    else if (e.key === 'End') next = ids[ids.length - 1];
    else if (e.key === 'ArrowDown') {
      e.preventDefault();
      props.onDown();
      return;
    } else return;
    e.preventDefault();
    props.onSelect(next ?? null);
    tabRefs.current.get(next ?? 'all')?.focus();
  };

  return (
    <div className="status-tabs" role="tablist" aria-label={props.ariaLabel} data-testid={props.testId}>
      {props.tabs.map(({ id, label, count, colour }) => {
        const selected = props.selected === id;
        const key = id ?? 'all';
        const empty = props.markEmpty ? ` ${count === 0 && !selected ? 'empty' : ''}` : '';
        return (
          <button
            key={key}
            ref={(el) => {
              if (el) tabRefs.current.set(key, el);
              else tabRefs.current.delete(key);
            }}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={`status-tab ${selected ? 'selected' : ''}${empty}`}
            data-testid={`${props.tabTestId}-${key}`}
            onClick={() => props.onSelect(id)}
            onKeyDown={onKey}
          >
            {colour ? <span className="status-colour-dot" style={{ background: colour }} aria-hidden /> : null}
            <span className="status-tab-label">{label}</span>
            <span className="status-tab-count" data-testid={`${props.tabTestId}-count-${key}`}>
              {count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
