// The demo company's people and projects (issue 12): its employees, projects
// for some business customers, and a pass over the year's orders that gives a
// good share of them a title, our contact, a responsible employee and a project.
// Coherent: a project's sales orders are its customer's and fall within its
// dates; a backorder, an order from a quote and an amended purchase order share
// those of the order they continue; the employee who left a while ago is
// responsible only for orders from before he left, and is then made inactive.
// Made after the orders so the rest of the demo stays exactly as it was; seeded.
import type { ChannelInput, ChannelOutput } from '../../../shared/catalog';
import type { Employee, Project } from '../../../shared/channels/people';
import type { HandlerContext } from '../context';
import { getCompany } from '../repos/company';
import { orderHeads, refreshDerived, setOrderPeople, type OrderHead } from '../repos/orders';
import { addDays, makeRng, type Rng } from './random';

type PeopleChannel = 'employees.create' | 'employees.update' | 'projects.create' | 'customers.list';
/** The demo's channel call (demoCompany.ts): validated, run by its handler, all or nothing. */
type Call = <K extends PeopleChannel>(ctx: HandlerContext, name: K, input: ChannelInput<K>) => ChannelOutput<K>;

const STAFF = {
  sales: [
    ['Kari Nygård', 'KN', '+47 922 10 201', 'kari.nygard'],
    ['Ingrid Solheim', 'IS', '+47 922 10 202', 'ingrid.solheim'],
    ['Morten Sæther', 'MS', '+47 922 10 203', 'morten.saether'],
    ['Åse Lunde', 'ÅL', '+47 922 10 204', 'ase.lunde'],
  ],
  purchasing: [['Jonas Berg', 'JB', '+47 922 10 205', 'jonas.berg']],
  // The fitters (the order jobs' team).
  workshop: [
    ['Per Ødegård', 'PØ', '+47 922 10 206', 'per.odegard'],
    ['Hassan Ali', 'HA', '+47 922 10 207', 'hassan.ali'],
  ],
  former: [['Trond Hella', 'TH', '+47 922 10 208', 'trond.hella']],
} as const;
/** The former salesman left this many days before today. */
const LEFT_DAYS_AGO = 200;

/** The projects of the business customers who have them, named for what each does. */
const PROJECTS: Readonly<Record<string, string>> = {
  'Bergen Bygg og Tømrer AS': 'Boligprosjekt Paradis',
  'Snekker Hansen AS': 'Kjøkkenmontering Fyllingsdalen',
  'Fana Tak og Fasade AS': 'Takomlegging Nesttun skole',
  'Åsane Rør og Varme AS': 'Varmepumper Åsane borettslag',
  'Sotra Marina AS': 'Ny flytebrygge Sotra',
  'Voss Hytteservice AS': 'Hyttefelt Voss',
  'Ørnen Elektro AS': 'Elanlegg Skolebygg Fana',
  'Oslo Eiendomsdrift AS': 'Rehabilitering Grünerløkka',
  'Akershus Entreprenør AS': 'Kontorbygg Lillestrøm',
  'Lillestrøm Maling og Tapet AS': 'Oppussing Strømmen',
};
/** How many projects the demo has (of those above, the customers with the most orders). */
const PROJECT_COUNT = 8;
const PHASES = ['Materialer', 'Tilleggsbestilling', 'Montering', 'Sluttlevering', 'Verktøy og utstyr'];
const TITLES = [
  'Påfyll lager',
  'Levering byggeplass',
  'Service og vedlikehold',
  'Ekstrabestilling',
  'Vårkampanje',
  'Rammeavtale',
  'Hasteordre',
  'Utstyr til nytt verksted',
  'Reklamasjon – erstatningsvarer',
];

/** The customer's sales orders on its project, by date: the older ones for a project that is now completed. */
interface ProjectPlan {
  readonly name: string;
  readonly customerId: number;
  readonly orders: readonly OrderHead[];
  readonly status: 'active' | 'completed' | 'planned';
}

export function peopleMix(ctx: HandlerContext, call: Call, seed: number): void {
  const rng = makeRng(seed ^ 0x9e0b1e);
  const staff = (list: readonly (readonly [string, string, string, string])[]): Employee[] =>
    list.map(([name, initials, phone, mail]) => call(ctx, 'employees.create', { name, initials, phone, email: `${mail}@fjordhandel.example` }));
  const sales = staff(STAFF.sales);
  const [buyer] = staff(STAFF.purchasing);
  const workshop = staff(STAFF.workshop);
  const [former] = staff(STAFF.former);
  const left = addDays(ctx.today, -LEFT_DAYS_AGO);

  const heads = orderHeads(ctx.db);
  const byId = new Map(heads.map((h) => [h.id, h]));
  // Orders typed by a clerk (not web-shop or EDI imports, which nobody at the company entered).
  const manual = (h: OrderHead) => h.transactionType === 'sales' && h.orderType !== 6 && h.orderType !== 9 && h.originId === null;

  // Projects: of the customers above, those with the most orders typed by a clerk.
  const named = new Map(call(ctx, 'customers.list', { limit: 500 }).rows.map((c) => [c.id, c.name]));
  const counts = new Map<number, number>();
  for (const h of heads) if (manual(h) && PROJECTS[named.get(h.partyId) ?? ''] !== undefined) counts.set(h.partyId, (counts.get(h.partyId) ?? 0) + 1);
  const customers = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id).slice(0, PROJECT_COUNT);
  const cut = addDays(ctx.today, -120);
  const plans: ProjectPlan[] = customers.map((customerId, i) => {
    // The last is still being planned: no orders yet. The first is done: its orders are the older ones.
    const status = i === customers.length - 1 ? 'planned' : i === 0 ? 'completed' : 'active';
    const own = heads.filter((h) => manual(h) && h.partyId === customerId);
    const orders = status === 'planned' ? [] : own.filter((h) => (status === 'completed' ? h.orderDate < cut : h.orderDate >= cut || rng.chance(0.3)) && rng.chance(status === 'completed' ? 0.8 : 0.6));
    return { name: PROJECTS[named.get(customerId)!]!, customerId, orders, status };
  });
  const projects: Project[] = plans.map((p, i) => {
    const dates = p.orders.map((h) => h.orderDate).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    return call(ctx, 'projects.create', {
      name: p.name,
      customerId: p.customerId,
      responsibleId: sales[i % sales.length]!.id,
      status: p.status,
      startDate: p.status === 'planned' ? addDays(ctx.today, 21) : (first ?? ctx.today),
      endDate: p.status === 'completed' ? (last ?? ctx.today) : null,
      description: p.status === 'planned' ? 'Tilbud under arbeid; oppstart etter avtale med kunden.' : null,
    });
  });
  const projectOf = new Map<number, number>();
  plans.forEach((p, i) => p.orders.forEach((h) => projectOf.set(h.id, i)));

  const chosen = new Map<number, Parameters<typeof setOrderPeople>[2]>();
  const choose = (h: OrderHead): Parameters<typeof setOrderPeople>[2] | null => {
    const origin = h.originId === null ? undefined : byId.get(h.originId);
    if (origin) return chosen.get(origin.id) ?? null;
    if (h.transactionType === 'purchase') return purchasePeople(rng, h, buyer!, sales, projects, plans);
    if (!manual(h)) return null;
    const p = projectOf.get(h.id);
    if (p === undefined && !rng.chance(0.7)) return null;
    const seller = h.orderDate < left && rng.chance(0.4) ? former! : rng.pick(sales);
    return {
      title: p === undefined ? (rng.chance(0.6) ? rng.pick(TITLES) : null) : `${plans[p]!.name} – ${rng.pick(PHASES)}`,
      responsibleId: seller.id,
      ourContactId: rng.chance(0.5) ? seller.id : rng.chance(0.5) ? rng.pick(workshop).id : null,
      projectId: p === undefined ? null : projects[p]!.id,
    };
  };
  const vatRegistered = getCompany(ctx.db)?.vatRegistered ?? true;
  for (const h of heads) {
    const v = choose(h);
    if (!v) continue;
    chosen.set(h.id, v);
    setOrderPeople(ctx.db, h.id, v);
    // The title is searched for, with the order's number, customer and references.
    refreshDerived(ctx.db, h.id, { vatRegistered });
  }
  // He has left: his orders keep him; he can no longer be chosen.
  call(ctx, 'employees.update', { ...fieldsOf(former!), active: false });
}

function fieldsOf(e: Employee) {
  return { id: e.id, version: e.version, name: e.name, initials: e.initials, phone: e.phone, email: e.email, userId: e.userId };
}

/** The purchaser orders most; a third of the purchases are for a project (any of them, while it runs). */
function purchasePeople(
  rng: Rng,
  h: OrderHead,
  buyer: Employee,
  sales: readonly Employee[],
  projects: readonly Project[],
  plans: readonly ProjectPlan[],
): Parameters<typeof setOrderPeople>[2] | null {
  if (!rng.chance(0.8)) return null;
  const running = projects.filter((p, i) => plans[i]!.orders.length > 0 && p.startDate !== null && p.startDate <= h.orderDate && (p.endDate === null || h.orderDate <= p.endDate));
  const project = running.length > 0 && rng.chance(0.35) ? rng.pick(running) : null;
  return {
    title: project ? `Innkjøp til ${project.name}` : null,
    responsibleId: buyer.id,
    ourContactId: project ? project.responsibleId : rng.chance(0.3) ? rng.pick(sales).id : null,
    projectId: project?.id ?? null,
  };
}
