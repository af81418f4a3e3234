// Keyboard shortcuts. A clerk works with the keyboard all day, so every screen
// answers the same keys: Alt+1..4 switch screens, F2 makes a new record, Ctrl+S
// saves, Esc backs out. Only the active screen listens; an open dialog silences
// all of them (it handles its own keys).
import { useEffect, useRef } from 'react';

let openModals = 0;
/** Called by dialogs while they are open. */
export function modalOpened(): () => void {
  openModals++;
  return () => {
    openModals--;
  };
}
export function isModalOpen(): boolean {
  return openModals > 0;
}

/** "ctrl+s", "alt+1", "f2", "escape", "alt+arrowup", "ctrl+delete" — layout independent for letters and digits. */
export function keyName(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  let key = e.key.toLowerCase();
  if (/^Digit\d$/.test(e.code)) key = e.code.slice(5);
  else if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3).toLowerCase();
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('ctrl');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey && key.length > 1) parts.push('shift');
  parts.push(key);
  return parts.join('+');
}

export type HotkeyMap = Readonly<Record<string, (e: KeyboardEvent) => void>>;

/**
 * Listens on the window while `active`. Keys that a focused control already
 * handled (preventDefault) are left alone, so a lookup list can take Enter and Esc first.
 */
export function useHotkeys(active: boolean, map: HotkeyMap): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isModalOpen() || e.isComposing) return;
      const handler = ref.current[keyName(e)];
      if (handler) {
        e.preventDefault();
        handler(e);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

/** Moves focus to the next (or previous) focusable control inside `root`, as Tab would. */
export function focusNextIn(root: HTMLElement | null, from: Element | null, backwards = false): boolean {
  if (!root) return false;
  const items = Array.from(
    root.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex="-1"])'),
  ).filter(
    (el) =>
      !el.hasAttribute('disabled') &&
      el.tabIndex >= 0 &&
      el.offsetParent !== null &&
      !el.dataset.skipEnter &&
      // A radio group is one stop: its checked button.
      !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  const i = from ? items.indexOf(from as HTMLElement) : -1;
  const next = items[backwards ? i - 1 : i + 1];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement) next.select();
    return true;
  }
  return false;
}
