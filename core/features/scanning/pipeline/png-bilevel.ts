import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A 1-bit greyscale PNG (0 = black, 1 = white): grey pixels below `threshold` are black. Neither Skia nor pdfkit writes
 * one, and it is what makes text pages small: pdfkit embeds a PNG without alpha by copying its compressed
 * data (FlateDecode with the PNG predictor), so the PDF page costs what the PNG costs.
 */
export function encodeBilevelPng(width: number, height: number, grey: Uint8Array, threshold: number): Buffer {
  const stride = Math.ceil(width / 8);
  const rows = Buffer.alloc((stride + 1) * height, 0);
  for (let y = 0; y < height; y += 1) {
    const row = y * (stride + 1);
    rows[row] = 0; // filter: none
    for (let byte = 0; byte < stride; byte += 1) {
      let bits = 0;
      for (let bit = 0; bit < 8; bit += 1) {
        const x = byte * 8 + bit;
        // White is 1; padding bits past the width are white too.
        if (x >= width || grey[y * width + x]! >= threshold) bits |= 0x80 >> bit;
      }
      rows[row + 1 + byte] = bits;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}
