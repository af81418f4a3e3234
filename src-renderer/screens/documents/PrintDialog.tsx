// Printing an order's documents (SPEC 7): the kinds this order can have, each
// shown disabled with the engine's reason where it cannot be printed (a picking
// list of a draft, a packing slip before anything is delivered), its invoices
// and a cash sale's receipt among them, the language (the customer's unless the
// clerk picks another), the printer, and for a waybill its parcels. Focus
// starts on the kinds, so the arrow keys choose a document, never a language.
// The engine renders and archives the document (or hands back the archived
// copy of one already issued); the bytes then go to the printer or to a file.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INVOICE_DOCUMENT_KINDS,
  ORDER_DOCUMENT_KINDS,
  documentLabel,
  type DocumentKind,
  type RenderInput,
} from '../../../shared/channels/documents';
import type { Order } from '../../../shared/channels/orders';
import type { Language } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { canPrintDirectly } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { focusField, refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from './outcome';
import { LanguageField, PrinterField, outputDocument, usePrinterChoice } from './printChoices';
import { MAX_PARCELS, WaybillFields, badWeight, parcelField, parcelGrams } from './WaybillFields';

/**
 * Refusals that only say the kind belongs to another side or another name (a
 * purchase order on a sale, an invoice of a cash sale, which prints as its
 * receipt): such kinds are not offered at all.
 */
const NOT_OFFERED = new Set(['document_purchase_only', 'document_sales_only', 'document_use_receipt', 'document_cash_only']);
const KINDS: readonly DocumentKind[] = [...ORDER_DOCUMENT_KINDS, ...INVOICE_DOCUMENT_KINDS];

export function PrintDialog(props: { order: Order; onClose: () => void; onDone: (notice: string) => void; initialKind?: DocumentKind }) {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const availability = useChannel('documents.availability', { orderId: props.order.id }, { staleTime: 0 });
  const defaults = useChannel('documents.printDefaults', { orderId: props.order.id }, { staleTime: 0 });
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [language, setLanguage] = useState<Language | null>(null);
  const [invoiceId, setInvoiceId] = useState<number | null>(null);
  const printerChoice = usePrinterChoice();
  const [parcels, setParcels] = useState<string[]>(['']);
  const [carrier, setCarrier] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, BilingualText>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);
  const kindsRef = useRef<HTMLFieldSetElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  const kinds = KINDS.filter((k) => {
    const reason = availability.data?.[k].reason;
    return !(reason && NOT_OFFERED.has(reason.code));
  });
  const invoicesOf = (k: DocumentKind | null) => (defaults.data?.invoices ?? []).filter((i) => i.kind === k);

  // Once the engine has answered: the first kind that can be printed (or the one asked for) is
  // chosen and focused, so ↑/↓ move among the documents; the language is the customer's.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !availability.data || !defaults.data) return;
    started.current = true;
    const wanted = props.initialKind && availability.data[props.initialKind].available ? props.initialKind : null;
    const first = wanted ?? kinds.find((k) => availability.data[k].available) ?? null;
    setKind(first);
    setInvoiceId(defaults.data.invoices.find((i) => i.kind === first)?.id ?? null);
    setLanguage((l) => l ?? defaults.data.language);
    setCarrier((c) => c ?? defaults.data.carrier ?? '');
    const radio = kindsRef.current?.querySelector<HTMLInputElement>(`input[value="${first ?? kinds[0]}"]`);
    // After React has enabled the radio.
    requestAnimationFrame(() => radio?.focus());
  }, [availability.data, defaults.data, kinds, props.initialKind]);

  const choose = (k: DocumentKind) => {
    setKind(k);
    setInvoiceId(invoicesOf(k)[0]?.id ?? null);
  };

  const chosenLanguage: Language = language ?? defaults.data?.language ?? uiLang;

  /** The request, or why not: a message for the banner, or null when the fields show it. */
  const request = (): RenderInput | BilingualText | null => {
    switch (kind) {
      case 'waybill': {
        const errors: Record<string, BilingualText> = {};
        const weights = parcels.map((p, i) => {
          const g = parcelGrams(p);
          if (g === null) errors[parcelField(i)] = badWeight(i);
          return g ?? 0;
        });
        if (Object.keys(errors).length) {
          setFieldErrors(errors);
          focusField(bodyRef.current, Object.keys(errors)[0]);
          return null;
        }
        if (parcels.length > MAX_PARCELS) return bilingual('printing.waybill.tooMany');
        return {
          kind,
          orderId: props.order.id,
          language: chosenLanguage,
          waybill: {
            parcels: weights.map((weightGrams) => ({ weightGrams })),
            // What the clerk sees is what is printed: the company's carrier, or the one typed for this shipment.
            carrier: (carrier ?? '').trim() || null,
          },
        };
      }
      case 'quote':
      case 'order_confirmation':
      case 'picking_list':
      case 'packing_slip':
      case 'purchase_order':
        return { kind, orderId: props.order.id, language: chosenLanguage };
      case 'invoice':
      case 'credit_note':
      case 'cash_receipt':
        if (invoiceId === null) return bilingual('documents.chooseKind');
        return { kind, invoiceId, language: chosenLanguage };
      default:
        return bilingual('documents.chooseKind');
    }
  };

  const issue = async (then: 'print' | 'save') => {
    const req = request();
    if (req === null) return setError(null);
    if (!('kind' in req)) return setError(req);
    setError(null);
    setBusy(true);
    try {
      const rendered = await invoke('documents.render', req);
      void invalidate('documents.list', 'activity.list', 'documents.availability');
      const outcome = await outputDocument(rendered, then, printerChoice.printer, chosenLanguage);
      const notice = outcomeNotice(t, outcome, rendered.document, rendered.reprint, uiLang);
      if (notice?.error) setError(notice.error);
      else if (notice) props.onDone(notice.text);
    } catch (e) {
      // A parcel's weight refused by the engine is shown at that parcel's field.
      const r = refusalOf(e, (path) => (/^waybill\.parcels\.\d+\.weightGrams$/.test(path) ? path : null));
      if (Object.keys(r.fields).length) {
        setFieldErrors(r.fields);
        focusField(bodyRef.current, Object.keys(r.fields)[0]);
      }
      setError(r.general);
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
      <div ref={bodyRef}>
        <Banner error={error} testId="print-error" />
        {availability.isError ? <Banner error={refusalOf(availability.error, () => null).general} /> : null}
        <fieldset ref={kindsRef} className="plain print-kinds" data-testid="print-kinds">
          <legend className="muted small">{t('documents.kind')}</legend>
          {kinds.map((k, i) => {
            const a = availability.data?.[k];
            const invoices = invoicesOf(k);
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
                  onChange={() => choose(k)}
                />
                <span className="strong">{documentLabel(k, uiLang)}</span>
                {a?.available && invoices.length === 1 ? (
                  <span className="muted small" data-testid={`print-kind-${k}-number`}>
                    {t('printing.invoiceNumber')} {invoices[0]!.number}
                  </span>
                ) : null}
                {a?.available && invoices.length > 1 && kind === k ? (
                  <select
                    className="print-invoice"
                    data-testid={`print-kind-${k}-invoice`}
                    aria-label={documentLabel(k, uiLang)}
                    value={invoiceId ?? ''}
                    onChange={(e) => setInvoiceId(Number(e.target.value))}
                  >
                    {invoices.map((inv) => (
                      <option key={inv.id} value={inv.id}>
                        {t('printing.invoiceNumber')} {inv.number}
                      </option>
                    ))}
                  </select>
                ) : null}
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
          <WaybillFields
            parcels={parcels}
            onParcels={setParcels}
            errors={fieldErrors}
            onError={(field, e) =>
              setFieldErrors((old) => {
                const { [field]: _gone, ...rest } = old;
                return e ? { ...rest, [field]: e } : rest;
              })
            }
            carrier={carrier ?? ''}
            onCarrier={setCarrier}
            prefix={defaults.data?.gs1CompanyPrefix ?? null}
          />
        ) : null}
        <div className="form-grid cols-4">
          <div className="span-1">
            <LanguageField id="print-language" value={chosenLanguage} onChange={setLanguage} />
            {defaults.data ? (
              <div className="field-hint" data-testid="print-language-customer">
                {t('printing.customersLanguage', { language: t(`documents.languages.${defaults.data.language}`) })}
              </div>
            ) : null}
          </div>
          {direct ? (
            <PrinterField id="print-printer" choice={printerChoice} span={2} />
          ) : (
            <p className="muted small span-3" data-testid="print-browser-hint">
              {t('documents.browserHint')}
            </p>
          )}
        </div>
        <p className="muted small">{t('documents.archivedHint')}</p>
      </div>
    </Dialog>
  );
}
