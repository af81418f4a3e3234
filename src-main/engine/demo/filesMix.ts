// Files and relations in the demo company (issue 12): a handful of small files
// on some orders (a CSV of measurements, a one-page drawing note as PDF made
// with the documents' own PDF code) and links from some sales orders to the
// purchase orders bought for them. Made through the services, as a clerk's
// attachments are, today; deterministic (every nth order).
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { Pdf } from '../documents/pdf';
import { everyNthOrder, orderRef } from '../repos/orderRefs';
import { attachFile } from '../services/files';
import { addRelation } from '../services/relations';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

function measurementsCsv(number: number): string {
  const rows = [
    ['Rom', 'Lengde (m)', 'Bredde (m)', 'Areal (m²)'],
    ['Stue', '6,20', '4,10', '25,42'],
    ['Kjøkken', '3,80', '3,10', '11,78'],
    ['Bad', '2,40', '1,90', '4,56'],
  ];
  return `Mål og mengder, ordre ${number}\n${rows.map((r) => r.join(';')).join('\n')}\n`;
}

function drawingNote(ctx: HandlerContext, number: number, customer: string): Buffer {
  const pdf = new Pdf({ title: `Tegningsnotat ordre ${number}`, author: 'Ordrebok demo', subject: 'Tegningsnotat', language: 'nb-NO', issuedAt: ctx.now });
  pdf.text(`Tegningsnotat – ordre ${number}`, 56, 60, { size: 16, weight: 'bold' });
  pdf.text(customer, 56, 88, { size: 11 });
  pdf.box(56, 120, 300, 160, { stroke: '#555555', lineWidth: 1 });
  pdf.text('Vegg A: 6,20 m', 66, 130);
  pdf.text('Vegg B: 4,10 m', 66, 146);
  pdf.text('Døråpning 90 cm, midt på vegg B', 66, 162);
  pdf.text('Montering etter avtale med byggeleder.', 56, 300, { size: 10 });
  return pdf.finish(() => undefined);
}

export function filesMix(ctx: HandlerContext): void {
  const sales = everyNthOrder(ctx.db, 'sales', 23, 8);
  const purchases = everyNthOrder(ctx.db, 'purchase', 3, 8);
  sales.forEach((orderId, i) => {
    const o = orderRef(ctx.db, orderId)!;
    attachFile(ctx, { orderId, name: `Mål og mengder ${o.number}.csv`, mime: 'text/csv', dataBase64: b64(measurementsCsv(o.number)) });
    if (i % 2 === 0) attachFile(ctx, { orderId, name: `Tegningsnotat ${o.number}.pdf`, mime: 'application/pdf', dataBase64: b64(drawingNote(ctx, o.number, o.partyName)) });
    const po = purchases[i];
    if (po === undefined) return;
    try {
      addRelation(ctx, { orderId, to: { kind: 'order', id: po }, note: i % 3 === 0 ? 'Varene til denne ordren er bestilt her' : null });
    } catch (err) {
      // Already linked by the program (an amendment of the same chain): nothing to add.
      if (!(err instanceof DomainError && err.data.code === 'relation_exists')) throw err;
    }
  });
}
