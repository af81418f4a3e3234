// What a purchase order allows now (SPEC 1.3), action by action: the rule that
// refuses the action's channel and the reason the purchase order screen shows
// beside the disabled button are the same function (the screen asks, the
// engine decides). A step's channel checks, in this order: the order
// (stepRule), each line it names (lineBlock), that the order has anything left
// for the step at all (somethingLeft), then each line's quantity; the screen's
// availability is the first two order-level checks, so when it says why not, any
// call of the step would be refused with that same reason.
import type { PurchaseActions, PurchaseOptions } from '../../../shared/channels/purchasing';
import { ORDER_TYPES, PURCHASE_STATUSES, type PurchaseOrderTypeId, type Right } from '../../../shared/enums';
import {
  canInvoice,
  canReceive,
  canShip,
  derivePurchaseStatus,
  expectedQty,
  isEditable,
  processedQty,
  shippedQty,
  stepBlock,
  type PurchaseLineState,
} from './purchaseStatus';
import { availabilityOf, firstRefusal, refusal, type Refusal } from './refusal';
import { missingRight, type Actor } from './rights';

/** What the rules read of a purchase order (a PurchaseOrder as loaded has all of it). */
export interface PurchaseFacts {
  readonly number: number;
  readonly orderType: PurchaseOrderTypeId;
  readonly cancelledAt: string | null;
  readonly amendedByNumber: number | null;
  readonly options: PurchaseOptions;
  readonly lines: readonly PurchaseLineState[];
}

/** The steps of SPEC 1.3 in the order a line goes through them. */
export type PurchaseStep = 'reply' | 'dispatch' | 'reception' | 'invoice';

const INQUIRY: PurchaseOrderTypeId = 5;
const UNPROCESSED: PurchaseOrderTypeId = 6;
const REALIZED: PurchaseOrderTypeId = 4;
const NORMAL: PurchaseOrderTypeId = 1;

/** "5 Forespørsel" / "5 Inquiry": purchasing's name for type 5, the other types as in ORDER_TYPES. */
export function purchaseTypeLabel(t: PurchaseOrderTypeId, lang: 'nb' | 'en'): string {
  if (t === INQUIRY) return lang === 'nb' ? '5 Forespørsel' : '5 Inquiry';
  const o = ORDER_TYPES.find((x) => x.id === t);
  return `${t} ${o ? o[lang] : ''}`.trim();
}

export const OPTION_NAMES = {
  reply: { optionNb: 'Svar på ordre', optionEn: 'Reply to order' },
  dispatch: { optionNb: 'Ordreforsendelse', optionEn: 'Order dispatch' },
  reception: { optionNb: 'Ordremottak', optionEn: 'Order reception' },
} as const;

const toState = (po: PurchaseFacts) => ({ orderType: po.orderType, cancelled: po.cancelledAt !== null, lines: po.lines });

// ---- The single rules the actions share -----------------------------------------

/** A cancelled order (or one replaced by its amendment) takes no further step. */
export function notCancelled(po: PurchaseFacts): Refusal | null {
  return po.cancelledAt === null ? null : refusal('purchase_cancelled', { order: po.number, amendedBy: po.amendedByNumber ?? '' });
}

/** A Realized order (type 4) was received in full as it was saved, and is finished. */
export function notRealized(po: PurchaseFacts): Refusal | null {
  return po.orderType === REALIZED ? refusal('purchase_realized_final', { order: po.number }) : null;
}

/** Only Normal orders are processed step by step; an inquiry or an unprocessed order becomes one first. */
export function processedType(po: PurchaseFacts): Refusal | null {
  if (po.orderType === NORMAL) return null;
  return refusal('not_processed_type', { orderType: purchaseTypeLabel(po.orderType, 'nb'), orderTypeEn: purchaseTypeLabel(po.orderType, 'en') });
}

function optionOn(po: PurchaseFacts, option: keyof PurchaseOptions): Refusal | null {
  return po.options[option] ? null : refusal('purchase_option_off', OPTION_NAMES[option]);
}

function hasLines(po: PurchaseFacts): Refusal | null {
  return po.lines.length > 0 ? null : refusal('purchase_no_lines');
}

/** Nothing has been shipped, received or invoiced: the order can still be cancelled or replaced. */
function notProcessed(po: PurchaseFacts): Refusal | null {
  return po.lines.some((l) => processedQty(l) > 0) ? refusal('purchase_processed', { order: po.number }) : null;
}

/** Why a line takes no step now: the supplier refused it, or it waits for the supplier's reply. */
export function lineBlock(line: PurchaseLineState, options: PurchaseOptions): Refusal | null {
  const block = stepBlock(line, options);
  if (block === 'refused') return refusal('purchase_line_refused', { line: line.lineNo });
  if (block === 'reply_first') return refusal('purchase_reply_first', { line: line.lineNo });
  return null;
}

// ---- The steps --------------------------------------------------------------------

const STEP_OPTION: Readonly<Record<PurchaseStep, keyof PurchaseOptions | null>> = {
  reply: 'reply',
  dispatch: 'dispatch',
  reception: 'reception',
  invoice: null,
};

/** The order-level rule of a step: the order is Normal, not cancelled, has lines, and the step's option is on. */
export function stepRule(po: PurchaseFacts, step: PurchaseStep): Refusal | null {
  const option = STEP_OPTION[step];
  return firstRefusal(
    () => notCancelled(po),
    () => notRealized(po),
    () => processedType(po),
    () => (option ? optionOn(po, option) : null),
    () => hasLines(po),
  );
}

/** The steps that move goods (or their invoice) on a line, quantity by quantity. */
type QuantityStep = Exclude<PurchaseStep, 'reply'>;

/** Per step: what a line may take now, and what it still expects at the step overall. */
const CAN: Readonly<Record<QuantityStep, (l: PurchaseLineState, o: PurchaseOptions) => number>> = {
  dispatch: canShip,
  reception: canReceive,
  invoice: canInvoice,
};
const LEFT: Readonly<Record<QuantityStep, (l: PurchaseLineState) => number>> = {
  dispatch: (l) => expectedQty(l) - shippedQty(l),
  reception: (l) => expectedQty(l) - l.qtyReceived,
  invoice: (l) => expectedQty(l) - l.qtyInvoiced,
};
const DONE = {
  dispatch: { doneNb: 'sendt fra leverandøren', doneEn: 'shipped by the supplier' },
  reception: { doneNb: 'mottatt', doneEn: 'received' },
  invoice: { doneNb: 'fakturert', doneEn: 'invoiced' },
} as const;

/**
 * Some line can take the step now. When none can, why, by the first line that
 * still expects something at the step: it waits for the supplier's reply (or was
 * refused), or for the step before (dispatch before reception, reception or
 * dispatch before the invoice); with no line expecting anything, everything is done.
 * A reply can always be given (again) while the reply step is allowed.
 */
export function somethingLeft(po: PurchaseFacts, step: PurchaseStep): Refusal | null {
  if (step === 'reply') return null;
  const can = CAN[step];
  if (po.lines.some((l) => can(l, po.options) > 0)) return null;
  const waiting = po.lines.find((l) => LEFT[step](l) > 0);
  if (!waiting) {
    const refused = po.lines.every((l) => l.reply === 'refused');
    return refused ? lineBlock(po.lines[0]!, po.options) : refusal('purchase_nothing_left', { order: po.number, ...DONE[step] });
  }
  const block = lineBlock(waiting, po.options);
  if (block) return block;
  // Unblocked and still expecting something, yet nothing can be taken: the step before has not let it through.
  switch (step) {
    case 'dispatch':
      // Nothing comes before dispatch but the reply (a block, above): an open line can always be shipped.
      return refusal('purchase_nothing_left', { order: po.number, ...DONE[step] });
    case 'reception':
      // Only with dispatch registered: nothing has been shipped that is not received.
      return refusal('purchase_receive_waiting', { order: po.number });
    case 'invoice':
      // The invoice waits for the reception when it is registered, else for the dispatch.
      return po.options.reception
        ? refusal('purchase_invoice_waiting', { order: po.number, basisNb: 'mottatt', basisEn: 'received', stepNb: 'mottaket', stepEn: 'reception' })
        : refusal('purchase_invoice_waiting', {
            order: po.number,
            basisNb: 'sendt fra leverandøren',
            basisEn: 'shipped by the supplier',
            stepNb: 'forsendelsen',
            stepEn: 'dispatch',
          });
    default: {
      const never: never = step;
      throw new Error(`unknown purchase step ${String(never)}`);
    }
  }
}

/** Cancelling (or replacing by an amendment) keeps the order and its history; refused once anything has moved on it. */
export function cancelRule(po: PurchaseFacts): Refusal | null {
  return firstRefusal(
    () => notCancelled(po),
    () => notRealized(po),
    () => notProcessed(po),
  );
}

/** Header and lines are saved only while the order is To process (SPEC 1.3). */
export function saveRule(po: PurchaseFacts): Refusal | null {
  return firstRefusal(
    () => notCancelled(po),
    () => notRealized(po),
    () => {
      const state = toState(po);
      if (isEditable(state)) return null;
      const s = PURCHASE_STATUSES.find((x) => x.key === derivePurchaseStatus(state))!;
      return refusal('purchase_not_editable', { order: po.number, status: s.nb, statusEn: s.en });
    },
  );
}

/** The refusal a missing right gives at the door (domain/rights.ts), as a rule's answer. */
function rightRule(actor: Actor, right: Right): Refusal | null {
  const missing = missingRight(actor, right);
  return missing ? refusal(missing.code, missing.params) : null;
}

/** An inquiry or an unprocessed order becomes a Normal order by a save that changes its type (a right). */
export function toOrderRule(po: PurchaseFacts, actor: Actor): Refusal | null {
  return firstRefusal(
    () => notCancelled(po),
    () => notRealized(po),
    () =>
      po.orderType === INQUIRY || po.orderType === UNPROCESSED
        ? null
        : refusal('purchase_already_order', { order: po.number, orderType: purchaseTypeLabel(po.orderType, 'nb'), orderTypeEn: purchaseTypeLabel(po.orderType, 'en') }),
    () => saveRule(po),
    () => rightRule(actor, 'change_order_type'),
  );
}

const stepAction = (po: PurchaseFacts, step: PurchaseStep) =>
  firstRefusal(
    () => stepRule(po, step),
    () => somethingLeft(po, step),
  );

/** Every action of the purchase order screen: available now, or the refusal its channel would give. */
export function purchaseActions(po: PurchaseFacts, actor: Actor): PurchaseActions {
  const cancel = availabilityOf(cancelRule(po));
  return {
    save: availabilityOf(saveRule(po)),
    toOrder: availabilityOf(toOrderRule(po, actor)),
    reply: availabilityOf(stepAction(po, 'reply')),
    dispatch: availabilityOf(stepAction(po, 'dispatch')),
    receive: availabilityOf(stepAction(po, 'reception')),
    invoice: availabilityOf(stepAction(po, 'invoice')),
    amend: cancel,
    cancel,
  };
}
