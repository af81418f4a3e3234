// The bell in the frame (issue 12): the number of unread notifications (changes
// others made to followed orders, tasks given, reminders and tasks come due), and
// the list under it. Alt+W opens it from anywhere; ↑/↓ choose, Enter opens the
// order (and marks it read), Space marks read, Esc closes. With no users it shows all.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../shared/channels/collaboration';
import { formatDateTime } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, queryClient, useChannel } from '../../api/queries';
import { modalOpened } from '../../app/hotkeys';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage } from '../../i18n';
import { useCollabWrite } from './useCollabWrite';
import { useListKeys } from './useListKeys';

export const BELL_KEY = 'Alt+W';
const POLL_MS = 5_000;

/** The count follows the clerk's own writes: any read invalidated after a write asks for it again. */
function useCountAfterWrites(): void {
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'invalidate') return;
      const name = event.query.queryKey[0];
      if (typeof name === 'string' && name.startsWith('notifications.')) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void invalidate('notifications.count'), 250);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}

export function Bell(props: { open: boolean; onOpenChange: (open: boolean) => void; onOpenOrder: (id: number) => void; onMyTasks: () => void }) {
  const { t } = useTranslation();
  const count = useChannel('notifications.count', {}, { refetchInterval: POLL_MS, staleTime: 0 });
  useCountAfterWrites();
  const unread = count.data?.unread ?? 0;
  const wrap = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the list.
  const { open, onOpenChange } = props;
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) onOpenChange(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, onOpenChange]);

  return (
    <div className="bell-wrap" ref={wrap}>
      <button
        type="button"
        className={`bell ${unread ? 'has-unread' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={props.open}
        aria-label={t('activityUi.bell.label', { count: unread })}
        title={`${t('activityUi.bell.title')} (${BELL_KEY})`}
        data-testid="bell"
        onClick={() => props.onOpenChange(!props.open)}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread ? (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {props.open ? (
        <NotificationList
          onClose={() => props.onOpenChange(false)}
          onOpenOrder={(id) => {
            props.onOpenChange(false);
            props.onOpenOrder(id);
          }}
          onMyTasks={() => {
            props.onOpenChange(false);
            props.onMyTasks();
          }}
        />
      ) : null}
    </div>
  );
}

function NotificationList(props: { onClose: () => void; onOpenOrder: (id: number) => void; onMyTasks: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Listing records what has come due, so the bell's number is asked again after it.
  const list = useChannel('notifications.list', { limit: 50 }, { staleTime: 0 });
  const write = useCollabWrite();
  const rows: readonly Notification[] = list.data?.rows ?? [];
  const listRef = useRef<HTMLUListElement>(null);
  const previousFocus = useRef<Element | null>(null);

  useEffect(() => {
    if (list.data) void invalidate('notifications.count');
  }, [list.data]);

  // The screens' keys are silent while the list is open; focus comes back where it was.
  useEffect(() => {
    const done = modalOpened();
    previousFocus.current = document.activeElement;
    listRef.current?.focus();
    return () => {
      done();
      const back = previousFocus.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);

  const markRead = (n: Notification) => (n.read ? Promise.resolve(null) : write.run(() => invoke('notifications.markRead', { ids: [n.id] })));
  const open = (n: Notification) => {
    void markRead(n);
    if (n.orderId !== null) props.onOpenOrder(n.orderId);
  };
  const keys = useListKeys(rows.length, {
    enter: (i) => {
      const n = rows[i];
      if (n) open(n);
    },
    space: (i) => {
      const n = rows[i];
      if (n) void markRead(n);
    },
  });

  // Keep the chosen row in view.
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${keys.index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [keys.index]);

  const unread = list.data?.unread ?? 0;
  return (
    <div
      className="bell-popover"
      role="dialog"
      aria-label={t('activityUi.bell.title')}
      data-testid="bell-list"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div className="bell-head">
        <strong>{t('activityUi.bell.title')}</strong>
        <span className="muted small" data-testid="bell-unread">
          {t('activityUi.bell.unread', { count: unread })}
        </span>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="link small"
          disabled={write.busy || unread === 0}
          data-testid="bell-mark-all"
          onClick={() => void write.run(() => invoke('notifications.markAllRead', {}))}
        >
          {t('activityUi.bell.markAllRead')}
        </button>
      </div>
      <Banner error={write.error ?? (list.isError ? refusalOf(list.error, () => null).general : null)} testId="bell-error" />
      {list.data && rows.length === 0 ? (
        <p className="muted bell-empty" data-testid="bell-empty">
          {t('activityUi.bell.none')}
        </p>
      ) : null}
      <ul
        className="bell-rows"
        ref={listRef}
        tabIndex={0}
        role="listbox"
        aria-label={t('activityUi.bell.title')}
        aria-activedescendant={rows[keys.index] ? `bell-row-${rows[keys.index]?.id}` : undefined}
        onKeyDown={keys.onKeyDown}
      >
        {rows.map((n, i) => (
          <li
            key={n.id}
            id={`bell-row-${n.id}`}
            role="option"
            aria-selected={i === keys.index}
            data-index={i}
            className={`bell-row ${n.read ? 'read' : 'unread'} ${i === keys.index ? 'selected' : ''} kind-${n.kind}`}
            data-testid={`bell-row-${i}`}
            onClick={() => {
              keys.setIndex(i);
              open(n);
            }}
          >
            <span className="bell-dot" aria-hidden="true" />
            <div className="bell-body">
              <div className="bell-text" data-testid={`bell-row-${i}-text`}>
                {n.text[lang]}
              </div>
              <div className="muted small">
                {[n.actor?.name, formatDateTime(n.at), n.kind !== 'change' ? t(`activityUi.bell.kinds.${n.kind}`) : null].filter(Boolean).join(' · ')}
              </div>
            </div>
            {!n.read ? (
              <button
                type="button"
                className="link small"
                tabIndex={-1}
                data-testid={`bell-row-${i}-read`}
                onClick={(e) => {
                  e.stopPropagation();
                  void markRead(n);
                }}
              >
                {t('activityUi.bell.markRead')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="bell-foot">
        <button type="button" className="small" data-testid="bell-my-tasks" onClick={props.onMyTasks}>
          {t('activityUi.myTasks.title')} <Shortcut keys={MY_TASKS_KEY} />
        </button>
        <span className="toolbar-spacer" />
        <span className="muted small">{t('activityUi.bell.keys')}</span>
      </div>
    </div>
  );
}

export const MY_TASKS_KEY = 'Alt+Q';
