// The company logo, made ready once when it is saved so that every document
// can embed it synchronously: JPEG and opaque PNG go in as they are; a PNG with
// transparency is flattened onto white and written again as an opaque RGB PNG
// (pdfkit would otherwise decode its alpha channel asynchronously).
import { deflateSync, inflateSync } from 'node:zlib';
import { DomainError } from '../../../shared/errors';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4000;

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette: Buffer | null;
  transparency: Buffer | null;
  data: Buffer;
}

function refuse(): never {
  throw new DomainError('logo_unsupported', 'imageBase64');
}

function readPng(bytes: Buffer): PngInfo {
  let pos = 8;
  let ihdr: Buffer | null = null;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (body.length !== length) refuse();
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (!ihdr || ihdr.length < 13 || idat.length === 0) refuse();
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8]!,
    colorType: ihdr[9]!,
    interlace: ihdr[12]!,
    palette,
    transparency,
    data: Buffer.concat(idat),
  };
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Undoes the per-row filters of a non-interlaced 8-bit-or-less image. */
function unfilter(raw: Buffer, width: number, height: number, bitsPerPixel: number): Buffer {
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev ? prev[x]! : 0;
      const c = prev && x >= bpp ? prev[x - bpp]! : 0;
      let v = src[x]!;
      switch (filter) {
        case 0:
          break;
        case 1:
          v += a;
          break;
        case 2:
          v += b;
          break;
        case 3:
          v += (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          refuse();
      }
      row[x] = v & 0xff;
    }
  }
  return out;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** An opaque 8-bit RGB PNG of the given pixels (filter 0 on every row). */
export function encodeRgbPng(width: number, height: number, rgb: Buffer): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Every pixel as RGB over a white background. */
function flatten(png: PngInfo): Buffer {
  const channels = CHANNELS[png.colorType];
  if (!channels) refuse();
  const bitsPerPixel = channels * png.bitDepth;
  const pixels = unfilter(inflateSync(png.data), png.width, png.height, bitsPerPixel);
  const stride = Math.ceil((png.width * bitsPerPixel) / 8);
  const rgb = Buffer.alloc(png.width * png.height * 3);
  const over = (v: number, alpha: number) => Math.round((v * alpha + 255 * (255 - alpha)) / 255);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      let r: number, g: number, b: number, a: number;
      if (png.colorType === 3) {
        const bit = x * png.bitDepth;
        const byte = pixels[y * stride + (bit >> 3)]!;
        const index = (byte >> (8 - png.bitDepth - (bit & 7))) & ((1 << png.bitDepth) - 1);
        if (!png.palette || index * 3 + 2 >= png.palette.length) refuse();
        r = png.palette[index * 3]!;
        g = png.palette[index * 3 + 1]!;
        b = png.palette[index * 3 + 2]!;
        a = png.transparency && index < png.transparency.length ? png.transparency[index]! : 255;
      } else {
        const p = y * stride + x * channels;
        const gray = png.colorType === 0 || png.colorType === 4;
        r = pixels[p]!;
        g = gray ? r : pixels[p + 1]!;
        b = gray ? r : pixels[p + 2]!;
        a = png.colorType === 4 ? pixels[p + 1]! : png.colorType === 6 ? pixels[p + 3]! : 255;
      }
      const o = (y * png.width + x) * 3;
      rgb[o] = over(r, a);
      rgb[o + 1] = over(g, a);
      rgb[o + 2] = over(b, a);
    }
  }
  return rgb;
}

/**
 * Checks a logo and returns the bytes every document will embed. Refuses
 * (logo_unsupported) anything but JPEG and PNG of 8 bits per channel or less,
 * not interlaced, at most 4000 pixels a side.
 */
export function prepareLogo(bytes: Buffer): Buffer {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return bytes;
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) refuse();
  const png = readPng(bytes);
  if (png.width < 1 || png.height < 1 || png.width > MAX_SIDE || png.height > MAX_SIDE) refuse();
  if (png.interlace !== 0 || png.bitDepth > 8 || (png.colorType !== 3 && png.bitDepth !== 8)) refuse();
  // Opaque truecolour, greyscale and palette images pdfkit embeds as they are.
  const opaque = (png.colorType === 0 || png.colorType === 2 || png.colorType === 3) && png.transparency === null;
  if (opaque) return bytes;
  return encodeRgbPng(png.width, png.height, flatten(png));
}
