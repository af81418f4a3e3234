// Bank files read in and their transactions (SPEC 11; migration 012).
import type { BankFormat, BankProblem, BankTransaction } from '../../../shared/channels/receivables';
import { stmt, type Db } from '../db/connection';
import type { BankFileTransaction } from '../domain/bankFiles';

export function importBySha(db: Db, sha256: string): { id: number; fileName: string; importedAt: string } | null {
  return (
    (stmt(db, 'SELECT id, file_name AS fileName, imported_at AS importedAt FROM bank_import WHERE sha256 = ?').get(sha256) as
      | { id: number; fileName: string; importedAt: string }
      | undefined) ?? null
  );
}

export function insertImport(db: Db, v: { format: BankFormat; fileName: string; sha256: string; importedAt: string; userId: number | null }): number {
  return Number(
    stmt(db, 'INSERT INTO bank_import (format, file_name, sha256, imported_at, user_id) VALUES (@format, @fileName, @sha256, @importedAt, @userId)').run(v)
      .lastInsertRowid,
  );
}

/** The import that already brought a transaction with this reference, if any. */
export function importOfRef(db: Db, externalRef: string): number | null {
  const r = stmt(db, 'SELECT import_id FROM bank_transaction WHERE external_ref = ?').get(externalRef) as { import_id: number } | undefined;
  return r?.import_id ?? null;
}

export interface TransactionOutcome {
  readonly state: 'matched' | 'unmatched';
  readonly problem: BankProblem | null;
  readonly invoiceId: number | null;
  readonly customerId: number | null;
  readonly paymentId: number | null;
}

export function insertTransaction(db: Db, importId: number, t: BankFileTransaction, o: TransactionOutcome): number {
  return Number(
    stmt(
      db,
      `INSERT INTO bank_transaction (import_id, external_ref, bank_ref, booking_date, amount_ore, kid, payer_name, payer_account, message,
                                     state, problem, invoice_id, customer_id, payment_id)
       VALUES (@importId, @externalRef, @bankRef, @bookingDate, @amountOre, @kid, @payerName, @payerAccount, @message,
               @state, @problem, @invoiceId, @customerId, @paymentId)`,
    ).run({ importId, ...t, ...o }).lastInsertRowid,
  );
}

/** Records how a clerk resolved a waiting transaction (the trigger allows this once). */
export function resolveTransaction(db: Db, id: number, v: { invoiceId: number | null; customerId: number; paymentId: number; at: string; userId: number | null }): void {
  stmt(
    db,
    `UPDATE bank_transaction SET state = 'manual', invoice_id = @invoiceId, customer_id = @customerId, payment_id = @paymentId,
            resolved_at = @at, resolved_by = @userId WHERE id = @id`,
  ).run({ id, ...v });
}

/** The invoice (not credit note) that carries a KID. */
export function invoiceByKid(db: Db, kid: string): { id: number; customerId: number } | null {
  return (
    (stmt(db, "SELECT id, party_id AS customerId FROM invoice WHERE kid = ? AND kind = 'invoice' ORDER BY id DESC LIMIT 1").get(kid) as
      | { id: number; customerId: number }
      | undefined) ?? null
  );
}

const TRANSACTION_SELECT = `
  SELECT t.id, t.import_id AS importId, t.external_ref AS externalRef, t.booking_date AS bookingDate, t.amount_ore AS amountOre,
         t.kid, t.payer_name AS payerName, t.payer_account AS payerAccount, t.message, t.state, t.problem,
         t.invoice_id AS invoiceId, i.number AS invoiceNumber, t.customer_id AS customerId, t.payment_id AS paymentId
  FROM bank_transaction t LEFT JOIN invoice i ON i.id = t.invoice_id`;

export function getTransaction(db: Db, id: number): BankTransaction | null {
  return (stmt(db, `${TRANSACTION_SELECT} WHERE t.id = ?`).get(id) as BankTransaction | undefined) ?? null;
}

export function transactionsOf(db: Db, q: { importId?: number | undefined; unmatchedOnly: boolean }): BankTransaction[] {
  const where = [q.importId !== undefined ? 't.import_id = @importId' : null, q.unmatchedOnly ? "t.state = 'unmatched'" : null].filter(Boolean);
  return stmt(db, `${TRANSACTION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id`).all({ importId: q.importId ?? null }) as BankTransaction[];
}

export function getImport(db: Db, id: number): { id: number; format: BankFormat; fileName: string; importedAt: string } | null {
  return (
    (stmt(db, 'SELECT id, format, file_name AS fileName, imported_at AS importedAt FROM bank_import WHERE id = ?').get(id) as
      | { id: number; format: BankFormat; fileName: string; importedAt: string }
      | undefined) ?? null
  );
}

export function listImports(db: Db) {
  return stmt(
    db,
    `SELECT b.id, b.format, b.file_name AS fileName, b.imported_at AS importedAt,
            COUNT(t.id) AS count, COALESCE(SUM(t.state = 'matched'), 0) AS matchedCount, COALESCE(SUM(t.amount_ore), 0) AS totalOre
     FROM bank_import b LEFT JOIN bank_transaction t ON t.import_id = b.id
     GROUP BY b.id ORDER BY b.id DESC`,
  ).all() as { id: number; format: BankFormat; fileName: string; importedAt: string; count: number; matchedCount: number; totalOre: number }[];
}

/** The bank's own reference of a transaction, as the payment carries it. */
export function bankRefOf(db: Db, id: number): string {
  return (stmt(db, 'SELECT bank_ref FROM bank_transaction WHERE id = ?').get(id) as { bank_ref: string }).bank_ref;
}
