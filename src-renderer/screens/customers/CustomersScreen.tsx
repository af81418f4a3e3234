// Customers: the register list on the left, the form on the right. F2 makes a
// new customer, Enter on a row opens it, Ctrl+S saves, Esc closes the form.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../shared/channels/customers';
import { formatOrgNumber } from '../../../shared/checks';
import { formatAmount } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { PagedList, type PagedListHandle } from '../../grid/PagedList';
import { CustomerForm } from './CustomerForm';

export function CustomersScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ id: number | null; seq: number } | null>(null);
  const [formDirty, setFormDirty] = useState(false);
  const seq = useRef(0);
  const list = useRef<PagedListHandle>(null);
  const loaded = useChannel('customers.get', { id: editing?.id ?? 0 }, { enabled: Boolean(editing?.id), staleTime: 0 });

  const open = (id: number | null) => {
    setFormDirty(false);
    seq.current += 1;
    setEditing({ id, seq: seq.current });
  };

  useEffect(() => {
    if (props.active && !editing) list.current?.focusSearch();
  }, [props.active, editing]);

  // A new customer only when nothing typed would be lost.
  useHotkeys(props.active && !formDirty, {
    f2: () => open(null),
    'ctrl+n': () => open(null),
  });
  useHotkeys(props.active, { 'ctrl+f': () => list.current?.focusSearch() });

  const columnDefs = useMemo<ColDef<CustomerListRow>[]>(
    () => [
      { field: 'number', headerName: t('customers.col.number'), width: 88, type: 'rightAligned', cellClass: 'num' },
      { field: 'name', headerName: t('customers.col.name'), flex: 2, minWidth: 160 },
      {
        field: 'kind',
        headerName: t('customers.col.kind'),
        width: 80,
        valueFormatter: (p: ValueFormatterParams<CustomerListRow, string>) =>
          p.value === 'business' ? t('customers.kinds.business') : p.value === 'private' ? t('customers.kinds.private') : '',
      },
      {
        field: 'orgNumber',
        headerName: t('customers.col.orgNumber'),
        width: 110,
        valueFormatter: (p: ValueFormatterParams<CustomerListRow, string | null>) => (p.value ? formatOrgNumber(p.value) : ''),
      },
      { field: 'city', headerName: t('customers.col.city'), flex: 1, minWidth: 90 },
      { field: 'phone', headerName: t('customers.col.phone'), width: 120 },
      {
        field: 'creditLimitOre',
        headerName: t('customers.col.creditLimit'),
        width: 110,
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<CustomerListRow, number | null>) => (p.value == null ? '' : formatAmount(p.value)),
      },
    ],
    [t],
  );

  const formActive = props.active && editing !== null;
  return (
    <div className="screen register-screen" data-testid="customers-screen">
      <div className="toolbar">
        <h1>{t('customers.title')}</h1>
        <div className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => open(null)} data-testid="customer-new">
          {t('customers.newCustomer')} <Shortcut keys="F2" />
        </button>
      </div>
      <div className="register-body">
        <PagedList<CustomerListRow>
          testId="customer-list"
          handle={list}
          columnDefs={columnDefs}
          fetchPage={(input) => invoke('customers.list', input)}
          onOpen={(row) => open(row.id)}
          searchPlaceholder={t('customers.searchPlaceholder')}
          noRowsText={t('customers.noRows')}
        />
        <div className="register-form">
          {editing === null ? (
            <p className="muted empty-form">{t('customers.chooseOrNew')}</p>
          ) : editing.id !== null && !loaded.data ? (
            loaded.isError ? (
              <Banner error={refusalOf(loaded.error, () => null).general} />
            ) : (
              <p className="muted">{t('app.loading')}</p>
            )
          ) : (
            <CustomerForm
              key={editing.seq}
              customer={editing.id !== null ? (loaded.data ?? null) : null}
              active={formActive}
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
        <Shortcut keys="F2" label={t('customers.newCustomer')} />
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+S" label={t('keys.save')} />
        <Shortcut keys="Esc" label={t('keys.back')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
      </div>
    </div>
  );
}
