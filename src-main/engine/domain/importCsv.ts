// Reading a CSV file as a Norwegian office writes one (issue 13): RFC 4180 quoting,
// `;` (what Excel writes with a Norwegian locale), `,` or tab between fields, and
// the bytes in UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text") or
// Windows-1252 (Excel's "CSV (semikolonseparert)" on a Norwegian Windows).

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

/** The text of the file's bytes: UTF-8 when they are valid UTF-8, else Windows-1252 (never a wrong guess that garbles æøå silently). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

const DELIMITERS: readonly CsvDelimiter[] = [';', '\t', ','];

/**
 * The delimiter of the first line (outside quotes): the one it has most of; `;`
 * first on a tie, as a Norwegian Excel writes it (and `,` is the decimal sign there).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * RFC 4180 records: a quoted field may hold the delimiter, line breaks and `""`
 * for a quote; CRLF, LF or CR end a record. An unclosed quote runs to the end of the
 * file (as Excel reads it). A last empty line makes no record.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
