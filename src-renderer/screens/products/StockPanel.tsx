// A product's stock (SPEC 3): on hand, reserved, on loan, available and value;
// its batches (received, quantity, cost) and recent movements (cause, quantity,
// order number, order type at the time); manual receipt (Alt+M) and
// adjustment (Alt+J) through the stock channels.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockBatch, StockInfo } from '../../../shared/channels/stock';
import { formatAmount, formatDate, formatDateTime, formatQuantity, parseAmount, parseQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Dialog } from '../../components/Dialog';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { orderTypeLabel } from '../orders/labels';

type StockDialog = 'receive' | 'adjust' | null;

export function StockPanel(props: { productId: number; unit: string; active: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const stock = useChannel('stock.get', { productId: props.productId }, { staleTime: 0 });
  const [dialog, setDialog] = useState<StockDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refetch = stock.refetch;

  // Back on the product screen: what orders did meanwhile shows at once.
  useEffect(() => {
    if (props.active) void refetch();
  }, [props.active, refetch]);

  const managed = stock.data?.stockManaged ?? false;
  useHotkeys(props.active && managed && dialog === null, {
    'alt+m': () => setDialog('receive'),
    'alt+j': () => setDialog('adjust'),
  });

  const done = (info: StockInfo, text: string) => {
    setDialog(null);
    setNotice(text);
    void invalidate('stock.get', 'products.list');
    void refetch();
    return info;
  };

  if (stock.isError) return <Banner error={refusalOf(stock.error, () => null).general} />;
  const s = stock.data;
  if (!s) return <p className="muted">{t('app.loading')}</p>;
  if (!s.stockManaged) {
    return (
      <section className="stock-panel" data-testid="stock-panel">
        <h2>{t('stock.title')}</h2>
        <p className="muted" data-testid="stock-not-managed">
          {t('stock.notManaged')}
        </p>
      </section>
    );
  }
  const q = (n: number) => formatQuantity(n);
  return (
    <section className="stock-panel" data-testid="stock-panel">
      <div className="form-title">
        <h2>{t('stock.title')}</h2>
        <Notice text={notice} testId="stock-notice" />
        <div className="toolbar-spacer" />
        <button type="button" className="small" data-testid="stock-receive" onClick={() => setDialog('receive')}>
          {t('stock.receive')} <Shortcut keys="Alt+M" />
        </button>
        <button type="button" className="small" data-testid="stock-adjust" onClick={() => setDialog('adjust')}>
          {t('stock.adjust')} <Shortcut keys="Alt+J" />
        </button>
      </div>
      <dl className="stock-figures">
        <div>
          <dt>{t('stock.onHand')}</dt>
          <dd data-testid="stock-onHand">{q(s.onHand)}</dd>
        </div>
        <div>
          <dt>{t('stock.reserved')}</dt>
          <dd data-testid="stock-reserved">{q(s.reserved)}</dd>
        </div>
        <div>
          <dt>{t('stock.onLoan')}</dt>
          <dd data-testid="stock-onLoan">{q(s.onLoan)}</dd>
        </div>
        <div className={`available ${s.available < 0 ? 'negative' : ''}`}>
          <dt>{t('stock.available')}</dt>
          <dd data-testid="stock-available">{q(s.available)}</dd>
        </div>
        <div>
          <dt>{t('stock.value')}</dt>
          <dd data-testid="stock-value">{formatAmount(s.valueOre)}</dd>
        </div>
      </dl>
      <p className="muted small">{t('stock.formula', { unit: props.unit })}</p>

      <h3>{t('stock.batches')}</h3>
      {s.batches.length === 0 ? (
        <p className="muted">{t('stock.noBatches')}</p>
      ) : (
        <table className="side-grid" data-testid="stock-batches">
          <thead>
            <tr>
              <th>{t('stock.received')}</th>
              <th>{t('stock.source')}</th>
              <th className="num">{t('stock.qtyIn')}</th>
              <th className="num">{t('stock.qtyLeft')}</th>
              <th className="num">{t('stock.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {s.batches.map((b, i) => (
              <tr key={b.id} data-testid={`stock-batch-${i}`} className={b.qtyRemaining < 0 ? 'negative' : ''}>
                <td className="date">{formatDate(b.receivedAt)}</td>
                <td data-testid={`stock-batch-${i}-source`}><BatchSource batch={b} /></td>
                <td className="num">{q(b.qtyInitial)}</td>
                <td className="num" data-testid={`stock-batch-${i}-left`}>
                  {q(b.qtyRemaining)}
                </td>
                <td className="num">{formatAmount(b.costOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('stock.movements')}</h3>
      {s.movements.length === 0 ? (
        <p className="muted">{t('stock.noMovements')}</p>
      ) : (
        <table className="side-grid" data-testid="stock-movements">
          <thead>
            <tr>
              <th>{t('stock.when')}</th>
              <th>{t('stock.cause')}</th>
              <th className="num">{t('stock.quantity')}</th>
              <th className="num">{t('stock.order')}</th>
              <th>{t('stock.orderType')}</th>
              <th>{t('stock.note')}</th>
            </tr>
          </thead>
          <tbody>
            {s.movements.map((m, i) => (
              <tr key={m.id} data-testid={`stock-movement-${i}`}>
                <td className="date">{formatDateTime(m.createdAt)}</td>
                <td data-testid={`stock-movement-${i}-cause`}>{t(`stock.causes.${m.cause}`)}</td>
                <td className={`num ${m.quantity < 0 ? 'out' : 'in'}`} data-testid={`stock-movement-${i}-quantity`}>
                  {m.quantity > 0 ? '+' : ''}
                  {q(m.quantity)}
                </td>
                <td className="num" data-testid={`stock-movement-${i}-order`}>
                  {m.orderNumber ?? ''}
                </td>
                <td data-testid={`stock-movement-${i}-type`}>{m.orderType === null ? '' : orderTypeLabel(m.orderType, lang)}</td>
                <td className="text">{m.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {dialog === 'receive' ? (
        <ReceiveDialog
          productId={props.productId}
          unit={props.unit}
          onCancel={() => setDialog(null)}
          onDone={(info, qty) => done(info, t('stock.receivedNotice', { qty: formatQuantity(qty), unit: props.unit }))}
        />
      ) : null}
      {dialog === 'adjust' ? (
        <AdjustDialog
          productId={props.productId}
          unit={props.unit}
          onCancel={() => setDialog(null)}
          onDone={(info, qty) => done(info, t('stock.adjustedNotice', { qty: `${qty > 0 ? '+' : ''}${formatQuantity(qty)}`, unit: props.unit }))}
        />
      ) : null}
    </section>
  );
}

function useStockCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);
  const [fields, setFields] = useState<Record<string, BilingualText>>({});
  const call = async (run: () => Promise<StockInfo>, onDone: (info: StockInfo) => void) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      onDone(await run());
    } catch (e) {
      const r = refusalOf(e, (path) => (['quantity', 'costOre', 'note'].includes(path) ? path : null));
      setFields(r.fields);
      setError(r.general);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields, setFields, call };
}

function FieldError(props: { error: BilingualText | undefined; testId: string }) {
  const lang = useLanguage();
  return props.error ? (
    <div className="field-error" role="alert" data-testid={props.testId}>
      {props.error[lang]}
    </div>
  ) : null;
}

function ReceiveDialog(props: { productId: number; unit: string; onCancel: () => void; onDone: (info: StockInfo, qty: number) => void }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState('');
  const [cost, setCost] = useState('');
  const [note, setNote] = useState('');
  const c = useStockCall();
  const submit = () => {
    const quantity = parseQuantity(qty);
    const costOre = parseAmount(cost);
    const errors: Record<string, BilingualText> = {};
    if (quantity === null || quantity <= 0) errors.quantity = bilingual('order.line.invalidQuantity');
    if (costOre === null || costOre < 0) errors.costOre = bilingual('common.invalidAmount');
    if (Object.keys(errors).length || quantity === null || costOre === null) return c.setFields(errors);
    void c.call(
      () => invoke('stock.receive', { productId: props.productId, quantity, costOre, note: note.trim() || null }),
      (info) => props.onDone(info, quantity),
    );
  };
  return (
    <Dialog title={t('stock.receiveTitle')} testId="receive-dialog" busy={c.busy} submitLabel={t('stock.receive')} cancelLabel={t('common.cancel')} onCancel={props.onCancel} onSubmit={submit}>
      <Banner error={c.error} testId="receive-error" />
      <div className="form-grid cols-2">
        <div className={`field ${c.fields.quantity ? 'has-error' : ''}`}>
          <label htmlFor="receive-qty">{t('stock.quantityUnit', { unit: props.unit })}</label>
          <input id="receive-qty" className="num" inputMode="decimal" data-testid="receive-quantity" value={qty} onChange={(e) => setQty(e.target.value)} />
          <FieldError error={c.fields.quantity} testId="receive-quantity-error" />
        </div>
        <div className={`field ${c.fields.costOre ? 'has-error' : ''}`}>
          <label htmlFor="receive-cost">{t('stock.costPerUnit')}</label>
          <input id="receive-cost" className="num" inputMode="decimal" data-testid="receive-cost" value={cost} onChange={(e) => setCost(e.target.value)} />
          <FieldError error={c.fields.costOre} testId="receive-cost-error" />
        </div>
        <div className="field span-2">
          <label htmlFor="receive-note">{t('stock.note')}</label>
          <input id="receive-note" data-testid="receive-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
    </Dialog>
  );
}

function AdjustDialog(props: { productId: number; unit: string; onCancel: () => void; onDone: (info: StockInfo, qty: number) => void }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const c = useStockCall();
  const submit = () => {
    const quantity = parseQuantity(qty.replace(/^\+/, ''));
    const errors: Record<string, BilingualText> = {};
    if (quantity === null || quantity === 0) errors.quantity = bilingual('stock.adjustQuantity');
    if (!note.trim()) errors.note = bilingual('stock.reasonRequired');
    if (Object.keys(errors).length || quantity === null) return c.setFields(errors);
    void c.call(
      () => invoke('stock.adjust', { productId: props.productId, quantity, note: note.trim() }),
      (info) => props.onDone(info, quantity),
    );
  };
  return (
    <Dialog title={t('stock.adjustTitle')} testId="adjust-dialog" busy={c.busy} submitLabel={t('stock.adjust')} cancelLabel={t('common.cancel')} onCancel={props.onCancel} onSubmit={submit}>
      <p className="muted">{t('stock.adjustLead')}</p>
      <Banner error={c.error} testId="adjust-error" />
      <div className="form-grid cols-2">
        <div className={`field ${c.fields.quantity ? 'has-error' : ''}`}>
          <label htmlFor="adjust-qty">{t('stock.adjustBy', { unit: props.unit })}</label>
          <input id="adjust-qty" className="num" inputMode="decimal" data-testid="adjust-quantity" placeholder="+5 / -2" value={qty} onChange={(e) => setQty(e.target.value)} />
          <FieldError error={c.fields.quantity} testId="adjust-quantity-error" />
        </div>
        <div className={`field ${c.fields.note ? 'has-error' : ''}`}>
          <label htmlFor="adjust-note">{t('stock.reason')}</label>
          <input id="adjust-note" data-testid="adjust-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
          <FieldError error={c.fields.note} testId="adjust-note-error" />
        </div>
      </div>
    </Dialog>
  );
}

/** A batch's source in words: with its purchase order, order or credit note number when it has one. */
function BatchSource(props: { batch: StockBatch }) {
  const { t } = useTranslation();
  const b = props.batch;
  const kind = b.source === 'purchase' || b.source === 'return' || b.source === 'credit' ? b.source : null;
  if (kind && b.sourceNumber !== null) return <>{t(`lists.batchSource.${kind}` as 'lists.batchSource.purchase', { number: b.sourceNumber })}</>;
  return <>{t(`stock.sources.${b.source}` as 'stock.sources.manual', { defaultValue: b.source })}</>;
}
