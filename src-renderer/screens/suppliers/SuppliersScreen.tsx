// Suppliers (Alt+6): the register list on the left, the form on the right, the
// same keys as Customers: F2 new, Enter on a row opens it, Ctrl+S saves, Esc closes.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierListRow } from '../../../shared/channels/suppliers';
import { formatOrgNumber } from '../../../shared/checks';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { PagedList, type PagedListHandle } from '../../grid/PagedList';
import { SupplierForm } from './SupplierForm';

export function SuppliersScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ id: number | null; seq: number } | null>(null);
  const [formDirty, setFormDirty] = useState(false);
  const seq = useRef(0);
  const list = useRef<PagedListHandle>(null);
  const loaded = useChannel('suppliers.get', { id: editing?.id ?? 0 }, { enabled: Boolean(editing?.id), staleTime: 0 });

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

  const columnDefs = useMemo<ColDef<SupplierListRow>[]>(
    () => [
      { field: 'number', headerName: t('suppliers.col.number'), width: 88, type: 'rightAligned', cellClass: 'num' },
      { field: 'name', headerName: t('suppliers.col.name'), flex: 2, minWidth: 160 },
      {
        field: 'orgNumber',
        headerName: t('customers.col.orgNumber'),
        width: 110,
        valueFormatter: (p: ValueFormatterParams<SupplierListRow, string | null>) => (p.value ? formatOrgNumber(p.value) : ''),
      },
      { field: 'city', headerName: t('customers.col.city'), flex: 1, minWidth: 90 },
      { field: 'phone', headerName: t('customers.col.phone'), width: 120 },
      { field: 'paymentTermsDays', headerName: t('suppliers.col.paymentTerms'), width: 90, type: 'rightAligned', cellClass: 'num' },
    ],
    [t],
  );

  return (
    <div className="screen register-screen" data-testid="suppliers-screen">
      <div className="toolbar">
        <h1>{t('suppliers.title')}</h1>
        <div className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => open(null)} data-testid="supplier-new">
          {t('suppliers.newSupplier')} <Shortcut keys="F2" />
        </button>
      </div>
      <div className="register-body">
        <PagedList<SupplierListRow>
          testId="supplier-list"
          handle={list}
          columnDefs={columnDefs}
          fetchPage={(input) => invoke('suppliers.list', input)}
          onOpen={(row) => open(row.id)}
          searchPlaceholder={t('suppliers.searchPlaceholder')}
          noRowsText={t('suppliers.noRows')}
        />
        <div className="register-form">
          {editing === null ? (
            <p className="muted empty-form">{t('suppliers.chooseOrNew')}</p>
          ) : editing.id !== null && !loaded.data ? (
            loaded.isError ? (
              <Banner error={refusalOf(loaded.error, () => null).general} />
            ) : (
              <p className="muted">{t('app.loading')}</p>
            )
          ) : (
            <SupplierForm
              key={editing.seq}
              supplier={editing.id !== null ? (loaded.data ?? null) : null}
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
        </div>
      </div>
      <div className="hint-bar">
        <Shortcut keys="F2" label={t('suppliers.newSupplier')} />
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+S" label={t('keys.save')} />
        <Shortcut keys="Esc" label={t('keys.back')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
      </div>
    </div>
  );
}
