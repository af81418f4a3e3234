// The root: bootstrap decides between the file problem page (a company file
// refused, damaged or read-only), the welcome screen (no company yet) and the app frame.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasTransport } from '../api/client';
import { useAuthStatus, useBootstrap } from '../api/queries';
import { refusalOf } from '../components/refusal';
import { useLanguage } from '../i18n';
import { FileProblem, fileNoticeKey } from './FileProblem';
import { Frame } from './Frame';
import { Login } from './Login';
import { Welcome } from './Welcome';

export function App() {
  if (!hasTransport()) return <NoTransport />;
  return <Started />;
}

function NoTransport() {
  const { t } = useTranslation();
  return (
    <div className="start-problem" role="alert" data-testid="no-transport">
      <h1>{t('app.name')}</h1>
      <p>{t('app.noTransport')}</p>
    </div>
  );
}

function Started() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const boot = useBootstrap();
  const auth = useAuthStatus();
  /** The file notice the user has read and gone on from (a read-only or damaged file that can still be read). */
  const [noticeSeen, setNoticeSeen] = useState<string | null>(null);
  if (boot.isPending || auth.isPending) return <div className="start-loading">{t('app.loading')}</div>;
  // A refused, damaged or read-only company file: said first, before any login or welcome screen.
  const notice = boot.data ? fileNoticeKey(boot.data) : null;
  if (boot.data && notice && notice !== noticeSeen) {
    return <FileProblem bootstrap={boot.data} onContinue={() => setNoticeSeen(notice)} />;
  }
  if (boot.isError) {
    const message = refusalOf(boot.error, () => null).general;
    return (
      <div className="start-problem" role="alert" data-testid="start-error">
        <h1>{t('app.startFailed')}</h1>
        <p>{message?.[lang]}</p>
        <button type="button" onClick={() => void boot.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (auth.data?.usersExist && !auth.data.user) return <Login />;
  if (!boot.data.companyExists) return <Welcome bootstrap={boot.data} />;
  return <Frame bootstrap={boot.data} />;
}
