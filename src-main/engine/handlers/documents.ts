// Channels of the document engine (SPEC 7): render or reprint, list an order's
// archive, fetch one archived document, picking lists in batch, the logo.
import { listDocumentsOfOrder } from '../repos/documents';
import { archivedDocument, combineDocuments, issueDocument, issuePickingLists, printDefaults, saveLogo } from '../documents/service';
import { documentAvailability } from '../domain/documentRules';
import { listInvoices } from '../repos/invoices';
import { withPurchaseCancellation } from '../repos/purchasing';
import { reload } from '../services/processing';
import { reader, writer, type HandlerMap } from './types';

type DocumentChannels =
  | 'documents.render'
  | 'documents.list'
  | 'documents.get'
  | 'documents.renderPickingLists'
  | 'documents.combine'
  | 'documents.printDefaults'
  | 'documents.setLogo'
  | 'documents.availability';

export const documentHandlers: HandlerMap<DocumentChannels> = {
  'documents.render': writer((input, ctx) => {
    const { document, pdf, reprint } = issueDocument(ctx, input);
    return { document, pdfBase64: pdf.toString('base64'), reprint };
  }),
  'documents.list': reader((input, { db }) => listDocumentsOfOrder(db, input.orderId)),
  'documents.get': reader((input, ctx) => {
    const { document, pdf } = archivedDocument(ctx, input.id);
    return { document, pdfBase64: pdf.toString('base64'), reprint: true };
  }),
  'documents.renderPickingLists': writer((input, ctx) => issuePickingLists(ctx, input.orderIds, input.language)),
  'documents.combine': reader((input, ctx) => combineDocuments(ctx, input.documentIds)),
  'documents.printDefaults': reader((input, ctx) => printDefaults(ctx, input.orderId, listInvoices(ctx.db, { orderId: input.orderId, limit: 500 }))),
  'documents.availability': reader((input, { db }) =>
    documentAvailability(withPurchaseCancellation(db, reload(db, input.orderId)), listInvoices(db, { orderId: input.orderId, limit: 500 })),
  ),
  'documents.setLogo': writer((input, ctx) => saveLogo(ctx, input.imageBase64)),
};
