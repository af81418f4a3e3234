// Keyboard for the bell's list and "Mine oppgaver": ↑/↓ choose a row, Home/End the
// first and last, Enter opens it, Space does the row's quick action (mark read, tick done).
import { useEffect, useState, type KeyboardEvent } from 'react';

export function useListKeys(count: number, on: { enter: (index: number) => void; space?: (index: number) => void }) {
  const [index, setIndex] = useState(0);
  // Rows come and go (marked read, ticked done): the choice stays inside the list.
  useEffect(() => {
    if (index > Math.max(0, count - 1)) setIndex(Math.max(0, count - 1));
  }, [count, index]);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = (to: number) => {
      e.preventDefault();
      setIndex(Math.max(0, Math.min(count - 1, to)));
    };
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === 'Enter' && count > 0) {
      e.preventDefault();
      on.enter(index);
    } else if (e.key === ' ' && count > 0 && on.space) {
      e.preventDefault();
      on.space(index);
    }
  };
  return { index, setIndex, onKeyDown };
}
