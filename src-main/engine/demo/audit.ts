// The audit moved into the engine proper (repos/audit.ts, issue 13: "Kontroller
// databasen" runs it); this path stays for the tests and benches that import it here.
export { auditSales, AUDIT_RULES_NB, type AuditFinding } from '../repos/audit';
