// The demo company's custom fields (issue 12): what a Norwegian wholesaler and
// installer would add — when the job is mounted and how goods leave on orders,
// the customer's trade, a product's maker and warranty — filled on a share of
// the records, as a clerk who uses them most of the time would.
import type { CustomFieldDef, CustomFieldEntity, CustomFieldInput, CustomFieldValue } from '../../../shared/channels/customFields';
import type { HandlerContext } from '../context';
import { customValuesOf, listFieldDefs, recordIdsOf } from '../repos/customFields';
import { saveCustomField, saveCustomValues } from '../services/customFields';
import type { Rng } from './random';

type Fill = (rng: Rng, date: string | null) => CustomFieldValue;
interface DemoField {
  readonly def: Omit<CustomFieldInput, 'required' | 'active' | 'listColumn' | 'choices'> & { listColumn?: boolean; choices?: { labelNb: string }[] };
  /** The share of records that have a value. */
  readonly share: number;
  readonly fill: Fill;
}

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const choice = (keys: readonly CustomFieldValue[]): Fill => (rng) => rng.pick(keys);

const FIELDS: readonly DemoField[] = [
  {
    def: { entity: 'order', type: 'choice', labelNb: 'Leveringsmåte', labelEn: 'Delivery method', listColumn: true, choices: [{ labelNb: 'Henting' }, { labelNb: 'Levering på bil' }, { labelNb: 'Sendes med Bring' }, { labelNb: 'Sendes med PostNord' }] },
    share: 0.7,
    fill: choice(['henting', 'henting', 'levering_paa_bil', 'sendes_med_bring', 'sendes_med_bring', 'sendes_med_postnord']),
  },
  { def: { entity: 'order', type: 'date', labelNb: 'Montasjedato', labelEn: 'Installation date', listColumn: true }, share: 0.3, fill: (rng, date) => (date ? addDays(date, rng.int(3, 21)) : null) },
  { def: { entity: 'order', type: 'yesno', labelNb: 'Trenger lift', labelEn: 'Needs a lift' }, share: 0.15, fill: (rng) => rng.chance(0.4) },
  {
    def: { entity: 'customer', type: 'choice', labelNb: 'Bransje', labelEn: 'Trade', choices: [{ labelNb: 'Bygg og anlegg' }, { labelNb: 'Rørlegger' }, { labelNb: 'Elektro' }, { labelNb: 'Handel' }, { labelNb: 'Offentlig' }, { labelNb: 'Privat' }] },
    share: 0.8,
    fill: choice(['bygg_og_anlegg', 'bygg_og_anlegg', 'roerlegger', 'elektro', 'handel', 'offentlig', 'privat']),
  },
  { def: { entity: 'customer', type: 'amount', labelNb: 'Årlig rammeavtale', labelEn: 'Yearly frame agreement', minValue: 0 }, share: 0.15, fill: (rng) => rng.int(5, 60) * 10_000_00 },
  { def: { entity: 'product', type: 'text', labelNb: 'Produsent', labelEn: 'Manufacturer' }, share: 0.6, fill: choice(['Makita', 'Bosch', 'Hilti', 'Würth', 'Jordan', 'Biltema Pro', 'Mestergruppen']) },
  { def: { entity: 'product', type: 'number', labelNb: 'Garanti (måneder)', labelEn: 'Warranty (months)', minValue: 0, maxValue: 120 }, share: 0.4, fill: choice([6, 12, 24, 24, 36, 60]) },
  { def: { entity: 'project', type: 'amount', labelNb: 'Kontraktssum', labelEn: 'Contract sum', minValue: 0 }, share: 0, fill: () => null },
];

export function customFieldsMix(ctx: HandlerContext, rng: Rng): void {
  const keys = FIELDS.map((f) => saveCustomField(ctx, { required: false, active: true, listColumn: false, choices: [], ...f.def }).key);
  const values = new Map<string, Map<number, Record<string, CustomFieldValue>>>();
  FIELDS.forEach((f, i) => {
    if (f.share === 0) return;
    let perRecord = values.get(f.def.entity);
    if (!perRecord) values.set(f.def.entity, (perRecord = new Map()));
    for (const r of recordIdsOf(ctx.db, f.def.entity)) {
      if (!rng.chance(f.share)) continue;
      const v = f.fill(rng, r.date);
      if (v !== null) perRecord.set(r.id, { ...perRecord.get(r.id), [keys[i]!]: v });
    }
  });
  for (const f of new Set(FIELDS.map((x) => x.def.entity))) {
    // A save with values checks every required field: a record made by a path
    // that does not ask for them (a converted quote, a backorder) gets them here.
    const required = Object.entries(requiredFieldValues(ctx, f));
    for (const [id, v] of values.get(f) ?? []) {
      const stored = customValuesOf(ctx.db, f, id);
      const missing = Object.fromEntries(required.filter(([key]) => stored[key] === null));
      saveCustomValues(ctx, f, id, { ...missing, ...v }, { creating: false });
    }
  }
}

/** A value the field accepts: inside its bounds, its first choice, the day given. */
function acceptedValue(f: CustomFieldDef, today: string): CustomFieldValue {
  switch (f.type) {
    case 'number':
    case 'amount':
      return Math.min(Math.max(0, f.minValue ?? 0), f.maxValue ?? Number.MAX_SAFE_INTEGER);
    case 'text':
      return 'Demo';
    case 'date':
      return today;
    case 'yesno':
      return false;
    case 'choice':
      return f.choices[0]?.key ?? null;
  }
}

/**
 * Values for the fields an administrator made required before the demo was
 * made (the open workstation can define fields before the company exists): the
 * demo's records carry them as a clerk's would, or the engine refuses them.
 */
export function requiredFieldValues(ctx: HandlerContext, entity: CustomFieldEntity): Record<string, CustomFieldValue> {
  const values: Record<string, CustomFieldValue> = {};
  for (const f of listFieldDefs(ctx.db, { entity, includeInactive: false })) {
    if (f.required) values[f.key] = acceptedValue(f, ctx.today);
  }
  return values;
}
