import { z } from 'zod';

/** A network receipt printer (raw TCP, usually port 9100). Profiles and other connections come later. */
export const PrinterTestPageInputSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535).default(9100),
    paper: z.enum(['80mm', '58mm']).default('80mm'),
    /** 'raster' draws Vietnamese with the bundled font; 'text' is for printers that cannot print images. */
    mode: z.enum(['raster', 'text']).default('raster'),
  })
  .strict();

export const PrinterTestPageOutputSchema = z.object({ bytes: z.number().int().positive(), printedAt: z.string() });
