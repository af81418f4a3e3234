// Suppliers: parties with role 'supplier' (SPEC 5). The party columns, contacts,
import type { Language } from '../../../shared/enums';
// search and lookup they share with customers live in repos/parties.
import type { Supplier, SupplierListRow } from '../../../shared/channels/suppliers';
import { stmt, type Db } from '../db/connection';
import { getContacts, getPartyRow, listParties, lookupParties, partyParams, toPartyBase, type PartyBaseValues } from './parties';

export type SupplierValues = PartyBaseValues;

export function getSupplierRow(db: Db, id: number): SupplierListRow | null {
  const r = getPartyRow(db, 'supplier', id);
  return r ? toPartyBase(r) : null;
}

export function getSupplier(db: Db, id: number): Supplier | null {
  const row = getSupplierRow(db, id);
  return row ? { ...row, contacts: getContacts(db, id) } : null;
}

/** `language`: the documents' language (purchase orders), the company's document language for a new supplier (issue 13). */
export function insertSupplier(db: Db, number: number, s: SupplierValues, now: string, language: Language = 'nb'): number {
  return Number(
    stmt(
      db,
      `INSERT INTO party (role, number, kind, name, name_sort, name_fold, city_fold, org_number, email, phone, address_line1, postal_code, city,
         country, payment_terms_days, language, created_at, updated_at)
       VALUES ('supplier', @number, @kind, @name, @sort, @nameFold, @cityFold, @org, @email, @phone, @line1, @postal, @city, @country, @terms,
         @language, @now, @now)`,
    ).run({ ...partyParams(s), number, now, language }).lastInsertRowid,
  );
}

export function updateSupplier(db: Db, id: number, s: SupplierValues, now: string): void {
  stmt(
    db,
    `UPDATE party SET kind = @kind, name = @name, name_sort = @sort, name_fold = @nameFold, city_fold = @cityFold, org_number = @org, email = @email, phone = @phone,
       address_line1 = @line1, postal_code = @postal, city = @city, country = @country, payment_terms_days = @terms,
       updated_at = @now
     WHERE id = @id AND role = 'supplier'`,
  ).run({ ...partyParams(s), now, id });
}

export function listSuppliers(
  db: Db,
  q: { search?: string | undefined; offset: number; limit: number },
): { rows: SupplierListRow[]; total: number } {
  const { rows, total } = listParties(db, 'supplier', q);
  return { rows: rows.map(toPartyBase), total };
}

/** The purchase order header's supplier field: exact number or organisation number first, then names. */
export function lookupSuppliers(db: Db, query: string, limit: number): SupplierListRow[] {
  return lookupParties(db, 'supplier', query, limit).map(toPartyBase);
}
