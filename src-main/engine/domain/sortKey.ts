// A binary-sortable key for Norwegian names: the search fold (domain/fold.ts),
// with Æ, Ø, Å after Z in that order, so indexes sort the customer list the way
// a Norwegian reads it.
import { foldText } from './fold';

const AFTER_Z: Readonly<Record<string, string>> = { æ: '{', ø: '|', å: '}' };

export function norwegianSortKey(name: string): string {
  return foldText(name.trim()).replace(/[æøå]/g, (c) => AFTER_Z[c] ?? c);
}
