// The top bar's backup warning (issue 13): shown when there is no backup yet or
// the newest is more than a week old (the engine's rule, backup.status). Below
// 1440 px only a short word fits beside nine screens; the full text is its title.
// A click goes to Innstillinger, to the backup panel.
import { useTranslation } from 'react-i18next';
import { useChannel } from '../api/queries';
import { BACKUP_PANEL_ID } from '../screens/settings/BackupPanel';

/** The warning asks again now and then: a program left running for days gets old backups too. */
const RECHECK_MS = 10 * 60 * 1000;

export function BackupWarning(props: { onOpen: () => void }) {
  const { t } = useTranslation();
  const status = useChannel('backup.status', {}, { refetchInterval: RECHECK_MS });
  const warning = status.data?.warning;
  if (!warning) return null;
  const text = warning === 'missing' ? t('backup.warningMissing') : t('backup.warningOld', { count: status.data?.ageDays ?? 0 });
  return (
    <button
      type="button"
      className="backup-warning"
      data-testid="topbar-backup-warning"
      data-warning={warning}
      title={`${text} – ${t('backup.warningTitle')}`}
      aria-label={`${text} – ${t('backup.warningTitle')}`}
      onClick={() => {
        props.onOpen();
        // Once Innstillinger is shown: the panel in view, its first field focused.
        window.setTimeout(() => {
          const panel = document.getElementById(BACKUP_PANEL_ID);
          panel?.scrollIntoView({ block: 'start' });
          panel?.querySelector<HTMLElement>('input, button')?.focus();
        }, 50);
      }}
    >
      <span aria-hidden="true" className="backup-warning-icon">
        ⚠
      </span>
      <span className="backup-warning-long">{text}</span>
      <span className="backup-warning-short">{t('backup.warningShort')}</span>
    </button>
  );
}
