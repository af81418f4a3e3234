// A step run for what it would do, then undone: the work runs in a savepoint
// inside the call's transaction and is rolled back whatever happens, so what a
// preview shows comes from the very functions that would do it, and nothing stays written.
import type { Db } from '../db/connection';

const UNDO = Symbol('dry run');

/** Runs `work` and rolls back all it wrote; returns what it answered (read before the rollback). A refusal is thrown as usual. */
export function dryRun<T>(db: Db, work: () => T): T {
  let answer: { value: T } | null = null;
  try {
    db.transaction(() => {
      answer = { value: work() };
      throw UNDO;
    })();
  } catch (e) {
    if (e !== UNDO) throw e;
  }
  return answer!.value;
}
