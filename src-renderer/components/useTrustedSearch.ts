// A list's search box that a fast typist can trust (issue 10): the list asks
// once the typing pauses, every answer is tagged with the text (and tab) it
// answers, and ↓ or Enter pressed before the answer for exactly what is in the
// box has come wait for it (asking at once), then act on it — never on the
// rows of an earlier text still on screen.
import { useCallback, useEffect, useRef, useState } from 'react';

export type SearchKey = 'down' | 'enter';
/**
 * What the keys pressed in the box ask of the answer: Enter alone; ↓ (n times):
 * into the list at row n − 1; ↓ then Enter (typed before the answer came): open that row.
 */
export type SearchIntent = { readonly kind: 'enter' } | { readonly kind: 'focus' | 'open'; readonly row: number };

/** What the list got back for a search: its first rows and how many there are in all. */
export interface SearchAnswer<R> {
  readonly key: string;
  readonly rowCount: number;
  readonly firstRows: readonly R[];
}

/** The tag of an answer: the search text and whatever else narrows the list (the status tab). */
export const answerKey = (search: string, context: string | number | null = null): string => JSON.stringify([context, search]);

export interface TrustedSearch<R> {
  /** What is in the box. */
  readonly text: string;
  readonly setText: (text: string) => void;
  /** The text the list asks for (trimmed, after the pause, or at once on ↓/Enter). */
  readonly search: string;
  /** The list's datasource reports each first block here, tagged with answerKey(search, context). */
  readonly answered: (answer: SearchAnswer<R>) => void;
  /** ↓ or Enter in the box: acts on the answer for the text now, or when it comes. */
  readonly press: (key: SearchKey) => void;
}

export function useTrustedSearch<R>(opts: {
  readonly pauseMs: number;
  /** The tab or filter the list is narrowed by besides the text (part of the answer's tag). */
  readonly context?: string | number | null;
  readonly act: (intent: SearchIntent, answer: SearchAnswer<R>) => void;
}): TrustedSearch<R> {
  const [text, setTextState] = useState('');
  const [search, setSearch] = useState('');
  // The latest answer per tag: answers may come back in any order.
  const answers = useRef(new Map<string, SearchAnswer<R>>());
  const [answerCount, setAnswerCount] = useState(0);
  const intent = useRef<SearchIntent | null>(null);
  const act = useRef(opts.act);
  act.current = opts.act;
  const wanted = answerKey(text.trim(), opts.context ?? null);
  /** What the list on screen is asked for (its datasource). */
  const asked = answerKey(search, opts.context ?? null);

  // A new question for the list: an answer kept from an earlier time it was asked is not what it shows.
  useEffect(() => {
    answers.current.delete(asked);
  }, [asked]);

  useEffect(() => {
    const id = window.setTimeout(() => setSearch(text.trim()), opts.pauseMs);
    return () => window.clearTimeout(id);
  }, [text, opts.pauseMs]);

  // The answer for exactly what is in the box has come: do what was asked while it was on its way.
  useEffect(() => {
    const key = intent.current;
    const answer = asked === wanted ? answers.current.get(wanted) : undefined;
    if (!key || !answer) return;
    // After the grid has taken the rows it was given with this answer.
    const id = window.setTimeout(() => {
      if (intent.current !== key || !answer) return;
      intent.current = null;
      act.current(key, answer);
    }, 0);
    return () => window.clearTimeout(id);
  }, [answerCount, wanted, asked]);

  const answered = useCallback((answer: SearchAnswer<R>) => {
    const map = answers.current;
    map.delete(answer.key);
    map.set(answer.key, answer);
    if (map.size > 20) map.delete(map.keys().next().value!);
    setAnswerCount((n) => n + 1);
  }, []);

  const setText = useCallback((next: string) => {
    intent.current = null;
    setTextState(next);
  }, []);

  const press = (key: SearchKey) => {
    // Keys pressed while an answer was on its way add up: ↓ ↓ Enter opens the second row.
    const before = intent.current;
    const next: SearchIntent =
      key === 'down'
        ? { kind: 'focus', row: before && before.kind === 'focus' ? before.row + 1 : 0 }
        : before && before.kind !== 'enter'
          ? { kind: 'open', row: before.row }
          : { kind: 'enter' };
    const answer = asked === wanted ? answers.current.get(wanted) : undefined;
    if (answer) {
      intent.current = null;
      act.current(next, answer);
      return;
    }
    intent.current = next;
    setSearch(text.trim()); // ask now rather than after the pause
  };

  return { text, setText, search, answered, press };
}
