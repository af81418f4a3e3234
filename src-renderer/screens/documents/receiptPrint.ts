// A cash sale's receipt, printed from the dialog that ends the sale: the engine
// issues it (in the customer's language) and archives it, or hands back the
// archived copy when it was printed before.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { printPdf } from '../../api/pdf';
import { invalidate } from '../../api/queries';
import { refusalOf } from '../../components/refusal';
import { useLanguage, type BilingualText } from '../../i18n';
import { outcomeNotice } from './outcome';

export function useReceiptPrint(invoiceId: number) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      const rendered = await invoke('documents.render', { kind: 'cash_receipt', invoiceId });
      void invalidate('documents.list', 'activity.list');
      const result = outcomeNotice(t, await printPdf(rendered.pdfBase64, null), rendered.document, rendered.reprint, lang);
      if (result?.error) setError(result.error);
      else setNotice(result?.text ?? null);
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };
  return { print, busy, error, notice };
}
