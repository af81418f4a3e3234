// Goods received (option "order reception"), per line and in parts. A barcode
// scanner types the EAN and Enter into the scan field: each scan adds one to
// the line whose product has that EAN (the first that still has something to
// receive). Quantities can also be typed, or Alt+A fills in all that is left.
// Enter in the empty scan field registers the reception.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseLine, PurchaseOrder } from '../../../shared/channels/purchasing';
import { formatAmount, formatQuantity, parseQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { NO_DIALOG_REFUSAL, type DialogRefusal } from '../orders/ProcessDialogs';
import { LineError, qtyText } from './dialogParts';

/** The agreed cost of one unit after the line discount: what the receipt books. */
const unitCost = (l: PurchaseLine) => Math.round((l.agreedPriceOre * (10_000 - l.discountBp)) / 10_000);

export function ReceptionDialog(props: {
  po: PurchaseOrder;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: { lineId: number; quantity: number }[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const open = props.po.lines.filter((l) => l.canReceive > 0);
  const [qty, setQty] = useState<Record<number, string>>({});
  const [code, setCode] = useState('');
  const [scanMessage, setScanMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [lastScanned, setLastScanned] = useState<number | null>(null);
  const [local, setLocal] = useState<DialogRefusal>(NO_DIALOG_REFUSAL);
  const qtyRef = useRef(qty);
  qtyRef.current = qty;
  const shown = local.general || Object.keys(local.lines).length ? local : props.refusal;

  const counted = (id: number): number => {
    const text = (qtyRef.current[id] ?? '').trim();
    return text ? (parseQuantity(text) ?? 0) : 0;
  };
  const say = (text: BilingualText | string, error: boolean) => setScanMessage({ text: typeof text === 'string' ? text : text[lang], error });

  const add = (l: PurchaseLine) => {
    const next = counted(l.id) + 1000;
    if (next > l.canReceive) {
      say(bilingual('purchasing.receive.scanTooMany', { line: l.lineNo, product: l.productNumber, left: formatQuantity(l.canReceive) }), true);
      return;
    }
    qtyRef.current = { ...qtyRef.current, [l.id]: qtyText(next) };
    setQty(qtyRef.current);
    setLastScanned(l.id);
    say(t('purchasing.receive.scanned', { line: l.lineNo, product: l.productNumber, count: formatQuantity(next), of: formatQuantity(l.canReceive) }), false);
  };

  const scan = async (ean: string) => {
    const matches = open.filter((l) => l.ean === ean);
    const local = matches.find((l) => counted(l.id) < l.canReceive) ?? matches[0];
    if (local) return add(local);
    // Not on a line that can be received here: the engine says why (not on the order, or nothing left).
    try {
      const found = await invoke('purchase.lineByEan', { id: props.po.id, ean });
      const line = open.find((l) => l.id === found.id);
      if (line) add(line);
      else say(bilingual('purchasing.receive.scanNothingLeft', { line: found.lineNo, product: found.productNumber }), true);
    } catch (error) {
      say(refusalOf(error, () => null).general ?? bilingual('common.invalidNumber'), true);
    }
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    const value = code.trim();
    // An empty scan field: Enter registers the reception, as in every dialog.
    if (!value) return;
    e.preventDefault();
    setCode('');
    void scan(value);
  };

  const fillAll = () => {
    qtyRef.current = Object.fromEntries(open.map((l) => [l.id, qtyText(l.canReceive)]));
    setQty(qtyRef.current);
    setScanMessage(null);
  };

  const submit = () => {
    const errors: Record<number, BilingualText> = {};
    const lines: { lineId: number; quantity: number }[] = [];
    for (const l of open) {
      const text = (qty[l.id] ?? '').trim();
      const q = text ? parseQuantity(text) : 0;
      if (q === null || q < 0) errors[l.id] = bilingual('common.invalidNumber');
      else if (q > l.canReceive) errors[l.id] = bilingual('purchasing.receive.tooMuch', { left: formatQuantity(l.canReceive) });
      else if (q > 0) lines.push({ lineId: l.id, quantity: q });
    }
    if (Object.keys(errors).length) return setLocal({ general: null, lines: errors });
    if (lines.length === 0) return setLocal({ general: bilingual('purchasing.receive.nothing'), lines: {} });
    setLocal(NO_DIALOG_REFUSAL);
    props.onSubmit(lines);
  };

  return (
    <Dialog
      title={t('purchasing.receive.title', { number: props.po.number })}
      testId="reception-dialog"
      wide
      busy={props.busy}
      submitLabel={t('purchasing.receive.submit')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onCancel}
      onSubmit={submit}
      extraButtons={
        <button type="button" data-testid="reception-fill" onClick={fillAll}>
          {t('purchasing.receive.fillAll')} <Shortcut keys="Alt+A" />
        </button>
      }
    >
      <div
        className="dialog-body"
        onKeyDown={(e) => {
          if (e.altKey && e.code === 'KeyA') {
            e.preventDefault();
            fillAll();
          }
        }}
      >
        <p className="muted">{t('purchasing.receive.lead')}</p>
        <div className="scan-row">
          <label htmlFor="reception-scan">{t('purchasing.receive.scan')}</label>
          <input
            id="reception-scan"
            className="scan-input"
            data-testid="reception-scan"
            data-autofocus
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('purchasing.receive.scanPlaceholder')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={onScanKey}
          />
          <span className={scanMessage?.error ? 'scan-message error' : 'scan-message'} role="status" data-testid="reception-scan-message">
            {scanMessage?.text ?? ''}
          </span>
        </div>
        <Banner error={shown.general} testId="reception-error" />
        <table className="dialog-grid">
          <thead>
            <tr>
              <th className="num">{t('order.line.no')}</th>
              <th>{t('order.line.product')}</th>
              <th>{t('order.line.description')}</th>
              <th>{t('products.ean')}</th>
              <th className="num">{t('purchasing.line.expected')}</th>
              <th className="num">{t('purchasing.line.received')}</th>
              <th className="num">{t('purchasing.receive.canReceive')}</th>
              <th className="num">{t('purchasing.receive.cost')}</th>
              <th className="num">{t('purchasing.receive.now')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((l, i) => [
              <tr key={l.id} data-testid={`reception-line-${i}`} className={lastScanned === l.id ? 'scanned' : ''}>
                <td className="num muted">{l.lineNo}</td>
                <td>{l.productNumber}</td>
                <td className="text">{l.description}</td>
                <td className="muted">{l.ean ?? ''}</td>
                <td className="num">{formatQuantity(l.qtyExpected)}</td>
                <td className="num">{formatQuantity(l.qtyReceived)}</td>
                <td className="num">{formatQuantity(l.canReceive)}</td>
                <td className="num">{formatAmount(unitCost(l))}</td>
                <td>
                  <input
                    className={`num qty-input ${shown.lines[l.id] ? 'invalid' : ''}`}
                    inputMode="decimal"
                    aria-label={`${t('purchasing.receive.now')} ${l.lineNo}`}
                    data-testid={`reception-qty-${i}`}
                    value={qty[l.id] ?? ''}
                    placeholder="0"
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => {
                      qtyRef.current = { ...qtyRef.current, [l.id]: e.target.value };
                      setQty(qtyRef.current);
                    }}
                  />
                </td>
              </tr>,
              <LineError key={`${l.id}-e`} error={shown.lines[l.id]} colSpan={9} testId={`reception-line-${i}-error`} />,
            ])}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
