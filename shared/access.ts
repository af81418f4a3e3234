// Who may call what (SPEC 8), declared once. A channel names the right every call
// of it needs (its `right`), and the actions inside it that a right governs (its
// `guards`, such as "change a card payment order" inside a status move); each
// such action names its right here and nowhere else. The engine checks both at
// the one door every call passes through, and refuses, as a programming error,
// an action that its channel did not declare.
import type { Right } from './enums';

export const GUARDED_ACTIONS = {
  /** Issue an invoice: a status move to Invoiced or Samleordre, a cash sale, a subscription run. */
  issue_invoice: 'invoice',
  /** Issue a credit note. */
  issue_credit_note: 'credit',
  /** Credit a cash sale (order type 3). */
  credit_cash_sale: 'credit_cash_orders',
  /** Change, cancel, delete or re-type a card payment order (type 9). */
  change_card_order: 'change_card_orders',
  /** Change the order type of a saved order, a quote's conversion included. */
  change_order_type: 'change_order_type',
  /** Let an order go over the customer's credit limit. */
  override_credit_limit: 'override_credit_limit',
  /** Set or change a customer's credit limit. */
  set_credit_limit: 'override_credit_limit',
} as const satisfies Record<string, Right>;
export type GuardedAction = keyof typeof GUARDED_ACTIONS;

export interface Access {
  /** The right every call of the channel needs. */
  readonly right?: Right;
  /** Callable before anyone has logged in (the login screen's own channels). */
  readonly open?: boolean;
  /** The actions inside the channel that a right governs. */
  readonly guards?: readonly GuardedAction[];
}
