// The activity log's words for files and relations (issue 12).
import { formatFileSize } from '../../../shared/files';
import type { Language } from '../../../shared/enums';

type TFunction = (key: string, options?: Record<string, unknown>) => string;
type Json = Record<string, unknown>;

export function describeFilesActivity(action: string, before: Json, after: Json, lang: Language, t: TFunction): string | null {
  const file = (v: Json) => ({ name: String(v.name ?? ''), size: formatFileSize(typeof v.sizeBytes === 'number' ? v.sizeBytes : 0, lang) });
  const other = (v: Json) => {
    const o = (typeof v.other === 'object' && v.other !== null ? v.other : {}) as Json;
    return { what: `${t(`files.relations.kinds.${String(o.kind)}`).toLowerCase()} ${String(o.number ?? '')}` };
  };
  switch (action) {
    case 'file_attached':
      return t('files.activityAttached', file(after));
    case 'file_removed':
      return t('files.activityRemoved', file(before));
    case 'relation_added':
      return t('files.relations.activityAdded', other(after));
    case 'relation_removed':
      return t('files.relations.activityRemoved', other(before));
    default:
      return null;
  }
}
