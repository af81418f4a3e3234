// Suppliers: parties with role 'supplier' (SPEC 5). Contacts are the party's
// own, kept by the customers repository's party-generic contact functions.
import type { Supplier, SupplierListRow } from '../../../shared/channels/suppliers';
import type { PartyKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { norwegianSortKey } from '../domain/sortKey';
import { getContacts } from './customers';
import { likeContains, likePrefix } from './sql';

interface SupplierRow {
  id: number;
  number: number;
  kind: PartyKind;
  name: string;
  org_number: string | null;
  email: string | null;
  phone: string | null;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  payment_terms_days: number;
  updated_at: string;
}

const toRow = (r: SupplierRow): SupplierListRow => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  name: r.name,
  orgNumber: r.org_number,
  email: r.email,
  phone: r.phone,
  addressLine1: r.address_line1,
  postalCode: r.postal_code,
  city: r.city,
  country: r.country,
  paymentTermsDays: r.payment_terms_days,
  updatedAt: r.updated_at,
});

export type SupplierValues = Omit<SupplierListRow, 'id' | 'number' | 'updatedAt'>;

export function getSupplierRow(db: Db, id: number): SupplierListRow | null {
  const r = stmt(db, "SELECT * FROM party WHERE id = ? AND role = 'supplier'").get(id) as SupplierRow | undefined;
  return r ? toRow(r) : null;
}

export function getSupplier(db: Db, id: number): Supplier | null {
  const row = getSupplierRow(db, id);
  return row ? { ...row, contacts: getContacts(db, id) } : null;
}

function params(s: SupplierValues) {
  return {
    kind: s.kind,
    name: s.name,
    sort: norwegianSortKey(s.name),
    org: s.orgNumber,
    email: s.email,
    phone: s.phone,
    line1: s.addressLine1,
    postal: s.postalCode,
    city: s.city,
    country: s.country,
    terms: s.paymentTermsDays,
  };
}

export function insertSupplier(db: Db, number: number, s: SupplierValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO party (role, number, kind, name, name_sort, org_number, email, phone, address_line1, postal_code, city,
         country, payment_terms_days, created_at, updated_at)
       VALUES ('supplier', @number, @kind, @name, @sort, @org, @email, @phone, @line1, @postal, @city, @country, @terms,
         @now, @now)`,
    ).run({ ...params(s), number, now }).lastInsertRowid,
  );
}

export function updateSupplier(db: Db, id: number, s: SupplierValues, now: string): void {
  stmt(
    db,
    `UPDATE party SET kind = @kind, name = @name, name_sort = @sort, org_number = @org, email = @email, phone = @phone,
       address_line1 = @line1, postal_code = @postal, city = @city, country = @country, payment_terms_days = @terms,
       updated_at = @now
     WHERE id = @id AND role = 'supplier'`,
  ).run({ ...params(s), now, id });
}

export function listSuppliers(
  db: Db,
  q: { search?: string | undefined; offset: number; limit: number },
): { rows: SupplierListRow[]; total: number } {
  const search = q.search?.trim() ?? '';
  const where = `role = 'supplier' AND (@search = '' OR name LIKE @like ESCAPE '\\' OR CAST(number AS TEXT) = @search
                  OR org_number = @digits OR city LIKE @like ESCAPE '\\')`;
  const p = { search, like: likeContains(search), digits: search.replace(/\s/g, '') };
  const rows = stmt(db, `SELECT * FROM party WHERE ${where} ORDER BY name_sort, id LIMIT @limit OFFSET @offset`).all({
    ...p,
    limit: q.limit,
    offset: q.offset,
  }) as SupplierRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM party WHERE ${where}`).get(p) as { n: number }).n;
  return { rows: rows.map(toRow), total };
}

/** Exact number or organisation number first, then names starting with the text, then names containing it. */
export function lookupSuppliers(db: Db, query: string, limit: number): SupplierListRow[] {
  const q = query.trim();
  if (!q) return [];
  const digits = q.replace(/\s/g, '');
  const rows = stmt(
    db,
    `SELECT *, CASE WHEN CAST(number AS TEXT) = @q OR org_number = @digits THEN 0
                    WHEN name_sort LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END AS rank
     FROM party
     WHERE role = 'supplier' AND (CAST(number AS TEXT) = @q OR org_number = @digits OR name LIKE @like ESCAPE '\\')
     ORDER BY rank, name_sort LIMIT @limit`,
  ).all({ q, digits, prefix: likePrefix(norwegianSortKey(q)), like: likeContains(q), limit }) as SupplierRow[];
  return rows.map(toRow);
}
