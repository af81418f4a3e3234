import type { Contact, Customer, CustomerListRow, DeliveryAddress } from '../../../shared/channels/customers';
import type { PartyKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { likeContains, likePrefix } from './sql';
import { norwegianSortKey } from '../domain/sortKey';

interface PartyRow {
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
  credit_limit_ore: number | null;
  payment_terms_days: number;
  card_surcharge_bp: number;
  invoice_party_id: number | null;
  updated_at: string;
}

const toRow = (r: PartyRow): CustomerListRow => ({
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
  creditLimitOre: r.credit_limit_ore,
  paymentTermsDays: r.payment_terms_days,
  cardSurchargeBp: r.card_surcharge_bp,
  invoiceCustomerId: r.invoice_party_id,
  updatedAt: r.updated_at,
});

export type CustomerValues = Omit<CustomerListRow, 'id' | 'number' | 'updatedAt'>;
export type ContactValues = Omit<Contact, 'id'> & { id?: number | undefined };
export type DeliveryAddressValues = Omit<DeliveryAddress, 'id'> & { id?: number | undefined };

export function getCustomerRow(db: Db, id: number): CustomerListRow | null {
  const r = stmt(db, "SELECT * FROM party WHERE id = ? AND role = 'customer'").get(id) as PartyRow | undefined;
  return r ? toRow(r) : null;
}

export function getContacts(db: Db, partyId: number): Contact[] {
  return stmt(db, 'SELECT id, name, phone, email, role FROM contact WHERE party_id = ? ORDER BY sort_order, id').all(
    partyId,
  ) as Contact[];
}

export function getCustomer(db: Db, id: number): Customer | null {
  const row = getCustomerRow(db, id);
  return row ? { ...row, contacts: getContacts(db, id), deliveryAddresses: getDeliveryAddresses(db, id) } : null;
}

interface DeliveryAddressRow {
  id: number;
  name: string;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
}

const toDeliveryAddress = (r: DeliveryAddressRow): DeliveryAddress => ({
  id: r.id,
  name: r.name,
  addressLine1: r.address_line1,
  postalCode: r.postal_code,
  city: r.city,
  country: r.country,
});

export function getDeliveryAddresses(db: Db, partyId: number): DeliveryAddress[] {
  return (
    stmt(
      db,
      'SELECT id, name, address_line1, postal_code, city, country FROM delivery_address WHERE party_id = ? ORDER BY sort_order, id',
    ).all(partyId) as DeliveryAddressRow[]
  ).map(toDeliveryAddress);
}

/** One of the customer's delivery addresses, or null when it is not theirs. */
export function getDeliveryAddressOf(db: Db, partyId: number, id: number): DeliveryAddress | null {
  const r = stmt(
    db,
    'SELECT id, name, address_line1, postal_code, city, country FROM delivery_address WHERE id = ? AND party_id = ?',
  ).get(id, partyId) as DeliveryAddressRow | undefined;
  return r ? toDeliveryAddress(r) : null;
}

export function deliveryAddressIdsOf(db: Db, partyId: number): Set<number> {
  return new Set(
    (stmt(db, 'SELECT id FROM delivery_address WHERE party_id = ?').all(partyId) as { id: number }[]).map((r) => r.id),
  );
}

/** Replaces the delivery address list as replaceContacts does the contacts. */
export function replaceDeliveryAddresses(db: Db, partyId: number, addresses: readonly DeliveryAddressValues[]): void {
  const keep = addresses.flatMap((a) => (a.id ? [a.id] : []));
  stmt(db, 'DELETE FROM delivery_address WHERE party_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(
    partyId,
    JSON.stringify(keep),
  );
  addresses.forEach((a, i) => {
    const p = { party: partyId, name: a.name, line1: a.addressLine1, postal: a.postalCode, city: a.city, country: a.country, sort: i };
    if (a.id) {
      stmt(
        db,
        `UPDATE delivery_address SET name = @name, address_line1 = @line1, postal_code = @postal, city = @city,
           country = @country, sort_order = @sort WHERE id = @id AND party_id = @party`,
      ).run({ ...p, id: a.id });
    } else {
      stmt(
        db,
        `INSERT INTO delivery_address (party_id, name, address_line1, postal_code, city, country, sort_order)
         VALUES (@party, @name, @line1, @postal, @city, @country, @sort)`,
      ).run(p);
    }
  });
}

function params(c: CustomerValues) {
  return {
    kind: c.kind,
    name: c.name,
    sort: norwegianSortKey(c.name),
    org: c.orgNumber,
    email: c.email,
    phone: c.phone,
    line1: c.addressLine1,
    postal: c.postalCode,
    city: c.city,
    country: c.country,
    credit: c.creditLimitOre,
    terms: c.paymentTermsDays,
    surcharge: c.cardSurchargeBp,
    invoiceParty: c.invoiceCustomerId,
  };
}

export function insertCustomer(db: Db, number: number, c: CustomerValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO party (role, number, kind, name, name_sort, org_number, email, phone, address_line1, postal_code, city,
         country, credit_limit_ore, payment_terms_days, card_surcharge_bp, invoice_party_id, created_at, updated_at)
       VALUES ('customer', @number, @kind, @name, @sort, @org, @email, @phone, @line1, @postal, @city, @country,
         @credit, @terms, @surcharge, @invoiceParty, @now, @now)`,
    ).run({ ...params(c), number, now }).lastInsertRowid,
  );
}

export function updateCustomer(db: Db, id: number, c: CustomerValues, now: string): void {
  stmt(
    db,
    `UPDATE party SET kind = @kind, name = @name, name_sort = @sort, org_number = @org, email = @email, phone = @phone,
       address_line1 = @line1, postal_code = @postal, city = @city, country = @country, credit_limit_ore = @credit,
       payment_terms_days = @terms, card_surcharge_bp = @surcharge, invoice_party_id = @invoiceParty, updated_at = @now
     WHERE id = @id`,
  ).run({ ...params(c), now, id });
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


export function listCustomers(
  db: Db,
  q: { search?: string | undefined; offset: number; limit: number },
): { rows: CustomerListRow[]; total: number } {
  const search = q.search?.trim() ?? '';
  const where = `role = 'customer' AND (@search = '' OR name LIKE @like ESCAPE '\\' OR CAST(number AS TEXT) = @search
                  OR org_number = @digits OR city LIKE @like ESCAPE '\\')`;
  const p = { search, like: likeContains(search), digits: search.replace(/\s/g, '') };
  const rows = stmt(db, `SELECT * FROM party WHERE ${where} ORDER BY name_sort, id LIMIT @limit OFFSET @offset`).all({
    ...p,
    limit: q.limit,
    offset: q.offset,
  }) as PartyRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM party WHERE ${where}`).get(p) as { n: number }).n;
  return { rows: rows.map(toRow), total };
}

/** The order header's customer field: exact number or org. number first, then names. */
export function lookupCustomers(db: Db, query: string, limit: number): CustomerListRow[] {
  const q = query.trim();
  if (!q) return [];
  const digits = q.replace(/\s/g, '');
  const rows = stmt(
    db,
    `SELECT *, CASE WHEN CAST(number AS TEXT) = @q OR org_number = @digits THEN 0
                    WHEN name_sort LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END AS rank
     FROM party
     WHERE role = 'customer' AND (CAST(number AS TEXT) = @q OR org_number = @digits
            OR name LIKE @like ESCAPE '\\')
     ORDER BY rank, name_sort LIMIT @limit`,
  ).all({
    q,
    digits,
    prefix: likePrefix(norwegianSortKey(q)),
    like: likeContains(q),
    limit,
  }) as PartyRow[];
  return rows.map(toRow);
}
