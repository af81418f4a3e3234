// "Skriv ut innkjøpsordre": the engine renders and archives the purchase order
// (or hands back the archived copy when nothing changed), then the PDF goes to
// the printer (Electron) or the browser's viewer, or is saved as a file. Where
// it cannot be printed (an inquiry, a cancelled order), the engine's reason is shown.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSummary } from '../../../shared/bridge';
import { documentLabel } from '../../../shared/channels/documents';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import type { Language } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { canPrintDirectly, listPrinters, printPdf, savePdf } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from '../documents/outcome';

export function PurchasePrintDialog(props: { po: PurchaseOrder; onClose: () => void; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const availability = useChannel('documents.availability', { orderId: props.po.id }, { staleTime: 0 });
  const [language, setLanguage] = useState<Language>(uiLang);
  const [printers, setPrinters] = useState<readonly PrinterSummary[]>([]);
  const [printer, setPrinter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);

  useEffect(() => {
    if (!canPrintDirectly()) return;
    void listPrinters().then((list) => {
      setPrinters(list);
      setPrinter(list.find((p) => p.isDefault)?.name ?? list[0]?.name ?? '');
    });
  }, []);

  const state = availability.data?.purchase_order;
  const reason: BilingualText | null = state && !state.available && state.reason ? { nb: state.reason.nb, en: state.reason.en } : null;

  const issue = async (then: 'print' | 'save') => {
    setError(null);
    setBusy(true);
    try {
      const rendered = await invoke('documents.render', { kind: 'purchase_order', orderId: props.po.id, language });
      void invalidate('documents.list', 'activity.list', 'documents.availability');
      const label = documentLabel('purchase_order', language);
      const outcome =
        then === 'print' ? await printPdf(rendered.pdfBase64, printer || null) : await savePdf(rendered.pdfBase64, `${label} ${rendered.document.number}.pdf`);
      const notice = outcomeNotice(t, outcome, rendered.document, rendered.reprint, uiLang);
      if (notice?.error) setError(notice.error);
      else if (notice) props.onDone(notice.text);
      else props.onClose();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('purchasing.print.title', { number: props.po.number })}
      testId="purchase-print-dialog"
      busy={busy || !availability.data}
      submitLabel={canPrintDirectly() ? t('purchasing.print.print') : t('purchasing.print.open')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onClose}
      onSubmit={() => (reason ? undefined : void issue('print'))}
      extraButtons={
        <button type="button" data-testid="purchase-print-save" disabled={busy || Boolean(reason)} onClick={() => void issue('save')}>
          {t('purchasing.print.save')}
        </button>
      }
    >
      <Banner error={error ?? reason} testId="purchase-print-error" />
      <div className="form-grid cols-2">
        <div className="field">
          <label htmlFor="po-print-language">{t('documents.language')}</label>
          <select id="po-print-language" data-testid="purchase-print-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="nb">{t('documents.languages.nb')}</option>
            <option value="en">{t('documents.languages.en')}</option>
          </select>
        </div>
        {printers.length > 0 ? (
          <div className="field">
            <label htmlFor="po-print-printer">{t('documents.printer')}</label>
            <select id="po-print-printer" value={printer} onChange={(e) => setPrinter(e.target.value)}>
              {printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="muted small">
        <Shortcut keys="Enter" label={canPrintDirectly() ? t('purchasing.print.print') : t('purchasing.print.open')} />
      </p>
    </Dialog>
  );
}
