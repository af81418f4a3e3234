// The three status presets of SPEC 1.2, as (kind, label) in flow order. The
// catalog of all kinds is seeded too, hidden where the preset does not use it,
// so an administrator can switch them on.
import { STATUS_KINDS, STATUS_KIND_LABELS, type StatusKind, type StatusPreset } from '../../../shared/enums';
import { STOCK_AND_INVOICING_SETS, type StockAndInvoicingSet } from '../../../shared/kinds';

export interface StatusSeed {
  readonly kind: StatusKind;
  readonly labelNb: string;
  readonly labelEn: string;
  readonly hidden: boolean;
}

const FLOWS: Readonly<Record<StatusPreset, readonly (StatusKind | [StatusKind, string, string])[]>> = {
  standard: ['quote', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'paid'],
  field_service: ['draft', ['quote', 'Tilbud sendt', 'Quote sent'], 'accepted', 'confirmed', 'job_started', 'job_completed', 'closed'],
  simple: [['confirmed', 'Under arbeid', 'In progress'], 'ready_to_invoice', 'reminded', 'paid'],
};

/** The kinds of the preset's flow: the status bar's steps (other kinds are reached by actions). */
export function flowKinds(preset: StatusPreset): readonly StatusKind[] {
  return FLOWS[preset].map((entry) => (typeof entry === 'string' ? entry : entry[0]));
}

export function statusSeeds(preset: StatusPreset): StatusSeed[] {
  const visible: StatusSeed[] = FLOWS[preset].map((entry) => {
    const [kind, nb, en] = typeof entry === 'string' ? [entry, undefined, undefined] : entry;
    const label = STATUS_KIND_LABELS[kind];
    return { kind, labelNb: nb ?? label.nb, labelEn: en ?? label.en, hidden: false };
  });
  const used = new Set(visible.map((s) => s.kind));
  const rest = STATUS_KINDS.filter((k) => !used.has(k)).map((kind) => ({
    kind,
    labelNb: STATUS_KIND_LABELS[kind].nb,
    labelEn: STATUS_KIND_LABELS[kind].en,
    hidden: true,
  }));
  return [...visible, ...rest];
}

// ---- The flow editor's moves (issue 13) ---------------------------------------------

/** Why a kind's orders may not move to another kind, per behaviour set of shared/kinds.ts (nb, en). */
const SET_REASONS: Readonly<Record<StockAndInvoicingSet, { nb: string; en: string }>> = {
  reserves: { nb: 'varene er reservert i den ene og ikke i den andre', en: 'goods are reserved in one and not in the other' },
  lends: { nb: 'varene er utlånt i den ene og ikke i den andre', en: 'goods are on loan in one and not in the other' },
  issues: { nb: 'varene er tatt ut av lageret i den ene og ikke i den andre', en: 'goods have left stock in one and not in the other' },
  invoiced: { nb: 'ordren er fakturert i den ene og ikke i den andre', en: 'the order is invoiced in one and not in the other' },
  unprocessed: { nb: 'ordren er ubehandlet i den ene og under behandling i den andre', en: 'the order is unprocessed in one and processed in the other' },
  open: { nb: 'ordren er under behandling i den ene og ikke i den andre', en: 'the order is being processed in one and not in the other' },
  collective: { nb: 'ordren kan samlefaktureres i den ene og ikke i den andre', en: 'the order can be collectively invoiced in one and not in the other' },
  awaitingPayment: { nb: 'fakturaen venter på betaling i den ene og ikke i den andre', en: 'the invoice awaits payment in one and not in the other' },
  deliveredInFull: { nb: 'alt er levert i den ene, ikke nødvendigvis i den andre', en: 'everything is delivered in one, not necessarily in the other' },
};

/**
 * Whether orders may move from a status of one kind to one of another without
 * changing stock or invoicing: null when the kinds agree on every set of
 * STOCK_AND_INVOICING_SETS, otherwise the first set they differ on, with its reason.
 */
export function moveDifference(from: StatusKind, to: StatusKind): { set: StockAndInvoicingSet; nb: string; en: string } | null {
  for (const [set, kinds] of Object.entries(STOCK_AND_INVOICING_SETS) as [StockAndInvoicingSet, readonly StatusKind[]][]) {
    if (kinds.includes(from) !== kinds.includes(to)) return { set, ...SET_REASONS[set] };
  }
  return null;
}
