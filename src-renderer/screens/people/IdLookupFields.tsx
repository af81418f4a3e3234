// Header fields that hold one record's id, found as the clerk types: an
// employee by initials or name (Vår kontakt, Ansvarlig), a project by number or
// name. The engine folds æøå in its search; typing, ↓/↑ and Enter behave as in
// the customer field (LookupInput). Emptying the field clears the choice.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee, Project } from '../../../shared/channels/people';
import { fetchChannel, useChannel } from '../../api/queries';
import { FieldMessage, useFieldScope } from '../../components/fields';
import { LookupInput } from '../../components/LookupInput';
import { bilingual, type BilingualText } from '../../i18n';

interface IdLookupProps<T> {
  /** The form field (the engine's name: refusals and focus find it by this). */
  readonly name: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: number | null;
  /** How the chosen record reads in the field (null while it loads). */
  readonly display: string | null;
  readonly queryKey: string;
  readonly search: (query: string) => Promise<readonly T[]>;
  readonly textOf: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  readonly notFound: (query: string) => BilingualText;
  readonly onChange: (id: number | null, item: T | null) => void;
  /** Enter: the next field. */
  readonly onAdvance: (from: HTMLInputElement | null) => void;
  readonly span?: 1 | 2;
}

function IdLookupField<T extends { id: number }>(props: IdLookupProps<T>) {
  const [text, setText] = useState(props.display ?? '');
  const [picked, setPicked] = useState(props.display ?? '');
  const [missing, setMissing] = useState<BilingualText | null>(null);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const f = useFieldScope(props.name, missing);
  // The record's text arrives (an order opened) or the choice changes elsewhere.
  useEffect(() => {
    const shown = props.value === null ? '' : (props.display ?? '');
    setText(shown);
    setPicked(shown);
  }, [props.value, props.display]);

  return (
    <div className={`field span-${props.span ?? 1} ${f.error ? 'has-error' : ''}`}>
      <label htmlFor={f.id}>{props.label}</label>
      <LookupInput<T>
        id={f.id}
        value={text}
        resolved={text.trim() === '' ? props.value === null : text === picked}
        onChange={(v) => {
          setText(v);
          setMissing(null);
          if (v.trim() === '' && props.value !== null) props.onChange(null, null);
        }}
        queryKey={props.queryKey}
        search={props.search}
        itemKey={(x) => x.id}
        renderItem={props.renderItem}
        onCommit={(item, query, how) => {
          if (item) {
            const shown = props.textOf(item);
            setText(shown);
            setPicked(shown);
            setMissing(null);
            props.onChange(item.id, item);
          } else {
            setMissing(props.notFound(query));
            if (how === 'enter') input?.focus();
          }
        }}
        onAdvance={() => props.onAdvance(input)}
        onEnterEmpty={() => props.onAdvance(input)}
        inputRef={setInput}
        testId={f.testId}
        field={props.name}
        placeholder={props.placeholder}
        invalid={Boolean(f.error)}
        describedBy={f.error ? `${f.id}-error` : undefined}
      />
      <FieldMessage id={f.id} testId={f.testId} error={f.error} />
    </div>
  );
}

export const employeeText = (e: { initials: string; name: string }): string => `${e.initials} – ${e.name}`;
const searchEmployees = (search: string) => fetchChannel('employees.list', { search });

/** Vår kontakt / Ansvarlig: an active employee by initials or name. */
export function EmployeeLookupField(props: {
  name: string;
  label: string;
  value: number | null;
  onChange: (id: number | null, employee: Employee | null) => void;
  onAdvance: (from: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation();
  const chosen = useChannel('employees.get', { id: props.value ?? 0 }, { enabled: props.value !== null });
  return (
    <IdLookupField<Employee>
      name={props.name}
      label={props.label}
      placeholder={t('peopleUi.header.employeePlaceholder')}
      value={props.value}
      display={chosen.data && chosen.data.id === props.value ? employeeText(chosen.data) : null}
      queryKey="employees.lookup"
      search={searchEmployees}
      textOf={employeeText}
      renderItem={(e) => (
        <span className="lookup-item">
          <span className="code">{e.initials}</span>
          <span className="name">{e.name}</span>
          <span className="muted">{e.phone ?? ''}</span>
        </span>
      )}
      notFound={(query) => bilingual('peopleUi.header.employeeNotFound', { query })}
      onChange={props.onChange}
      onAdvance={props.onAdvance}
    />
  );
}

export const projectText = (p: { number: number; name: string }): string => `${p.number} ${p.name}`;
const searchProjects = (query: string) => fetchChannel('projects.lookup', { query, limit: 10 });

/** Prosjekt: an open project by number or name. */
export function ProjectLookupField(props: {
  value: number | null;
  onChange: (id: number | null, project: Project | null) => void;
  onAdvance: (from: HTMLInputElement | null) => void;
  span?: 1 | 2;
}) {
  const { t } = useTranslation();
  const chosen = useChannel('projects.get', { id: props.value ?? 0 }, { enabled: props.value !== null });
  return (
    <IdLookupField<Project>
      name="projectId"
      label={t('peopleUi.header.project')}
      placeholder={t('peopleUi.header.projectPlaceholder')}
      value={props.value}
      display={chosen.data && chosen.data.id === props.value ? projectText(chosen.data) : null}
      queryKey="projects.lookup"
      search={searchProjects}
      textOf={projectText}
      renderItem={(p) => (
        <span className="lookup-item">
          <span className="code">{p.number}</span>
          <span className="name">{p.name}</span>
          <span className="muted">{p.customerName ?? ''}</span>
        </span>
      )}
      notFound={(query) => bilingual('peopleUi.header.projectNotFound', { query })}
      onChange={props.onChange}
      onAdvance={props.onAdvance}
      span={props.span}
    />
  );
}
