import type { Company } from '../../../shared/channels/company';
import type { InvoiceMethod, Language, StatusPreset } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

interface CompanyRow {
  name: string;
  org_number: string;
  vat_registered: number;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  bank_account: string | null;
  email: string | null;
  phone: string | null;
  default_payment_terms_days: number;
  status_preset: StatusPreset;
  auto_confirm_on_accept: number;
  generate_backorders: number;
  purchase_reply: number;
  purchase_dispatch: number;
  purchase_reception: number;
  post_cash_invoices: number;
  gs1_company_prefix: string | null;
  default_carrier: string | null;
  close_when_paid: number;
  reminder_fee_ore: number;
  default_order_type_manual: Company['defaultOrderTypeManual'];
  default_order_type_import: Company['defaultOrderTypeImport'];
  default_invoice_method: InvoiceMethod;
  document_language: Language;
  updated_at: string;
}

function toCompany(r: CompanyRow): Company {
  return {
    name: r.name,
    orgNumber: r.org_number,
    vatRegistered: r.vat_registered === 1,
    addressLine1: r.address_line1,
    postalCode: r.postal_code,
    city: r.city,
    country: r.country,
    bankAccount: r.bank_account,
    email: r.email,
    phone: r.phone,
    defaultPaymentTermsDays: r.default_payment_terms_days,
    statusPreset: r.status_preset,
    autoConfirmOnAccept: r.auto_confirm_on_accept === 1,
    generateBackorders: r.generate_backorders === 1,
    purchaseReply: r.purchase_reply === 1,
    purchaseDispatch: r.purchase_dispatch === 1,
    purchaseReception: r.purchase_reception === 1,
    postCashInvoices: r.post_cash_invoices === 1,
    gs1CompanyPrefix: r.gs1_company_prefix,
    defaultCarrier: r.default_carrier,
    closeWhenPaid: r.close_when_paid === 1,
    reminderFeeOre: r.reminder_fee_ore,
    defaultOrderTypeManual: r.default_order_type_manual,
    defaultOrderTypeImport: r.default_order_type_import,
    defaultInvoiceMethod: r.default_invoice_method,
    documentLanguage: r.document_language,
    updatedAt: r.updated_at,
  };
}

export function getCompany(db: Db): Company | null {
  const row = stmt(db, 'SELECT * FROM company WHERE id = 1').get() as CompanyRow | undefined;
  return row ? toCompany(row) : null;
}

export type CompanyValues = Omit<Company, 'updatedAt'>;

export function saveCompany(db: Db, c: CompanyValues, now: string): void {
  const b = (v: boolean) => (v ? 1 : 0);
  stmt(
    db,
    `INSERT INTO company (id, name, org_number, vat_registered, address_line1, postal_code, city, country,
       bank_account, email, phone, default_payment_terms_days, status_preset, auto_confirm_on_accept,
       generate_backorders, purchase_reply, purchase_dispatch, purchase_reception, post_cash_invoices, gs1_company_prefix, default_carrier, close_when_paid, reminder_fee_ore,
       default_order_type_manual, default_order_type_import, default_invoice_method, document_language, updated_at)
     VALUES (1, @name, @orgNumber, @vat, @addressLine1, @postalCode, @city, @country, @bankAccount, @email, @phone,
       @terms, @preset, @autoConfirm, @backorders, @reply, @dispatch, @reception, @postCash, @gs1, @carrier, @closeWhenPaid, @reminderFee,
       @typeManual, @typeImport, @invoiceMethod, @documentLanguage, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, org_number = excluded.org_number,
       vat_registered = excluded.vat_registered, address_line1 = excluded.address_line1,
       postal_code = excluded.postal_code, city = excluded.city, country = excluded.country,
       bank_account = excluded.bank_account, email = excluded.email, phone = excluded.phone,
       default_payment_terms_days = excluded.default_payment_terms_days, status_preset = excluded.status_preset,
       auto_confirm_on_accept = excluded.auto_confirm_on_accept, generate_backorders = excluded.generate_backorders,
       purchase_reply = excluded.purchase_reply, purchase_dispatch = excluded.purchase_dispatch,
       purchase_reception = excluded.purchase_reception, post_cash_invoices = excluded.post_cash_invoices,
       gs1_company_prefix = excluded.gs1_company_prefix, default_carrier = excluded.default_carrier,
       close_when_paid = excluded.close_when_paid, reminder_fee_ore = excluded.reminder_fee_ore,
       default_order_type_manual = excluded.default_order_type_manual, default_order_type_import = excluded.default_order_type_import,
       default_invoice_method = excluded.default_invoice_method, document_language = excluded.document_language, updated_at = excluded.updated_at`,
  ).run({
    name: c.name,
    orgNumber: c.orgNumber,
    vat: b(c.vatRegistered),
    addressLine1: c.addressLine1,
    postalCode: c.postalCode,
    city: c.city,
    country: c.country,
    bankAccount: c.bankAccount,
    email: c.email,
    phone: c.phone,
    terms: c.defaultPaymentTermsDays,
    preset: c.statusPreset,
    autoConfirm: b(c.autoConfirmOnAccept),
    backorders: b(c.generateBackorders),
    reply: b(c.purchaseReply),
    dispatch: b(c.purchaseDispatch),
    reception: b(c.purchaseReception),
    postCash: b(c.postCashInvoices),
    gs1: c.gs1CompanyPrefix,
    carrier: c.defaultCarrier,
    closeWhenPaid: b(c.closeWhenPaid),
    reminderFee: c.reminderFeeOre,
    typeManual: c.defaultOrderTypeManual,
    typeImport: c.defaultOrderTypeImport,
    invoiceMethod: c.defaultInvoiceMethod,
    documentLanguage: c.documentLanguage,
    now,
  });
}
