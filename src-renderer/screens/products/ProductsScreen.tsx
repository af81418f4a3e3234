// Products: the register list on the left, the form on the right (same keys as
// Customers), and under the form the product's stock: figures, batches, movements.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/channels/products';
import { formatAmount } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { PagedList, type PagedListHandle } from '../../grid/PagedList';
import { ProductForm } from './ProductForm';
import { StockPanel } from './StockPanel';

export function ProductsScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ id: number | null; seq: number } | null>(null);
  const [formDirty, setFormDirty] = useState(false);
  const seq = useRef(0);
  const list = useRef<PagedListHandle>(null);
  const loaded = useChannel('products.get', { id: editing?.id ?? 0 }, { enabled: Boolean(editing?.id), staleTime: 0 });

  const open = (id: number | null) => {
    setFormDirty(false);
    seq.current += 1;
    setEditing({ id, seq: seq.current });
  };

  useEffect(() => {
    if (props.active && !editing) list.current?.focusSearch();
  }, [props.active, editing]);

  useHotkeys(props.active && !formDirty, { f2: () => open(null), 'ctrl+n': () => open(null) });
  useHotkeys(props.active, { 'ctrl+f': () => list.current?.focusSearch() });

  const columnDefs = useMemo<ColDef<Product>[]>(
    () => [
      { field: 'number', headerName: t('products.col.number'), width: 110 },
      { field: 'name', headerName: t('products.col.name'), flex: 2, minWidth: 180 },
      { field: 'unit', headerName: t('products.col.unit'), width: 64 },
      {
        field: 'priceOre',
        headerName: t('products.col.price'),
        width: 100,
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<Product, number>) => (p.value == null ? '' : formatAmount(p.value)),
      },
      {
        field: 'vatCode',
        headerName: t('products.col.vat'),
        width: 64,
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<Product, string>) => (p.value == null ? '' : `${p.value}\u00a0%`),
      },
      {
        field: 'stockManaged',
        headerName: t('products.col.stockManaged'),
        width: 64,
        valueFormatter: (p: ValueFormatterParams<Product, boolean>) => (p.value == null ? '' : p.value ? t('grid.yes') : t('grid.no')),
      },
      { field: 'binLocation', headerName: t('products.col.binLocation'), width: 90 },
      { field: 'ean', headerName: t('products.col.ean'), width: 120, cellClass: 'num' },
    ],
    [t],
  );

  return (
    <div className="screen register-screen" data-testid="products-screen">
      <div className="toolbar">
        <h1>{t('products.title')}</h1>
        <div className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => open(null)} data-testid="product-new">
          {t('products.newProduct')} <Shortcut keys="F2" />
        </button>
      </div>
      <div className="register-body">
        <PagedList<Product>
          testId="product-list"
          handle={list}
          columnDefs={columnDefs}
          fetchPage={(input) => invoke('products.list', input)}
          onOpen={(row) => open(row.id)}
          searchPlaceholder={t('products.searchPlaceholder')}
          noRowsText={t('products.noRows')}
        />
        <div className="register-form">
          {editing === null ? (
            <p className="muted empty-form">{t('products.chooseOrNew')}</p>
          ) : editing.id !== null && !loaded.data ? (
            loaded.isError ? (
              <Banner error={refusalOf(loaded.error, () => null).general} />
            ) : (
              <p className="muted">{t('app.loading')}</p>
            )
          ) : (
            <ProductForm
              key={editing.seq}
              product={editing.id !== null ? (loaded.data ?? null) : null}
              active={props.active && editing !== null}
              onSaved={() => list.current?.refresh()}
              onDirtyChange={setFormDirty}
              onClose={() => {
                const id = editing.id;
                setEditing(null);
                setFormDirty(false);
                if (id !== null) window.setTimeout(() => list.current?.focusRow(id), 0);
              }}
            />
          )}
          {editing !== null && editing.id !== null && loaded.data ? (
            <StockPanel key={`stock-${editing.id}`} productId={editing.id} unit={loaded.data.unit} active={props.active} />
          ) : null}
        </div>
      </div>
      <div className="hint-bar">
        <Shortcut keys="F2" label={t('products.newProduct')} />
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+S" label={t('keys.save')} />
        <Shortcut keys="Esc" label={t('keys.back')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
      </div>
    </div>
  );
}
