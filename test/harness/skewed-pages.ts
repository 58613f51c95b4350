import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { Raster } from '../../core/features/scanning/pipeline/raster.ts';

// Pages drawn with real glyphs for the deskew and auto-crop tests (core/features/scanning/page-geometry.test.ts):
// A4-like text pages turned by a known angle, cards on a flatbed's glass, pages framed by a dark lid.

export type DrawContext = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'), 'Skew Test Regular');
export const TEST_FONT = 'Skew Test Regular';

/** Lines of an application form, as a clerk receives them (Vietnamese, with diacritics). */
export const FORM_LINES = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'ĐƠN ĐỀ NGHỊ ĐĂNG KÝ TẠM TRÚ',
  'Kính gửi: Công an phường Bến Nghé',
  'Họ và tên: Nguyễn Văn An',
  'Ngày sinh: 12 tháng 3 năm 1990',
  'Nơi thường trú: số 12 đường Lê Lợi, thành phố Huế',
  'Nghề nghiệp: giáo viên trường tiểu học',
  'Lý do đề nghị: chuyển đến nơi làm việc mới',
  'Tôi xin cam đoan những lời khai trên là đúng sự thật',
];

/** Pixels of a canvas as an RGBA raster. */
export function rasterOf(width: number, height: number, draw: (context: DrawContext) => void, paper = '#fff'): Raster {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = paper;
  context.fillRect(0, 0, width, height);
  draw(context);
  const pixels = context.getImageData(0, 0, width, height).data;
  return { width, height, channels: 4, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
}

/** Draws `draw` turned clockwise by `degrees` around the picture's centre (as a sheet laid askew). */
export function turned(context: DrawContext, width: number, height: number, degrees: number, draw: () => void): void {
  context.save();
  context.translate(width / 2, height / 2);
  context.rotate((degrees * Math.PI) / 180);
  context.translate(-width / 2, -height / 2);
  draw();
  context.restore();
}

/** A text page (`width` × `height`, 10–11 pt at 300 dpi) whose content is skewed clockwise by `degrees`. */
export function skewedTextPage(degrees: number, width = 2480, height = 3508, lines = FORM_LINES, size = 44): Raster {
  return rasterOf(width, height, (context) => {
    turned(context, width, height, degrees, () => {
      context.fillStyle = '#1e1e1e';
      context.font = `${size}px "${TEST_FONT}"`;
      const pitch = size * 2.4;
      const repeat = Math.max(1, Math.floor((height * 0.8) / (pitch * lines.length)));
      for (let block = 0; block < repeat; block += 1) {
        lines.forEach((line, index) => context.fillText(line, width * 0.1, height * 0.1 + (block * lines.length + index + 1) * pitch));
      }
    });
  }, '#f7f6f2');
}

/** Horizontal projection sharpness of a grey raster's ink: Σ(row ink)² / (Σ row ink)² × rows (1 = flat). */
export function profileSharpness(grey: Raster, inkBelow = 128): number {
  const rows = new Float64Array(grey.height);
  let total = 0;
  for (let y = 0; y < grey.height; y += 1) {
    let count = 0;
    for (let x = 0; x < grey.width; x += 1) if (grey.data[y * grey.width + x]! < inkBelow) count += 1;
    rows[y] = count;
    total += count;
  }
  let squares = 0;
  for (const count of rows) squares += count * count;
  return total > 0 ? (squares / (total * total)) * grey.height : 1;
}
