// Relations between an order and other records (issue 12): links a clerk makes
// (order_relation) and the links the program keeps itself (quote → order,
// backorders, purchase amendments, the order's project), shown alike.
import { z } from 'zod';
import { channel, id, optionalText, requiredText } from './common';

/**
 * How the two are linked, seen from the order asked about: 'quote' (made from this
 * quote), 'order' (became this order), 'backorder' / 'backorder_of', 'amends' /
 * 'amended_by' (purchase amendments), 'project' (the order's project), 'manual'.
 */
export const RELATION_KINDS = ['quote', 'order', 'backorder', 'backorder_of', 'amends', 'amended_by', 'project', 'manual'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** How a link reads on the order asked about (the other end is named after it). */
export const RELATION_LABELS: Readonly<Record<RelationKind, { readonly nb: string; readonly en: string }>> = {
  quote: { nb: 'Laget fra tilbud', en: 'Made from quote' },
  order: { nb: 'Ble til ordre', en: 'Became order' },
  backorder: { nb: 'Restordre', en: 'Backorder' },
  backorder_of: { nb: 'Restordre av', en: 'Backorder of' },
  amends: { nb: 'Erstatter', en: 'Replaces' },
  amended_by: { nb: 'Erstattet av', en: 'Replaced by' },
  project: { nb: 'Ordrens prosjekt', en: "The order's project" },
  manual: { nb: 'Koblet til', en: 'Linked to' },
};

/** What the other end is. */
export type RelatedKind = 'sales' | 'quote' | 'purchase' | 'project';

export interface Relation {
  /** The manual link's id; null for a link the program keeps itself (cannot be removed here). */
  readonly id: number | null;
  readonly kind: RelationKind;
  /** "Laget fra tilbud", "Restordre av" … in both languages. */
  readonly label: { readonly nb: string; readonly en: string };
  readonly other: {
    readonly kind: RelatedKind;
    readonly id: number;
    readonly number: number;
    /** Customer, supplier or project name. */
    readonly name: string;
    readonly status: { readonly nb: string; readonly en: string } | null;
  };
  readonly note: string | null;
  readonly createdAt: string | null;
  readonly createdByName: string | null;
}

/** A record the order can be linked to, as the link dialog offers it. */
export type RelationCandidate = Relation['other'];

export const relationsChannels = {
  'relations.list': channel<readonly Relation[]>()(z.object({ orderId: id }).strict()),
  'relations.add': channel<Relation>()(
    z
      .object({
        orderId: id,
        to: z.object({ kind: z.enum(['order', 'project']), id }).strict(),
        note: optionalText(500),
      })
      .strict(),
  ),
  /** Sales orders, purchase orders and projects by number (projects also by name) to link the order to. */
  'relations.find': channel<readonly RelationCandidate[]>()(z.object({ orderId: id, query: requiredText(100) }).strict()),
  /** Manual links only; a built-in link goes with the records it joins. */
  'relations.remove': channel<{ readonly removed: number }>()(z.object({ id }).strict()),
} as const;
