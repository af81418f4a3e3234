// Goods received (option "order reception"), per line and in parts. A barcode
// scanner types the EAN and Enter into the scan field: each scan adds one to
// the line whose product has that EAN (the first that still has something to
// receive). Quantities can also be typed, or Alt+A fills in all that is left.
// Enter in the empty scan field registers the reception.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseLine, PurchaseOrder } from '../../../shared/channels/purchasing';
import { formatAmount, formatQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { LineTable, type DialogRefusal } from '../../components/dialogRefusal';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { QuantityInput, qtyText, useLineQuantities, type LineQuantity } from '../../components/useLineQuantities';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';

/** The agreed cost of one unit after the line discount: what the receipt books. */
const unitCost = (l: PurchaseLine) => Math.round((l.agreedPriceOre * (10_000 - l.discountBp)) / 10_000);

export function ReceptionDialog(props: {
  po: PurchaseOrder;
  busy: boolean;
  refusal: DialogRefusal;
  onCancel: () => void;
  onSubmit: (lines: LineQuantity[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const open = props.po.lines.filter((l) => l.canReceive > 0);
  const quantities = useLineQuantities(open, () => '', props.refusal);
  const shown = quantities.shown;
  const [code, setCode] = useState('');
  const [scanMessage, setScanMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [lastScanned, setLastScanned] = useState<number | null>(null);

  const counted = (id: number): number => quantities.valueOf(id) ?? 0;
  const say = (text: BilingualText | string, error: boolean) => setScanMessage({ text: typeof text === 'string' ? text : text[lang], error });

  const add = (l: PurchaseLine) => {
    const next = counted(l.id) + 1000;
    if (next > l.canReceive) {
      say(bilingual('purchasing.receive.scanTooMany', { line: l.lineNo, product: l.productNumber, left: formatQuantity(l.canReceive) }), true);
      return;
    }
    quantities.setLine(l.id, qtyText(next));
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
    quantities.setAll(Object.fromEntries(open.map((l) => [l.id, qtyText(l.canReceive)])));
    setScanMessage(null);
  };

  const submit = () => {
    const lines = quantities.take(
      (l) => l.canReceive,
      (l) => bilingual('purchasing.receive.tooMuch', { left: formatQuantity(l.canReceive) }),
      bilingual('purchasing.receive.nothing'),
    );
    if (lines) props.onSubmit(lines);
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
        <LineTable
          lines={open}
          head={
            <>
              <th>{t('products.ean')}</th>
              <th className="num">{t('purchasing.line.expected')}</th>
              <th className="num">{t('purchasing.line.received')}</th>
              <th className="num">{t('purchasing.receive.canReceive')}</th>
              <th className="num">{t('purchasing.receive.cost')}</th>
              <th className="num">{t('purchasing.receive.now')}</th>
            </>
          }
          cells={(l, i) => (
            <>
              <td className="muted">{l.ean ?? ''}</td>
              <td className="num">{formatQuantity(l.qtyExpected)}</td>
              <td className="num">{formatQuantity(l.qtyReceived)}</td>
              <td className="num">{formatQuantity(l.canReceive)}</td>
              <td className="num">{formatAmount(unitCost(l))}</td>
              <td>
                <QuantityInput quantities={quantities} line={l} label={t('purchasing.receive.now')} testId={`reception-qty-${i}`} placeholder="0" />
              </td>
            </>
          )}
          rowProps={(l, i) => ({ 'data-testid': `reception-line-${i}`, className: lastScanned === l.id ? 'scanned' : '' })}
          errors={shown.lines}
          errorTestId="reception-line"
          colSpan={9}
        />
      </div>
    </Dialog>
  );
}
