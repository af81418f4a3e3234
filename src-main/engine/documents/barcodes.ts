// Barcodes drawn as vector bars in the PDF: bwip-js encodes (Code 128, EAN-13,
// GS1-128 with its FNC1 and AI check), we draw its bar widths as rectangles and
// print the human-readable text in the document's own font, so it can be read
// by people and by pdftotext alike. SSCC numbers are made here too.
import bwipjs from 'bwip-js/node';
import type { Pdf } from './pdf';

/** GS1 mod-10 check digit (weights 3,1,3,… from the right) of a number's body. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export function isValidSscc(sscc: string): boolean {
  return /^\d{18}$/.test(sscc) && gs1CheckDigit(sscc.slice(0, 17)) === Number(sscc[17]);
}

/** How many serials fit after a company prefix: the SSCC has 17 digits before its check digit. */
export function ssccSerialCapacity(companyPrefix: string): number {
  return 10 ** (16 - companyPrefix.length);
}

/** SSCC = extension digit + GS1 company prefix + serial reference + mod-10 check digit (18 digits). */
export function makeSscc(extensionDigit: number, companyPrefix: string, serial: number): string {
  const serialDigits = 16 - companyPrefix.length;
  if (!/^\d{7,10}$/.test(companyPrefix) || !Number.isInteger(extensionDigit) || extensionDigit < 0 || extensionDigit > 9) {
    throw new Error('invalid SSCC parts');
  }
  if (serial < 0 || serial >= ssccSerialCapacity(companyPrefix)) throw new Error('SSCC serial out of range');
  const body = `${extensionDigit}${companyPrefix}${String(serial).padStart(serialDigits, '0')}`;
  return body + String(gs1CheckDigit(body));
}

/** "(00) 3 7012345 000000001 7": the SSCC as people read it, the AI in brackets. */
export function formatSscc(sscc: string, companyPrefixLength: number): string {
  const p = companyPrefixLength;
  return `(00) ${sscc[0]} ${sscc.slice(1, 1 + p)} ${sscc.slice(1 + p, 17)} ${sscc[17]}`;
}

interface Bars {
  /** Bar positions and widths in modules, from the start of the symbol (quiet zone excluded). */
  readonly bars: readonly { readonly x: number; readonly w: number }[];
  readonly modules: number;
}

/** Encodings are pure and the same products come back on every list: keep the recent ones. */
const ENCODED = new Map<string, Bars>();
const ENCODED_MAX = 5000;

function encode(bcid: 'code128' | 'ean13' | 'gs1-128', text: string): Bars {
  const key = `${bcid}:${text}`;
  const hit = ENCODED.get(key);
  if (hit) return hit;
  const bars = encodeUncached(bcid, text);
  if (ENCODED.size >= ENCODED_MAX) ENCODED.delete(ENCODED.keys().next().value!);
  ENCODED.set(key, bars);
  return bars;
}

function encodeUncached(bcid: 'code128' | 'ean13' | 'gs1-128', text: string): Bars {
  const raw = bwipjs.raw(bcid, text, {}) as { sbs?: number[] }[];
  const sbs = raw[0]?.sbs;
  if (!sbs) throw new Error(`bwip-js gave no bars for ${bcid}`);
  const bars: { x: number; w: number }[] = [];
  let x = 0;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, w });
    x += w;
  });
  return { bars, modules: x };
}

export interface BarcodeBox {
  readonly width: number;
  readonly height: number;
}

const QUIET = { code128: 10, ean13Left: 11, ean13Right: 7 } as const;

/**
 * Code 128 (or GS1-128) at (x, y): bars `height` tall with `module` points per
 * module, quiet zones included in the returned width, the text printed under.
 */
export function drawCode128(
  pdf: Pdf,
  value: string,
  at: { x: number; y: number; module: number; height: number; text?: string | null; gs1?: boolean; fontSize?: number },
): BarcodeBox {
  const { bars, modules } = encode(at.gs1 ? 'gs1-128' : 'code128', value);
  const m = at.module;
  const x0 = at.x + QUIET.code128 * m;
  const doc = pdf.doc;
  doc.save().fillColor('#000000');
  for (const b of bars) doc.rect(x0 + b.x * m, at.y, b.w * m, at.height);
  doc.fill().restore();
  const width = (modules + 2 * QUIET.code128) * m;
  let height = at.height;
  const text = at.text === undefined ? value : at.text;
  if (text) {
    const size = at.fontSize ?? 8;
    pdf.text(text, at.x, at.y + at.height + 2, { width, align: 'center', size, lineBreak: false });
    height += size + 4;
  }
  return { width, height };
}

/**
 * EAN-13 at (x, y) the way shop scanners expect it: guard bars reaching into
 * the digits, the first digit left of the symbol, six digits under each half.
 */
export function drawEan13(pdf: Pdf, ean: string, at: { x: number; y: number; module: number; height: number; fontSize?: number }): BarcodeBox {
  const { bars } = encode('ean13', ean);
  const m = at.module;
  const x0 = at.x + QUIET.ean13Left * m;
  const size = at.fontSize ?? 7;
  const guard = size * 0.55;
  const doc = pdf.doc;
  doc.save().fillColor('#000000');
  // 30 bars: 0–1 start guard, 14–15 centre guard, 28–29 end guard.
  bars.forEach((b, i) => {
    const isGuard = i < 2 || i === 14 || i === 15 || i > 27;
    doc.rect(x0 + b.x * m, at.y, b.w * m, at.height + (isGuard ? guard : 0));
  });
  doc.fill().restore();
  // Each digit centred under its seven modules (the font's digits are all one
  // width, so a group is one run with spacing); the first one left of the symbol.
  const ty = at.y + at.height + 1;
  const digitWidth = pdf.widthOf('0', { size });
  const spacing = 7 * m - digitWidth;
  const group = (digits: string, x: number) =>
    pdf.text(digits, x + spacing / 2, ty, { size, lineBreak: false, characterSpacing: spacing });
  group(ean[0]!, at.x + 3 * m);
  group(ean.slice(1, 7), x0 + 3 * m);
  group(ean.slice(7), x0 + 50 * m);
  return { width: (95 + QUIET.ean13Left + QUIET.ean13Right) * m, height: at.height + size + 2 };
}

/** The width a Code 128 symbol will take, to place it before drawing. */
export function code128Width(value: string, module: number, gs1 = false): number {
  return (encode(gs1 ? 'gs1-128' : 'code128', value).modules + 2 * QUIET.code128) * module;
}
