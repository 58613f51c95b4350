import zlib from 'node:zlib';
import type { Raster } from '../../core/features/printing/raster.ts';

/**
 * Reads an ESC/POS byte stream the way a receipt printer does, for the commands our slips use, and
 * rebuilds the printed image: GS v 0 bands stacked top to bottom. Anything it does not know is kept as
 * `text` bytes, so a test can prove no text (and so no Vietnamese in a code page) was sent.
 */
export type EscPosCommand =
  | { kind: 'init' }
  | { kind: 'raster'; mode: number; widthBytes: number; heightDots: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'feed-lines'; lines: number }
  | { kind: 'other'; bytes: number[] };

export type DecodedEscPos = {
  commands: EscPosCommand[];
  /** Bytes outside any command: what a printer would print as characters (LF counted as text too). */
  text: Buffer;
  /** All raster bands stacked; undefined when the stream has none. Bands must share one width. */
  raster: Raster | undefined;
};

export function decodeEscPos(stream: Uint8Array): DecodedEscPos {
  const commands: EscPosCommand[] = [];
  const text: number[] = [];
  const bands: Uint8Array[] = [];
  let widthBytes = -1;
  let height = 0;
  let i = 0;
  const need = (n: number): void => {
    if (i + n > stream.length) throw new Error(`truncated ESC/POS command at byte ${i}`);
  };
  const at = (k: number): number => stream[k] ?? 0;
  while (i < stream.length) {
    const b = at(i);
    if (b === 0x1b) {
      need(2);
      const c = at(i + 1);
      if (c === 0x40) {
        commands.push({ kind: 'init' });
        i += 2;
      } else if (c === 0x64) {
        need(3);
        commands.push({ kind: 'feed-lines', lines: at(i + 2) });
        i += 3;
      } else if (c === 0x74 || c === 0x21 || c === 0x45 || c === 0x61 || c === 0x2d || c === 0x4d || c === 0x52) {
        // ESC t n (code page), ESC ! n, ESC E n, ESC a n, ESC - n, ESC M n, ESC R n
        need(3);
        commands.push({ kind: 'other', bytes: [b, c, at(i + 2)] });
        i += 3;
      } else if (c === 0x70) {
        // ESC p m t1 t2: the cash-drawer pulse
        need(5);
        commands.push({ kind: 'other', bytes: [b, c, at(i + 2), at(i + 3), at(i + 4)] });
        i += 5;
      } else {
        throw new Error(`unknown ESC command 0x${c.toString(16)} at byte ${i}`);
      }
    } else if (b === 0x1d) {
      need(2);
      const c = at(i + 1);
      if (c === 0x76) {
        need(8);
        if (at(i + 2) !== 0x30) throw new Error(`GS v ${at(i + 2)} is not GS v 0 at byte ${i}`);
        const mode = at(i + 3);
        const wb = at(i + 4) | (at(i + 5) << 8);
        const hd = at(i + 6) | (at(i + 7) << 8);
        need(8 + wb * hd);
        if (widthBytes !== -1 && wb !== widthBytes) throw new Error('raster bands of different widths');
        widthBytes = wb;
        bands.push(stream.slice(i + 8, i + 8 + wb * hd));
        height += hd;
        commands.push({ kind: 'raster', mode, widthBytes: wb, heightDots: hd });
        i += 8 + wb * hd;
      } else if (c === 0x56) {
        need(3);
        const m = at(i + 2);
        if (m === 0x00 || m === 0x30 || m === 0x01 || m === 0x31) {
          commands.push({ kind: 'cut', partial: m === 0x01 || m === 0x31 });
          i += 3;
        } else if (m === 0x41 || m === 0x42) {
          need(4);
          commands.push({ kind: 'cut', partial: m === 0x42 });
          i += 4;
        } else {
          throw new Error(`unknown GS V mode ${m} at byte ${i}`);
        }
      } else if (c === 0x21) {
        need(3);
        commands.push({ kind: 'other', bytes: [b, c, at(i + 2)] });
        i += 3;
      } else {
        throw new Error(`unknown GS command 0x${c.toString(16)} at byte ${i}`);
      }
    } else {
      text.push(b);
      i += 1;
    }
  }
  let raster: Raster | undefined;
  if (bands.length > 0) {
    const data = new Uint8Array(widthBytes * height);
    let offset = 0;
    for (const band of bands) {
      data.set(band, offset);
      offset += band.length;
    }
    raster = { widthDots: widthBytes * 8, heightDots: height, bytesPerRow: widthBytes, data };
  }
  return { commands, text: Buffer.from(text), raster };
}

/**
 * The decoded raster as a PNG, the way the paper would look: a 1-bit greyscale PNG written here with zlib,
 * independently of the rasteriser that drew the slip.
 */
export function decodedToPng(decoded: DecodedEscPos): Buffer {
  const raster = decoded.raster;
  if (raster === undefined) throw new Error('no raster in the ESC/POS stream');
  const rows = Buffer.alloc((raster.bytesPerRow + 1) * raster.heightDots);
  for (let row = 0; row < raster.heightDots; row++) {
    const out = row * (raster.bytesPerRow + 1);
    rows[out] = 0; // filter: none
    for (let k = 0; k < raster.bytesPerRow; k++) {
      // ESC/POS: 1 = black; PNG greyscale 1-bit: 1 = white.
      rows[out + 1 + k] = ~(raster.data[row * raster.bytesPerRow + k] ?? 0) & 0xff;
    }
  }
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(raster.widthDots, 0);
  ihdr.writeUInt32BE(raster.heightDots, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
