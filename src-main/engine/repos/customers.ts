import type { Customer, CustomerListRow, DeliveryAddress } from '../../../shared/channels/customers';
import type { InvoiceMethod, Language } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { customValuesOf } from './customFields';
import {
  getContacts,
  getPartyRow,
  listParties,
  lookupParties,
  partyParams,
  toPartyBase,
  type PartyBaseRow,
} from './parties';

// The contact list is party-generic (repos/parties); re-exported for existing callers.
export { contactIdsOf, getContacts, replaceContacts, type ContactValues } from './parties';

interface PartyRow extends PartyBaseRow {
  credit_limit_ore: number | null;
  card_surcharge_bp: number;
  invoice_party_id: number | null;
  language: Language;
  invoice_method: InvoiceMethod;
}

const toRow = (r: PartyRow): CustomerListRow => ({
  ...toPartyBase(r),
  creditLimitOre: r.credit_limit_ore,
  cardSurchargeBp: r.card_surcharge_bp,
  invoiceCustomerId: r.invoice_party_id,
  language: r.language,
  invoiceMethod: r.invoice_method,
});

export type CustomerValues = Omit<CustomerListRow, 'id' | 'number' | 'updatedAt'>;
export type DeliveryAddressValues = Omit<DeliveryAddress, 'id'> & { id?: number | undefined };

export function getCustomerRow(db: Db, id: number): CustomerListRow | null {
  const r = getPartyRow<PartyRow>(db, 'customer', id);
  return r ? toRow(r) : null;
}

export function getCustomer(db: Db, id: number): Customer | null {
  const row = getCustomerRow(db, id);
  return row
    ? { ...row, contacts: getContacts(db, id), deliveryAddresses: getDeliveryAddresses(db, id), customFields: customValuesOf(db, 'customer', id) }
    : null;
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
    ...partyParams(c),
    credit: c.creditLimitOre,
    surcharge: c.cardSurchargeBp,
    invoiceParty: c.invoiceCustomerId,
    language: c.language,
    invoiceMethod: c.invoiceMethod,
  };
}

export function insertCustomer(db: Db, number: number, c: CustomerValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO party (role, number, kind, name, name_sort, name_fold, city_fold, org_number, email, phone, address_line1, postal_code, city,
         country, credit_limit_ore, payment_terms_days, card_surcharge_bp, invoice_party_id, language, invoice_method, created_at, updated_at)
       VALUES ('customer', @number, @kind, @name, @sort, @nameFold, @cityFold, @org, @email, @phone, @line1, @postal, @city, @country,
         @credit, @terms, @surcharge, @invoiceParty, @language, @invoiceMethod, @now, @now)`,
    ).run({ ...params(c), number, now }).lastInsertRowid,
  );
}

export function updateCustomer(db: Db, id: number, c: CustomerValues, now: string): void {
  stmt(
    db,
    `UPDATE party SET kind = @kind, name = @name, name_sort = @sort, name_fold = @nameFold, city_fold = @cityFold, org_number = @org, email = @email, phone = @phone,
       address_line1 = @line1, postal_code = @postal, city = @city, country = @country, credit_limit_ore = @credit,
       payment_terms_days = @terms, card_surcharge_bp = @surcharge, invoice_party_id = @invoiceParty, language = @language, invoice_method = @invoiceMethod, updated_at = @now
     WHERE id = @id`,
  ).run({ ...params(c), now, id });
}

export function listCustomers(
  db: Db,
  q: { search?: string | undefined; offset: number; limit: number },
): { rows: CustomerListRow[]; total: number } {
  const { rows, total } = listParties<PartyRow>(db, 'customer', q);
  return { rows: rows.map(toRow), total };
}

/** The order header's customer field: exact number or org. number first, then names. */
export function lookupCustomers(db: Db, query: string, limit: number): CustomerListRow[] {
  return lookupParties<PartyRow>(db, 'customer', query, limit).map(toRow);
}
