// Employees and projects (issue 12).
// PROJECTS: PLACEHOLDER while issue 12 is built in parts; replaced before the work lands.
import { DomainError } from '../../../shared/errors';
import { getEmployee, listEmployees } from '../repos/employees';
import { changeEmployee, createEmployee } from '../services/employees';
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

const notYet = (name: string) =>
  reader(() => {
    throw new Error(`${name}: not built yet`);
  });

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
  'projects.list': notYet('projects.list'),
  'projects.get': notYet('projects.get'),
  'projects.create': notYet('projects.create'),
  'projects.update': notYet('projects.update'),
  'projects.lookup': notYet('projects.lookup'),
};
