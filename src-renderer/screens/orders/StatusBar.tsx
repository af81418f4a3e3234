// The order's status bar (SPEC 1.2): the steps of the company's flow in order
// (not every status the company has switched on), the current one highlighted. Clicking a status moves the order there. From the
// keyboard: Alt+←/→ puts focus on the status before/after, ←/→ walk on, Enter moves.
import { useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, Status } from '../../../shared/channels/orders';
import { useLanguage } from '../../i18n';
import { statusLabel } from './labels';
import { flowSteps } from './processingRules';

export interface StatusBarHandle {
  /** Focus the status `delta` steps from the focused one (or from the current one). */
  step(delta: -1 | 1): void;
  focusCurrent(): void;
}

export function StatusBar(props: {
  order: Order;
  statuses: readonly Status[] | undefined;
  busy: boolean;
  onMove: (status: Status) => void;
  handle: Ref<StatusBarHandle>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = flowSteps(props.statuses, props.order.statusId);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const currentIndex = list.findIndex((s) => s.id === props.order.statusId);

  const focusAt = (i: number) => {
    const s = list[Math.max(0, Math.min(list.length - 1, i))];
    if (s) buttons.current.get(s.id)?.focus();
  };
  const focusedIndex = () => list.findIndex((s) => buttons.current.get(s.id) === document.activeElement);

  useImperativeHandle(props.handle, () => ({
    step: (delta) => {
      const from = focusedIndex();
      focusAt((from >= 0 ? from : currentIndex) + delta);
    },
    focusCurrent: () => focusAt(currentIndex),
  }));

  return (
    <nav className="status-bar" aria-label={t('process.statusBar')} data-testid="status-bar" aria-busy={props.busy}>
      <ol>
        {list.map((s, i) => {
          const current = s.id === props.order.statusId;
          const passed = currentIndex >= 0 && i < currentIndex;
          return (
            <li key={s.id}>
              <button
                ref={(el) => {
                  if (el) buttons.current.set(s.id, el);
                  else buttons.current.delete(s.id);
                }}
                type="button"
                tabIndex={current ? 0 : -1}
                className={`status-step ${current ? 'current' : ''} ${passed ? 'passed' : ''} ${s.inFlow ? '' : 'hidden-status'}`}
                aria-current={current ? 'step' : undefined}
                data-testid={`status-step-${s.kind}`}
                data-status-id={s.id}
                title={current ? t('process.currentStatus') : t('process.moveTo', { status: statusLabel(s, lang) })}
                onClick={() => {
                  if (!current && !props.busy) props.onMove(s);
                }}
                onKeyDown={(e) => {
                  if (e.altKey || e.ctrlKey || e.metaKey) return;
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    e.preventDefault();
                    focusAt(i + (e.key === 'ArrowRight' ? 1 : -1));
                  } else if (e.key === 'Home' || e.key === 'End') {
                    e.preventDefault();
                    focusAt(e.key === 'Home' ? 0 : list.length - 1);
                  }
                }}
              >
                {s.colour ? <span className="status-colour-dot" style={{ background: s.colour }} aria-hidden /> : null}
                {statusLabel(s, lang)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
