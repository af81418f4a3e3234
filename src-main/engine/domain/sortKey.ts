// A binary-sortable key for Norwegian names: case-folded, with Æ, Ø, Å after Z
// in that order, so indexes sort the customer list the way a Norwegian reads it.
const AFTER_Z: Readonly<Record<string, string>> = { æ: '{', ø: '|', å: '}', ä: '{', ö: '|' };

export function norwegianSortKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[æøåäö]/g, (c) => AFTER_Z[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
