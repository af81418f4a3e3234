// SPEC 9: a spoiled invoice that never left the house may be marked void (kept,
// its number still in the series); once it has been sent, paid, credited or
// reminded, only a credit note corrects it.
export interface VoidFacts {
  readonly kind: 'invoice' | 'credit_note';
  readonly voided: boolean;
  /** Any payment settled on it (a cash sale or card capture is paid as it is issued). */
  readonly hasPayments: boolean;
  readonly hasCreditNotes: boolean;
  readonly hasReminders: boolean;
  /** Its accounting batch has gone to the accountant. */
  readonly exported: boolean;
  /** Invoicing made a backorder of what was left: that order lives on, so voiding cannot put things back. */
  readonly hasBackorder: boolean;
  /** A subscription period's invoice: the period stays invoiced. */
  readonly subscription: boolean;
}

export interface VoidDecision {
  readonly allowed: boolean;
  readonly reasonNb: string | null;
  readonly reasonEn: string | null;
}

const no = (reasonNb: string, reasonEn: string): VoidDecision => ({ allowed: false, reasonNb, reasonEn });

export function voidRule(f: VoidFacts): VoidDecision {
  if (f.kind !== 'invoice') return no('En kreditnota kan ikke annulleres.', 'A credit note cannot be voided.');
  if (f.voided) return no('Fakturaen er allerede annullert.', 'The invoice is already void.');
  if (f.hasPayments) return no('Fakturaen er betalt (helt eller delvis). Lag en kreditnota i stedet.', 'The invoice has been paid (in full or in part). Make a credit note instead.');
  if (f.hasCreditNotes) return no('Fakturaen er kreditert. Lag en ny kreditnota i stedet.', 'The invoice has been credited. Make another credit note instead.');
  if (f.hasReminders) return no('Fakturaen er purret, så den er sendt. Lag en kreditnota i stedet.', 'The invoice has been reminded, so it was sent. Make a credit note instead.');
  if (f.exported) return no('Fakturaen er sendt til regnskapet. Lag en kreditnota i stedet.', 'The invoice has gone to the accountant. Make a credit note instead.');
  if (f.hasBackorder) return no('Faktureringen laget en restordre. Lag en kreditnota i stedet.', 'Invoicing made a backorder. Make a credit note instead.');
  if (f.subscription) return no('Fakturaen gjelder en abonnementsperiode. Lag en kreditnota i stedet.', 'The invoice is for a subscription period. Make a credit note instead.');
  return { allowed: true, reasonNb: null, reasonEn: null };
}
