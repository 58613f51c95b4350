import sharp, { type JpegOptions } from 'sharp';
import { DecodeError, type Raster } from './raster.ts';

/*
 * One-channel (greyscale) JPEGs through sharp (libvips with mozjpeg). Skia only writes three-channel JPEGs,
 * which cost a grey page its chroma blocks (a white A4 alone was 51 KB); a one-channel JPEG has none, and
 * mozjpeg's optimised progressive scans code the luma tighter (docs/SCANNING.md "JPEG size"). The work runs in libuv's thread pool, so the next page is decoded on the
 * main thread meanwhile, as with Skia before.
 */

// libvips caches recent operations with their pixels for repeated work on one image; every page here is new,
// so the cache would only hold memory (the batch's peak must stay under 500 MB).
sharp.cache(false);
// One libvips thread per page: the scan session already encodes up to three pages at once on two cores.
sharp.concurrency(1);

/**
 * mozjpeg's entropy coding without changing a pixel: progressive scans, their split chosen for size
 * (`optimiseScans`), Huffman tables made for the page; quantisation table 3 (mozjpeg's own default). The
 * quantised coefficients are those of a plain quality-`quality` JPEG, so legibility is that of the quality.
 * Trellis quantisation (sharp's `mozjpeg` preset) takes 5 % more off at twice the CPU: not worth it here.
 */
function jpegOptions(quality: number): JpegOptions {
  return { quality, progressive: true, optimiseScans: true, quantisationTable: 3 };
}

/** A grey raster (one channel, rows top to bottom) → a one-channel JPEG (PDF: /DeviceGray, DCTDecode). */
export async function encodeGreyJpeg(grey: Raster, quality: number): Promise<Buffer> {
  if (grey.channels !== 1) throw new Error('encodeGreyJpeg takes a grey raster');
  return sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } }).toColourspace('b-w').jpeg(jpegOptions(quality)).toBuffer();
}

/**
 * A JPEG → its grey pixels (luma), upright by its EXIF orientation, decoded by libvips off the main thread.
 * For grey mode: a three-component JPEG's chroma is never expanded to RGBA (a fifth of the memory of Skia's
 * decode, and no main-thread pixel copy).
 */
export async function decodeJpegToGrey(jpeg: Buffer): Promise<Raster> {
  try {
    const { data, info } = await sharp(jpeg, { autoOrient: true, failOn: 'error' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 || !(info.width > 0 && info.height > 0)) throw new Error(`unexpected ${info.channels} channels`);
    return { width: info.width, height: info.height, channels: 1, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (error) {
    throw new DecodeError(`cannot decode image: ${error instanceof Error ? error.message : String(error)}`);
  }
}
