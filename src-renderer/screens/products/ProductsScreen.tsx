// Products: the register list on the left, the form on the right (same keys as
// Customers), and under the form the product's stock: figures, batches, movements.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductListRow } from '../../../shared/channels/products';
import { formatAmount, formatQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { quantityFilterParams } from '../../grid/agGrid';
import { RegisterScreen } from '../../components/RegisterScreen';
import { ProductForm } from './ProductForm';
import { vatShortLabel } from '../orders/labels';
import { VAT_CODES, type VatCode } from '../../../shared/enums';
import { useLanguage } from '../../i18n';
import { productListQuery } from './productListQuery';
import { StockPanel } from './StockPanel';
import { fitWidth, WIDEST_AMOUNT, widestWhole } from '../../grid/columnWidths';

export function ProductsScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columnDefs = useMemo<ColDef<ProductListRow>[]>(
    () => [
      { field: 'number', headerName: t('products.col.number'), width: 110, sortable: true },
      { field: 'name', headerName: t('products.col.name'), flex: 2, minWidth: 180 },
      // Stock, sorted and filtered by the engine (products.list); blank for products that keep no stock.
      stockColumn('qtyOnHand', t('lists.col.onHand')),
      stockColumn('qtyReserved', t('lists.col.reserved')),
      stockColumn('qtyAvailable', t('lists.col.available')),
      { field: 'unit', headerName: t('products.col.unit'), width: 64 },
      {
        field: 'priceOre',
        headerName: t('products.col.price'),
        width: fitWidth([WIDEST_AMOUNT], t('products.col.price')),
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<ProductListRow, number>) => (p.value == null ? '' : formatAmount(p.value)),
      },
      {
        field: 'vatCode',
        headerName: t('products.col.vat'),
        width: fitWidth(VAT_CODES.map((v) => vatShortLabel(v.code, lang)), t('products.col.vat')),
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<ProductListRow, string>) => (p.value == null ? '' : vatShortLabel(p.value as VatCode, lang)),
      },
      {
        field: 'stockManaged',
        headerName: t('products.col.stockManaged'),
        width: fitWidth([t('grid.yes'), t('grid.no')], t('products.col.stockManaged')),
        valueFormatter: (p: ValueFormatterParams<ProductListRow, boolean>) => (p.value == null ? '' : p.value ? t('grid.yes') : t('grid.no')),
      },
      { field: 'binLocation', headerName: t('products.col.binLocation'), width: 90 },
      { field: 'ean', headerName: t('products.col.ean'), width: fitWidth([widestWhole(14)], t('products.col.ean')), cellClass: 'num' },
    ],
    [t, lang],
  );

  return (
    <RegisterScreen<ProductListRow, 'products.get'>
      active={props.active}
      testId="products-screen"
      title={t('products.title')}
      newLabel={t('products.newProduct')}
      newTestId="product-new"
      chooseOrNew={t('products.chooseOrNew')}
      list={{
        testId: 'product-list',
        columnDefs,
        fetchPage: (input, grid) => invoke('products.list', { ...input, ...productListQuery(grid) }),
        searchPlaceholder: t('products.searchPlaceholder'),
        noRowsText: t('products.noRows'),
      }}
      exportList={{ list: 'products', query: ({ search, grid }) => ({ list: 'products', ...(search ? { search } : {}), ...productListQuery(grid) }) }}
      importKind="products"
      getChannel="products.get"
      renderForm={(f) => (
        <ProductForm
          key={f.key}
          product={f.record}
          active={f.active}
          onSaved={f.onSaved}
          onDirtyChange={f.onDirtyChange}
          onClose={f.onClose}
        />
      )}
      renderBelow={(product, id) => <StockPanel key={`stock-${id}`} productId={id} unit={product.unit} active={props.active} />}
    />
  );
}

function stockColumn(field: 'qtyOnHand' | 'qtyReserved' | 'qtyAvailable', headerName: string): ColDef<ProductListRow> {
  return {
    colId: field,
    field,
    headerName,
    width: 104,
    type: 'rightAligned',
    cellClass: (p) => (p.data && p.data.stockManaged && p.data[field] < 0 ? 'num negative' : 'num'),
    sortable: true,
    filter: 'agNumberColumnFilter',
    filterParams: quantityFilterParams,
    suppressHeaderMenuButton: false,
    valueFormatter: (p: ValueFormatterParams<ProductListRow, number>) =>
      p.value == null || !p.data?.stockManaged ? '' : formatQuantity(p.value),
  };
}
