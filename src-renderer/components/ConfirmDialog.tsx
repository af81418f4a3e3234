// A modal question with two answers. Focus starts on the safe answer; Esc means
// the safe answer; while it is open the screens' shortcuts are silent.
import { useEffect, useRef } from 'react';
import { modalOpened } from '../app/hotkeys';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  /** The destructive answer gets focus only when asked (e.g. deleting a line the clerk just pointed at). */
  readonly focusConfirm?: boolean;
  readonly danger?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId?: string;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const previousFocus = useRef<Element | null>(null);

  useEffect(() => {
    const done = modalOpened();
    previousFocus.current = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    (props.focusConfirm ? confirmRef.current : cancelRef.current)?.focus();
    return () => {
      done();
      if (previousFocus.current instanceof HTMLElement && previousFocus.current.isConnected) previousFocus.current.focus();
    };
    // Opened once per mount; props.focusConfirm is read only then.
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid={props.testId ?? 'confirm-dialog'}
      aria-labelledby="confirm-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          (document.activeElement === confirmRef.current ? cancelRef.current : confirmRef.current)?.focus();
        }
      }}
    >
      <h2 id="confirm-dialog-title">{props.title}</h2>
      <p>{props.text}</p>
      <div className="dialog-buttons">
        <button
          ref={confirmRef}
          type="button"
          className={props.danger ? 'danger' : 'primary'}
          data-testid="confirm-yes"
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button ref={cancelRef} type="button" data-testid="confirm-no" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
