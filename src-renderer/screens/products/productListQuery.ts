// The product list's column sort and filter, narrowed to what products.list
// takes: the stock columns (and the number) sort, the stock columns filter, in
// thousandths (typed in units on screen).
import {
  PRODUCT_LIST_FILTER_COLUMNS,
  PRODUCT_LIST_SORT_COLUMNS,
  type ProductListInput,
  type ProductStockFilter,
} from '../../../shared/channels/products';
import type { GridQuery } from '../../grid/PagedList';

const RANGE_TYPES = new Set(['equals', 'lessThan', 'greaterThan', 'inRange']);
const thousandths = (units: number) => Math.round(units * 1000);
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export function productListQuery(grid: GridQuery): Pick<ProductListInput, 'sort' | 'filters'> {
  const out: { sort?: NonNullable<ProductListInput['sort']>; filters?: Partial<Record<string, ProductStockFilter>> } = {};
  const s = grid.sortModel[0];
  if (s && isOneOf(PRODUCT_LIST_SORT_COLUMNS, s.colId)) out.sort = { colId: s.colId, dir: s.sort };
  for (const [colId, raw] of Object.entries(grid.filterModel)) {
    const f = raw as { filterType?: string; type?: string; filter?: number | null; filterTo?: number | null };
    if (!isOneOf(PRODUCT_LIST_FILTER_COLUMNS, colId) || f.filterType !== 'number' || !f.type || !RANGE_TYPES.has(f.type)) continue;
    if (typeof f.filter !== 'number') continue;
    (out.filters ??= {})[colId] = {
      filterType: 'number',
      type: f.type as ProductStockFilter['type'],
      filter: thousandths(f.filter),
      ...(f.type === 'inRange' && typeof f.filterTo === 'number' ? { filterTo: thousandths(f.filterTo) } : {}),
    };
  }
  return out as Pick<ProductListInput, 'sort' | 'filters'>;
}
