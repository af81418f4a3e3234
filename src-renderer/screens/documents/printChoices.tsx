// What every print dialog asks (the document's language and, in the desktop
// app, the printer) and what it does with the PDF the engine issued: the
// printer or the browser's viewer, or a file named after the document.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSummary } from '../../../shared/bridge';
import { documentLabel, type RenderedDocument } from '../../../shared/channels/documents';
import type { Language } from '../../../shared/enums';
import { canPrintDirectly, listPrinters, printPdf, savePdf, type PdfOutcome } from '../../api/pdf';

export interface PrinterChoice {
  readonly printers: readonly PrinterSummary[];
  readonly printer: string;
  readonly setPrinter: (name: string) => void;
}

/** The system's printers (Electron), the default one chosen; none in a browser. */
export function usePrinterChoice(): PrinterChoice {
  const [printers, setPrinters] = useState<readonly PrinterSummary[]>([]);
  const [printer, setPrinter] = useState('');
  useEffect(() => {
    if (!canPrintDirectly()) return;
    void listPrinters().then((list) => {
      setPrinters(list);
      setPrinter(list.find((p) => p.isDefault)?.name ?? list[0]?.name ?? '');
    });
  }, []);
  return { printers, printer, setPrinter };
}

export function LanguageField(props: { id: string; value: Language; onChange: (l: Language) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('documents.language')}</label>
      <select id={props.id} data-testid={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value === 'en' ? 'en' : 'nb')}>
        <option value="nb">{t('documents.languages.nb')}</option>
        <option value="en">{t('documents.languages.en')}</option>
      </select>
    </div>
  );
}

/** The printer list (desktop app only; the caller decides what a browser shows instead). */
export function PrinterField(props: { id: string; choice: PrinterChoice; span?: number }) {
  const { t } = useTranslation();
  const { printers, printer, setPrinter } = props.choice;
  return (
    <div className={`field ${props.span ? `span-${props.span}` : ''}`}>
      <label htmlFor={props.id}>{t('documents.printer')}</label>
      <select id={props.id} data-testid={props.id} value={printer} onChange={(e) => setPrinter(e.target.value)}>
        {printers.length === 0 ? <option value="">{t('documents.defaultPrinter')}</option> : null}
        {printers.map((p) => (
          <option key={p.name} value={p.name}>
            {p.displayName}
            {p.isDefault ? ` (${t('documents.default')})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The issued PDF to the chosen printer (or the browser's viewer), or saved as «<document> <number>.pdf». */
export function outputDocument(rendered: RenderedDocument, then: 'print' | 'save', printer: string, language: Language): Promise<PdfOutcome> {
  if (then === 'print') return printPdf(rendered.pdfBase64, printer || null);
  return savePdf(rendered.pdfBase64, `${documentLabel(rendered.document.kind, language)} ${rendered.document.number}.pdf`);
}
