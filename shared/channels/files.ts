// Files attached to an order (issue 12): stored in the company database with
// their activity-log entry in one transaction; the bytes cross as base64.
import { z } from 'zod';
import { base64Bytes, MAX_FILE_BASE64, MAX_FILE_BYTES } from '../files';
import { channel, id } from './common';

export interface OrderFile {
  readonly id: number;
  readonly orderId: number;
  readonly name: string;
  readonly mime: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
  readonly createdByName: string | null;
}

export interface OrderFileContent extends OrderFile {
  readonly dataBase64: string;
}

/** A file name as the clerk's machine gave it: no folders, no control characters. */
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\\/\u0000-\u001f\u007f]/.test(s) && s !== '.' && s !== '..', { message: 'invalid_file_name' });

/** type/subtype; an empty one (the browser did not know) is stored as plain bytes. */
const mime = z
  .string()
  .trim()
  .max(100)
  .refine((s) => s === '' || /^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(s), { message: 'invalid_format' })
  .transform((s) => s || 'application/octet-stream');

const base64 = z
  .string()
  .max(MAX_FILE_BASE64)
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), { message: 'invalid_base64' });

export const attachInput = z
  .object({ orderId: id, name: fileName, mime, dataBase64: base64 })
  .strict()
  .superRefine((v, ctx) => {
    const bytes = base64Bytes(v.dataBase64);
    if (bytes > MAX_FILE_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['dataBase64'], message: 'file_too_large', params: { name: v.name, bytes, max: MAX_FILE_BYTES } });
    }
  });

export const filesChannels = {
  /** Newest first, without their bytes. */
  'files.list': channel<readonly OrderFile[]>()(z.object({ orderId: id }).strict()),
  'files.attach': channel<OrderFile>()(attachInput),
  /** The bytes, checked against their SHA-256 before they are handed out. */
  'files.get': channel<OrderFileContent>()(z.object({ id }).strict()),
  'files.remove': channel<{ readonly removed: number }>()(z.object({ id }).strict()),
} as const;
