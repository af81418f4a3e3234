// Purchasing channels (SPEC 1.3): one transaction each; every step claims the
// order at its version, checks all its lines, writes, and logs before and after.
import { reader, writer, type HandlerMap } from './types';
import {
  amendPurchase,
  cancelPurchase,
  claimPurchase,
  createFromSuggestions,
  createPurchase,
  dispatchPurchase,
  finishPurchase,
  lineByEan,
  listPurchases,
  loadPurchase,
  matchSupplierInvoice,
  purchaseSuggestions,
  receivePurchase,
  replyPurchase,
  savePurchase,
} from '../services/purchasing';

type PurchaseChannels =
  | 'purchase.create'
  | 'purchase.get'
  | 'purchase.list'
  | 'purchase.save'
  | 'purchase.reply'
  | 'purchase.dispatch'
  | 'purchase.receive'
  | 'purchase.lineByEan'
  | 'purchase.matchInvoice'
  | 'purchase.cancel'
  | 'purchase.amend'
  | 'purchase.suggestions'
  | 'purchase.createFromSuggestions';

export const purchasingHandlers: HandlerMap<PurchaseChannels> = {
  'purchase.create': writer((input, ctx) => createPurchase(ctx, input.header, input.lines)),
  'purchase.get': reader((input, { db, actor }) => loadPurchase(db, input.id, actor)),
  'purchase.list': reader((input, { db }) => listPurchases(db, input)),
  'purchase.save': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    savePurchase(ctx, before, input.header, input.lines);
    return finishPurchase(ctx, input.id, 'save', before);
  }),
  'purchase.reply': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    replyPurchase(ctx, before, input.lines);
    return finishPurchase(ctx, input.id, 'supplier_reply', before);
  }),
  'purchase.dispatch': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    dispatchPurchase(ctx, before, input.lines);
    return finishPurchase(ctx, input.id, 'dispatch', before);
  }),
  'purchase.receive': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    receivePurchase(ctx, before, input.lines);
    return finishPurchase(ctx, input.id, 'receive', before);
  }),
  'purchase.lineByEan': reader((input, { db, actor }) => lineByEan(loadPurchase(db, input.id, actor), input.ean)),
  'purchase.matchInvoice': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    matchSupplierInvoice(ctx, before, input);
    return finishPurchase(ctx, input.id, 'supplier_invoice', before);
  }),
  'purchase.cancel': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    cancelPurchase(ctx, before, input.reason ?? null);
    return finishPurchase(ctx, input.id, 'cancel', before);
  }),
  'purchase.amend': writer((input, ctx) => {
    const before = claimPurchase(ctx, input.id, input.version);
    const amendment = amendPurchase(ctx, before, input);
    finishPurchase(ctx, input.id, 'amended', before);
    return amendment;
  }),
  'purchase.suggestions': reader((input, { db }) => purchaseSuggestions(db, input.supplierId ?? null)),
  // Each order logs its own creation ('create_from_suggestions') as it is made.
  'purchase.createFromSuggestions': writer((input, ctx) => createFromSuggestions(ctx, input.items)),
};
