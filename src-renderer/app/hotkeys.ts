// Keyboard shortcuts. A clerk works with the keyboard all day, so every screen
// answers the same keys: Alt+1..6 switch screens (from anywhere, asking first when work is unsaved), F2 makes a new record, Ctrl+S
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
 * `everywhere`: the frame's own keys (Alt+1..6), taken in the capture phase before
 * any control, so that a grid or an editor that keeps its keys to itself cannot swallow them.
 */
export function useHotkeys(active: boolean, map: HotkeyMap, opts: { everywhere?: boolean } = {}): void {
  const ref = useRef(map);
  ref.current = map;
  const everywhere = opts.everywhere ?? false;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.defaultPrevented && !everywhere) || isModalOpen() || e.isComposing) return;
      const handler = ref.current[keyName(e)];
      if (handler) {
        e.preventDefault();
        if (everywhere) e.stopPropagation();
        handler(e);
      }
    };
    window.addEventListener('keydown', onKey, { capture: everywhere });
    return () => window.removeEventListener('keydown', onKey, { capture: everywhere });
  }, [active, everywhere]);
}

/**
 * Asks before a screen key leaves a screen with unsaved work. The active screen
 * registers a guard while it has something unsaved; the guard opens the screen's
 * own "unsaved changes" question and calls `proceed` when the clerk discards.
 */
type LeaveGuard = (proceed: () => void) => void;
const leaveGuards = new Set<{ current: LeaveGuard }>();

export function useLeaveGuard(active: boolean, guard: LeaveGuard): void {
  const ref = useRef(guard);
  ref.current = guard;
  useEffect(() => {
    if (!active) return;
    leaveGuards.add(ref);
    return () => {
      leaveGuards.delete(ref);
    };
  }, [active]);
}

/** Runs `proceed` now, or after the unsaved work's question if a screen has one. */
export function leaveThen(proceed: () => void): void {
  const [guard] = leaveGuards;
  if (guard) guard.current(proceed);
  else proceed();
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
