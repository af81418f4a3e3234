// What a notification says, in nb and en (issue 12): "Ordre 10023: status
// Bekreftet → Plukkliste", "Ordre 10023: Kari la til en kommentar: «…»". Pure:
// the service looks up the names and numbers an entry refers to.
import { DOCUMENT_KINDS } from '../../../shared/channels/documents';
import { formatDate } from '../../../shared/format';

export interface Texts {
  readonly nb: string;
  readonly en: string;
}

/** What an activity entry is about, with the names it mentions already looked up. */
export interface EntryFacts {
  readonly action: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly actorName: string | null;
  /** The status labels of before.statusId and after.statusId, for a status move. */
  readonly statusFrom: Texts | null;
  readonly statusTo: Texts | null;
  /** The number of the invoice the entry was logged on, if it was. */
  readonly invoiceNumber: number | null;
}

export interface Subject {
  readonly kind: 'order' | 'purchase' | 'project';
  readonly number: number;
}

export function subjectLabel(s: Subject): Texts {
  switch (s.kind) {
    case 'order':
      return { nb: `Ordre ${s.number}`, en: `Order ${s.number}` };
    case 'purchase':
      return { nb: `Innkjøpsordre ${s.number}`, en: `Purchase order ${s.number}` };
    case 'project':
      return { nb: `Prosjekt ${s.number}`, en: `Project ${s.number}` };
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
/** "faktura 123", or just "faktura" when the number is not known. */
const numbered = (word: string, n: number | null): string => (n === null ? word : `${word} ${n}`);
/** A long text shortened for a one-line notification. */
export const excerpt = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

function documentTexts(after: Record<string, unknown> | null, reprint: boolean): Texts {
  const kind = DOCUMENT_KINDS.find((k) => k.key === after?.kind);
  const n = num(after?.number);
  const name = { nb: kind?.nb ?? 'Dokument', en: kind?.en ?? 'Document' };
  const suffix = n === null ? '' : ` ${n}`;
  return reprint
    ? { nb: `${name.nb}${suffix} skrevet ut på nytt`, en: `${name.en}${suffix} reprinted` }
    : { nb: `${name.nb}${suffix} skrevet ut`, en: `${name.en}${suffix} printed` };
}

function taskTexts(f: EntryFacts): Texts {
  const title = excerpt(str(f.after?.title) ?? '', 60);
  const assignee = str(f.after?.assigneeName);
  switch (f.action) {
    case 'task_added':
      return assignee
        ? { nb: `oppgave «${title}» lagt til for ${assignee}`, en: `task “${title}” added for ${assignee}` }
        : { nb: `oppgave «${title}» lagt til`, en: `task “${title}” added` };
    case 'task_done':
      return { nb: `oppgave «${title}» fullført`, en: `task “${title}” done` };
    case 'task_reopened':
      return { nb: `oppgave «${title}» åpnet igjen`, en: `task “${title}” reopened` };
    default:
      return assignee
        ? { nb: `oppgave «${title}» endret (ansvarlig: ${assignee})`, en: `task “${title}” changed (assignee: ${assignee})` }
        : { nb: `oppgave «${title}» endret`, en: `task “${title}” changed` };
  }
}

/** What happened, without the subject ("status Bekreftet → Plukkliste"). */
export function describeEntry(f: EntryFacts): Texts {
  const who = { nb: f.actorName ?? 'Noen', en: f.actorName ?? 'Someone' };
  const inv = f.invoiceNumber ?? num(f.after?.number);
  switch (f.action) {
    case 'create':
      return { nb: 'opprettet', en: 'created' };
    case 'status':
      if (f.statusFrom && f.statusTo) {
        return { nb: `status ${f.statusFrom.nb} → ${f.statusTo.nb}`, en: `status ${f.statusFrom.en} → ${f.statusTo.en}` };
      }
      return { nb: 'status endret', en: 'status changed' };
    case 'update_header':
      return { nb: 'ordrehodet endret', en: 'header changed' };
    case 'save':
    case 'update':
      return { nb: 'endret', en: 'changed' };
    case 'add_line':
      return { nb: 'linje lagt til', en: 'line added' };
    case 'update_line':
      return { nb: 'linje endret', en: 'line changed' };
    case 'remove_line':
      return { nb: 'linje fjernet', en: 'line removed' };
    case 'move_line':
      return { nb: 'linjer flyttet', en: 'lines reordered' };
    case 'change_type':
      return { nb: 'ordretype endret', en: 'order type changed' };
    case 'deliver':
      return { nb: 'levering registrert', en: 'delivery registered' };
    case 'invoice': {
      const n = num(f.after?.invoiceNumber);
      return n === null ? { nb: 'fakturert', en: 'invoiced' } : { nb: `fakturert (faktura ${n})`, en: `invoiced (invoice ${n})` };
    }
    case 'issue':
      return { nb: `${numbered('faktura', inv)} laget`, en: `${numbered('invoice', inv)} issued` };
    case 'payment':
      return { nb: `betaling registrert på ${numbered('faktura', inv)}`, en: `payment registered on ${numbered('invoice', inv)}` };
    case 'use_credit':
      return { nb: `kreditt brukt på ${numbered('faktura', inv)}`, en: `credit applied to ${numbered('invoice', inv)}` };
    case 'void':
    case 'invoice_voided':
      return { nb: `${numbered('faktura', inv)} annullert`, en: `${numbered('invoice', inv)} voided` };
    case 'credit':
    case 'credit_note':
      return { nb: `${numbered('kreditnota', num(f.after?.number))} laget`, en: `${numbered('credit note', num(f.after?.number))} issued` };
    case 'reminder':
      return { nb: `purring sendt for ${numbered('faktura', inv)}`, en: `reminder sent for ${numbered('invoice', inv)}` };
    case 'document_issued':
      return documentTexts(f.after, false);
    case 'document_reprinted':
      return documentTexts(f.after, true);
    case 'comment': {
      const text = excerpt(str(f.after?.text) ?? '');
      return f.after?.correctsId
        ? { nb: `${who.nb} rettet en kommentar: «${text}»`, en: `${who.en} corrected a comment: “${text}”` }
        : { nb: `${who.nb} la til en kommentar: «${text}»`, en: `${who.en} added a comment: “${text}”` };
    }
    case 'task_added':
    case 'task_changed':
    case 'task_done':
    case 'task_reopened':
      return taskTexts(f);
    case 'delete':
      return { nb: 'slettet', en: 'deleted' };
    case 'job_added':
      return { nb: `jobb lagt til: ${str(f.after?.title) ?? ''}`.trim(), en: `job added: ${str(f.after?.title) ?? ''}`.trim() };
    case 'job_started':
      return { nb: 'jobb startet', en: 'job started' };
    case 'job_completed':
      return { nb: 'jobb fullført', en: 'job completed' };
    case 'backorder_created':
      return { nb: `restordre laget fra ${numbered('ordre', num(f.after?.from))}`, en: `back order made from ${numbered('order', num(f.after?.from))}` };
    case 'converted':
      return { nb: `gjort om til ${numbered('ordre', num(f.after?.orderNumber))}`, en: `converted to ${numbered('order', num(f.after?.orderNumber))}` };
    case 'create_from_quote':
      return { nb: 'laget fra tilbud', en: 'made from a quote' };
    case 'copied_from':
      return { nb: `kopiert fra ${numbered('ordre', num(f.after?.from))}`, en: `copied from ${numbered('order', num(f.after?.from))}` };
    case 'return_loan':
      return { nb: 'utlån returnert', en: 'loan returned' };
    case 'subscription':
      return { nb: 'abonnement endret', en: 'subscription changed' };
    case 'import':
      return { nb: 'importert', en: 'imported' };
    default: {
      // Files and whatever later parts log: a file's name when the entry names one.
      const file = str(f.after?.fileName) ?? str(f.after?.name);
      if (f.action.startsWith('file') || f.action.startsWith('attachment')) {
        return file ? { nb: `fil «${file}» lagt ved`, en: `file “${file}” attached` } : { nb: 'filer endret', en: 'files changed' };
      }
      return { nb: 'endret', en: 'changed' };
    }
  }
}

/** "Ordre 10023: status Bekreftet → Plukkliste". */
export function changeText(subject: Subject, f: EntryFacts): Texts {
  const label = subjectLabel(subject);
  const what = describeEntry(f);
  return { nb: `${label.nb}: ${what.nb}`, en: `${label.en}: ${what.en}` };
}

export function noteDueText(subject: Subject, text: string): Texts {
  const label = subjectLabel(subject);
  return { nb: `Påminnelse for ${label.nb.toLowerCase()}: «${excerpt(text)}»`, en: `Reminder for ${label.en.toLowerCase()}: “${excerpt(text)}”` };
}

export function taskDueText(subject: Subject, title: string, dueDate: string, today: string): Texts {
  const label = subjectLabel(subject);
  const t = excerpt(title, 60);
  return dueDate === today
    ? { nb: `${label.nb}: oppgave «${t}» har frist i dag`, en: `${label.en}: task “${t}” is due today` }
    : {
        nb: `${label.nb}: oppgave «${t}» hadde frist ${formatDate(dueDate)} og er ikke gjort`,
        en: `${label.en}: task “${t}” was due ${formatDate(dueDate)} and is not done`,
      };
}
