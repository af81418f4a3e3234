// A pdfkit document set up the way every Ordrebok document is: A4, the
// embedded DejaVu fonts (æøå on every machine), buffered pages (for "Side 1 av
// 3"), and a fixed creation date and producer so that the same input gives the
// same bytes. Rendering is synchronous: the bytes are read off pdfkit's stream
// buffer when the document ends, so a handler can render inside its transaction.
import PDFDocument from 'pdfkit';
import { documentFonts } from './assets';

export const A4 = { width: 595.28, height: 841.89 } as const;

export const COLORS = {
  text: '#1a1a1a',
  muted: '#5f6368',
  rule: '#c9ccd1',
  faint: '#eef1f4',
  accent: '#1d4f73',
} as const;

export type FontWeight = 'regular' | 'bold';

export interface TextOptions {
  readonly size?: number;
  readonly weight?: FontWeight;
  readonly color?: string;
  readonly width?: number;
  readonly align?: 'left' | 'right' | 'center';
  readonly lineBreak?: boolean;
  readonly ellipsis?: boolean;
  readonly characterSpacing?: number;
  readonly lineGap?: number;
}

export interface PdfMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly language: string;
  /** The document's issue time, written as its creation date. */
  readonly issuedAt: Date;
}

type DocumentConstructor = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

/**
 * pdfkit's document is a Readable stream, and every chunk pushed into a stream
 * nobody reads schedules a callback for the next tick that holds the stream,
 * and so the whole document, until the event loop turns. A batch rendered in
 * one synchronous transaction would hold every document it made. This one
 * takes the chunks as pdfkit pushes them, so a finished document is garbage at once.
 */
class CollectingDocument extends (PDFDocument as unknown as DocumentConstructor) {
  // Declared, not initialised: pdfkit pushes its header from inside its constructor.
  declare collected: Uint8Array[] | undefined;
  declare ended: boolean | undefined;

  override push(chunk: unknown): boolean {
    if (chunk === null) {
      this.ended = true;
      return false;
    }
    (this.collected ??= []).push(chunk as Uint8Array);
    return true;
  }
}

export class Pdf {
  readonly doc: CollectingDocument;

  constructor(meta: PdfMeta) {
    const fonts = documentFonts();
    this.doc = new CollectingDocument({
      size: 'A4',
      // The templates place every line themselves; pdfkit must never break a page on its own.
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      bufferPages: true,
      autoFirstPage: true,
      lang: meta.language,
      displayTitle: true,
      pdfVersion: '1.4',
      // No default font: pdfkit would otherwise load Helvetica's metrics.
      font: null as unknown as string,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Creator: 'Ordrebok',
        Producer: 'Ordrebok',
        CreationDate: meta.issuedAt,
      },
    });
    // pdfkit 0.20 takes parsed fontkit fonts; its typings only know sources.
    this.doc.registerFont('regular', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont('bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.font('regular').fontSize(9).fillColor(COLORS.text);
  }

  setFont(weight: FontWeight = 'regular', size = 9): this {
    this.doc.font(weight).fontSize(size);
    return this;
  }

  /**
   * Text at (x, y); returns its height. One line (lineBreak: false) is placed
   * by measuring its width ourselves: pdfkit's line wrapper, which alignment
   * would otherwise need, costs more than the rest of a table cell together.
   */
  text(value: string, x: number, y: number, o: TextOptions = {}): number {
    const size = o.size ?? 9;
    this.setFont(o.weight ?? 'regular', size);
    this.doc.fillColor(o.color ?? COLORS.text);
    if (o.lineBreak === false || o.width === undefined) {
      let line = value;
      let dx = 0;
      if (o.width !== undefined) {
        const spacing = o.characterSpacing ? { characterSpacing: o.characterSpacing } : {};
        let w = this.doc.widthOfString(line, spacing);
        if (w > o.width) {
          // Cut to fit, with an ellipsis.
          while (line.length > 1 && w > o.width) {
            line = line.slice(0, -1);
            w = this.doc.widthOfString(`${line}…`, spacing);
          }
          line = `${line.trimEnd()}…`;
        }
        if (o.align === 'right') dx = o.width - w;
        else if (o.align === 'center') dx = (o.width - w) / 2;
      }
      const opts: PDFKit.Mixins.TextOptions = { lineBreak: false };
      if (o.characterSpacing) opts.characterSpacing = o.characterSpacing;
      this.doc.text(line, x + dx, y, opts);
      return this.doc.currentLineHeight(true);
    }
    const opts: PDFKit.Mixins.TextOptions = { width: o.width, align: o.align ?? 'left', lineGap: o.lineGap ?? 0 };
    if (o.characterSpacing) opts.characterSpacing = o.characterSpacing;
    this.doc.text(value, x, y, opts);
    return this.doc.y - y;
  }

  /** The height text will take in a width (one line when it fits). */
  heightOf(value: string, o: TextOptions = {}): number {
    this.setFont(o.weight ?? 'regular', o.size ?? 9);
    if (o.lineBreak === false || o.width === undefined || this.doc.widthOfString(value) <= o.width) return this.doc.currentLineHeight(true);
    return this.doc.heightOfString(value, { width: o.width, lineGap: o.lineGap ?? 0 });
  }

  widthOf(value: string, o: Pick<TextOptions, 'size' | 'weight'> = {}): number {
    this.setFont(o.weight ?? 'regular', o.size ?? 9);
    return this.doc.widthOfString(value);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string = COLORS.rule, width = 0.5): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke().restore();
  }

  box(x: number, y: number, w: number, h: number, o: { fill?: string; stroke?: string; lineWidth?: number; radius?: number } = {}): void {
    const d = this.doc.save();
    if (o.radius) d.roundedRect(x, y, w, h, o.radius);
    else d.rect(x, y, w, h);
    if (o.fill && o.stroke) d.lineWidth(o.lineWidth ?? 0.5).fillAndStroke(o.fill, o.stroke);
    else if (o.fill) d.fill(o.fill);
    else d.lineWidth(o.lineWidth ?? 0.5).strokeColor(o.stroke ?? COLORS.rule).stroke();
    d.restore();
  }

  /** An image fitted into the box; returns the size it was drawn at. */
  image(data: Uint8Array, x: number, y: number, fit: [number, number]): { width: number; height: number } {
    // openImage (pdfkit's own, missing from its typings) gives the size before drawing.
    const doc = this.doc as unknown as { openImage(src: Buffer): { width: number; height: number } };
    const img = doc.openImage(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const scale = Math.min(fit[0] / img.width, fit[1] / img.height);
    const width = img.width * scale;
    const height = img.height * scale;
    this.doc.image(img as unknown as Buffer, x, y, { width, height });
    return { width, height };
  }

  addPage(): void {
    this.doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  }

  pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Draws on every page (page numbers), then ends the document and returns its bytes. */
  finish(eachPage: (pageIndex: number, pageCount: number) => void): Buffer {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(start + i);
      eachPage(i, count);
    }
    this.doc.end();
    if (!this.doc.ended) {
      // An asynchronous step (an image pdfkit decodes later) would leave the file unfinished.
      throw new Error('PDF not finished synchronously');
    }
    const bytes = Buffer.concat(this.doc.collected ?? []);
    this.doc.collected = [];
    return bytes;
  }
}
