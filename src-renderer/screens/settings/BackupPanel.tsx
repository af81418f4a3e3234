// Settings → Sikkerhetskopi (issue 13): when the last backup was taken, "Ta
// sikkerhetskopi nå" to the folder in the path field, how many automatic backups
// are kept; a restore that shows what the backup holds (the engine's
// backup.inspect) and asks before it puts it in place, then reopens the
// program; and "Kontroller databasen", each finding on its own line.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, CheckReport, RestoreResult } from '../../../shared/channels/backup';
import { formatOrgNumber } from '../../../shared/checks';
import { formatDateTime } from '../../../shared/format';
import { formatFileSize } from '../../../shared/files';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner, FormScopeProvider, Notice, TextField } from '../../components/fields';
import { NO_REFUSAL, refusalOf, type Refusal } from '../../components/refusal';
import { useLanguage } from '../../i18n';

/** The top bar's warning brings the clerk here: the panel's first control. */
export const BACKUP_PANEL_ID = 'backup-panel';

export function BackupPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const status = useChannel('backup.status', {}, { staleTime: 0 });
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState('');
  const [busy, setBusy] = useState<'backup' | 'settings' | 'inspect' | 'restore' | 'check' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const [restoreFile, setRestoreFile] = useState('');
  const [restoreRefusal, setRestoreRefusal] = useState<Refusal>(NO_REFUSAL);
  const [info, setInfo] = useState<BackupInfo | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [report, setReport] = useState<CheckReport | null>(null);
  const [checkRefusal, setCheckRefusal] = useState<Refusal>(NO_REFUSAL);

  // The fields start from what the engine has (once it has answered).
  useEffect(() => {
    if (!status.data) return;
    setFolder((f) => (f === '' ? status.data.folder : f));
    setKeep((k) => (k === '' ? String(status.data.keepAutomatic) : k));
  }, [status.data]);

  const backupNow = async () => {
    setBusy('backup');
    setRefusal(NO_REFUSAL);
    setNotice(null);
    try {
      const taken = await invoke('backup.create', folder.trim() ? { folder: folder.trim() } : {});
      setNotice(t('backup.taken', { file: taken.file }));
      await invalidate('backup.status');
    } catch (e) {
      setRefusal(refusalOf(e, (p) => (p === 'folder' ? 'folder' : null)));
    } finally {
      setBusy(null);
    }
  };

  const saveSettings = async () => {
    setBusy('settings');
    setRefusal(NO_REFUSAL);
    setNotice(null);
    try {
      const next = await invoke('backup.saveSettings', {
        folder: folder.trim() === '' || folder.trim() === status.data?.defaultFolder ? null : folder.trim(),
        keepAutomatic: Number(keep.trim()),
      });
      setFolder(next.folder);
      setKeep(String(next.keepAutomatic));
      setNotice(t('backup.settingsSaved'));
      await invalidate('backup.status');
    } catch (e) {
      setRefusal(refusalOf(e, (p) => (p === 'folder' || p === 'keepAutomatic' ? p : null)));
    } finally {
      setBusy(null);
    }
  };

  const inspect = async () => {
    setBusy('inspect');
    setRestoreRefusal(NO_REFUSAL);
    setInfo(null);
    try {
      setInfo(await invoke('backup.inspect', { file: restoreFile.trim() }));
    } catch (e) {
      setRestoreRefusal(refusalOf(e, (p) => (p === 'file' ? 'file' : null)));
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    if (!info) return;
    setBusy('restore');
    setRestoreRefusal(NO_REFUSAL);
    try {
      setRestored(await invoke('backup.restore', { file: info.file }));
      setConfirming(false);
    } catch (e) {
      setConfirming(false);
      setRestoreRefusal(refusalOf(e, (p) => (p === 'file' ? 'file' : null)));
    } finally {
      setBusy(null);
    }
  };

  const check = async () => {
    setBusy('check');
    setReport(null);
    setCheckRefusal(NO_REFUSAL);
    try {
      setReport(await invoke('backup.check', {}));
    } catch (e) {
      setCheckRefusal(refusalOf(e, () => null));
    } finally {
      setBusy(null);
    }
  };

  const s = status.data;
  const enter = (action: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !busy) {
      e.preventDefault();
      action();
    }
  };

  return (
    <section className="panel backup-panel" id={BACKUP_PANEL_ID} data-testid="backup-panel">
      <h2>{t('backup.title')}</h2>
      <p className="muted small">{t('backup.lead')}</p>
      <dl className="facts plain">
        <dt>{t('backup.last')}</dt>
        <dd data-testid="backup-last" className={s?.warning ? 'backup-last-warn' : undefined}>
          {!s ? '' : s.lastAt === null ? t('backup.lastNone') : (
            <>
              {formatDateTime(s.lastAt)} ({s.ageDays === 0 ? t('backup.today') : t('backup.ageDays', { count: s.ageDays ?? 0 })},{' '}
              {s.lastAutomatic ? t('backup.lastAuto') : t('backup.lastManual')})
            </>
          )}
        </dd>
        {s?.lastFile ? (
          <>
            <dt>{t('backup.lastFile')}</dt>
            <dd className="backup-path" data-testid="backup-last-file">
              {s.lastFile}
            </dd>
          </>
        ) : null}
      </dl>
      <Banner error={refusal.general} testId="backup-error" />
      <FormScopeProvider prefix="backup" errors={refusal.fields}>
        <div className="form-grid cols-4 backup-grid">
          <TextField
            name="folder"
            label={t('backup.folder')}
            span={3}
            value={folder}
            onChange={setFolder}
            onKeyDown={enter(() => void backupNow())}
            {...(s ? { hint: t('backup.folderHint', { folder: s.defaultFolder }) } : {})}
          />
          <TextField name="keepAutomatic" label={t('backup.keep')} numeric inputMode="numeric" value={keep} onChange={setKeep} hint={t('backup.keepHint')} />
        </div>
      </FormScopeProvider>
      <div className="form-actions backup-actions">
        <button type="button" className="primary" data-testid="backup-now" disabled={busy !== null} onClick={() => void backupNow()}>
          {busy === 'backup' ? t('backup.backingUp') : t('backup.backupNow')}
        </button>
        <button type="button" data-testid="backup-save-settings" disabled={busy !== null} onClick={() => void saveSettings()}>
          {t('backup.saveSettings')}
        </button>
        {s && folder !== s.defaultFolder ? (
          <button type="button" className="link" data-testid="backup-use-default" onClick={() => setFolder(s.defaultFolder)}>
            {t('backup.useDefault')}
          </button>
        ) : null}
      </div>
      <Notice text={notice} testId="backup-notice" />

      <h3>{t('backup.restoreTitle')}</h3>
      <p className="muted small">{t('backup.restoreLead')}</p>
      <Banner error={restoreRefusal.general} testId="restore-error" />
      <FormScopeProvider prefix="restore" errors={restoreRefusal.fields}>
        <div className="form-grid cols-4 backup-grid">
          <TextField
            name="file"
            label={t('backup.restoreFile')}
            span={3}
            value={restoreFile}
            onChange={(v) => {
              setRestoreFile(v);
              setInfo(null);
            }}
            onKeyDown={enter(() => void inspect())}
          />
        </div>
      </FormScopeProvider>
      <div className="form-actions backup-actions">
        <button type="button" data-testid="restore-inspect" disabled={busy !== null || restoreFile.trim() === ''} onClick={() => void inspect()}>
          {busy === 'inspect' ? t('backup.inspecting') : t('backup.inspect')}
        </button>
      </div>
      {info ? (
        <div className="backup-info" data-testid="restore-info">
          <dl className="facts plain">
            <dt>{t('backup.info.company')}</dt>
            <dd data-testid="restore-info-company">{info.companyName}</dd>
            <dt>{t('backup.info.orgNumber')}</dt>
            <dd data-testid="restore-info-org">{formatOrgNumber(info.orgNumber)}</dd>
            <dt>{t('backup.info.takenAt')}</dt>
            <dd data-testid="restore-info-taken">{formatDateTime(info.takenAt)}</dd>
            <dt>{t('backup.info.schema')}</dt>
            <dd>{info.schemaVersion < info.currentSchemaVersion ? t('backup.info.schemaUpgrade', { found: info.schemaVersion, current: info.currentSchemaVersion }) : info.schemaVersion}</dd>
            <dt>{t('backup.info.orders')}</dt>
            <dd data-testid="restore-info-orders">{info.orders}</dd>
            <dt>{t('backup.info.customers')}</dt>
            <dd data-testid="restore-info-customers">{info.customers}</dd>
            <dt>{t('backup.info.size')}</dt>
            <dd>{formatFileSize(info.bytes, lang)}</dd>
          </dl>
          <div className="form-actions backup-actions">
            <button type="button" className="danger" data-testid="restore-start" disabled={busy !== null} onClick={() => setConfirming(true)}>
              {t('backup.restore')} …
            </button>
          </div>
        </div>
      ) : null}

      <h3>{t('backup.checkTitle')}</h3>
      <p className="muted small">{t('backup.checkLead')}</p>
      <div className="form-actions backup-actions">
        <button type="button" data-testid="db-check" disabled={busy !== null} onClick={() => void check()}>
          {busy === 'check' ? t('backup.checking') : t('backup.check')}
        </button>
      </div>
      <Banner error={checkRefusal.general} testId="db-check-error" />
      {report ? (
        <div className={`backup-report ${report.ok ? 'ok' : 'failed'}`} role="status" data-testid="db-check-report" data-ok={report.ok}>
          {report.ok ? (
            <p>{t('backup.checkOk', { checks: report.checks, ms: report.ms })}</p>
          ) : (
            <>
              <p>{t('backup.checkFailed', { count: report.findings.length })}</p>
              <ul data-testid="db-check-findings">
                {report.findings.map((f, i) => (
                  <li key={i}>{lang === 'en' ? f.en : f.nb}</li>
                ))}
              </ul>
              <p className="muted small">{t('backup.checkAdvice')}</p>
            </>
          )}
        </div>
      ) : null}

      {confirming && info ? (
        <Dialog
          title={t('backup.confirmTitle')}
          testId="restore-confirm"
          danger
          busy={busy === 'restore'}
          submitLabel={busy === 'restore' ? t('backup.restoring') : t('backup.restore')}
          cancelLabel={t('backup.cancel')}
          onSubmit={() => void restore()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            <strong>{info.companyName}</strong> ({formatOrgNumber(info.orgNumber)}) · {formatDateTime(info.takenAt)}
          </p>
          <p>{t('backup.confirmText', { takenAt: formatDateTime(info.takenAt) })}</p>
        </Dialog>
      ) : null}
      {restored ? (
        <Dialog
          title={t('backup.restoredTitle')}
          testId="restore-done"
          cancelLabel={t('backup.reopen')}
          // The program now runs on the restored file: everything shown is reloaded from it.
          onCancel={() => window.location.reload()}
        >
          <p>{t('backup.restoredText', { company: restored.companyName, file: restored.file })}</p>
          <p>{t('backup.keptAs')}</p>
          <p className="backup-path" data-testid="restore-kept-as">
            {restored.keptAs}
          </p>
        </Dialog>
      ) : null}
    </section>
  );
}
