// The status flow editor (issue 13): the administrator names, hides, orders,
// colours and adds the statuses of the sales flow, each mapped to one kind of
// SPEC 1.2 (the kind decides behaviour, shared/kinds.ts); switches preset or
// removes a status, moving the orders that stand in it. Reading the flow is
// `statuses.list` (orders.ts), open to everyone who sees orders.
import { z } from 'zod';
import { STATUS_KINDS, STATUS_PRESETS, type StatusKind, type StatusPreset } from '../enums';
import type { DomainErrorData } from '../errors';
import type { Status } from './orders';
import { channel, id } from './common';

/** A status as the editor shows it: with the number of orders that stand in it. */
export interface FlowStatus extends Status {
  readonly orders: number;
}

export interface FlowView {
  readonly preset: StatusPreset;
  /** Every sales status in flow order (sort order), hidden ones too. */
  readonly statuses: readonly FlowStatus[];
}

/** A status of the flow after the change: where orders can go. */
export interface FlowTarget {
  readonly id: number;
  readonly kind: StatusKind;
  readonly labelNb: string;
  readonly labelEn: string;
  readonly hidden: boolean;
}

/** One status whose orders move: how many, where by default, where chosen, and why not. */
export interface FlowMove {
  readonly statusId: number;
  readonly kind: StatusKind;
  readonly labelNb: string;
  readonly labelEn: string;
  readonly orders: number;
  /** A status of the same kind in the new flow. */
  readonly defaultTargetId: number;
  readonly targetId: number;
  /** Set when the move would change stock or invoicing: the refusal the change would meet. */
  readonly refusal: DomainErrorData | null;
}

export interface FlowPreview {
  readonly preset: StatusPreset;
  readonly targets: readonly FlowTarget[];
  readonly moves: readonly FlowMove[];
  /** No move is refused: the change can be made as previewed. */
  readonly ok: boolean;
}

/** #rrggbb, stored in lower case. */
export const statusColour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'invalid_colour' })
  .transform((s) => s.toLowerCase());

/** A label as typed: empty is refused by the engine with its own message. */
const statusLabel = z.string().trim().max(40);

const targetsInput = z
  .array(z.object({ statusId: id, targetId: id }).strict())
  .max(200)
  .default([]);

/** A preset switch or a removal: exactly one of the two. */
const changeInput = z
  .object({
    preset: z.enum(STATUS_PRESETS).optional(),
    removeId: id.optional(),
    targets: targetsInput,
  })
  .strict()
  .refine((v) => (v.preset === undefined) !== (v.removeId === undefined), { message: 'flow_change_one' });

const ADMIN = { right: 'administer' } as const;

export const statusFlowChannels = {
  /** The flow with the number of orders per status. */
  'statusFlow.get': channel<FlowView>()(z.object({}).strict(), ADMIN),
  /** Labels, colour and whether the status is shown. */
  'statusFlow.update': channel<FlowView>()(
    z
      .object({
        id,
        labelNb: statusLabel,
        labelEn: statusLabel,
        hidden: z.boolean(),
        colour: statusColour.nullable(),
      })
      .strict(),
    ADMIN,
  ),
  /** A new status of a kind, placed after the last status of that kind. */
  'statusFlow.add': channel<FlowView>()(
    z
      .object({
        kind: z.enum(STATUS_KINDS),
        labelNb: statusLabel,
        labelEn: statusLabel,
        colour: statusColour.nullable().default(null),
      })
      .strict(),
    ADMIN,
  ),
  /** Every sales status in its new order. */
  'statusFlow.reorder': channel<FlowView>()(z.object({ ids: z.array(id).min(1).max(200) }).strict(), ADMIN),
  /** What a preset switch or a removal would do with the orders: counts, default and chosen targets, refusals. */
  'statusFlow.preview': channel<FlowPreview>()(changeInput, ADMIN),
  /** Makes the switch or removal previewed, in one transaction; refused whole when a move is. */
  'statusFlow.apply': channel<FlowView>()(changeInput, ADMIN),
};
