// Files on orders (issue 12). A file and its activity-log entry are written in
// the handler's one transaction, so a crash leaves either both or neither. The
// bytes are hashed when attached and checked on every read.
//
// Removing a file deletes its bytes (the log keeps its name, size, SHA-256, who
// and when): a file is removed because it was the wrong one or should not be
// kept (personal data sent by mistake), and every backup of the company file
// would otherwise carry it on.
import { createHash } from 'node:crypto';
import type { OrderFile, OrderFileContent } from '../../../shared/channels/files';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { logActivity } from '../repos/activity';
import { deleteOrderFile, fileBytes, getOrderFile, insertOrderFile, listOrderFiles } from '../repos/files';
import { orderRef } from '../repos/orderRefs';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function assertOrder(ctx: HandlerContext, orderId: number, field: string): void {
  if (!orderRef(ctx.db, orderId)) throw new DomainError('not_found', field, { entity: 'ordre', id: orderId });
}

function fileOrRefuse(ctx: HandlerContext, id: number): OrderFile {
  const file = getOrderFile(ctx.db, id);
  if (!file) throw new DomainError('not_found', 'id', { entity: 'fil', id });
  return file;
}

/** What the activity log says about a file (never its bytes). */
const logged = (f: OrderFile) => ({ fileId: f.id, name: f.name, mime: f.mime, sizeBytes: f.sizeBytes, sha256: f.sha256 });

export function orderFiles(ctx: HandlerContext, orderId: number): OrderFile[] {
  assertOrder(ctx, orderId, 'orderId');
  return listOrderFiles(ctx.db, orderId);
}

export function attachFile(ctx: HandlerContext, input: { orderId: number; name: string; mime: string; dataBase64: string }): OrderFile {
  assertOrder(ctx, input.orderId, 'orderId');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const at = ctx.now.toISOString();
  const id = insertOrderFile(ctx.db, { orderId: input.orderId, name: input.name, mime: input.mime, bytes, sha256: sha256(bytes), at, userId: ctx.userId });
  const file = getOrderFile(ctx.db, id)!;
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'order', entityId: input.orderId, action: 'file_attached', after: logged(file) });
  return file;
}

export function readFile(ctx: HandlerContext, id: number): OrderFileContent {
  const file = fileOrRefuse(ctx, id);
  const bytes = fileBytes(ctx.db, id);
  if (!bytes || bytes.length !== file.sizeBytes || sha256(bytes) !== file.sha256) {
    throw new DomainError('file_damaged', 'id', { name: file.name });
  }
  return { ...file, dataBase64: bytes.toString('base64') };
}

export function removeFile(ctx: HandlerContext, id: number): { removed: number } {
  const file = fileOrRefuse(ctx, id);
  deleteOrderFile(ctx.db, id);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: file.orderId, action: 'file_removed', before: logged(file) });
  return { removed: id };
}
