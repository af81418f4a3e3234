// The product form: number, name, unit, price, VAT code, stock-managed, bin location, EAN,
// and for purchasing the supplier it is bought from and its reorder point.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product, ProductInput } from '../../../shared/channels/products';
import { UNITS, VAT_CODES, type VatCode } from '../../../shared/enums';
import { formatQuantity, parseAmount, parseQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { focusNextIn, useHotkeys } from '../../app/hotkeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Banner, CheckboxField, FormScopeProvider, Notice, SelectField, TextField } from '../../components/fields';
import { focusField, refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { amountText } from '../orders/orderDraft';

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
}

function valuesOf(p: Product | null): Values {
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
  readonly product: Product | null;
  readonly active: boolean;
  readonly onSaved: (p: Product) => void;
  readonly onClose: () => void;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function ProductForm(props: ProductFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [v, setV] = useState<Values>(() => valuesOf(props.product));
  const [baseline, setBaseline] = useState(() => JSON.stringify(valuesOf(props.product)));
  const [saved, setSaved] = useState<Product | null>(props.product);
  const { refusal, setRefusal, clear, setFields } = useRefusal();
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(v) !== baseline;
  // A small business buys from tens of suppliers, not thousands: one list serves the choice.
  const suppliers = useChannel('suppliers.list', { limit: 500 }, { staleTime: 30_000 });
  const onDirtyChange = props.onDirtyChange;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (props.active) focusField(root.current, 'number');
    // Only when the form opens.
  }, []);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));

  const save = async () => {
    if (savingRef.current) return;
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
    if (Object.keys(errors).length) {
      setFields(errors);
      focusField(root.current, Object.keys(errors)[0]);
      return;
    }
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
    };
    savingRef.current = true;
    setSaving(true);
    clear();
    try {
      const result = saved ? await invoke('products.update', { id: saved.id, ...input }) : await invoke('products.create', input);
      const next = valuesOf(result);
      setSaved(result);
      setV(next);
      setBaseline(JSON.stringify(next));
      setNotice(t('products.savedMessage', { number: result.number }));
      void invalidate('products.list', 'products.get', 'products.lookup');
      props.onSaved(result);
    } catch (error) {
      const r = refusalOf(error, (path) => PATHS[path] ?? null);
      setRefusal(r);
      focusField(root.current, Object.keys(r.fields)[0]);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const close = () => (dirty ? setConfirmLeave(true) : props.onClose());
  useHotkeys(props.active, { 'ctrl+s': () => void save(), escape: close });

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    focusNextIn(root.current, target, e.shiftKey);
  };

  return (
    <form
      ref={root}
      className="form product-form"
      data-testid="product-form"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-title">
        <h2 data-testid="product-form-title">{saved ? t('products.editTitle', { number: saved.number }) : t('products.newTitle')}</h2>
        <span className={`pill ${dirty || !saved ? 'warn' : 'ok'}`}>{dirty || !saved ? t('app.unsaved') : t('app.saved')}</span>
      </div>
      <Banner error={refusal.general} title={t('common.couldNotSave')} testId="product-error" />
      <FormScopeProvider prefix="product" errors={refusal.fields}>
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
          <TextField name="price" label={t('products.price')} value={v.price} numeric inputMode="decimal" onChange={(x) => set('price', x)} />
          <SelectField
            name="vatCode"
            label={t('products.vatCode')}
            value={v.vatCode}
            span={2}
            onChange={(x) => set('vatCode', x as VatCode)}
            options={VAT_CODES.map((c) => ({ value: c.code, label: c[lang] }))}
          />
          <TextField name="cost" label={t('products.cost')} value={v.cost} numeric inputMode="decimal" onChange={(x) => set('cost', x)} />
          <TextField name="ean" label={t('products.ean')} value={v.ean} inputMode="numeric" maxLength={14} onChange={(x) => set('ean', x)} />
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
            name="reorderPoint"
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
        </div>
      </FormScopeProvider>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="product-save">
          {t('common.save')} <Shortcut keys="Ctrl+S" />
        </button>
        <button type="button" onClick={close} data-testid="product-close">
          {t('app.close')} <Shortcut keys="Esc" />
        </button>
        <Notice text={dirty ? null : notice} testId="product-notice" />
      </div>
      {confirmLeave ? (
        <ConfirmDialog
          title={t('common.unsavedTitle')}
          text={t('common.unsavedText')}
          confirmLabel={t('common.discard')}
          cancelLabel={t('common.keepEditing')}
          danger
          onConfirm={() => {
            setConfirmLeave(false);
            props.onClose();
          }}
          onCancel={() => setConfirmLeave(false)}
        />
      ) : null}
    </form>
  );
}
