// The column mapping of the last import of each kind (issue 13), remembered for the next file.
import type { ImportKind, ImportMapping } from '../../../shared/channels/import';
import { stmt, type Db } from '../db/connection';

export function rememberedMapping(db: Db, kind: ImportKind): ImportMapping | null {
  const r = stmt(db, 'SELECT mapping_json FROM import_mapping WHERE kind = ?').get(kind) as { mapping_json: string } | undefined;
  return r ? (JSON.parse(r.mapping_json) as ImportMapping) : null;
}

export function rememberMapping(db: Db, kind: ImportKind, mapping: ImportMapping, now: string, userId: number | null): void {
  stmt(
    db,
    `INSERT INTO import_mapping (kind, mapping_json, updated_at, user_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, user_id = excluded.user_id`,
  ).run(kind, JSON.stringify(mapping), now, userId);
}

/** The party of this role with this organisation number, if any (an import does not make a second one). */
export function partyNumberByOrgNumber(db: Db, role: 'customer' | 'supplier', orgNumber: string): number | null {
  const r = stmt(db, 'SELECT number FROM party WHERE org_number = ? AND role = ? ORDER BY id LIMIT 1').get(orgNumber, role) as { number: number } | undefined;
  return r?.number ?? null;
}
