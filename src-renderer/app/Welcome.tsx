// First start: no company yet. Set it up with the company form, or load the demo company.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bootstrap } from '../../shared/channels/system';
import { invoke } from '../api/client';
import { invalidate } from '../api/queries';
import { Banner } from '../components/fields';
import { refusalOf } from '../components/refusal';
import type { BilingualText } from '../i18n';
import { CompanyForm } from '../screens/settings/CompanyForm';
import { StartFrame } from './StartFrame';

export function Welcome(props: { bootstrap: Bootstrap }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'choose' | 'setup'>('choose');
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [demoError, setDemoError] = useState<BilingualText | null>(null);

  const loadDemo = async () => {
    setLoadingDemo(true);
    setDemoError(null);
    try {
      await invoke('system.createDemo', {});
      await invalidate('system.bootstrap', 'company.get', 'statuses.list');
    } catch (error) {
      setDemoError(refusalOf(error, () => null).general);
    } finally {
      setLoadingDemo(false);
    }
  };

  return (
    <StartFrame testId="welcome">
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.lead')}</p>
      {mode === 'choose' ? (
        <div className="welcome-choices">
          <section className="panel choice">
            <h2>{t('welcome.setupTitle')}</h2>
            <p>{t('welcome.setupText')}</p>
            <button type="button" className="primary" autoFocus data-testid="welcome-setup" onClick={() => setMode('setup')}>
              {t('welcome.setupButton')}
            </button>
          </section>
          <section className="panel choice">
            <h2>{t('welcome.demoTitle')}</h2>
            <p>{t('welcome.demoText')}</p>
            <button type="button" disabled={loadingDemo} data-testid="welcome-demo" onClick={() => void loadDemo()}>
              {loadingDemo ? t('welcome.demoLoading') : t('welcome.demoButton')}
            </button>
            <Banner error={demoError} title={t('welcome.demoFailed')} testId="welcome-demo-error" />
          </section>
        </div>
      ) : (
        <section className="panel setup">
          <h2>{t('company.setupTitle')}</h2>
          <CompanyForm company={null} active onSaved={() => undefined} autoFocus />
          <button type="button" className="link" data-testid="welcome-back" onClick={() => setMode('choose')}>
            ← {t('welcome.backToChoice')}
          </button>
        </section>
      )}
      <p className="muted small">
        {t('welcome.dataFile')}: <span data-testid="welcome-data-file">{props.bootstrap.dataFile}</span>
      </p>
    </StartFrame>
  );
}
