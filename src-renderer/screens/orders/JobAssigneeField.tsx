// Who does a job: an active employee found by initials or name as the clerk
// types (folded: "øde" finds Ødegård); Enter takes the highlighted one.
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../shared/channels/people';
import { invoke } from '../../api/client';
import { LookupInput } from '../../components/LookupInput';

export interface Assignee {
  readonly text: string;
  readonly employeeId: number | null;
}

export const assigneeOf = (e: Pick<Employee, 'id' | 'name' | 'initials'> | null): Assignee =>
  e ? { text: `${e.initials} – ${e.name}`, employeeId: e.id } : { text: '', employeeId: null };

export function JobAssigneeField(props: {
  readonly id: string;
  readonly value: Assignee;
  readonly onChange: (value: Assignee) => void;
  readonly onNotFound: (query: string) => void;
  readonly onAdvance: () => void;
}) {
  const { t } = useTranslation();
  return (
    <LookupInput<Employee>
      id={props.id}
      value={props.value.text}
      resolved={props.value.employeeId !== null}
      onChange={(text) => props.onChange({ text, employeeId: null })}
      queryKey="jobs.assignee"
      search={(query) => invoke('employees.list', { search: query })}
      itemKey={(e) => e.id}
      renderItem={(e) => (
        <span className="lookup-item">
          <span className="code">{e.initials}</span>
          <span className="name">{e.name}</span>
        </span>
      )}
      onCommit={(e, query) => (e ? props.onChange(assigneeOf(e)) : props.onNotFound(query))}
      onAdvance={props.onAdvance}
      testId="job-employee"
      field="employeeId"
      placeholder={t('jobs2.assigneePlaceholder')}
    />
  );
}
