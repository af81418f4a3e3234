// The company file cannot be used as it should (issue 9, point 24): shown before
// any login or welcome screen. What is wrong with which file, and what to do, in
// the user's language. The engine has left the file untouched.
//   - refused at open (a newer version's file, a damaged, empty or foreign file):
//     nothing else can be done in this start of Ordrebok;
//   - damaged, found after opening: the data can still be looked at, nothing is saved;
//   - read-only (not writable, or opened so on purpose): look, but nothing is saved.
import { useTranslation } from 'react-i18next';
import type { Bootstrap } from '../../shared/channels/system';
import { onRefusal } from '../api/client';
import { invalidate } from '../api/queries';
import { useLanguage } from '../i18n';
import { StartFrame } from './StartFrame';

/** Which notice the file needs, or null; the key changes when a new problem appears (so a dismissed notice can come back). */
export function fileNoticeKey(boot: Bootstrap): string | null {
  if (boot.fileProblem) return `${boot.fileProblem.readable ? 'readable' : 'refused'}:${boot.fileProblem.error.code}`;
  return boot.readOnly ? 'read_only' : null;
}

// Damage found while working (the integrity check of a large file, or SQLite on a
// call): ask for the bootstrap again, which then reports it, and this page shows.
onRefusal((error) => {
  if (error.data.code === 'database_corrupt' && error.channel !== 'system.bootstrap') void invalidate('system.bootstrap');
});

export function FileProblem(props: { bootstrap: Bootstrap; onContinue: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const problem = props.bootstrap.fileProblem;
  const title = problem
    ? problem.readable
      ? t('fileProblem.titleDamaged')
      : t('fileProblem.title')
    : t('fileProblem.titleReadOnly');
  const canGoOn = !problem || problem.readable;
  return (
    <StartFrame testId="file-problem" className="file-problem" code={problem?.error.code ?? 'read_only'}>
      <h1>{title}</h1>
      <section className={`panel file-problem-panel${problem ? ' refused' : ''}`} role="alert">
        <p className="file-problem-message" data-testid="file-problem-message">
          {problem ? problem.error.message[lang] : t('fileProblem.readOnlyText')}
        </p>
        <dl className="file-problem-facts">
          <dt>{t('fileProblem.file')}</dt>
          <dd data-testid="file-problem-file">{props.bootstrap.dataFile}</dd>
          {problem && (
            <>
              <dt>{t('fileProblem.code')}</dt>
              <dd className="muted">{problem.error.code}</dd>
            </>
          )}
        </dl>
      </section>
      <h2>{t('fileProblem.whatToDo')}</h2>
      <ul className="file-problem-steps">
        {!canGoOn && <li>{t('fileProblem.restart')}</li>}
        {problem?.readable && <li>{t('fileProblem.lookOnly')}</li>}
        <li>{t('fileProblem.help')}</li>
      </ul>
      {canGoOn && (
        <button type="button" className="primary" autoFocus data-testid="file-problem-continue" onClick={props.onContinue}>
          {problem ? t('fileProblem.continueReading') : t('fileProblem.continue')}
        </button>
      )}
    </StartFrame>
  );
}
