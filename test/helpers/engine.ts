// A fresh engine on a real SQLite file in a temporary folder, with the real
// migrations and handlers, and a fixed clock.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, ChannelOutput } from '../../shared/catalog';
import type { DomainErrorData } from '../../shared/errors';
import { openEngine, type Engine } from '../../src-main/engine';

export interface TestEngine {
  readonly engine: Engine;
  readonly dir: string;
  readonly file: string;
  /** Calls a channel and returns its value, failing the test on a refusal. */
  ok<K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>>;
  /** Calls a channel that must refuse, and returns the refusal. */
  refused(channel: ChannelName, input: unknown): Promise<DomainErrorData>;
  close(): void;
}

export const FIXED_NOW = new Date('2025-01-05T10:00:00');

/** `copyOf`: start from a copy of another test's database file (a template built once). */
export async function makeEngine(opts: { now?: Date; copyOf?: string } = {}): Promise<TestEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-test-'));
  const file = join(dir, 'firma.ordrebok');
  if (opts.copyOf) copyFileSync(opts.copyOf, file);
  const engine = await openEngine({
    file,
    clock: () => opts.now ?? FIXED_NOW,
    onInternalError: (channel, error) => {
      throw new Error(`internal error in ${channel}: ${String(error)}`);
    },
  });
  return {
    engine,
    dir,
    file,
    async ok(channel, input) {
      const r = await engine.call(channel, input);
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
      return r.value as never;
    },
    async refused(channel, input) {
      const r = await engine.call(channel, input);
      if (r.ok) throw new Error(`${channel} was expected to refuse but returned ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error;
    },
    close() {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A VAT-registered company with valid identifiers. */
export const COMPANY = {
  name: 'Fjordlager AS',
  orgNumber: '923609016',
  vatRegistered: true,
  addressLine1: 'Havnegata 12',
  postalCode: '5003',
  city: 'Bergen',
  bankAccount: '15031234562',
  phone: '+47 55 12 34 56',
} as const;

/**
 * The stock invariants read straight from the file through the engine's own
 * repository, on a second (read-only) connection: kept figures against the
 * sums they must equal.
 */
export async function stockLedger(file: string, productId: number) {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const { stockFigures, stockSums } = await import('../../src-main/engine/repos/stock');
  const db = openDatabase(file, { readonly: true });
  try {
    return { kept: stockFigures(db, productId), sums: stockSums(db, productId) };
  } finally {
    db.close();
  }
}

/** Everything the sales invariants are checked against, read on a second connection. */
export async function ledgerSnapshot(file: string) {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const { allStockChecks, netIssuedByLine } = await import('../../src-main/engine/repos/stock');
  const { invoiceNumbers } = await import('../../src-main/engine/repos/invoices');
  const db = openDatabase(file, { readonly: true });
  try {
    return { stock: allStockChecks(db), netIssued: netIssuedByLine(db), invoiceNumbers: invoiceNumbers(db) };
  } finally {
    db.close();
  }
}

/** The audit of the sales and purchasing rules (demo/audit.ts) over the whole file: the rules that are broken. */
export async function auditViolations(file: string) {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const { auditSales } = await import('../../src-main/engine/demo/audit');
  const db = openDatabase(file, { readonly: true });
  try {
    return auditSales(db).filter((f) => f.violations > 0);
  } finally {
    db.close();
  }
}

/** Rows of a read-only query on the file, for tests that check what the engine stored beside what it shows. */
export async function queryFile<T>(file: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const db = openDatabase(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
