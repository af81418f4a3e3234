// Accounting (Alt+8, SPEC 11): the batches of vouchers every invoice, credit
// note, cash sale, payment and supplier invoice makes, by state (post the ones
// waiting by hand), a batch's vouchers, the export of a period for the
// accountant (SAF-T or CSV, saved as a file, saying what is new), the trial
// balance and the account mapping. Alt+PageUp/PageDown step the views.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHotkeys } from '../../app/hotkeys';
import { Shortcut } from '../../components/Shortcut';
import { BatchesView } from './BatchesView';
import { ExportView, TrialBalanceView } from './ExportView';
import { MappingView } from './MappingView';

const VIEWS = ['batches', 'export', 'trial', 'mapping'] as const;
type View = (typeof VIEWS)[number];

export function AccountingScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('batches');
  const step = (by: 1 | -1) => setView((v) => VIEWS[(VIEWS.indexOf(v) + by + VIEWS.length) % VIEWS.length]!);
  useHotkeys(props.active, { 'alt+pageup': () => step(-1), 'alt+pagedown': () => step(1) });
  return (
    <div className="screen accounting-screen" data-testid="accounting-screen">
      <div className="toolbar">
        <h1>{t('receivables.accounting.title')}</h1>
        <div className="view-tabs" role="tablist" aria-label={t('receivables.accounting.views')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={`status-tab ${view === v ? 'selected' : ''}`}
              data-testid={`accounting-view-${v}`}
              onClick={() => setView(v)}
            >
              {t(`receivables.accounting.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="accounting-body">
        {view === 'batches' ? <BatchesView active={props.active} /> : null}
        {view === 'export' ? <ExportView active={props.active} /> : null}
        {view === 'trial' ? <TrialBalanceView /> : null}
        {view === 'mapping' ? <MappingView active={props.active} /> : null}
      </div>
      <div className="hint-bar">
        <Shortcut keys="Alt+PgUp/PgDn" label={t('receivables.accounting.viewKeys')} />
        {view === 'batches' ? (
          <>
            <Shortcut keys="Enter" label={t('receivables.accounting.batches.openKey')} />
            <Shortcut keys="Shift+Space" label={t('receivables.accounting.batches.selectKey')} />
          </>
        ) : null}
      </div>
    </div>
  );
}
