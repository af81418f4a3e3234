// Employees and projects (issue 12).
import { DomainError } from '../../../shared/errors';
import { getEmployee, listEmployees } from '../repos/employees';
import { listProjects, lookupProjects } from '../repos/projects';
import { changeEmployee, createEmployee } from '../services/employees';
import { changeProject, createProject, projectView } from '../services/projects';
import { reader, writer, type HandlerMap } from './types';

type Channels =
  | 'employees.list'
  | 'employees.get'
  | 'employees.create'
  | 'employees.update'
  | 'projects.list'
  | 'projects.get'
  | 'projects.create'
  | 'projects.update'
  | 'projects.lookup';

export const peopleHandlers: HandlerMap<Channels> = {
  'employees.list': reader((input, { db }) => listEmployees(db, input)),
  'employees.get': reader((input, { db }) => {
    const e = getEmployee(db, input.id);
    if (!e) throw new DomainError('not_found', 'id', { entity: 'ansatt', id: input.id });
    return e;
  }),
  'employees.create': writer((input, ctx) => createEmployee(ctx, input)),
  'employees.update': writer((input, ctx) => {
    const { id, version, ...fields } = input;
    return changeEmployee(ctx, id, version, fields);
  }),
  'projects.list': reader((input, { db }) => listProjects(db, input)),
  'projects.get': reader((input, { db }) => projectView(db, input.id)),
  'projects.create': writer((input, ctx) => createProject(ctx, input)),
  'projects.update': writer((input, ctx) => {
    const { id, version, ...fields } = input;
    return changeProject(ctx, id, version, fields);
  }),
  'projects.lookup': reader((input, { db }) => lookupProjects(db, input.query, input.limit)),
};
