// The order's status bar shows the company's flow (issue 10, item 8):
// statuses.list marks the steps of the preset's flow (inFlow), so a company
// that has switched on more statuses (the demo company shows 21 as list tabs)
// still gets a status bar of its flow's steps, in flow order.
import { afterEach, describe, expect, it } from 'vitest';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

const flowOf = async (e: TestEngine) =>
  (await e.ok('statuses.list', {}))
    .filter((s) => s.inFlow)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((s) => s.kind);

describe('statuses.list marks the flow', () => {
  it('each preset: its own kinds, in its order; the rest of the catalog (hidden) is not in it', async () => {
    const expected = {
      standard: ['quote', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'paid'],
      field_service: ['draft', 'quote', 'accepted', 'confirmed', 'job_started', 'job_completed', 'closed'],
      simple: ['confirmed', 'ready_to_invoice', 'reminded', 'paid'],
    } as const;
    for (const [preset, kinds] of Object.entries(expected)) {
      const e = await makeEngine();
      try {
        await e.ok('company.save', { ...COMPANY, statusPreset: preset });
        expect(await flowOf(e), preset).toEqual(kinds);
        const all = await e.ok('statuses.list', {});
        expect(all.filter((s) => s.hidden).every((s) => !s.inFlow), preset).toBe(true);
      } finally {
        e.close();
      }
    }
  });

  it('the demo company: 21 statuses switched on for its list, a status bar of the standard flow', async () => {
    t = await makeEngine();
    await t.ok('system.createDemo', { orders: 0 });
    const all = await t.ok('statuses.list', {});
    expect(all.filter((s) => !s.hidden)).toHaveLength(21);
    expect(await flowOf(t)).toEqual(['quote', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'paid']);
    // Web, Utlån, Rest …: switched on, but reached by actions, not steps of the bar.
    expect(all.find((s) => s.kind === 'web')).toMatchObject({ hidden: false, inFlow: false });
  });
});
