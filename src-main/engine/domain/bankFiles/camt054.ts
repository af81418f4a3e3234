// ISO 20022 camt.054 (BkToCstmrDbtCdtNtfctn), the bank's debit/credit notification:
// Ntfctn/Ntry per booking, NtryDtls/TxDtls per payment in it, with Amt, CdtDbtInd,
// BookgDt/ValDt, Refs (AcctSvcrRef, EndToEndId, TxId), RltdPties/Dbtr and the KID
// in RmtInf/Strd/CdtrRefInf/Ref. Credits (CRDT) in NOK are payments to us; debits
// and other currencies are reported as ignored with why. Pure: text in, transactions out.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../../../../shared/errors';
import { formatAmount } from '../../../../shared/format';
import type { BankFileTransaction, IgnoredEntry, ParsedBankFile } from './types';

const FIELD = 'content';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Strd', 'Ustrd']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

function badElement(element: string, what: string, whatEn: string): never {
  throw new DomainError('bank_file_bad_element', FIELD, { element, what, whatEn });
}

const node = (v: unknown): Node | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined);
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(node).filter((x): x is Node => x !== undefined) : node(v) ? [node(v)!] : []);

/** The text at a path of child names (first of each repeated element), or null. */
function textAt(from: unknown, ...path: string[]): string | null {
  let cur: unknown = from;
  for (const key of path) {
    const n = node(Array.isArray(cur) ? cur[0] : cur);
    if (!n) return null;
    cur = n[key];
  }
  if (Array.isArray(cur)) cur = cur[0];
  if (typeof cur === 'string') return cur.trim() || null;
  const n = node(cur);
  if (n && typeof n['#text'] === 'string') return (n['#text'] as string).trim() || null;
  return null;
}

interface Amount {
  readonly ore: number;
  readonly currency: string;
}

function amountAt(from: unknown, element: string, ...path: string[]): Amount | null {
  let cur: unknown = from;
  for (const key of path) cur = node(cur)?.[key];
  if (cur === undefined) return null;
  const value = typeof cur === 'string' ? cur : textAt(cur);
  const currency = (node(cur)?.['@Ccy'] as string | undefined) ?? '';
  const m = value === null ? null : /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) badElement(element, `ugyldig beløp «${value ?? ''}»`, `invalid amount «${value ?? ''}»`);
  return { ore: Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')), currency };
}

function isoDateAt(from: unknown, element: string, ...path: string[]): string | null {
  const dt = textAt(from, ...path, 'Dt') ?? textAt(from, ...path, 'DtTm');
  if (dt === null) return null;
  const iso = dt.slice(0, 10);
  const d = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    badElement(element, `ugyldig dato «${dt}»`, `invalid date «${dt}»`);
  }
  return iso;
}

/** Whether the text looks like XML (camt.054 is told from other XML when parsed). */
export function looksLikeXml(content: string): boolean {
  return content.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

export function parseCamt054(content: string): ParsedBankFile {
  const xml = content.replace(/^\uFEFF/, '');
  if (xml.trim() === '') throw new DomainError('bank_file_empty', FIELD);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new DomainError('bank_file_not_camt054', FIELD, { found: `XML-feil på linje ${valid.err.line}` });
  const doc = node(node(parser.parse(xml))?.['Document']);
  const root = node(doc?.['BkToCstmrDbtCdtNtfctn']);
  if (!doc || !root) {
    const top = node(parser.parse(xml)) ?? {};
    const name = Object.keys(node(top['Document']) ?? top).find((k) => !k.startsWith('?') && !k.startsWith('@')) ?? '?';
    throw new DomainError('bank_file_not_camt054', FIELD, { found: name });
  }
  // The parser drops namespaces; an ISO 20022 namespace on Document must be camt.054's.
  const isoNs = [...(/<(?:[\w.-]+:)?Document\b[^>]*>/.exec(xml)?.[0] ?? '').matchAll(/xmlns(?::[\w.-]+)?="([^"]*)"/g)]
    .map((m) => m[1]!)
    .filter((u) => u.startsWith('urn:iso:std:iso:20022'));
  if (isoNs.length > 0 && !isoNs.some((u) => u.includes('camt.054'))) throw new DomainError('bank_file_not_camt054', FIELD, { found: isoNs[0]! });

  const transactions: BankFileTransaction[] = [];
  const ignored: IgnoredEntry[] = [];
  list(root['Ntfctn']).forEach((ntf, ni) => {
    const nWhere = `Ntfctn[${ni + 1}]`;
    let creditSum = 0;
    let debitSum = 0;
    list(ntf['Ntry']).forEach((ntry, ei) => {
      const where = `${nWhere}/Ntry[${ei + 1}]`;
      const amount = amountAt(ntry, `${where}/Amt`, 'Amt');
      if (!amount) badElement(`${where}/Amt`, 'mangler beløp', 'has no amount');
      const side = textAt(ntry, 'CdtDbtInd');
      if (side !== 'CRDT' && side !== 'DBIT') badElement(`${where}/CdtDbtInd`, `ukjent retning «${side ?? ''}»`, `unknown direction «${side ?? ''}»`);
      if (side === 'CRDT') creditSum += amount.ore;
      else debitSum += amount.ore;
      const status = textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts');
      const booked = isoDateAt(ntry, `${where}/BookgDt`, 'BookgDt') ?? isoDateAt(ntry, `${where}/ValDt`, 'ValDt');
      if (!booked) badElement(where, 'mangler bokføringsdato (BookgDt) og valuteringsdato (ValDt)', 'has neither booking date (BookgDt) nor value date (ValDt)');
      const entryRef = textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef');
      const details = list(ntry['NtryDtls']).flatMap((d) => list(d['TxDtls']));
      const txs = details.length > 0 ? details : [null];

      const amounts = txs.map((tx, ti) => (tx ? (amountAt(tx, `${where}/TxDtls[${ti + 1}]/Amt`, 'Amt') ?? amountAt(tx, `${where}/TxDtls[${ti + 1}]/AmtDtls`, 'AmtDtls', 'TxAmt', 'Amt')) : null));
      if (txs.length === 1 && !amounts[0]) amounts[0] = amount;
      if (amounts.some((a) => !a)) badElement(`${where}/NtryDtls`, 'en av flere transaksjoner mangler beløp', 'one of several transactions has no amount');
      const sum = amounts.reduce((s, a) => s + a!.ore, 0);
      if (sum !== amount.ore) {
        throw new DomainError('bank_file_totals', FIELD, { where, whereEn: where, what: 'beløpet', whatEn: 'the amount', expected: formatAmount(amount.ore), found: formatAmount(sum) });
      }

      txs.forEach((tx, ti) => {
        const txWhere = tx && txs.length > 1 ? `${where}/TxDtls[${ti + 1}]` : where;
        const a = amounts[ti]!;
        const txRef = tx ? textAt(tx, 'Refs', 'AcctSvcrRef') : null;
        const endToEnd = tx ? (textAt(tx, 'Refs', 'TxId') ?? textAt(tx, 'Refs', 'EndToEndId')) : null;
        const usableEndToEnd = endToEnd && endToEnd !== 'NOTPROVIDED' ? endToEnd : null;
        const externalRef = txRef
          ? `camt:${txRef}`
          : entryRef && (usableEndToEnd || txs.length === 1)
            ? `camt:${entryRef}:${usableEndToEnd ?? ''}`
            : null;
        const kid = tx ? (list(node(tx['RmtInf'])?.['Strd']).map((s) => textAt(s, 'CdtrRefInf', 'Ref')).find((r) => r !== null) ?? null) : null;
        const ccy = a.currency || amount.currency;
        const skip = (reasonNb: string, reasonEn: string) => ignored.push({ externalRef, amountOre: a.ore, kid, reasonNb, reasonEn });
        if (side === 'DBIT') return skip('Utbetaling (debet), ikke en innbetaling', 'A debit, not a payment received');
        if (status && status !== 'BOOK') return skip(`Ikke bokført ennå (status ${status})`, `Not booked yet (status ${status})`);
        if (ccy && ccy !== 'NOK') return skip(`Beløpet er i ${ccy}, ikke NOK`, `The amount is in ${ccy}, not NOK`);
        if (!externalRef) badElement(txWhere, 'mangler bankens referanse (AcctSvcrRef, NtryRef med TxId/EndToEndId)', "lacks the bank's reference (AcctSvcrRef, NtryRef with TxId/EndToEndId)");
        if (kid !== null && !/^\d+-?$/.test(kid) && !/^RF/i.test(kid)) badElement(`${txWhere}/RmtInf`, `ugyldig KID «${kid}»`, `invalid KID «${kid}»`);
        const message = tx ? ustrd(tx) : null;
        transactions.push({
          externalRef,
          bankRef: txRef ?? usableEndToEnd ?? entryRef ?? externalRef,
          bookingDate: booked,
          amountOre: a.ore,
          kid,
          payerName: tx ? (textAt(tx, 'RltdPties', 'Dbtr', 'Nm') ?? textAt(tx, 'RltdPties', 'Dbtr', 'Pty', 'Nm')) : null,
          payerAccount: tx
            ? (textAt(tx, 'RltdPties', 'DbtrAcct', 'Id', 'BBAN') ?? textAt(tx, 'RltdPties', 'DbtrAcct', 'Id', 'IBAN') ?? textAt(tx, 'RltdPties', 'DbtrAcct', 'Id', 'Othr', 'Id'))
            : null,
          message,
        });
      });
    });
    const summary = node(ntf['TxsSummry']);
    if (summary) {
      for (const [key, found, nb, en] of [['TtlCdtNtries', creditSum, 'sum innbetalinger', 'the total of credits'], ['TtlDbtNtries', debitSum, 'sum utbetalinger', 'the total of debits']] as const) {
        const stated = amountAt(summary, `${nWhere}/TxsSummry/${key}/Sum`, key, 'Sum');
        if (stated && stated.ore !== found) {
          throw new DomainError('bank_file_totals', FIELD, { where: `${nWhere}/TxsSummry`, whereEn: `${nWhere}/TxsSummry`, what: nb, whatEn: en, expected: formatAmount(stated.ore), found: formatAmount(found) });
        }
      }
    }
  });
  return { format: 'camt054', transactions, ignored };
}

/** The unstructured remittance text, joined. */
function ustrd(tx: Node): string | null {
  const parts = (node(tx['RmtInf'])?.['Ustrd'] as unknown[] | undefined)?.map((u) => (typeof u === 'string' ? u : textAt(u))).filter((u): u is string => !!u) ?? [];
  return parts.length ? parts.join(' ') : null;
}
