// Working together in the demo company (issue 12): once every order's story has
// reached today, a share of the orders get comments (written on the order's day
// or soon after, one now and then corrected), tasks (done on the older orders;
// on the recent ones some open, some overdue), and a few personal reminders.
// The demo company is an open workstation, so tasks go to nobody in particular
// and nobody follows; where users exist the tasks, reminders and following are
// shared out among them. Through the real services, so each comment and task is
// in its order's activity log.
import { INVOICED_KINDS } from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import { projectIds, salesOrdersWithKind, setFollowing } from '../repos/collaboration';
import { listUsers } from '../repos/users';
import { addComment, addNote, addTask, changeTask } from '../services/collaboration';
import { addDays, daysBetween, type Rng } from './random';
import { contextAt, dayNumber, MINUTES_PER_DAY } from './timeline';

const COMMENTS = [
  'Kunden ringte og spurte om leveringstid.',
  'Avtalt levering på byggeplass, ring Per før levering.',
  'Kunden ønsker alt samlet i én leveranse.',
  'Sendt bilde av varen til kunden på e-post.',
  'Prisen er avtalt med innkjøper hos kunden.',
  'Husk å legge ved monteringsanvisning.',
  'Kunden henter selv på lageret.',
  'Bestilt inn mer fra leverandør, kommer om en uke.',
  'Fakturaadresse endret etter avtale med kunden.',
  'Kunden er fornøyd, vil ha tilbud på mer.',
];
const CORRECTIONS = ['Rettelse: levering på fredag, ikke torsdag.', 'Rettelse: kunden henter selv, ingen frakt.'];
const TASKS = [
  'Ring kunden om levering',
  'Send ordrebekreftelse',
  'Sjekk lagerstatus',
  'Bestill frakt',
  'Følg opp tilbudet',
  'Avklar pris med kunden',
  'Send bilder av varen',
];
const NOTES = ['Ring kunden hvis ikke betalt', 'Sjekk om varene er kommet', 'Følg opp reklamasjon'];

/** A moment `minutes` into the given day, but never after today's now. */
const atDay = (ctx: HandlerContext, iso: string, minutes: number): HandlerContext => contextAt(ctx, dayNumber(iso) * MINUTES_PER_DAY + minutes);

/** Adds the demo's comments, tasks, reminders and following; `ctx` is today's. */
export function activityMix(ctx: HandlerContext, rng: Rng): void {
  const users = listUsers(ctx.db).filter((u) => u.active).map((u) => u.id);
  let turn = 0;
  const someone = (): number | null => (users.length ? users[turn++ % users.length]! : null);
  const orders = salesOrdersWithKind(ctx.db);
  for (const o of orders) {
    const age = daysBetween(o.orderDate, ctx.today);
    if (rng.chance(0.2)) {
      let last = 0;
      // Written over the order's first days, in order.
      const moments = Array.from({ length: rng.int(1, 3) }, () => Math.min(age, rng.int(0, 3)) * MINUTES_PER_DAY + 8 * 60 + rng.int(0, 8 * 60)).sort((a, b) => a - b);
      for (const m of moments) {
        last = addComment(atDay(ctx, o.orderDate, m), { orderId: o.id, text: rng.pick(COMMENTS) }).id;
      }
      if (rng.chance(0.1)) addComment(atDay(ctx, addDays(o.orderDate, Math.min(age, 4)), 15 * 60), { orderId: o.id, text: rng.pick(CORRECTIONS), correctsId: last });
    }
    if (rng.chance(0.12)) {
      const made = atDay(ctx, o.orderDate, 9 * 60 + rng.int(0, 6 * 60));
      // Older and invoiced orders' tasks were done; a recent order's may be open, due soon or overdue.
      const recent = age <= 21 && !INVOICED_KINDS.includes(o.kind);
      const due = recent ? addDays(ctx.today, rng.int(-6, 10)) : addDays(o.orderDate, rng.int(1, 7));
      const task = addTask(made, { orderId: o.id, title: rng.pick(TASKS), assigneeUserId: someone(), dueDate: due });
      if (!recent || rng.chance(0.3)) {
        const doneDay = [addDays(task.dueDate ?? o.orderDate, -rng.int(0, 1)), ctx.today].sort()[0]!;
        changeTask(atDay(ctx, doneDay < o.orderDate ? o.orderDate : doneDay, 14 * 60), { id: task.id, version: task.version, done: true });
      }
    }
    if (users.length && rng.chance(0.1)) setFollowing(ctx.db, o.id, someone()!, true, ctx.now.toISOString());
  }
  // A few reminders on the latest orders, some due already.
  for (const o of orders.slice(-40).filter((_, i) => i % 8 === 0)) {
    const forUserId = someone();
    addNote(atDay(ctx, o.orderDate, 10 * 60), {
      orderId: o.id,
      date: addDays(ctx.today, rng.int(-2, 7)),
      text: rng.pick(NOTES),
      ...(forUserId === null ? {} : { forUserId }),
    });
  }
  // Projects (the people part's demo makes them): a task or two each.
  for (const projectId of projectIds(ctx.db)) {
    addTask(ctx, { projectId, title: 'Avklar fremdriftsplan', assigneeUserId: someone(), dueDate: addDays(ctx.today, rng.int(-3, 14)) });
  }
}
