// The product form: number, name, unit, price, VAT code, stock-managed, bin location, EAN,
// and for purchasing the supplier it is bought from and its reorder point.
import { useTranslation } from 'react-i18next';
import type { ProductDetail, ProductInput } from '../../../shared/channels/products';
import { UNITS, VAT_CODES, type VatCode } from '../../../shared/enums';
import { formatQuantity, parseAmount, parseQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/queries';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { RecordForm, useRecordForm } from '../../components/RecordForm';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';
import { checks } from '../../components/fieldChecks';
import { CustomFieldsSection } from '../../components/CustomFieldsSection';
import { customPayload, type CustomDrafts } from '../../components/customFieldDrafts';

interface Values {
  number: string;
  name: string;
  unit: string;
  price: string;
  cost: string;
  vatCode: VatCode;
  stockManaged: boolean;
  binLocation: string;
  ean: string;
  active: boolean;
  supplierId: string;
  reorderPoint: string;
  /** Custom fields typed since the last save (issue 12). */
  custom: CustomDrafts;
}

function valuesOf(p: ProductDetail | null): Values {
  return {
    number: p?.number ?? '',
    name: p?.name ?? '',
    unit: p?.unit ?? 'stk',
    price: p ? amountText(p.priceOre) : '',
    cost: p?.costOre != null ? amountText(p.costOre) : '',
    vatCode: p?.vatCode ?? '25',
    stockManaged: p?.stockManaged ?? true,
    binLocation: p?.binLocation ?? '',
    ean: p?.ean ?? '',
    active: p?.active ?? true,
    supplierId: p?.supplierId != null ? String(p.supplierId) : '',
    reorderPoint: p?.reorderPointQty != null ? formatQuantity(p.reorderPointQty, { separator: '' }) : '',
    custom: {},
  };
}

const PATHS: Readonly<Record<string, keyof Values>> = {
  number: 'number',
  name: 'name',
  unit: 'unit',
  priceOre: 'price',
  costOre: 'cost',
  vatCode: 'vatCode',
  stockManaged: 'stockManaged',
  binLocation: 'binLocation',
  ean: 'ean',
  active: 'active',
  supplierId: 'supplierId',
  reorderPointQty: 'reorderPoint',
};

export interface ProductFormProps {
  readonly product: ProductDetail | null;
  readonly active: boolean;
  readonly onSaved: (p: ProductDetail) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function ProductForm(props: ProductFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = useRecordForm({
    record: props.product,
    valuesOf,
    active: props.active,
    firstField: 'number',
    onSaved: props.onSaved,
    onClose: props.onClose,
    onDirtyChange: props.onDirtyChange,
  });
  const { v, set, saved } = form;
  // A small business buys from tens of suppliers, not thousands: one list serves the choice.
  const suppliers = useChannel('suppliers.list', { limit: 500 }, { staleTime: 30_000 });

  const save = async () => {
    if (form.busy()) return;
    const errors: Record<string, BilingualText> = {};
    const priceOre = parseAmount(v.price);
    if (priceOre === null || priceOre < 0) errors.price = v.price.trim() ? bilingual('common.invalidAmount') : bilingual('common.required');
    let costOre: number | null = null;
    if (v.cost.trim()) {
      costOre = parseAmount(v.cost);
      if (costOre === null || costOre < 0) errors.cost = bilingual('common.invalidAmount');
    }
    let reorderPointQty: number | null = null;
    if (v.reorderPoint.trim()) {
      reorderPointQty = parseQuantity(v.reorderPoint);
      if (reorderPointQty === null || reorderPointQty < 0) errors.reorderPoint = bilingual('common.invalidNumber');
    }
    const custom = customPayload(v.custom);
    Object.assign(errors, custom.errors);
    if (Object.keys(errors).length) return form.refuse(errors);
    const input: ProductInput = {
      number: v.number,
      name: v.name,
      unit: v.unit,
      priceOre: priceOre ?? 0,
      costOre,
      vatCode: v.vatCode,
      stockManaged: v.stockManaged,
      binLocation: v.binLocation.trim() || null,
      ean: v.ean.trim() || null,
      active: v.active,
      supplierId: v.supplierId ? Number(v.supplierId) : null,
      reorderPointQty,
      customFields: custom.values,
    };
    await form.persist(() => (saved ? invoke('products.update', { id: saved.id, ...input }) : invoke('products.create', input)), {
      fieldOf: (path) => (path.startsWith('customFields.') ? path : (PATHS[path] ?? null)),
      notice: (r) => t('products.savedMessage', { number: r.number }),
      invalidate: ['products.list', 'products.get', 'products.lookup'],
    });
  };

  return (
    <RecordForm
      form={form}
      active={props.active}
      prefix="product"
      className="form product-form"
      title={saved ? t('products.editTitle', { number: saved.number }) : t('products.newTitle')}
      onSave={save}
    >
      <div className="form-grid cols-4">
        <TextField name="number" label={t('products.number')} value={v.number} maxLength={30} onChange={(x) => set('number', x)} />
        <TextField name="name" label={t('products.name')} value={v.name} span={3} maxLength={200} onChange={(x) => set('name', x)} />
        <SelectField
          name="unit"
          label={t('products.unit')}
          value={v.unit}
          onChange={(x) => set('unit', x)}
          options={[...new Set([...UNITS, v.unit])].map((u) => ({ value: u, label: u }))}
        />
        <TextField name="price" check={checks.amount} label={t('products.price')} value={v.price} numeric inputMode="decimal" onChange={(x) => set('price', x)} />
        <SelectField
          name="vatCode"
          label={t('products.vatCode')}
          value={v.vatCode}
          span={2}
          onChange={(x) => set('vatCode', x as VatCode)}
          options={VAT_CODES.map((c) => ({ value: c.code, label: c[lang] }))}
        />
        <TextField name="cost" check={checks.amount} label={t('products.cost')} value={v.cost} numeric inputMode="decimal" onChange={(x) => set('cost', x)} />
        <TextField name="ean" check={checks.ean} label={t('products.ean')} value={v.ean} inputMode="numeric" maxLength={14} onChange={(x) => set('ean', x)} />
        <TextField name="binLocation" label={t('products.binLocation')} value={v.binLocation} maxLength={20} onChange={(x) => set('binLocation', x)} />
        <div className="field" />
        <SelectField
          name="supplierId"
          label={t('products.supplier')}
          value={v.supplierId}
          span={2}
          onChange={(x) => set('supplierId', x)}
          options={[
            { value: '', label: t('products.noSupplier') },
            ...(suppliers.data?.rows ?? []).map((s) => ({ value: String(s.id), label: `${s.name} (${s.number})` })),
            // The saved supplier, while the list loads (or if it is past the list's end).
            ...(v.supplierId && !suppliers.data?.rows.some((s) => String(s.id) === v.supplierId) ? [{ value: v.supplierId, label: `#${v.supplierId}` }] : []),
          ]}
        />
        <TextField
          name="reorderPoint" check={checks.quantity}
          label={t('products.reorderPoint')}
          value={v.reorderPoint}
          numeric
          inputMode="decimal"
          hint={t('products.reorderPointHint')}
          onChange={(x) => set('reorderPoint', x)}
        />
        <div className="field" />
        <CheckboxField name="stockManaged" label={t('products.stockManaged')} checked={v.stockManaged} onChange={(x) => set('stockManaged', x)} />
        <CheckboxField name="active" label={t('products.active')} checked={v.active} onChange={(x) => set('active', x)} />
        <CustomFieldsSection entity="product" saved={saved?.customFields} drafts={v.custom} onChange={(x) => set('custom', x)} />
      </div>
    </RecordForm>
  );
}
