// A modal dialog with a form: Enter confirms (the form submits), Esc cancels,
// focus starts on the control marked data-autofocus (or the first field) and
// goes back where it was when the dialog closes. While it is open the screens'
// shortcuts are silent.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { modalOpened } from '../app/hotkeys';
import { Shortcut } from './Shortcut';

export interface DialogProps {
  readonly title: string;
  readonly testId: string;
  readonly children: ReactNode;
  readonly onCancel: () => void;
  /** Without it the dialog only informs: its one button closes it. */
  readonly onSubmit?: () => void;
  readonly submitLabel?: string;
  readonly cancelLabel: string;
  readonly busy?: boolean;
  readonly danger?: boolean;
  readonly wide?: boolean;
  /** Extra buttons left of the main ones (e.g. "open the backorder"). */
  readonly extraButtons?: ReactNode;
}

export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const previousFocus = useRef<Element | null>(null);
  const titleId = useId();

  // A layout effect: the screens' shortcuts come back the moment the dialog is gone,
  // not a frame later (a key pressed right after Esc would otherwise be swallowed).
  useLayoutEffect(() => {
    const done = modalOpened();
    previousFocus.current = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const first =
      dialog?.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog?.querySelector<HTMLElement>('input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea') ??
      dialog?.querySelector<HTMLElement>('button[type=submit]');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    return () => {
      done();
      if (previousFocus.current instanceof HTMLElement && previousFocus.current.isConnected) previousFocus.current.focus();
    };
    // Opened once per mount.
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog form-dialog ${props.wide ? 'wide' : ''}`}
      data-testid={props.testId}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
          return;
        }
        // Enter confirms from every control, not only from text fields (radio, checkbox, select).
        const target = e.target as HTMLElement;
        if (
          e.key === 'Enter' &&
          !e.defaultPrevented &&
          (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')))
        ) {
          e.preventDefault();
          target.closest('form')?.requestSubmit();
        }
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (props.busy) return;
          if (props.onSubmit) props.onSubmit();
          else props.onCancel();
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        <div className="dialog-body">{props.children}</div>
        <div className="dialog-buttons">
          {props.extraButtons}
          <span className="dialog-spacer" />
          {props.onSubmit ? (
            <>
              <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.busy} data-testid={`${props.testId}-submit`}>
                {props.submitLabel} <Shortcut keys="Enter" />
              </button>
              <button type="button" onClick={props.onCancel} data-testid={`${props.testId}-cancel`}>
                {props.cancelLabel} <Shortcut keys="Esc" />
              </button>
            </>
          ) : (
            <button type="submit" className="primary" data-testid={`${props.testId}-close`}>
              {props.cancelLabel} <Shortcut keys="Enter" />
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
