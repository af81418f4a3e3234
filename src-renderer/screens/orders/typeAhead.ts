// Keys typed while a new order line is on its way (Enter on the last cell makes
// the row, which is drawn a moment later) belong to the new row's product cell,
// not to the cell that is still focused. Until the new cell has focus they are
// held here, then typed into it as if the clerk had typed them there.

/** Sets an input's value so React sees it as typed (its onChange runs). */
function typeInto(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, input.value + text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export interface TypeAhead {
  /** Start holding printable keys (a new row is being made). */
  hold(): void;
  /** The new row's cell has focus: type what was held into it and stop holding. */
  release(target: HTMLElement): void;
}

export function createTypeAhead(): TypeAhead {
  let held: string | null = null;
  let timer = 0;
  const onKey = (e: KeyboardEvent) => {
    if (held === null) return;
    if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    held += e.key;
  };
  const stop = () => {
    held = null;
    window.clearTimeout(timer);
    window.removeEventListener('keydown', onKey, true);
  };
  const ahead: TypeAhead = {
    hold() {
      if (held === null) window.addEventListener('keydown', onKey, true);
      held = '';
      window.clearTimeout(timer);
      // Never hold keys for longer than a slow redraw: they go where focus is then.
      timer = window.setTimeout(() => {
        if (document.activeElement instanceof HTMLElement) ahead.release(document.activeElement);
        else stop();
      }, 2000);
    },
    release(target) {
      const text = held;
      stop();
      if (text && target instanceof HTMLInputElement) typeInto(target, text);
    },
  };
  return ahead;
}
