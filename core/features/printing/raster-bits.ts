import { createCanvas } from '@napi-rs/canvas';

/**
 * A 1-bit image in the GS v 0 layout: rows top to bottom, each row `bytesPerRow` bytes, the most significant
 * bit of a byte is the leftmost dot, 1 = black (burnt).
 */
export type Raster = Readonly<{ widthDots: number; heightDots: number; bytesPerRow: number; data: Uint8Array }>;

/** RGBA → 1 bit: a dot is black when its luminance is below half. */
export function threshold(rgba: Uint8ClampedArray, width: number, height: number): Raster {
  const bytesPerRow = width / 8;
  const data = new Uint8Array(bytesPerRow * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 4;
      const luminance = 0.2126 * (rgba[i] ?? 255) + 0.7152 * (rgba[i + 1] ?? 255) + 0.0722 * (rgba[i + 2] ?? 255);
      if (luminance < 128) {
        const index = row * bytesPerRow + (col >> 3);
        data[index] = (data[index] ?? 0) | (0x80 >> (col & 7));
      }
    }
  }
  return { widthDots: width, heightDots: height, bytesPerRow, data };
}

/** A slice of rows [from, from + count) as its own raster (GS v 0 bands). */
export function rasterRows(raster: Raster, from: number, count: number): Raster {
  const start = from * raster.bytesPerRow;
  return { ...raster, heightDots: count, data: raster.data.subarray(start, start + count * raster.bytesPerRow) };
}

/** The raster as an opaque black-on-white PNG (previews, and the PNG node-thermal-printer reads). */
export function rasterToPng(raster: Raster): Buffer {
  const canvas = createCanvas(raster.widthDots, raster.heightDots);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(raster.widthDots, raster.heightDots);
  for (let row = 0; row < raster.heightDots; row++) {
    for (let col = 0; col < raster.widthDots; col++) {
      const black = ((raster.data[row * raster.bytesPerRow + (col >> 3)] ?? 0) & (0x80 >> (col & 7))) !== 0;
      const i = (row * raster.widthDots + col) * 4;
      const v = black ? 0 : 255;
      image.data[i] = v;
      image.data[i + 1] = v;
      image.data[i + 2] = v;
      image.data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
