// What the clerk is told after a document went to the printer, a file or the
// browser's viewer: which document, its number, and whether it was a new issue
// or the archived copy of one issued before.
import type { TFunction } from 'i18next';
import { documentLabel, type ArchivedDocument } from '../../../shared/channels/documents';
import type { Language } from '../../../shared/enums';
import type { PdfOutcome } from '../../api/pdf';
import { bilingual, type BilingualText } from '../../i18n';

export function outcomeNotice(
  t: TFunction,
  outcome: PdfOutcome,
  doc: ArchivedDocument,
  reprint: boolean,
  lang: Language,
): { text: string; error: BilingualText | null } | null {
  if (!outcome.ok) {
    if (outcome.blocked) return { text: '', error: bilingual('documents.popupBlocked') };
    // No error: the clerk closed the save dialog, which needs no answer.
    return outcome.error ? { text: '', error: outcome.error.message } : null;
  }
  const document = documentLabel(doc.kind, lang);
  const what = t(`documents.done.${outcome.how}`, { document, number: doc.number });
  return { text: reprint ? `${what} ${t('documents.done.archivedCopy')}` : `${what} ${t('documents.done.archived')}`, error: null };
}
