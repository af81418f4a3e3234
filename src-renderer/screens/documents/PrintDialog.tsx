// Printing an order's documents (SPEC 7): the kinds this order can have, each
// shown disabled with the engine's reason where it cannot be printed (a picking
// list of a Direct order, a packing slip before anything is delivered), the
// language, the printer, and for a waybill its parcels. The engine renders and
// archives the document (or hands back the archived copy of one already
// issued); the bytes then go to the printer or to a file.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_DOCUMENT_KINDS, documentLabel, type DocumentKind, type RenderInput } from '../../../shared/channels/documents';
import type { Order } from '../../../shared/channels/orders';
import type { Language } from '../../../shared/enums';
import { parseQuantity } from '../../../shared/format';
import { invoke } from '../../api/client';
import { canPrintDirectly } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from './outcome';
import { LanguageField, PrinterField, outputDocument, usePrinterChoice } from './printChoices';

/** Refusals that only say the kind belongs to the other side (sales / purchase): such kinds are not offered at all. */
const OTHER_SIDE = new Set(['document_purchase_only', 'document_sales_only']);
const PREFIX_KEY = 'ordrebok.gs1CompanyPrefix';

function rememberedPrefix(): string {
  try {
    return window.localStorage.getItem(PREFIX_KEY) ?? '';
  } catch {
    return '';
  }
}

export function PrintDialog(props: { order: Order; onClose: () => void; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const availability = useChannel('documents.availability', { orderId: props.order.id }, { staleTime: 0 });
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [language, setLanguage] = useState<Language>(uiLang);
  const printerChoice = usePrinterChoice();
  const [parcels, setParcels] = useState('1');
  const [weightKg, setWeightKg] = useState('');
  const [carrier, setCarrier] = useState('');
  const [prefix, setPrefix] = useState(rememberedPrefix);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);

  const kinds = ORDER_DOCUMENT_KINDS.filter((k) => {
    const reason = availability.data?.[k].reason;
    return !(reason && OTHER_SIDE.has(reason.code));
  });
  // The first kind that can be printed is chosen once the availability is known.
  useEffect(() => {
    if (kind !== null || !availability.data) return;
    setKind(kinds.find((k) => availability.data[k].available) ?? null);
  }, [availability.data, kind, kinds]);

  const request = (): RenderInput | BilingualText => {
    const base = { orderId: props.order.id, language };
    switch (kind) {
      case 'waybill': {
        const count = Number(parcels);
        if (!Number.isInteger(count) || count < 1 || count > 99) return bilingual('documents.waybill.badParcels');
        const weight = parseQuantity(weightKg); // thousandths of a kilo = grams
        if (weight === null || weight < 1) return bilingual('documents.waybill.badWeight');
        if (!/^\d{7,10}$/.test(prefix.trim())) return bilingual('documents.waybill.badPrefix');
        const perParcel = Math.max(1, Math.round(weight / count));
        return {
          kind,
          ...base,
          waybill: {
            companyPrefix: prefix.trim(),
            parcels: Array.from({ length: count }, () => ({ weightGrams: perParcel })),
            ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
          },
        };
      }
      case 'quote':
      case 'order_confirmation':
      case 'picking_list':
      case 'packing_slip':
      case 'purchase_order':
        return { kind, ...base };
      default:
        return bilingual('documents.chooseKind');
    }
  };

  const issue = async (then: 'print' | 'save') => {
    const req = request();
    if (!('kind' in req)) return setError(req);
    setError(null);
    setBusy(true);
    try {
      const rendered = await invoke('documents.render', req);
      if (req.kind === 'waybill') {
        try {
          window.localStorage.setItem(PREFIX_KEY, req.waybill.companyPrefix);
        } catch {
          // Only a convenience: the prefix is asked for again next time.
        }
      }
      void invalidate('documents.list', 'activity.list', 'documents.availability');
      const outcome = await outputDocument(rendered, then, printerChoice.printer, language);
      const notice = outcomeNotice(t, outcome, rendered.document, rendered.reprint, uiLang);
      if (notice?.error) setError(notice.error);
      else if (notice) props.onDone(notice.text);
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  const direct = canPrintDirectly();
  return (
    <Dialog
      title={t('documents.printTitle', { number: props.order.number })}
      testId="print-dialog"
      wide
      busy={busy || kind === null}
      submitLabel={direct ? t('documents.print') : t('documents.open')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onClose}
      onSubmit={() => void issue('print')}
      extraButtons={
        <button type="button" data-testid="print-save" disabled={busy || kind === null} onClick={() => void issue('save')}>
          {t('documents.savePdf')}
        </button>
      }
    >
      <Banner error={error} testId="print-error" />
      {availability.isError ? <Banner error={refusalOf(availability.error, () => null).general} /> : null}
      <fieldset className="plain print-kinds" data-testid="print-kinds">
        <legend className="muted small">{t('documents.kind')}</legend>
        {kinds.map((k, i) => {
          const a = availability.data?.[k];
          return (
            <label key={k} className={`print-kind ${a && !a.available ? 'unavailable' : ''}`}>
              <input
                type="radio"
                name="print-kind"
                value={k}
                checked={kind === k}
                disabled={!a?.available}
                data-autofocus={kind === k || (kind === null && i === 0) ? true : undefined}
                data-testid={`print-kind-${k}`}
                onChange={() => setKind(k)}
              />
              <span className="strong">{documentLabel(k, uiLang)}</span>
              {a?.reason ? (
                <span className="muted small reason" data-testid={`print-kind-${k}-reason`}>
                  {a.reason[uiLang]}
                </span>
              ) : null}
            </label>
          );
        })}
      </fieldset>
      {kind === 'waybill' ? (
        <div className="form-grid cols-4" data-testid="waybill-fields">
          <div className="field">
            <label htmlFor="waybill-parcels">{t('documents.waybill.parcels')}</label>
            <input id="waybill-parcels" inputMode="numeric" data-testid="waybill-parcels" value={parcels} onChange={(e) => setParcels(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="waybill-weight">{t('documents.waybill.weightKg')}</label>
            <input id="waybill-weight" inputMode="decimal" data-testid="waybill-weight" value={weightKg} onChange={(e) => setWeightKg(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="waybill-carrier">{t('documents.waybill.carrier')}</label>
            <input id="waybill-carrier" maxLength={100} data-testid="waybill-carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="waybill-prefix">{t('documents.waybill.prefix')}</label>
            <input id="waybill-prefix" inputMode="numeric" maxLength={10} data-testid="waybill-prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} />
          </div>
        </div>
      ) : null}
      <div className="form-grid cols-4">
        <LanguageField id="print-language" value={language} onChange={setLanguage} />
        {direct ? (
          <PrinterField id="print-printer" choice={printerChoice} span={2} />
        ) : (
          <p className="muted small span-3" data-testid="print-browser-hint">
            {t('documents.browserHint')}
          </p>
        )}
      </div>
      <p className="muted small">{t('documents.archivedHint')}</p>
    </Dialog>
  );
}
