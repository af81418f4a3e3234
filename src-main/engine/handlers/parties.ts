// What the customer and supplier handlers share: both edit a party (SPEC 5)
// with the same name/address fields and the same contact list.
import type { PartyKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { getCompany } from '../repos/company';
import { contactIdsOf, type ContactValues, type PartyBaseValues } from '../repos/parties';

export interface ParsedContact {
  id?: number | undefined;
  name: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  role?: string | null | undefined;
}

export interface ParsedParty {
  kind: PartyKind;
  name: string;
  orgNumber?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  addressLine1?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  country: string;
  paymentTermsDays?: number | undefined;
}

export function partyValues(db: Db, input: ParsedParty): PartyBaseValues {
  return {
    kind: input.kind,
    name: input.name,
    orgNumber: input.orgNumber ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    addressLine1: input.addressLine1 ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country,
    // Payment terms default from the company (SPEC 8).
    paymentTermsDays: input.paymentTermsDays ?? getCompany(db)?.defaultPaymentTermsDays ?? 14,
  };
}

export function contactValues(contacts: readonly ParsedContact[]): ContactValues[] {
  return contacts.map((c) => ({ id: c.id, name: c.name, phone: c.phone ?? null, email: c.email ?? null, role: c.role ?? null }));
}

/** A new party has no contacts yet, so none may carry an id. */
export function assertNewContacts(contacts: readonly ParsedContact[]): void {
  const i = contacts.findIndex((c) => c.id !== undefined);
  if (i >= 0) throw new DomainError('unknown_contact', `contacts.${i}.id`, { id: contacts[i]!.id! });
}

/** Every contact id given must be one of the party's own. */
export function assertOwnContacts(db: Db, partyId: number, contacts: readonly ParsedContact[]): void {
  const own = contactIdsOf(db, partyId);
  contacts.forEach((c, i) => {
    if (c.id !== undefined && !own.has(c.id)) throw new DomainError('unknown_contact', `contacts.${i}.id`, { id: c.id });
  });
}
