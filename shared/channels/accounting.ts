// The accounting handoff (SPEC 11): every invoice, credit note, cash sale,
// payment, reminder fee and supplier invoice makes a balanced batch of vouchers on
// the company's account mapping (Norwegian standard chart, SAF-T standard tax
// codes); batches are posted, then exported for the accountant as SAF-T
// Financial 1.30 XML or CSV.
import { z } from 'zod';
import { channel, id, isoDate, NO_INPUT, requiredText } from './common';

export const BATCH_KINDS = [
  { key: 'invoice', nb: 'Faktura', en: 'Invoice' },
  { key: 'credit_note', nb: 'Kreditnota', en: 'Credit note' },
  { key: 'cash_sale', nb: 'Kontantsalg', en: 'Cash sale' },
  { key: 'payment', nb: 'Innbetaling', en: 'Payment' },
  { key: 'refund', nb: 'Tilbakebetaling', en: 'Refund' },
  { key: 'reminder_fee', nb: 'Purregebyr', en: 'Reminder fee' },
  { key: 'void', nb: 'Annullering', en: 'Void' },
  { key: 'supplier_invoice', nb: 'Leverandørfaktura', en: 'Supplier invoice' },
] as const;
export type BatchKind = (typeof BATCH_KINDS)[number]['key'];

export const BATCH_STATES = [
  { key: 'unposted', nb: 'Ikke bokført', en: 'Not posted' },
  { key: 'posted', nb: 'Bokført', en: 'Posted' },
  { key: 'exported', nb: 'Eksportert', en: 'Exported' },
] as const;
export type BatchState = (typeof BATCH_STATES)[number]['key'];
const BATCH_STATE_KEYS = BATCH_STATES.map((s) => s.key) as unknown as readonly [BatchState, ...BatchState[]];

export interface VoucherLine {
  readonly account: string;
  readonly accountName: string;
  /** Exactly one of debit and credit is non-zero. */
  readonly debitOre: number;
  readonly creditOre: number;
  /** The SAF-T standard tax code of a VAT line or a line VAT is computed on (3, 31, 33, 5, 6, 1, 11, 13 …). */
  readonly taxCode: string | null;
  /** For a VAT line: the base the VAT was computed on. */
  readonly taxBaseOre: number | null;
  readonly customerId: number | null;
  readonly supplierId: number | null;
  readonly description: string;
}

export interface Voucher {
  readonly id: number;
  /** Voucher number, gap-free across all batches. */
  readonly number: number;
  readonly date: string;
  readonly description: string;
  readonly lines: readonly VoucherLine[];
}

export interface AccountingBatch {
  readonly id: number;
  readonly kind: BatchKind;
  /** What it records, as the clerk knows it: "Faktura 12", "Innbetaling KID 0001000123", "Leverandørfaktura 4711". */
  readonly reference: string;
  readonly date: string;
  readonly state: BatchState;
  readonly debitOre: number;
  readonly creditOre: number;
  readonly voucherCount: number;
  readonly createdAt: string;
  readonly postedAt: string | null;
  readonly exportId: number | null;
}

/** One account the mapping uses, with the Norwegian standard account (NS 4102) it rolls up to in SAF-T. */
export interface MappedAccount {
  /** What it is used for, e.g. "receivables", "sales_25", "output_vat_25". */
  readonly key: string;
  readonly labelNb: string;
  readonly labelEn: string;
  readonly account: string;
  readonly accountName: string;
  readonly standardAccount: string;
}

export interface TrialBalanceRow {
  readonly account: string;
  readonly accountName: string;
  readonly debitOre: number;
  readonly creditOre: number;
  readonly balanceOre: number;
}

export interface AccountingExport {
  readonly exportId: number;
  readonly format: 'saft' | 'csv';
  readonly fileName: string;
  /** The file's text (XML or CSV, UTF-8). */
  readonly content: string;
  readonly from: string;
  readonly to: string;
  readonly batchCount: number;
  /** Batches in the period not in any earlier export: what is new for the accountant. */
  readonly newBatchCount: number;
  readonly earlierExportedCount: number;
  readonly voucherCount: number;
}

export const accountingChannels = {
  'accounting.mapping': channel<readonly MappedAccount[]>()(NO_INPUT),
  'accounting.saveMapping': channel<readonly MappedAccount[]>()(
    z
      .object({
        rows: z
          .array(
            z
              .object({
                key: z.string().min(1).max(40),
                account: z.string().trim().regex(/^\d{4,6}$/),
                accountName: requiredText(100),
              })
              .strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
    { right: 'administer' },
  ),
  'accounting.batches': channel<{ readonly rows: readonly AccountingBatch[]; readonly rowCount: number }>()(
    z
      .object({
        state: z.enum(BATCH_STATE_KEYS).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        startRow: z.number().int().min(0).default(0),
        endRow: z.number().int().min(1).max(100_000).default(500),
      })
      .strict(),
  ),
  'accounting.batch': channel<{ readonly batch: AccountingBatch; readonly vouchers: readonly Voucher[] }>()(z.object({ id }).strict()),
  /** Posts batches waiting to be posted by hand (cash sales when the company does not post them automatically). */
  'accounting.post': channel<{ readonly posted: number }>()(z.object({ batchIds: z.array(id).min(1).max(10_000) }).strict(), {
    right: 'invoice',
  }),
  /** The trial balance of a period's posted and exported vouchers. */
  'accounting.trialBalance': channel<{ readonly rows: readonly TrialBalanceRow[]; readonly totalOre: number }>()(
    z.object({ from: isoDate, to: isoDate }).strict(),
  ),
  /** Exports a period for the accountant; its batches are marked exported. */
  'accounting.export': channel<AccountingExport>()(
    z.object({ from: isoDate, to: isoDate, format: z.enum(['saft', 'csv']) }).strict(),
    { right: 'administer' },
  ),
  'accounting.exports': channel<
    readonly { readonly id: number; readonly format: 'saft' | 'csv'; readonly from: string; readonly to: string; readonly createdAt: string; readonly batchCount: number; readonly newBatchCount: number }[]
  >()(NO_INPUT),
};
