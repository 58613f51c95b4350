import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../golden');

export type GoldenResult = Readonly<{ status: 'written' | 'same' | 'different'; differingPixels: number; share: number; reason?: string }>;

async function pixels(png: Buffer): Promise<{ width: number; height: number; dark: Uint8Array }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
  const dark = new Uint8Array(image.width * image.height);
  for (let i = 0; i < dark.length; i++) dark[i] = (rgba[i * 4] ?? 255) + (rgba[i * 4 + 1] ?? 255) + (rgba[i * 4 + 2] ?? 255) < 384 ? 1 : 0;
  return { width: image.width, height: image.height, dark };
}

/**
 * Compares a PNG with test/golden/<name> pixel by pixel (black or white), allowing `tolerance` as a share of
 * differing pixels (font rasterisers differ by a few edge pixels between builds). `UPDATE_GOLDEN=1` writes the
 * golden instead; a missing golden is a failure, so a new golden is always written on purpose.
 */
export async function compareWithGolden(png: Buffer, name: string, tolerance = 0.002): Promise<GoldenResult> {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, png);
    return { status: 'written', differingPixels: 0, share: 0 };
  }
  if (!fs.existsSync(file)) return { status: 'different', differingPixels: -1, share: 1, reason: `no golden ${name}; run with UPDATE_GOLDEN=1 and look at it` };
  const [actual, expected] = await Promise.all([pixels(png), pixels(fs.readFileSync(file))]);
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { status: 'different', differingPixels: -1, share: 1, reason: `size ${actual.width}×${actual.height}, golden ${expected.width}×${expected.height}` };
  }
  let differing = 0;
  for (let i = 0; i < actual.dark.length; i++) if (actual.dark[i] !== expected.dark[i]) differing += 1;
  const share = differing / actual.dark.length;
  return { status: share <= tolerance ? 'same' : 'different', differingPixels: differing, share };
}
