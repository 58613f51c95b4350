/** What a JPEG header says: size, components, bits, EXIF orientation. Null when it is not a readable JPEG. */
export type JpegInfo = Readonly<{ width: number; height: number; components: number; bits: number; orientation: number }>;

// Start-of-frame markers (baseline, extended, progressive, lossless, arithmetic), as pdfkit accepts them.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function exifOrientation(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  if (ifd + 2 > tiff.length) return 1;
  for (let index = 0; index < u16(ifd); index += 1) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.length) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

export function jpegInfo(bytes: Buffer): JpegInfo | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let orientation = 1;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (marker === 0xe1 && bytes.toString('latin1', offset + 4, offset + 10) === 'Exif\0\0') orientation = exifOrientation(bytes.subarray(offset + 10, offset + 2 + length));
    if (SOF.has(marker)) {
      if (offset + 10 > bytes.length) return null;
      return { bits: bytes[offset + 4]!, height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7), components: bytes[offset + 9]!, orientation };
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data before any frame header
    offset += 2 + length;
  }
  return null;
}
