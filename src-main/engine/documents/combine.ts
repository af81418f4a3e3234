// One PDF made of several archived documents, page after page, for one print
// job (a batch of picking lists, issue 10 item 5). The pages are the archived
// bytes themselves, not a new rendering, so what is printed is exactly what was
// archived. It reads the PDFs our own renderer writes (pdfkit, PDF 1.4: a
// classic xref table, no object streams), one at a time, so only the combined
// file grows with the batch.

export interface CombinedPdf {
  readonly bytes: Buffer;
  readonly pageCount: number;
}

interface Parsed {
  readonly pdf: Buffer;
  /** Object number → [start, end) of "n 0 obj … endobj". */
  readonly spans: Map<number, readonly [number, number]>;
  readonly kids: readonly number[];
}

const REF = /(\d+) 0 R/g;

/** The dictionary (text) part of an object and the raw bytes of its stream, if it has one. */
function split(pdf: Buffer, [start, end]: readonly [number, number]): { head: string; stream: Buffer | null; tail: string } {
  const text = pdf.toString('latin1', start, end);
  const at = text.indexOf('>>\nstream\n');
  if (at < 0) return { head: text, stream: null, tail: '' };
  const dataStart = at + '>>\nstream\n'.length;
  const dataEnd = text.lastIndexOf('\nendstream');
  return {
    head: text.slice(0, dataStart),
    stream: pdf.subarray(start + dataStart, start + dataEnd),
    tail: text.slice(dataEnd),
  };
}

function parse(pdf: Buffer): Parsed {
  const tailText = pdf.toString('latin1', Math.max(0, pdf.length - 1024));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tailText);
  if (!startxref) throw new Error('not a PDF this program wrote: no startxref');
  const xrefAt = Number(startxref[1]);
  const xref = pdf.toString('latin1', xrefAt, pdf.length);
  const head = /^xref\s+0 (\d+)\s+/.exec(xref);
  if (!head) throw new Error('not a PDF this program wrote: no classic xref table');
  const count = Number(head[1]);
  const offsets: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const entry = xref.slice(head[0].length + i * 20, head[0].length + i * 20 + 20);
    if (entry[17] === 'n') offsets.push([i, Number(entry.slice(0, 10))]);
  }
  // An object runs from its offset to the next object's (or the xref table).
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  const spans = new Map<number, readonly [number, number]>();
  sorted.forEach(([n, off], i) => spans.set(n, [off, sorted[i + 1]?.[1] ?? xrefAt]));
  const trailer = xref.slice(xref.indexOf('trailer'));
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  const catalog = root && spans.get(Number(root[1]));
  const pagesRef = catalog && /\/Pages (\d+) 0 R/.exec(pdf.toString('latin1', catalog[0], catalog[1]));
  const pages = pagesRef && spans.get(Number(pagesRef[1]));
  const kidsText = pages && /\/Kids \[([^\]]*)\]/.exec(pdf.toString('latin1', pages[0], pages[1]));
  if (!kidsText) throw new Error('not a PDF this program wrote: no flat page list');
  const kids = [...kidsText[1]!.matchAll(REF)].map((m) => Number(m[1]));
  return { pdf, spans, kids };
}

export class PdfCombiner {
  private readonly chunks: Buffer[] = [];
  private readonly offsets: number[] = [];
  private size = 0;
  private readonly pageRefs: number[] = [];
  /** Object 1 is the page tree, 2 the catalog, 3 the info; the documents' objects follow. */
  private next = 4;

  constructor(private readonly meta: { readonly title: string; readonly language: string }) {
    this.write(Buffer.from('%PDF-1.4\n%\xff\xff\xff\xff\n', 'latin1'));
  }

  private write(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
  }

  private object(n: number, body: Buffer | string): void {
    this.offsets[n] = this.size;
    this.write(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  }

  /** Appends every page of one PDF, with what its pages use (fonts, images, contents) and nothing else. */
  add(pdf: Buffer): void {
    const doc = parse(pdf);
    const renumber = new Map<number, number>();
    const order: number[] = [];
    const visit = (n: number): void => {
      if (renumber.has(n) || !doc.spans.has(n)) return;
      renumber.set(n, this.next++);
      order.push(n);
      // The page's /Parent points at the old page tree: not followed, replaced below.
      const { head } = split(doc.pdf, doc.spans.get(n)!);
      for (const m of head.replace(/\/Parent \d+ 0 R/, '').matchAll(REF)) visit(Number(m[1]));
    };
    doc.kids.forEach(visit);
    for (const old of order) {
      const { head, stream, tail } = split(doc.pdf, doc.spans.get(old)!);
      const n = renumber.get(old)!;
      const lineEnd = head.indexOf('\n');
      // Its own number, then every reference it makes; the pages hang from the new page tree (object 1).
      const body = head
        .slice(lineEnd)
        .replace(REF, (all, ref: string) => {
          const to = renumber.get(Number(ref));
          return to === undefined ? all : `${to} 0 R`;
        })
        .replace(/\/Parent \d+ 0 R/, '/Parent 1 0 R');
      const text = `${n} 0 obj${body}`;
      this.object(n, stream ? Buffer.concat([Buffer.from(text, 'latin1'), stream, Buffer.from(tail, 'latin1')]) : text);
    }
    for (const k of doc.kids) this.pageRefs.push(renumber.get(k)!);
  }

  get pageCount(): number {
    return this.pageRefs.length;
  }

  /** The page tree, catalog and info, the xref table and trailer; returns the file. */
  finish(): CombinedPdf {
    const str = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')})`;
    this.object(1, `1 0 obj\n<<\n/Type /Pages\n/Count ${this.pageRefs.length}\n/Kids [${this.pageRefs.map((r) => `${r} 0 R`).join(' ')}]\n>>\nendobj\n`);
    this.object(2, `2 0 obj\n<<\n/Type /Catalog\n/Pages 1 0 R\n/Lang ${str(this.meta.language)}\n>>\nendobj\n`);
    this.object(3, `3 0 obj\n<<\n/Producer (Ordrebok)\n/Creator (Ordrebok)\n/Title ${str(this.meta.title)}\n>>\nendobj\n`);
    const xrefAt = this.size;
    const lines = [`xref\n0 ${this.next}\n`, '0000000000 65535 f \n'];
    for (let n = 1; n < this.next; n++) lines.push(`${String(this.offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`);
    lines.push(`trailer\n<<\n/Size ${this.next}\n/Root 2 0 R\n/Info 3 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`);
    this.write(Buffer.from(lines.join(''), 'latin1'));
    const bytes = Buffer.concat(this.chunks);
    this.chunks.length = 0;
    return { bytes, pageCount: this.pageRefs.length };
  }
}
