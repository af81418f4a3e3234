// What customers and suppliers share: both are rows of the party table (SPEC 5),
// told apart by role, with the same contact list, search and lookup.
import type { Contact } from '../../../shared/channels/customers';
import type { PartyKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { foldText } from '../domain/fold';
import { norwegianSortKey } from '../domain/sortKey';
import { likeContains, likePrefix } from './sql';

export type PartyRole = 'customer' | 'supplier';

/** The party columns every role uses. */
export interface PartyBaseRow {
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

export const toPartyBase = (r: PartyBaseRow) => ({
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

export interface PartyBaseValues {
  kind: PartyKind;
  name: string;
  orgNumber: string | null;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  paymentTermsDays: number;
}

/** Named parameters for the shared columns of a party insert or update. */
export function partyParams(v: PartyBaseValues) {
  return {
    kind: v.kind,
    name: v.name,
    sort: norwegianSortKey(v.name),
    nameFold: foldText(v.name),
    cityFold: foldText(v.city ?? ''),
    org: v.orgNumber,
    email: v.email,
    phone: v.phone,
    line1: v.addressLine1,
    postal: v.postalCode,
    city: v.city,
    country: v.country,
    terms: v.paymentTermsDays,
  };
}

export function getPartyRow<R extends PartyBaseRow>(db: Db, role: PartyRole, id: number): R | undefined {
  return stmt(db, 'SELECT * FROM party WHERE id = ? AND role = ?').get(id, role) as R | undefined;
}

export function listParties<R extends PartyBaseRow>(
  db: Db,
  role: PartyRole,
  q: { search?: string | undefined; offset: number; limit: number },
): { rows: R[]; total: number } {
  const search = q.search?.trim() ?? '';
  // Names and places through their folded copies (domain/fold.ts): "øystein" finds "ØYSTEIN".
  const where = `role = @role AND (@search = '' OR name_fold LIKE @like ESCAPE '\\' OR CAST(number AS TEXT) = @search
                  OR org_number = @digits OR city_fold LIKE @like ESCAPE '\\')`;
  const p = { role, search, like: likeContains(foldText(search)), digits: search.replace(/\s/g, '') };
  const rows = stmt(db, `SELECT * FROM party WHERE ${where} ORDER BY name_sort, id LIMIT @limit OFFSET @offset`).all({
    ...p,
    limit: q.limit,
    offset: q.offset,
  }) as R[];
  const total = (stmt(db, `SELECT count(*) AS n FROM party WHERE ${where}`).get(p) as { n: number }).n;
  return { rows, total };
}

/** Exact number or organisation number first, then names starting with the text, then names containing it. */
export function lookupParties<R extends PartyBaseRow>(db: Db, role: PartyRole, query: string, limit: number): R[] {
  const q = query.trim();
  if (!q) return [];
  const digits = q.replace(/\s/g, '');
  return stmt(
    db,
    `SELECT *, CASE WHEN CAST(number AS TEXT) = @q OR org_number = @digits THEN 0
                    WHEN name_fold LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END AS rank
     FROM party
     WHERE role = @role AND (CAST(number AS TEXT) = @q OR org_number = @digits OR name_fold LIKE @like ESCAPE '\\')
     ORDER BY rank, name_sort LIMIT @limit`,
  ).all({ role, q, digits, prefix: likePrefix(foldText(q)), like: likeContains(foldText(q)), limit }) as R[];
}

export type ContactValues = Omit<Contact, 'id'> & { id?: number | undefined };

export function getContacts(db: Db, partyId: number): Contact[] {
  return stmt(db, 'SELECT id, name, phone, email, role FROM contact WHERE party_id = ? ORDER BY sort_order, id').all(
    partyId,
  ) as Contact[];
}

/** Replaces the contact list: kept ids are updated in place, the rest removed, new ones added. */
export function replaceContacts(db: Db, partyId: number, contacts: readonly ContactValues[]): void {
  const keep = contacts.flatMap((c) => (c.id ? [c.id] : []));
  stmt(db, 'DELETE FROM contact WHERE party_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(
    partyId,
    JSON.stringify(keep),
  );
  contacts.forEach((c, i) => {
    if (c.id) {
      stmt(db, 'UPDATE contact SET name = ?, phone = ?, email = ?, role = ?, sort_order = ? WHERE id = ? AND party_id = ?').run(
        c.name,
        c.phone,
        c.email,
        c.role,
        i,
        c.id,
        partyId,
      );
    } else {
      stmt(db, 'INSERT INTO contact (party_id, name, phone, email, role, sort_order) VALUES (?, ?, ?, ?, ?, ?)').run(
        partyId,
        c.name,
        c.phone,
        c.email,
        c.role,
        i,
      );
    }
  });
}

export function contactIdsOf(db: Db, partyId: number): Set<number> {
  return new Set(
    (stmt(db, 'SELECT id FROM contact WHERE party_id = ?').all(partyId) as { id: number }[]).map((r) => r.id),
  );
}
