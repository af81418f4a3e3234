// Prosjekter (issue 12): the engine-paged project list with a search box and a
// status filter on the left; the project's form, its figures and its orders on
// the right. F2 makes a new project; from a project, Alt+N starts a new order
// for it (its customer and the project filled in).
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/channels/people';
import { PROJECT_STATUSES, type ProjectStatus } from '../../../shared/enums';
import { formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { RegisterScreen } from '../../components/RegisterScreen';
import { fitWidth, WIDEST_DATE, widestWhole } from '../../grid/columnWidths';
import { useLanguage } from '../../i18n';
import { ProjectForm } from './ProjectForm';
import { ProjectOrders } from './ProjectOrders';

export function projectStatusLabel(status: ProjectStatus, lang: 'nb' | 'en'): string {
  return PROJECT_STATUSES.find((s) => s.key === status)?.[lang] ?? status;
}

export function ProjectsScreen(props: { active: boolean; openRequest?: { id: number; seq: number } | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [status, setStatus] = useState<ProjectStatus | ''>('');
  const columnDefs = useMemo<ColDef<Project>[]>(
    () => [
      { field: 'number', headerName: t('peopleUi.projects.col.number'), width: fitWidth([widestWhole(5)], t('peopleUi.projects.col.number')), type: 'rightAligned', cellClass: 'num' },
      { field: 'name', headerName: t('peopleUi.projects.col.name'), flex: 2, minWidth: 160 },
      { field: 'customerName', headerName: t('peopleUi.projects.col.customer'), flex: 1, minWidth: 120 },
      { field: 'responsibleName', headerName: t('peopleUi.projects.col.responsible'), flex: 1, minWidth: 100 },
      {
        field: 'status',
        headerName: t('peopleUi.projects.col.status'),
        width: fitWidth(PROJECT_STATUSES.map((s) => s[lang]), t('peopleUi.projects.col.status')),
        valueFormatter: (p: ValueFormatterParams<Project, ProjectStatus>) => (p.value ? projectStatusLabel(p.value, lang) : ''),
      },
      {
        field: 'startDate',
        headerName: t('peopleUi.projects.col.startDate'),
        width: fitWidth([WIDEST_DATE], t('peopleUi.projects.col.startDate')),
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<Project, string | null>) => formatDate(p.value),
      },
      {
        field: 'endDate',
        headerName: t('peopleUi.projects.col.endDate'),
        width: fitWidth([WIDEST_DATE], t('peopleUi.projects.col.endDate')),
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<Project, string | null>) => formatDate(p.value),
      },
    ],
    [t, lang],
  );

  return (
    <RegisterScreen<Project, 'projects.get'>
      active={props.active}
      openRequest={props.openRequest ?? null}
      testId="projects-screen"
      title={t('peopleUi.projects.title')}
      newLabel={t('peopleUi.projects.newProject')}
      newTestId="project-new"
      chooseOrNew={t('peopleUi.projects.chooseOrNew')}
      list={{
        testId: 'project-list',
        columnDefs,
        fetchPage: (input) => invoke('projects.list', { ...input, ...(status ? { status } : {}) }),
        searchPlaceholder: t('peopleUi.projects.searchPlaceholder'),
        noRowsText: t('peopleUi.projects.noRows'),
        filterKey: status,
        filters: (
          <select
            className="status-filter"
            aria-label={t('peopleUi.projects.statusFilter')}
            data-testid="project-status-filter"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProjectStatus | '')}
          >
            <option value="">{t('peopleUi.projects.allStatuses')}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s.key} value={s.key}>
                {s[lang]}
              </option>
            ))}
          </select>
        ),
      }}
      getChannel="projects.get"
      renderForm={(f) => (
        <ProjectForm key={f.key} project={f.record} active={f.active} onSaved={f.onSaved} onDirtyChange={f.onDirtyChange} onClose={f.onClose} />
      )}
      renderBelow={(project) => <ProjectOrders project={project} active={props.active} />}
    />
  );
}
