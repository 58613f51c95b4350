import type { Raster } from './raster.ts';

/**
 * Applies an EXIF/TIFF orientation (2–8: mirrors and quarter turns) to the pixels, so the result is upright.
 * JPEGs need no call: Skia's decoder applies their EXIF orientation already (checked in pipeline.test.ts);
 * TIFF pages (tag 274) are turned here, since UTIF returns them as stored.
 */
export function applyOrientation(raster: Raster, orientation: number): Raster {
  if (orientation <= 1 || orientation > 8) return raster;
  const { width: w, height: h, channels: c, data } = raster;
  const swap = orientation >= 5;
  const outW = swap ? h : w;
  const outH = swap ? w : h;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < outH; y += 1) {
    for (let x = 0; x < outW; x += 1) {
      // Where the upright pixel (x, y) comes from in the stored image.
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: [sx, sy] = [w - 1 - x, y]; break;
        case 3: [sx, sy] = [w - 1 - x, h - 1 - y]; break;
        case 4: [sx, sy] = [x, h - 1 - y]; break;
        case 5: [sx, sy] = [y, x]; break;
        case 6: [sx, sy] = [y, h - 1 - x]; break;
        case 7: [sx, sy] = [w - 1 - y, h - 1 - x]; break;
        default: [sx, sy] = [w - 1 - y, x]; break; // 8
      }
      const from = (sy * w + sx) * c;
      const to = (y * outW + x) * c;
      for (let k = 0; k < c; k += 1) out[to + k] = data[from + k]!;
    }
  }
  return { width: outW, height: outH, channels: c, data: out };
}
