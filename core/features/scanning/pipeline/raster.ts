import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif';
import { applyOrientation } from './orientation.ts';

/** Decoded pixels: 1 channel (grey) or 4 (RGBA), 8 bits each, rows top to bottom. */
export type Raster = Readonly<{ width: number; height: number; channels: 1 | 4; data: Uint8Array }>;

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

/** PNM as scanimage writes it: P4 (1-bit), P5 (grey), P6 (RGB), 8-bit samples, `#` comments in the header. */
export function decodePnm(bytes: Buffer): Raster {
  let offset = 0;
  const token = (): string => {
    for (;;) {
      while (offset < bytes.length && /\s/.test(String.fromCharCode(bytes[offset]!))) offset += 1;
      if (bytes[offset] !== 0x23) break; // '#': a comment to the end of the line
      while (offset < bytes.length && bytes[offset] !== 0x0a) offset += 1;
    }
    const start = offset;
    while (offset < bytes.length && !/\s/.test(String.fromCharCode(bytes[offset]!))) offset += 1;
    return bytes.toString('latin1', start, offset);
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  const max = magic === 'P4' ? 1 : Number(token());
  offset += 1; // the single whitespace before the samples
  if (!['P4', 'P5', 'P6'].includes(magic) || !(width > 0 && height > 0) || max > 255) throw new DecodeError(`unsupported PNM ${magic} ${width}x${height} max ${max}`);
  const body = bytes.subarray(offset);
  if (magic === 'P5') {
    if (body.length < width * height) throw new DecodeError('PNM is truncated');
    return { width, height, channels: 1, data: body.subarray(0, width * height) };
  }
  if (magic === 'P4') {
    const stride = Math.ceil(width / 8);
    if (body.length < stride * height) throw new DecodeError('PNM is truncated');
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) data[y * width + x] = (body[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255;
    }
    return { width, height, channels: 1, data };
  }
  if (body.length < width * height * 3) throw new DecodeError('PNM is truncated');
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height * 3; i += 3, j += 4) {
    data[j] = body[i]!;
    data[j + 1] = body[i + 1]!;
    data[j + 2] = body[i + 2]!;
    data[j + 3] = 255;
  }
  return { width, height, channels: 4, data };
}

/** JPEG and PNG through Skia (@napi-rs/canvas). */
export async function decodeWithCanvas(bytes: Buffer): Promise<Raster> {
  let image;
  try {
    image = await loadImage(bytes);
  } catch (error) {
    throw new DecodeError(`cannot decode image: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!(image.width > 0 && image.height > 0)) throw new DecodeError('the image has no pixels');
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff'; // transparent areas of a PNG become paper white, not black
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  return { width: image.width, height: image.height, channels: 4, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
}

/** Every page of a TIFF (fax G3/G4, LZW, JPEG-in-TIFF…) through UTIF, pure JS, turned upright (tag 274). */
export function decodeTiffPages(bytes: Buffer, maxPages: number): Raster[] {
  let ifds;
  try {
    ifds = UTIF.decode(bytes);
  } catch (error) {
    throw new DecodeError(`cannot read TIFF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pages = ifds.filter((ifd) => ifd.t256 !== undefined && ifd.t257 !== undefined);
  if (pages.length === 0) throw new DecodeError('the TIFF has no image');
  if (pages.length > maxPages) throw new DecodeError(`too many pages: ${pages.length}`);
  return pages.map((ifd) => {
    try {
      UTIF.decodeImage(bytes, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      if (!(ifd.width > 0 && ifd.height > 0) || rgba.length < ifd.width * ifd.height * 4) throw new Error('no pixels');
      return applyOrientation({ width: ifd.width, height: ifd.height, channels: 4, data: rgba }, Array.isArray(ifd.t274) ? Number(ifd.t274[0]) : 1);
    } catch (error) {
      throw new DecodeError(`cannot decode a TIFF page: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** Luma (BT.601) from RGBA; a grey raster is returned as it is. */
export function toGrey(raster: Raster): Raster {
  if (raster.channels === 1) return raster;
  const { width, height, data } = raster;
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i += 1, j += 4) grey[i] = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8;
  return { width, height, channels: 1, data: grey };
}

/** How many of the first `count` values have each grey level. */
export function greyHistogram(values: Uint8Array, count = values.length): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < count; i += 1) histogram[values[i]!]! += 1;
  return histogram;
}

/**
 * The paper's grey: the 90th percentile of a histogram of `samples` pixels (the brightest tenth of any page
 * with margins is paper); 255 when there are none.
 */
export function paperLevelOf(histogram: Uint32Array, samples: number): number {
  let seen = 0;
  for (let value = 255; value >= 0; value -= 1) {
    seen += histogram[value]!;
    if (seen >= samples * 0.1) return value;
  }
  return 255;
}
