// The accountant's files (SPEC 11): a period's booked vouchers as SAF-T Financial
// 1.30 XML (Skatteetaten's schema, namespace urn:StandardAuditFile-Taxation-Financial:NO)
// and as CSV (";"-separated, decimal comma, UTF-8 with a byte order mark so a
// spreadsheet opens it with æøå intact).
import { BATCH_KINDS, type BatchKind } from '../../../shared/channels/accounting';
import type { Company } from '../../../shared/channels/company';
import type { Db } from '../db/connection';
import { SAFT_TAX_CODES } from '../domain/saftTaxCodes';
import { accountTotals, chartOfAccounts, partiesByIds, type VoucherWithBatch } from '../repos/accounting';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** An element with text, or nothing for an empty value (optional elements are left out, not written empty). */
const el = (name: string, value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '' : `<${name}>${esc(String(value))}</${name}>`;
/** A journal per kind of batch; its type a code of at most 9 characters (the schema's limit). */
const JOURNAL_TYPE: Readonly<Record<BatchKind, string>> = {
  invoice: 'SALG',
  credit_note: 'KREDIT',
  cash_sale: 'KONTANT',
  payment: 'INNBET',
  refund: 'TILBAKE',
  reminder_fee: 'PURRING',
  void: 'ANNULL',
  supplier_invoice: 'LEVFAKT',
};
const money = (ore: number): string => (ore / 100).toFixed(2);
const amount = (name: string, ore: number): string => `<${name}><Amount>${money(ore)}</Amount></${name}>`;

/** SAF-T limits texts (SAFlongtextType 256, SAFmiddle2textType 70 …); longer ones are cut. */
const cut = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);

export interface SaftInput {
  readonly company: Company;
  readonly from: string;
  readonly to: string;
  readonly createdOn: string;
  readonly softwareVersion: string;
  readonly vouchers: readonly VoucherWithBatch[];
}

function companyXml(c: Company): string {
  const address = `<Address>${el('StreetName', c.addressLine1)}${el('City', c.city)}${el('PostalCode', c.postalCode)}${el('Country', c.country)}</Address>`;
  // The schema asks for a contact person; the company register has none, so the company answers as itself.
  const contact = `<Contact><ContactPerson><FirstName>Regnskap</FirstName><LastName>${esc(cut(c.name, 70))}</LastName></ContactPerson>${el('Telephone', c.phone ?? '-')}${el('Email', c.email)}</Contact>`;
  const tax = c.vatRegistered ? `<TaxRegistration><TaxRegistrationNumber>${esc(c.orgNumber)}MVA</TaxRegistrationNumber><TaxType>MVA</TaxType></TaxRegistration>` : '';
  const bank = c.bankAccount ? `<BankAccount><BankAccountNumber>${esc(c.bankAccount.replace(/\D/g, ''))}</BankAccountNumber></BankAccount>` : '';
  return `<Company>${el('RegistrationNumber', c.orgNumber)}${el('Name', cut(c.name, 256))}${address}${contact}${tax}${bank}</Company>`;
}

function balanceXml(kind: 'Opening' | 'Closing', ore: number): string {
  return ore >= 0 ? amountless(`${kind}DebitBalance`, ore) : amountless(`${kind}CreditBalance`, -ore);
}
const amountless = (name: string, ore: number): string => `<${name}>${money(ore)}</${name}>`;

function partyXml(db: Db, tag: 'Customer' | 'Supplier', ids: readonly number[]): string {
  return partiesByIds(db, ids)
    .map((p) => {
      const address = `<Address>${el('StreetName', p.addressLine1)}${el('City', p.city)}${el('PostalCode', p.postalCode)}${el('Country', p.country)}</Address>`;
      return `<${tag}>${el('RegistrationNumber', p.orgNumber)}${el('Name', cut(p.name, 256))}${address}${el(`${tag}ID`, String(p.number))}</${tag}>`;
    })
    .join('');
}

/** The SAF-T Financial audit file of a period's booked vouchers. */
export function saftXml(db: Db, x: SaftInput): string {
  const { vouchers } = x;
  const accountsUsed = [...new Set(vouchers.flatMap((v) => v.lines.map((l) => l.account)))].sort();
  const dayBefore = new Date(Date.parse(`${x.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const opening = new Map(accountTotals(db, null, dayBefore).map((r) => [r.account, r.balanceOre]));
  const closing = new Map(accountTotals(db, null, x.to).map((r) => [r.account, r.balanceOre]));
  const info = new Map(
    chartOfAccounts(db).map((a) => [a.number, a]),
  );
  const accountsXml = accountsUsed
    .map((n) => {
      const a = info.get(n)!;
      // Grouped on næringsoppgave 2 (RF-1167), whose post numbers are the standard accounts of NS 4102.
      return `<Account>${el('AccountID', n)}${el('AccountDescription', a.name)}<GroupingCategory>RF-1167</GroupingCategory>${el('GroupingCode', a.std)}<AccountType>GL</AccountType>${balanceXml('Opening', opening.get(n) ?? 0)}${balanceXml('Closing', closing.get(n) ?? 0)}</Account>`;
    })
    .join('');
  const customerIds = [...new Set(vouchers.flatMap((v) => v.lines.flatMap((l) => (l.customerId === null ? [] : [l.customerId]))))].sort((a, b) => a - b);
  const supplierIds = [...new Set(vouchers.flatMap((v) => v.lines.flatMap((l) => (l.supplierId === null ? [] : [l.supplierId]))))].sort((a, b) => a - b);
  const partyNumber = new Map(partiesByIds(db, [...customerIds, ...supplierIds]).map((p) => [p.id, String(p.number)]));
  const taxCodes = [...new Set(vouchers.flatMap((v) => v.lines.flatMap((l) => (l.taxCode === null ? [] : [l.taxCode]))))].sort((a, b) => Number(a) - Number(b));
  const taxTable = taxCodes.length
    ? `<TaxTable><TaxTableEntry><TaxType>MVA</TaxType><Description>Merverdiavgift</Description>${taxCodes
        .map((c) => {
          const t = SAFT_TAX_CODES[c]!;
          return `<TaxCodeDetails>${el('TaxCode', c)}${el('Description', t.nb)}<TaxPercentage>${t.percent.toFixed(2)}</TaxPercentage><Country>NO</Country>${el('StandardTaxCode', c)}${t.compensation ? '<Compensation>true</Compensation>' : ''}<BaseRate>100</BaseRate></TaxCodeDetails>`;
        })
        .join('')}</TaxTableEntry></TaxTable>`
    : '';

  let totalDebit = 0;
  let totalCredit = 0;
  const journals = BATCH_KINDS.map((kind) => {
    const own = vouchers.filter((v) => v.batchKind === kind.key);
    if (own.length === 0) return '';
    const transactions = own
      .map((v) => {
        const lines = v.lines
          .map((l, i) => {
            totalDebit += l.debitOre;
            totalCredit += l.creditOre;
            const tax =
              l.taxCode !== null && l.taxBaseOre !== null
                ? `<TaxInformation><TaxType>MVA</TaxType>${el('TaxCode', l.taxCode)}<TaxPercentage>${SAFT_TAX_CODES[l.taxCode]!.percent.toFixed(2)}</TaxPercentage><TaxBase>${money(Math.abs(l.taxBaseOre))}</TaxBase>${amount(
                    l.debitOre > 0 ? 'DebitTaxAmount' : 'CreditTaxAmount',
                    SAFT_TAX_CODES[l.taxCode]!.percent === 0 ? 0 : l.debitOre + l.creditOre,
                  )}</TaxInformation>`
                : '';
            return `<Line>${el('RecordID', String(i + 1))}${el('AccountID', l.account)}${el('CustomerID', l.customerId === null ? null : partyNumber.get(l.customerId))}${el(
              'SupplierID',
              l.supplierId === null ? null : partyNumber.get(l.supplierId),
            )}${el('Description', cut(l.description, 256))}${l.debitOre > 0 ? amount('DebitAmount', l.debitOre) : amount('CreditAmount', l.creditOre)}${tax}</Line>`;
          })
          .join('');
        return `<Transaction>${el('TransactionID', String(v.number))}<Period>${Number(v.date.slice(5, 7))}</Period><PeriodYear>${v.date.slice(0, 4)}</PeriodYear>${el('TransactionDate', v.date)}${el(
          'VoucherType',
          kind.nb,
        )}${el('Description', cut(v.description, 256))}${el('BatchID', String(v.batchId))}${el('SystemEntryDate', v.date)}${el('GLPostingDate', v.date)}${lines}</Transaction>`;
      })
      .join('');
    return `<Journal>${el('JournalID', kind.key)}${el('Description', kind.nb)}${el('Type', JOURNAL_TYPE[kind.key])}${transactions}</Journal>`;
  }).join('');

  const c = x.company;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">` +
    `<Header><AuditFileVersion>1.30</AuditFileVersion><AuditFileCountry>NO</AuditFileCountry>${el('AuditFileDateCreated', x.createdOn)}` +
    `<SoftwareCompanyName>Ordrebok</SoftwareCompanyName><SoftwareID>Ordrebok</SoftwareID>${el('SoftwareVersion', x.softwareVersion)}${companyXml(c)}` +
    `<DefaultCurrencyCode>NOK</DefaultCurrencyCode><SelectionCriteria>${el('SelectionStartDate', x.from)}${el('SelectionEndDate', x.to)}</SelectionCriteria>` +
    `<TaxAccountingBasis>A</TaxAccountingBasis></Header>` +
    `<MasterFiles>${accountsXml ? `<GeneralLedgerAccounts>${accountsXml}</GeneralLedgerAccounts>` : ''}${customerIds.length ? `<Customers>${partyXml(db, 'Customer', customerIds)}</Customers>` : ''}${
      supplierIds.length ? `<Suppliers>${partyXml(db, 'Supplier', supplierIds)}</Suppliers>` : ''
    }${taxTable}</MasterFiles>` +
    `<GeneralLedgerEntries><NumberOfEntries>${vouchers.length}</NumberOfEntries><TotalDebit>${money(totalDebit)}</TotalDebit><TotalCredit>${money(totalCredit)}</TotalCredit>${journals}</GeneralLedgerEntries>` +
    `</AuditFile>\n`
  );
}

const csvField = (s: string): string => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvMoney = (ore: number): string => (ore === 0 ? '' : money(ore).replace('.', ','));

export const CSV_HEADER = ['Bilagsnr', 'Dato', 'Bunt', 'Buntart', 'Konto', 'Kontonavn', 'Debet', 'Kredit', 'Mva-kode', 'Mva-grunnlag', 'Kundenr', 'Leverandørnr', 'Tekst'];

/** The same vouchers, one row per line. */
export function vouchersCsv(db: Db, vouchers: readonly VoucherWithBatch[]): string {
  const ids = [...new Set(vouchers.flatMap((v) => v.lines.flatMap((l) => [l.customerId, l.supplierId].filter((x): x is number => x !== null))))];
  const partyNumber = new Map(partiesByIds(db, ids).map((p) => [p.id, String(p.number)]));
  const kindNb = new Map<string, string>(BATCH_KINDS.map((k) => [k.key, k.nb]));
  const rows = [CSV_HEADER.join(';')];
  for (const v of vouchers) {
    for (const l of v.lines) {
      rows.push(
        [
          String(v.number),
          v.date,
          String(v.batchId),
          kindNb.get(v.batchKind) ?? v.batchKind,
          l.account,
          l.accountName,
          csvMoney(l.debitOre),
          csvMoney(l.creditOre),
          l.taxCode ?? '',
          l.taxBaseOre === null ? '' : money(l.taxBaseOre).replace('.', ','),
          l.customerId === null ? '' : (partyNumber.get(l.customerId) ?? ''),
          l.supplierId === null ? '' : (partyNumber.get(l.supplierId) ?? ''),
          l.description,
        ]
          .map(csvField)
          .join(';'),
      );
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
