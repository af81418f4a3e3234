// Settings: the company form (with the processing options), users and access
// groups, the subscription run, and where the data lives.
import { useTranslation } from 'react-i18next';
import type { Bootstrap } from '../../../shared/channels/system';
import { useCompany } from '../../api/queries';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { CompanyForm } from './CompanyForm';
import { BackupPanel } from './BackupPanel';
import { CustomFieldsPanel } from './CustomFieldsPanel';
import { EmployeesPanel } from './EmployeesPanel';
import { NumberSeriesPanel } from './NumberSeriesPanel';
import { StatusFlowPanel } from './StatusFlowPanel';
import { SubscriptionsPanel, UsersPanel } from './UsersPanel';

export function SettingsScreen(props: { active: boolean; bootstrap: Bootstrap }) {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <div className="screen settings-screen" data-testid="settings-screen">
      <div className="toolbar">
        <h1>{t('settings.title')}</h1>
      </div>
      <div className="screen-body scroll">
        <section className="panel">
          <h2>{t('company.title')}</h2>
          {company.isError ? <Banner error={refusalOf(company.error, () => null).general} /> : null}
          {company.data !== undefined ? (
            <CompanyForm key={company.data ? 'edit' : 'new'} company={company.data} active={props.active} onSaved={() => undefined} />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          )}
        </section>
        {company.data ? <StatusFlowPanel /> : null}
        <NumberSeriesPanel active={props.active} />
        <UsersPanel />
        <EmployeesPanel />
        <SubscriptionsPanel />
        <CustomFieldsPanel />
        <BackupPanel />
        <section className="panel">
          <h2>{t('settings.about')}</h2>
          <dl className="facts">
            <dt>{t('settings.dataFile')}</dt>
            <dd data-testid="settings-data-file">{props.bootstrap.dataFile}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{props.bootstrap.schemaVersion}</dd>
            <dt>{t('settings.appVersion')}</dt>
            <dd>{props.bootstrap.appVersion}</dd>
          </dl>
        </section>
      </div>
    </div>
  );
}
