// Issue 10, item 2: every search and lookup (customers, suppliers, products,
// the order list's search and text filters) matches Norwegian letters whatever
// their case, through the one fold (domain/fold.ts) and the folded columns that
// the repositories keep (migration 009).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src-main/engine/domain/fold';
import { norwegianSortKey } from '../../src-main/engine/domain/sortKey';
import { COMPANY, makeEngine, queryFile, type TestEngine } from '../helpers/engine';

describe('the fold', () => {
  it('pairs Æ/æ, Ø/ø, Å/å, keeps them apart from a and o, and does not read "aa" as "å"', () => {
    expect(foldText('ÆRLIG ØYSTEIN ÅSANE')).toBe('ærlig øystein åsane');
    expect(foldText('MÅLEBÅND')).toBe(foldText('målebånd'));
    expect(foldText('Åsane')).not.toBe(foldText('Asane'));
    expect(foldText('Øystein')).not.toBe(foldText('Oystein'));
    expect(foldText('Aasen')).not.toBe(foldText('Åsen'));
    // The same letters spelled the Swedish/German way; other accents dropped; a decomposed å composed.
    expect(foldText('Björk Ärlig')).toBe('bjørk ærlig');
    expect(foldText('Café Müller')).toBe('cafe muller');
    expect(foldText('A\u030asane')).toBe('åsane');
  });

  it('is what the sort key is built on (one fold)', () => {
    expect(norwegianSortKey('  Åsen AS ')).toBe('}sen as');
    expect(norwegianSortKey('Ærlig')).toBe(norwegianSortKey('ÆRLIG'));
  });
});

const NORWEGIAN = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ'.split(''));
/** A word with at least one of æ, ø, å (in either case). */
const norwegianWord = fc
  .tuple(fc.array(NORWEGIAN, { minLength: 1, maxLength: 6 }), fc.constantFrom('æ', 'ø', 'å', 'Æ', 'Ø', 'Å'), fc.array(NORWEGIAN, { maxLength: 6 }))
  .map(([a, m, b]) => [...a, m, ...b].join(''));
/** The same text with each letter's case chosen at random. */
const recased = (s: string, flips: readonly boolean[]) =>
  [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');

describe('every search folds Norwegian letters', () => {
  let t: TestEngine;
  let names: string[];
  let seq = 0;
  beforeAll(async () => {
    t = await makeEngine();
    await t.ok('company.save', COMPANY);
    names = [];
  });
  afterAll(() => t.close());

  /** A customer, a supplier, a product and an order, all named by the word (unique per run by a number). */
  async function register(word: string) {
    seq += 1;
    const name = `${word} ${seq}`;
    const customer = await t.ok('customers.create', { kind: 'private', name, city: `${word}by`, contacts: [] });
    const supplier = await t.ok('suppliers.create', { kind: 'private', name });
    const product = await t.ok('products.create', { number: `P${seq}`, name, unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
    const order = await t.ok('orders.create', {
      header: { customerId: customer.id, orderType: 1, customerReference: `Ref ${word}` },
      lines: [{ productId: product.id, quantity: 1000 }],
    });
    names.push(name);
    return { name, customer, supplier, product, order };
  }

  it('a text with æ, ø or å finds itself in any case, in every list and lookup', async () => {
    await fc.assert(
      fc.asyncProperty(norwegianWord, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (word, flips) => {
        const r = await register(word);
        const q = recased(word, flips);
        const ids = (rows: readonly { id: number }[]) => rows.map((x) => x.id);
        expect(ids((await t.ok('customers.list', { search: q, limit: 500 })).rows)).toContain(r.customer.id);
        expect(ids(await t.ok('customers.lookup', { query: q, limit: 50 }))).toContain(r.customer.id);
        expect(ids((await t.ok('suppliers.list', { search: q, limit: 500 })).rows)).toContain(r.supplier.id);
        expect(ids(await t.ok('suppliers.lookup', { query: q, limit: 50 }))).toContain(r.supplier.id);
        expect(ids((await t.ok('products.list', { search: q, limit: 500 })).rows)).toContain(r.product.id);
        expect(ids(await t.ok('products.lookup', { query: q, limit: 50 }))).toContain(r.product.id);
        // By place, too (the customer list searches the city).
        expect(ids((await t.ok('customers.list', { search: `${q}BY`, limit: 500 })).rows)).toContain(r.customer.id);
        // The order list: the search box, and the text filters on customer name and reference.
        const list = (input: object) => t.ok('orders.list', { startRow: 0, endRow: 1000, ...input }).then((x) => ids(x.rows));
        expect(await list({ search: q })).toContain(r.order.id);
        for (const type of ['contains', 'startsWith'] as const) {
          expect(await list({ filterModel: { customerName: { filterType: 'text', type, filter: q } } })).toContain(r.order.id);
        }
        expect(await list({ filterModel: { customerName: { filterType: 'text', type: 'equals', filter: recased(r.name, flips) } } })).toContain(r.order.id);
        expect(await list({ filterModel: { customerReference: { filterType: 'text', type: 'contains', filter: q } } })).toContain(r.order.id);
        expect(await list({ filterModel: { customerReference: { filterType: 'text', type: 'equals', filter: `REF ${q}` } } })).toContain(r.order.id);
      }),
      { numRuns: 40 },
    );
  });

  it('the words of the issue find what they should, and å is not a', async () => {
    const asane = await t.ok('customers.create', { kind: 'private', name: 'Åsane Bygg AS', contacts: [] });
    const oystein = await t.ok('customers.create', { kind: 'private', name: 'ØYSTEIN ÆRLIG', contacts: [] });
    const asa = await t.ok('customers.create', { kind: 'private', name: 'Asa Nilsen', contacts: [] });
    const tape = await t.ok('products.create', { number: 'MÅL-5', name: 'MÅLEBÅND 5 M', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
    const ids = (rows: readonly { id: number }[]) => rows.map((x) => x.id);
    const found = ids((await t.ok('customers.list', { search: 'åsane', limit: 500 })).rows);
    expect(found).toContain(asane.id);
    expect(found).not.toContain(asa.id);
    expect(ids((await t.ok('customers.list', { search: 'asa', limit: 500 })).rows)).not.toContain(asane.id);
    expect(ids(await t.ok('customers.lookup', { query: 'øystein ærlig', limit: 10 }))).toEqual([oystein.id]);
    expect(ids(await t.ok('products.lookup', { query: 'målebånd', limit: 10 }))).toEqual([tape.id]);
    // Number prefix, folded: "mål" finds MÅL-5 first.
    expect(ids(await t.ok('products.lookup', { query: 'mål', limit: 10 }))[0]).toBe(tape.id);
    // The folded copies follow an update.
    await t.ok('products.update', { id: tape.id, number: 'MÅL-5', name: 'Tommestokk Ørnen', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false });
    expect(ids(await t.ok('products.lookup', { query: 'ØRNEN', limit: 10 }))).toEqual([tape.id]);
    expect(ids(await t.ok('products.lookup', { query: 'målebånd', limit: 10 }))).toEqual([]);
  });

  it('the folded columns hold the fold of what is stored', async () => {
    const parties = await queryFile<{ name: string; name_fold: string; city: string | null; city_fold: string }>(
      t.file,
      'SELECT name, name_fold, city, city_fold FROM party',
    );
    expect(parties.length).toBeGreaterThan(0);
    for (const p of parties) {
      expect(p.name_fold).toBe(foldText(p.name));
      expect(p.city_fold).toBe(foldText(p.city ?? ''));
    }
    const products = await queryFile<{ number: string; name: string; number_fold: string; name_fold: string }>(t.file, 'SELECT number, name, number_fold, name_fold FROM product');
    for (const p of products) expect([p.number_fold, p.name_fold]).toEqual([foldText(p.number), foldText(p.name)]);
    const orders = await queryFile<{ customer_reference: string | null; reference_fold: string | null }>(t.file, 'SELECT customer_reference, reference_fold FROM order_header');
    for (const o of orders) expect(o.reference_fold).toBe(o.customer_reference === null ? null : foldText(o.customer_reference));
  });
});
