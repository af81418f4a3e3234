// The three status presets of SPEC 1.2, as (kind, label) in flow order. The
// catalog of all kinds is seeded too, hidden where the preset does not use it,
// so an administrator can switch them on.
import { STATUS_KINDS, STATUS_KIND_LABELS, type StatusKind, type StatusPreset } from '../../../shared/enums';

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
