// Customers: the register list on the left, the form on the right. F2 makes a
// new customer, Enter on a row opens it, Ctrl+S saves, Esc closes the form.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../shared/channels/customers';
import { formatOrgNumber } from '../../../shared/checks';
import { formatAmount } from '../../../shared/format';
import { invoke } from '../../api/client';
import { RegisterScreen } from '../../components/RegisterScreen';
import { CustomerForm } from './CustomerForm';
import { CustomerTabs } from './CustomerTabs';
import { fitWidth, WIDEST_AMOUNT, widestWhole } from '../../grid/columnWidths';

export function CustomersScreen(props: { active: boolean }) {
  const { t } = useTranslation();
  const columnDefs = useMemo<ColDef<CustomerListRow>[]>(
    () => [
      { field: 'number', headerName: t('customers.col.number'), width: fitWidth([widestWhole(6)], t('customers.col.number')), type: 'rightAligned', cellClass: 'num' },
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
        width: fitWidth([WIDEST_AMOUNT], t('customers.col.creditLimit')),
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<CustomerListRow, number | null>) => (p.value == null ? '' : formatAmount(p.value)),
      },
    ],
    [t],
  );

  return (
    <RegisterScreen<CustomerListRow, 'customers.get'>
      active={props.active}
      testId="customers-screen"
      title={t('customers.title')}
      newLabel={t('customers.newCustomer')}
      newTestId="customer-new"
      chooseOrNew={t('customers.chooseOrNew')}
      list={{
        testId: 'customer-list',
        columnDefs,
        fetchPage: (input) => invoke('customers.list', input),
        searchPlaceholder: t('customers.searchPlaceholder'),
        noRowsText: t('customers.noRows'),
      }}
      exportList={{ list: 'customers', query: ({ search }) => ({ list: 'customers', ...(search ? { search } : {}) }) }}
      importKind="customers"
      getChannel="customers.get"
      renderForm={(f) => (
        <CustomerForm
          key={f.key}
          customer={f.record}
          active={f.active}
          onSaved={f.onSaved}
          onDirtyChange={f.onDirtyChange}
          onClose={f.onClose}
        />
      )}
      renderBelow={(customer, id) => <CustomerTabs customer={customer} customerId={id} />}
    />
  );
}
