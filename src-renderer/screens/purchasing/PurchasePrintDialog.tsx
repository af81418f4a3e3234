// "Skriv ut innkjøpsordre": the engine renders and archives the purchase order
// (or hands back the archived copy when nothing changed), then the PDF goes to
// the printer (Electron) or the browser's viewer, or is saved as a file. Where
// it cannot be printed (an inquiry, a cancelled order), the engine's reason is shown.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../shared/channels/purchasing';
import type { Language } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { canPrintDirectly } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from '../documents/outcome';
import { LanguageField, PrinterField, outputDocument, usePrinterChoice } from '../documents/printChoices';

export function PurchasePrintDialog(props: { po: PurchaseOrder; onClose: () => void; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const availability = useChannel('documents.availability', { orderId: props.po.id }, { staleTime: 0 });
  const [language, setLanguage] = useState<Language>(uiLang);
  const printerChoice = usePrinterChoice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);

  const state = availability.data?.purchase_order;
  const reason: BilingualText | null = state && !state.available && state.reason ? { nb: state.reason.nb, en: state.reason.en } : null;

  const issue = async (then: 'print' | 'save') => {
    setError(null);
    setBusy(true);
    try {
      const rendered = await invoke('documents.render', { kind: 'purchase_order', orderId: props.po.id, language });
      void invalidate('documents.list', 'activity.list', 'documents.availability');
      const outcome = await outputDocument(rendered, then, printerChoice.printer, language);
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
        <LanguageField id="purchase-print-language" value={language} onChange={setLanguage} />
        {canPrintDirectly() ? <PrinterField id="purchase-print-printer" choice={printerChoice} /> : null}
      </div>
      <p className="muted small">
        <Shortcut keys="Enter" label={canPrintDirectly() ? t('purchasing.print.print') : t('purchasing.print.open')} />
      </p>
    </Dialog>
  );
}
