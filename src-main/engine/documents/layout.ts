// The page every document is printed on: A4 with the company's header (logo,
// name, address), the parties and the document's particulars on the first
// page, a short running header on the following ones, a footer with the
// company's identity and bank details and "Side 1 av 3" on every page, and
// tables whose header row repeats on each page they run onto.
import { VAT_CODES, type Language } from '../../../shared/enums';
import { labels, type Labels } from './labels';
import type { DocumentBase, MoneyTotals, Party } from './model';
import { A4, COLORS, Pdf, type FontWeight } from './pdf';
import { code128Width, drawCode128 } from './barcodes';
import {
  amount,
  bankAccount,
  inEnterpriseRegister,
  partyOrgLine,
  percent,
  sellerAddressLines,
  sellerOrgLine,
  sellerReturnLine,
} from './particulars';

/** A VAT table row's rate: "25 %", but "Utenfor" for sales outside the VAT act, which must not read as a second "0 %" (SPEC 9). */
function vatRowLabel(code: string, rateBp: number, language: Language): string {
  const v = VAT_CODES.find((c) => c.code === code);
  return v && v.code === 'outside' ? v.short[language] : percent(rateBp);
}

export const PAGE = {
  left: 42.5,
  right: A4.width - 42.5,
  top: 36,
  /** Content stops here; the footer lives below. */
  bottom: A4.height - 72,
  footerTop: A4.height - 60,
} as const;
export const CONTENT_WIDTH = PAGE.right - PAGE.left;
const RIGHT_BLOCK_X = 352;
const RIGHT_BLOCK_W = PAGE.right - RIGHT_BLOCK_X;

export interface HeaderSpec {
  /** Big title at the top right: "FAKTURA". */
  readonly title: string;
  /** The running header on later pages: "Faktura 12". */
  readonly reference: string;
  /** The particulars at the right: [label, value]. Empty values are left out. */
  readonly fields: readonly (readonly [string, string | null | undefined])[];
  /** Party blocks at the left, one under the other. */
  readonly parties: readonly { readonly label: string; readonly party: Party }[];
  /** A Code 128 barcode under the title (the order number on warehouse documents). */
  readonly barcode?: string;
}

export interface Column<R> {
  readonly header: string;
  /** Points; the one column with width 0 takes what is left. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
  /** Text that may run onto more lines (descriptions); other cells are one line, cut to fit. */
  readonly wrap?: boolean;
  readonly text?: (row: R) => string;
  readonly weight?: (row: R) => FontWeight;
  /** A drawn cell (a barcode, a box to tick); returns nothing, draws at (x, y). */
  readonly draw?: (layout: DocumentLayout, row: R, x: number, y: number, width: number) => void;
  /** Height a drawn cell needs. */
  readonly height?: (row: R) => number;
}

/**
 * A row across the whole table (SPEC 2): a heading that starts a group of
 * lines, a text row, or the subtotal printed after a group (its label at the
 * right, its value in the last column).
 */
export interface Band {
  readonly band: 'heading' | 'text' | 'subtotal';
  readonly text: string;
  readonly value?: string;
}

const isBand = (row: unknown): row is Band => typeof row === 'object' && row !== null && 'band' in row;

const CELL_PAD_X = 3;
const CELL_PAD_Y = 3.5;

export class DocumentLayout {
  readonly pdf: Pdf;
  readonly L: Labels;
  y: number = PAGE.top;
  private readonly tableHeaders: (() => void)[] = [];

  constructor(
    readonly model: DocumentBase,
    readonly header: HeaderSpec,
  ) {
    this.L = labels(model.language);
    this.pdf = new Pdf({
      title: header.reference,
      author: model.seller.name,
      subject: header.title,
      language: model.language === 'nb' ? 'nb-NO' : 'en-GB',
      issuedAt: new Date(model.issuedAt),
    });
    this.firstPageHeader();
  }

  // ---- Header and footer --------------------------------------------------------

  private firstPageHeader(): void {
    const { pdf, model, header } = this;
    const top = PAGE.top;
    let leftBottom = top;
    if (model.logo) {
      const drawn = pdf.image(model.logo, PAGE.left, top, [170, 46]);
      // A square mark gets the company's name beside it; a wide logo carries its own.
      if (drawn.width < 90) {
        pdf.text(model.seller.name, PAGE.left + drawn.width + 10, top + drawn.height / 2 - 9, {
          size: 15,
          weight: 'bold',
          color: COLORS.accent,
          width: 280 - drawn.width,
          lineBreak: false,
        });
      }
      leftBottom = top + drawn.height + 4;
    } else {
      pdf.text(model.seller.name, PAGE.left, top + 4, { size: 15, weight: 'bold', color: COLORS.accent, width: 290 });
      leftBottom = top + 26;
    }
    pdf.text(header.title, PAGE.right - 300, top, { size: 18, weight: 'bold', color: COLORS.accent, width: 300, align: 'right' });
    let rightBottom = top + 26;
    if (header.barcode) {
      // Right-aligned: the symbol's quiet zone ends at the margin.
      const module = 1.15;
      const x = PAGE.right - code128Width(header.barcode, module);
      drawCode128(pdf, header.barcode, { x, y: top + 28, module, height: 30, fontSize: 7 });
      rightBottom = top + 70;
    }

    // The seller's organisation number with MVA where the eye looks first (SPEC 9).
    const identity = [sellerOrgLine(model.seller, this.L), ...(model.seller.bankAccount ? [`${this.L.bankAccount} ${bankAccount(model.seller.bankAccount)}`] : [])];
    pdf.text(identity.join('  ·  '), PAGE.left, leftBottom + 2, { size: 8, color: COLORS.muted, lineBreak: false });
    leftBottom += 12;
    // The return address over the recipient, as a window envelope shows it.
    const partyTop = Math.max(leftBottom + 22, 112);
    pdf.text(sellerReturnLine(model.seller), PAGE.left, partyTop - 14, { size: 7, color: COLORS.muted, width: 290, lineBreak: false, ellipsis: true });
    let y = partyTop;
    for (const { label, party } of header.parties) {
      y = this.partyBlock(label, party, PAGE.left, y, 290) + 10;
    }
    leftBottom = y - 10;

    let fy = Math.max(rightBottom + 8, partyTop);
    for (const [label, value] of header.fields) {
      if (value === null || value === undefined || value === '') continue;
      pdf.text(label, RIGHT_BLOCK_X, fy, { size: 8, color: COLORS.muted, width: 88, lineBreak: false });
      const h = pdf.text(value, RIGHT_BLOCK_X + 90, fy, { size: 9, width: RIGHT_BLOCK_W - 90 });
      fy += Math.max(h, 11) + 2.5;
    }
    this.y = Math.max(leftBottom, fy) + 16;
  }

  partyBlock(label: string, party: Party, x: number, y: number, width: number): number {
    const { pdf } = this;
    pdf.text(label.toUpperCase(), x, y, { size: 7, weight: 'bold', color: COLORS.muted, characterSpacing: 0.4, lineBreak: false });
    y += 10;
    y += pdf.text(party.name, x, y, { size: 10, weight: 'bold', width });
    for (const line of party.address) y += pdf.text(line, x, y, { size: 9, width });
    const org = partyOrgLine(party, this.L);
    if (org) y += pdf.text(org, x, y, { size: 9, width });
    if (party.contact) y += pdf.text(party.contact, x, y, { size: 9, width });
    return y;
  }

  /** The running header of pages after the first. */
  private continuationHeader(): void {
    const { pdf } = this;
    pdf.text(this.model.seller.name, PAGE.left, PAGE.top, { size: 9, weight: 'bold', color: COLORS.accent, width: 250, lineBreak: false });
    pdf.text(`${this.header.reference} (${this.L.continued})`, PAGE.right - 260, PAGE.top, {
      size: 9,
      weight: 'bold',
      width: 260,
      align: 'right',
      lineBreak: false,
    });
    pdf.line(PAGE.left, PAGE.top + 15, PAGE.right, PAGE.top + 15, COLORS.accent, 0.8);
    this.y = PAGE.top + 26;
  }

  private footer(pageIndex: number, pageCount: number): void {
    const { pdf, L } = this;
    const s = this.model.seller;
    const y = PAGE.footerTop;
    pdf.line(PAGE.left, y - 6, PAGE.right, y - 6, COLORS.rule, 0.5);
    const o = { size: 7, color: COLORS.muted, lineBreak: false } as const;
    const col = (x: number, w: number, lines: readonly string[], bold = 0) =>
      lines.forEach((t, i) => pdf.text(t, x, y + i * 9, { ...o, width: w, ellipsis: true, weight: i < bold ? 'bold' : 'regular' }));
    col(PAGE.left, 135, [s.name, ...sellerAddressLines(s)], 1);
    col(PAGE.left + 140, 125, [sellerOrgLine(s, L), ...(inEnterpriseRegister(s.name) ? [L.enterpriseRegister] : [])]);
    col(PAGE.left + 270, 130, [s.phone ? `${L.phone} ${s.phone}` : '', s.email ? `${L.email} ${s.email}` : ''].filter(Boolean));
    if (s.bankAccount) {
      pdf.text(`${L.bankAccount} ${bankAccount(s.bankAccount)}`, PAGE.right - 110, y, { ...o, width: 110, align: 'right' });
    }
    pdf.text(L.page(pageIndex + 1, pageCount), PAGE.right - 110, y + 18, {
      size: 8,
      weight: 'bold',
      width: 110,
      align: 'right',
      lineBreak: false,
    });
  }

  // ---- Flow -----------------------------------------------------------------------

  newPage(): void {
    this.pdf.addPage();
    this.continuationHeader();
    for (const redraw of this.tableHeaders) redraw();
  }

  /** Starts a new page when `height` does not fit on this one. */
  ensure(height: number): void {
    if (this.y + height > PAGE.bottom) this.newPage();
  }

  space(h: number): void {
    this.y += h;
  }

  paragraph(text: string, o: { size?: number; weight?: FontWeight; color?: string; width?: number; x?: number } = {}): void {
    const width = o.width ?? CONTENT_WIDTH;
    const h = this.pdf.heightOf(text, { size: o.size ?? 9, weight: o.weight ?? 'regular', width });
    this.ensure(h);
    this.pdf.text(text, o.x ?? PAGE.left, this.y, { size: o.size ?? 9, weight: o.weight ?? 'regular', color: o.color ?? COLORS.text, width });
    this.y += h;
  }

  heading(text: string): void {
    this.ensure(40);
    this.pdf.text(text, PAGE.left, this.y, { size: 10, weight: 'bold', color: COLORS.accent, width: CONTENT_WIDTH });
    this.y += 15;
  }

  // ---- Tables ---------------------------------------------------------------------

  table<R>(columns: readonly Column<R>[], rows: readonly (R | Band)[], o: { size?: number } = {}): void {
    const size = o.size ?? 8.5;
    const fixed = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width === 0 ? CONTENT_WIDTH - fixed : c.width));
    const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

    const drawHeader = () => {
      const h = 16;
      this.pdf.box(PAGE.left, this.y, CONTENT_WIDTH, h, { fill: COLORS.faint });
      columns.forEach((c, i) => {
        this.pdf.text(c.header, xs[i]! + CELL_PAD_X, this.y + 4.5, {
          size: 7.5,
          weight: 'bold',
          color: COLORS.accent,
          width: widths[i]! - 2 * CELL_PAD_X,
          align: c.align ?? 'left',
          lineBreak: false,
        });
      });
      this.pdf.line(PAGE.left, this.y + h, PAGE.right, this.y + h, COLORS.accent, 0.8);
      this.y += h + 1;
    };

    this.ensure(16 + 24);
    drawHeader();
    this.tableHeaders.push(drawHeader);
    for (const row of rows) {
      if (isBand(row)) {
        this.band(row, size, widths[widths.length - 1]!);
        continue;
      }
      const heights = columns.map((c, i) => {
        if (c.draw) return c.height?.(row) ?? 0;
        const t = c.wrap ? (c.text?.(row) ?? '') : '';
        return t ? this.pdf.heightOf(t, { size, weight: c.weight?.(row) ?? 'regular', width: widths[i]! - 2 * CELL_PAD_X }) : 0;
      });
      const h = Math.max(...heights, size * 1.2) + 2 * CELL_PAD_Y;
      this.ensure(h);
      columns.forEach((c, i) => {
        if (c.draw) {
          c.draw(this, row, xs[i]! + CELL_PAD_X, this.y + CELL_PAD_Y, widths[i]! - 2 * CELL_PAD_X);
          return;
        }
        const t = c.text?.(row) ?? '';
        if (!t) return;
        this.pdf.text(t, xs[i]! + CELL_PAD_X, this.y + CELL_PAD_Y, {
          size,
          weight: c.weight?.(row) ?? 'regular',
          width: widths[i]! - 2 * CELL_PAD_X,
          align: c.align ?? 'left',
          lineBreak: c.wrap === true,
        });
      });
      this.y += h;
      this.pdf.line(PAGE.left, this.y, PAGE.right, this.y, COLORS.rule, 0.4);
    }
    this.tableHeaders.pop();
    this.y += 8;
  }

  /** A heading (kept with the row after it), a text row, or a group's subtotal, across the table. */
  private band(b: Band, size: number, lastWidth: number): void {
    const { pdf } = this;
    const width = CONTENT_WIDTH - 2 * CELL_PAD_X;
    if (b.band === 'subtotal') {
      const h = size * 1.2 + 2 * CELL_PAD_Y;
      this.ensure(h);
      const labelW = CONTENT_WIDTH - lastWidth - 2 * CELL_PAD_X;
      pdf.text(b.text, PAGE.left + CELL_PAD_X, this.y + CELL_PAD_Y, { size, weight: 'bold', width: labelW, align: 'right', lineBreak: false });
      pdf.text(b.value ?? '', PAGE.right - lastWidth + CELL_PAD_X, this.y + CELL_PAD_Y, {
        size,
        weight: 'bold',
        width: lastWidth - 2 * CELL_PAD_X,
        align: 'right',
        lineBreak: false,
      });
      this.y += h;
      pdf.line(PAGE.left, this.y, PAGE.right, this.y, COLORS.accent, 0.8);
      return;
    }
    const heading = b.band === 'heading';
    const textSize = heading ? size + 1 : size;
    const weight: FontWeight = heading ? 'bold' : 'regular';
    const top = heading ? 6 : 0;
    const h = pdf.heightOf(b.text, { size: textSize, weight, width }) + 2 * CELL_PAD_Y + top;
    // A heading never ends a page: it keeps at least one row after it.
    this.ensure(heading ? h + 2 * (size * 1.2 + 2 * CELL_PAD_Y) : h);
    pdf.text(b.text, PAGE.left + CELL_PAD_X, this.y + CELL_PAD_Y + top, {
      size: textSize,
      weight,
      color: heading ? COLORS.accent : COLORS.text,
      width,
    });
    this.y += h;
    pdf.line(PAGE.left, this.y, PAGE.right, this.y, heading ? COLORS.accent : COLORS.rule, heading ? 0.6 : 0.4);
  }

  // ---- Totals ---------------------------------------------------------------------

  /**
   * VAT per rate in NOK at the left (SPEC 9), the sums at the right; a cash
   * sale's rounding is its own line. Kept together on one page.
   */
  totals(t: MoneyTotals, o: { vatRegistered: boolean; roundingOre?: number | undefined; finalLabel: string; finalOre: number }): void {
    const { pdf, L } = this;
    const rows: [string, string, boolean][] = [];
    if (o.vatRegistered) {
      rows.push([L.totalExVat, amount(t.netOre), false], [L.totalVat, amount(t.vatOre), false]);
    } else {
      rows.push([L.total, amount(t.netOre), false]);
    }
    // Given (even when 0,00): a cash sale shows its rounding to whole kroner as its own line.
    if (o.roundingOre !== undefined) rows.push([L.totalIncVat, amount(t.grossOre), false], [L.rounding, amount(o.roundingOre), false]);
    const vatRows = o.vatRegistered ? t.byRate : [];
    const height = Math.max(rows.length * 14 + 30, vatRows.length * 13 + 30);
    this.ensure(height + 10);
    const top = this.y;

    if (vatRows.length > 0) {
      const cx = [PAGE.left, PAGE.left + 62, PAGE.left + 135, PAGE.left + 200];
      const cw = [60, 70, 62, 70];
      const heads = [L.vatSummary.rate, L.vatSummary.base, L.vatSummary.vat, L.vatSummary.total];
      heads.forEach((hd, i) =>
        pdf.text(hd, cx[i]!, top, { size: 7.5, weight: 'bold', color: COLORS.muted, width: cw[i]!, align: i === 0 ? 'left' : 'right', lineBreak: false }),
      );
      pdf.line(PAGE.left, top + 11, PAGE.left + 270, top + 11, COLORS.rule, 0.5);
      let y = top + 14;
      for (const r of vatRows) {
        const cells = [vatRowLabel(r.vatCode, r.rateBp, this.model.language), amount(r.baseOre), amount(r.vatOre), amount(r.totalOre)];
        cells.forEach((c, i) => pdf.text(c, cx[i]!, y, { size: 8.5, width: cw[i]!, align: i === 0 ? 'left' : 'right', lineBreak: false }));
        y += 13;
      }
    } else if (!this.model.seller.vatRegistered) {
      pdf.text(L.notVatRegistered, PAGE.left, top, { size: 8, color: COLORS.muted, width: 270 });
    }

    let y = top;
    for (const [label, value] of rows) {
      pdf.text(label, RIGHT_BLOCK_X, y, { size: 9, color: COLORS.muted, width: 110, lineBreak: false });
      pdf.text(value, RIGHT_BLOCK_X + 110, y, { size: 9, width: RIGHT_BLOCK_W - 110, align: 'right', lineBreak: false });
      y += 14;
    }
    pdf.box(RIGHT_BLOCK_X - 6, y, RIGHT_BLOCK_W + 6, 22, { fill: COLORS.faint });
    pdf.line(RIGHT_BLOCK_X - 6, y, PAGE.right, y, COLORS.accent, 1);
    pdf.text(`${o.finalLabel} (NOK)`, RIGHT_BLOCK_X, y + 6, { size: 10, weight: 'bold', width: 120, lineBreak: false });
    pdf.text(amount(o.finalOre), RIGHT_BLOCK_X + 110, y + 6, { size: 10.5, weight: 'bold', width: RIGHT_BLOCK_W - 110, align: 'right', lineBreak: false });
    this.y = Math.max(y + 22, top + vatRows.length * 13 + 14) + 14;
  }

  /** A light box of label / value pairs in columns (payment information, waybill particulars). */
  infoBox(title: string, cells: readonly (readonly [string, string])[], o: { columns?: number; note?: string } = {}): void {
    const { pdf } = this;
    const columns = o.columns ?? cells.length;
    const rows = Math.ceil(cells.length / columns);
    const noteH = o.note ? pdf.heightOf(o.note, { size: 7.5, width: CONTENT_WIDTH - 20 }) + 4 : 0;
    const h = 22 + rows * 26 + noteH + 6;
    this.ensure(h + 6);
    const top = this.y;
    pdf.box(PAGE.left, top, CONTENT_WIDTH, h, { fill: '#f7f9fb', stroke: COLORS.rule, radius: 3 });
    pdf.text(title, PAGE.left + 10, top + 8, { size: 9, weight: 'bold', color: COLORS.accent, lineBreak: false });
    const cw = (CONTENT_WIDTH - 20) / columns;
    cells.forEach(([label, value], i) => {
      const x = PAGE.left + 10 + (i % columns) * cw;
      const y = top + 24 + Math.floor(i / columns) * 26;
      pdf.text(label, x, y, { size: 7, color: COLORS.muted, width: cw - 6, lineBreak: false });
      pdf.text(value, x, y + 9, { size: 10, weight: 'bold', width: cw - 6, lineBreak: false });
    });
    if (o.note) pdf.text(o.note, PAGE.left + 10, top + 22 + rows * 26 + 2, { size: 7.5, color: COLORS.muted, width: CONTENT_WIDTH - 20 });
    this.y = top + h + 12;
  }

  /** Ends the document: footers with page numbers on every page; returns the PDF and its page count. */
  finish(): { bytes: Buffer; pageCount: number } {
    const pageCount = this.pdf.pageCount();
    const bytes = this.pdf.finish((i, n) => this.footer(i, n));
    return { bytes, pageCount };
  }
}
