// Purchase suggestions: products whose available stock plus what is already on
// order has fallen below their reorder point, grouped by supplier, each with
// the quantity that brings it back up. The clerk ticks off or changes lines and
// makes draft purchase orders (To process, one per supplier) in one action.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder, SuggestionGroup } from '../../../shared/channels/purchasing';
import { formatAmount, formatQuantity, parseQuantity } from '../../../shared/format';
import { ApiError, invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { qtyText } from '../../components/useLineQuantities';

interface Pick {
  chosen: boolean;
  qty: string;
}

export function SuggestionsView(props: { active: boolean; onClose: () => void; onOpen: (id: number) => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const suggestions = useChannel('purchase.suggestions', {}, { staleTime: 0 });
  const [picks, setPicks] = useState<Record<number, Pick>>({});
  const [errors, setErrors] = useState<Record<number, BilingualText>>({});
  const [error, setError] = useState<BilingualText | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<readonly PurchaseOrder[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const groups: readonly SuggestionGroup[] = useMemo(() => suggestions.data ?? [], [suggestions.data]);

  // Every suggestion with a supplier is ticked with its suggested quantity; those without one cannot be ordered yet.
  useEffect(() => {
    setPicks(
      Object.fromEntries(
        groups.flatMap((g) => g.lines.map((l) => [l.productId, { chosen: g.supplierId !== null, qty: qtyText(l.suggestedQty) }] as const)),
      ),
    );
  }, [groups]);

  useEffect(() => {
    if (props.active) window.setTimeout(() => rootRef.current?.querySelector<HTMLInputElement>('input.qty-input')?.focus(), 0);
  }, [props.active, groups]);

  const chosen = groups.flatMap((g) => (g.supplierId === null ? [] : g.lines.filter((l) => picks[l.productId]?.chosen)));
  const supplierCount = groups.filter((g) => g.supplierId !== null && g.lines.some((l) => picks[l.productId]?.chosen)).length;

  const create = async () => {
    if (busy) return;
    const errs: Record<number, BilingualText> = {};
    const items: { productId: number; quantity: number }[] = [];
    for (const l of chosen) {
      const q = parseQuantity(picks[l.productId]?.qty ?? '');
      if (q === null || q <= 0) errs[l.productId] = bilingual('order.line.invalidQuantity');
      else items.push({ productId: l.productId, quantity: q });
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (items.length === 0) return setError(bilingual('purchasing.suggestions.noneChosen'));
    setError(null);
    setBusy(true);
    try {
      const orders = await invoke('purchase.createFromSuggestions', { items });
      setMade(orders);
      void invalidate('purchase.list', 'purchase.suggestions');
      props.onCreated();
    } catch (e) {
      if (e instanceof ApiError && e.data.field) {
        const m = /^items\.(\d+)\./.exec(e.data.field);
        const item = m ? items[Number(m[1])] : undefined;
        if (item) {
          setErrors({ [item.productId]: e.data.message });
          return;
        }
      }
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys(props.active, {
    'ctrl+s': () => void create(),
    escape: props.onClose,
  });

  const q = (n: number) => formatQuantity(n);
  return (
    <div className="screen suggestions-screen" data-testid="suggestions" ref={rootRef}>
      <div className="toolbar">
        <button type="button" className="link" onClick={props.onClose} data-testid="suggestions-back">
          ← {t('purchasing.backToList')} <Shortcut keys="Esc" />
        </button>
        <h1>{t('purchasing.suggestions.title')}</h1>
        <span className="row-count">{t('purchasing.suggestions.lead')}</span>
        <div className="toolbar-spacer" />
        <button
          type="button"
          className="primary"
          disabled={busy || chosen.length === 0}
          onClick={() => void create()}
          data-testid="suggestions-create"
        >
          {t('purchasing.suggestions.create', { count: supplierCount })} <Shortcut keys="Ctrl+S" />
        </button>
      </div>
      <div className="screen-body scroll">
        <Banner error={error} testId="suggestions-error" />
        {suggestions.isError ? <Banner error={refusalOf(suggestions.error, () => null).general} /> : null}
        {made.length > 0 ? (
          <div className="panel made-orders" data-testid="suggestions-made">
            <Notice text={t('purchasing.suggestions.made', { count: made.length, numbers: made.map((o) => o.number).join(', ') })} testId="suggestions-notice" />
            <div className="made-list">
              {made.map((o) => (
                <button key={o.id} type="button" className="small" data-testid={`suggestions-open-${o.number}`} onClick={() => props.onOpen(o.id)}>
                  {t('purchasing.suggestions.open', { number: o.number, supplier: o.supplierName, lines: o.lines.length })}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        {suggestions.data && groups.length === 0 ? (
          <p className="muted" data-testid="suggestions-empty">
            {t('purchasing.suggestions.empty')}
          </p>
        ) : null}
        {groups.map((g, gi) => (
          <section key={g.supplierId ?? 'none'} className="panel suggestion-group" data-testid={`suggestion-group-${gi}`}>
            <h2 data-testid={`suggestion-group-${gi}-supplier`}>
              {g.supplierId === null ? t('purchasing.suggestions.noSupplier') : `${g.supplierNumber} ${g.supplierName}`}
            </h2>
            {g.supplierId === null ? <p className="muted small">{t('purchasing.suggestions.noSupplierHint')}</p> : null}
            <table className="dialog-grid">
              <thead>
                <tr>
                  <th className="center">{t('purchasing.suggestions.order')}</th>
                  <th>{t('order.line.product')}</th>
                  <th>{t('order.line.description')}</th>
                  <th className="num">{t('stock.onHand')}</th>
                  <th className="num">{t('stock.reserved')}</th>
                  <th className="num">{t('stock.onLoan')}</th>
                  <th className="num">{t('purchasing.suggestions.onOrder')}</th>
                  <th className="num">{t('purchasing.suggestions.projected')}</th>
                  <th className="num">{t('purchasing.suggestions.reorderPoint')}</th>
                  <th className="num">{t('purchasing.suggestions.qty')}</th>
                  <th>{t('order.line.unit')}</th>
                  <th className="num">{t('purchasing.line.price')}</th>
                </tr>
              </thead>
              <tbody>
                {g.lines.map((l, i) => {
                  const p = picks[l.productId] ?? { chosen: false, qty: '' };
                  const err = errors[l.productId];
                  return [
                    <tr key={l.productId} data-testid={`suggestion-${gi}-${i}`} className={p.chosen ? '' : 'unchosen'}>
                      <td className="center">
                        <input
                          type="checkbox"
                          aria-label={`${t('purchasing.suggestions.order')} ${l.productNumber}`}
                          data-testid={`suggestion-${gi}-${i}-chosen`}
                          checked={p.chosen}
                          disabled={g.supplierId === null}
                          onChange={(e) => setPicks((x) => ({ ...x, [l.productId]: { ...p, chosen: e.target.checked } }))}
                        />
                      </td>
                      <td>{l.productNumber}</td>
                      <td className="text">{l.productName}</td>
                      <td className="num">{q(l.onHand)}</td>
                      <td className="num">{q(l.reserved)}</td>
                      <td className="num">{q(l.onLoan)}</td>
                      <td className="num" data-testid={`suggestion-${gi}-${i}-onOrder`}>
                        {q(l.onOrder)}
                      </td>
                      <td className={`num ${l.projected < 0 ? 'negative' : ''}`} data-testid={`suggestion-${gi}-${i}-projected`}>
                        {q(l.projected)}
                      </td>
                      <td className="num">{q(l.reorderPoint)}</td>
                      <td>
                        <input
                          className={`num qty-input ${err ? 'invalid' : ''}`}
                          inputMode="decimal"
                          aria-label={`${t('purchasing.suggestions.qty')} ${l.productNumber}`}
                          data-testid={`suggestion-${gi}-${i}-qty`}
                          value={p.qty}
                          disabled={g.supplierId === null}
                          onFocus={(e) => e.target.select()}
                          onChange={(e) => setPicks((x) => ({ ...x, [l.productId]: { ...p, qty: e.target.value, chosen: true } }))}
                          onKeyDown={(e) => {
                            if (e.key === ' ' && e.ctrlKey) {
                              e.preventDefault();
                              setPicks((x) => ({ ...x, [l.productId]: { ...p, chosen: !p.chosen } }));
                            }
                          }}
                        />
                      </td>
                      <td className="muted">{l.unit}</td>
                      <td className="num">{formatAmount(l.unitPriceOre)}</td>
                    </tr>,
                    err ? (
                      <tr key={`${l.productId}-e`} className="line-error-row">
                        <td colSpan={12} role="alert" data-testid={`suggestion-${gi}-${i}-error`}>
                          {err[lang]}
                        </td>
                      </tr>
                    ) : null,
                  ];
                })}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="hint-bar">
        <Shortcut keys="Tab" label={t('keys.nextField')} />
        <Shortcut keys="Ctrl+Space" label={t('purchasing.suggestions.toggle')} />
        <Shortcut keys="Ctrl+S" label={t('purchasing.suggestions.create', { count: supplierCount })} />
        <Shortcut keys="Esc" label={t('keys.back')} />
      </div>
    </div>
  );
}
