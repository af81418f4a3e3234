// Mutations of a payload: one to three changes at random places in it, chosen by
// what is there (a number, an id, a version, a date, a string, an array, an
// object) — dropped fields, wrong types, boundary numbers, NaN-like and huge
// strings, unicode, unknown ids, stale versions, duplicated entries, extra keys,
// nested nulls, arrays of 2,000 items — and fully random input.
import type { State } from './fuzz-world';
import { BOUNDARY_NUMBERS, DATE_MUTANTS, NAN_LIKE, UNICODE, WRONG_TYPES, type Rnd } from './fuzz-random';

type Path = readonly (string | number)[];
interface Node {
  readonly path: Path;
  readonly value: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A deep copy of plain data (objects, arrays); anything else is kept as it is. */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: clone(v[k]), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return v;
}

/** Every place in a payload (the root included), up to a bound so that a 2,000-line payload stays cheap. */
function nodes(value: unknown, limit = 400): Node[] {
  const out: Node[] = [];
  const walk = (v: unknown, path: Path) => {
    if (out.length >= limit) return;
    out.push({ path, value: v });
    if (Array.isArray(v)) v.slice(0, 20).forEach((x, i) => walk(x, [...path, i]));
    else if (isPlainObject(v)) for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  walk(value, []);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  let parent = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (Array.isArray(parent)) {
    parent[Number(last)] = value;
  } else {
    // defineProperty, so that a key named __proto__ stays an own key.
    Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

const keyOf = (path: Path) => String(path.filter((p) => typeof p === 'string').at(-1) ?? '');

/** Ids that exist, of some other kind than the field asks for. */
function otherIds(st: State): number[] {
  return [
    ...st.orders.slice(0, 5).map((o) => o.id),
    ...st.purchases.slice(0, 3).map((o) => o.id),
    ...st.orders.flatMap((o) => o.lines.slice(0, 1).map((l) => l.id)).slice(0, 5),
    ...st.invoices.slice(0, 3).map((i) => i.id),
    ...st.customers.slice(0, 3).map((p) => p.id),
    ...st.products.slice(0, 3).map((p) => p.id),
    ...st.jobs.slice(0, 2).map((j) => j.id),
  ];
}

function hugeString(r: Rnd): string {
  return r.pick([() => 'x'.repeat(100_000), () => 'æøå'.repeat(50_000), () => '😀'.repeat(40_000), () => '9'.repeat(5_000), () => 'a'.repeat(1_500_000)])();
}

function numberMutant(r: Rnd, key: string, value: number, st: State): unknown {
  if (key === 'version') return r.pick([value - 1, value + 1, 0, 1, 2 ** 31, value + 0.5, -value]);
  if (/id$/i.test(key) || key === 'id') {
    return r.weighted<() => unknown>([
      [() => r.pick([999_999, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 0, -1, 1.5]), 4],
      [() => r.pickOr(otherIds(st), 1), 4],
      [() => String(value), 1],
      [() => r.pick(BOUNDARY_NUMBERS), 1],
    ])();
  }
  return r.weighted<() => unknown>([
    [() => r.pick(BOUNDARY_NUMBERS), 6],
    [() => value * r.pick([-1, 1000, 1 / 1000]), 2],
    [() => value + r.pick([-1, 1, 0.001]), 2],
    [() => r.pick(NAN_LIKE), 1],
    [() => String(value), 1],
  ])();
}

function stringMutant(r: Rnd, key: string, value: string): unknown {
  const dateLike = /date|^start$|^dateFrom$|^dateTo$/i.test(key) || /^\d{4}-\d{2}-\d{2}/.test(value);
  return r.weighted<() => unknown>([
    [() => r.pick(DATE_MUTANTS), dateLike ? 6 : 0],
    [() => r.pick(UNICODE), 4],
    [() => value + r.pick(UNICODE), 2],
    [() => r.pick(NAN_LIKE), 3],
    [() => hugeString(r), 2],
    [() => ` ${value} `, 1],
    [() => value.toUpperCase(), 1],
    [() => value.slice(0, Math.max(0, value.length - 1)), 1],
    [() => r.graphemes(), 2],
    [() => r.binary(), 1],
    [() => (Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : 0), 1],
  ])();
}

function arrayMutant(r: Rnd, value: unknown[]): unknown {
  const item = value.length ? value[r.below(value.length)] : {};
  return r.weighted<() => unknown>([
    [() => [], 2],
    [() => [...value, clone(item)], 3],
    [() => [...value, ...value.map(clone)], 2],
    [() => Array.from({ length: 2000 }, () => clone(item)), 2],
    [() => Array.from({ length: 2001 }, () => clone(item)), 1],
    [() => Array.from({ length: 2000 }, (_, i) => (typeof item === 'number' ? item + i : clone(item))), 1],
    [() => [...value].reverse(), 1],
    [() => [value], 1],
    [() => Object.fromEntries(Array.from(value, (v, i) => [String(i), v])), 1],
    [() => [null], 1],
    [() => [undefined, ...value], 1],
  ])();
}

function objectMutant(r: Rnd, value: Record<string, unknown>): unknown {
  const keys = Object.keys(value);
  return r.weighted<() => unknown>([
    [() => ({ ...value, [r.pick(['extra', 'id', 'version', 'admin', '', ' ', 'constructor', 'toString', 'ÆØÅ'])]: r.json() }), 3],
    [() => Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, value), 2],
    [() => ({}), 1],
    [() => Object.fromEntries(keys.map((k) => [k, null])), 2],
    [() => Object.fromEntries(keys.map((k) => [k, isPlainObject(value[k]) ? Object.fromEntries(Object.keys(value[k] as object).map((kk) => [kk, null])) : value[k]])), 2],
    [() => Object.fromEntries(keys.map((k) => [k.toUpperCase(), value[k]])), 1],
    [() => [value], 1],
    [() => jsonText(value), 1],
  ])();
}

/** The payload as JSON text (where it has something JSON cannot say, its String()). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One change at one place. */
function mutateOnce(root: unknown, r: Rnd, st: State): unknown {
  const all = nodes(root);
  const { path, value } = r.pick(all);
  const key = keyOf(path);
  const inObject = path.length > 0;
  const op = r.weighted<string>([
    ['drop', inObject ? 2 : 0],
    ['wrongType', 2],
    ['typed', 6],
    ['random', 1],
  ]);
  switch (op) {
    case 'drop':
      return setAt(root, path, undefined, true);
    case 'wrongType':
      return setAt(root, path, r.pick(WRONG_TYPES)());
    case 'random':
      return setAt(root, path, r.chance(0.5) ? r.json() : r.anything());
    default:
      if (typeof value === 'number') return setAt(root, path, numberMutant(r, key, value, st));
      if (typeof value === 'string') return setAt(root, path, stringMutant(r, key, value));
      if (typeof value === 'boolean') return setAt(root, path, r.pick([!value, 'true', 1, 0, null]));
      if (Array.isArray(value)) return setAt(root, path, arrayMutant(r, value));
      if (isPlainObject(value)) return setAt(root, path, objectMutant(r, value));
      return setAt(root, path, r.pick(WRONG_TYPES)());
  }
}

/** One to three mutations of a copy of the payload. */
export function mutate(payload: unknown, r: Rnd, st: State): unknown {
  let out = clone(payload);
  for (let i = r.weighted<number>([[1, 6], [2, 3], [3, 1]]); i > 0; i--) out = mutateOnce(out, r, st);
  return out;
}

/** Input that has nothing to do with the channel. */
export function randomInput(r: Rnd): unknown {
  return r.weighted<() => unknown>([
    [() => r.json(), 4],
    [() => r.anything(), 3],
    [() => r.pick(WRONG_TYPES)(), 2],
    [() => hugeString(r), 1],
  ])();
}
