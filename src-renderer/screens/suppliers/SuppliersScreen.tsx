// Suppliers (Alt+6): the register list on the left, the form on the right, the
// same keys as Customers: F2 new, Enter on a row opens it, Ctrl+S saves, Esc closes.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierListRow } from '../../../shared/channels/suppliers';
import { formatOrgNumber } from '../../../shared/checks';
import { invoke } from '../../api/client';
import { RegisterScreen } from '../../components/RegisterScreen';
import { SupplierForm } from './SupplierForm';
import { fitWidth, widestWhole } from '../../grid/columnWidths';

export function SuppliersScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const columnDefs = useMemo<ColDef<SupplierListRow>[]>(
    () => [
      { field: 'number', headerName: t('suppliers.col.number'), width: fitWidth([widestWhole(6)], t('suppliers.col.number')), type: 'rightAligned', cellClass: 'num' },
      { field: 'name', headerName: t('suppliers.col.name'), flex: 2, minWidth: 160 },
      {
        field: 'orgNumber',
        headerName: t('customers.col.orgNumber'),
        width: 110,
        valueFormatter: (p: ValueFormatterParams<SupplierListRow, string | null>) => (p.value ? formatOrgNumber(p.value) : ''),
      },
      { field: 'city', headerName: t('customers.col.city'), flex: 1, minWidth: 90 },
      { field: 'phone', headerName: t('customers.col.phone'), width: 120 },
      { field: 'paymentTermsDays', headerName: t('suppliers.col.paymentTerms'), width: fitWidth([widestWhole(3)], t('suppliers.col.paymentTerms')), type: 'rightAligned', cellClass: 'num' },
    ],
    [t],
  );

  return (
    <RegisterScreen<SupplierListRow, 'suppliers.get'>
      active={props.active}
      testId="suppliers-screen"
      title={t('suppliers.title')}
      newLabel={t('suppliers.newSupplier')}
      newTestId="supplier-new"
      chooseOrNew={t('suppliers.chooseOrNew')}
      list={{
        testId: 'supplier-list',
        columnDefs,
        fetchPage: (input) => invoke('suppliers.list', input),
        searchPlaceholder: t('suppliers.searchPlaceholder'),
        noRowsText: t('suppliers.noRows'),
      }}
      exportList={{ list: 'suppliers', query: ({ search }) => ({ list: 'suppliers', ...(search ? { search } : {}) }) }}
      importKind="suppliers"
      getChannel="suppliers.get"
      renderForm={(f) => (
        <SupplierForm
          key={f.key}
          supplier={f.record}
          active={f.active}
          onSaved={f.onSaved}
          onDirtyChange={f.onDirtyChange}
          onClose={f.onClose}
        />
      )}
    />
  );
}
