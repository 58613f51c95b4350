import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeEach(() => {
  temp = makeTempDir();
  core = createTestCore(temp.dir);
});
afterEach(() => {
  core.stop();
  temp.remove();
});

describe('payments through core.dispatch', () => {
  test('payments.vietqr returns the dynamic spec vector', async () => {
    const result = await core.dispatch('payments.vietqr', {
      bin: '970403',
      account: '0011012345678',
      amount: 180_000,
      billNumber: 'NPS6869',
      purpose: 'thanh toan don hang',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        payload:
          '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E',
      },
    });
  });

  test('a dossier code as purpose, with diacritics stripped, parses back', async () => {
    const result = await core.dispatch('payments.vietqr', { bin: '970436', account: '0071000123456', amount: 50_000, purpose: 'Lệ phí G01.123.000.2611.000123' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = parseVietQr((result.value as { payload: string }).payload);
    expect(parsed).toMatchObject({ ok: true, qr: { amount: 50_000, purpose: 'Le phi G01.123.000.2611.0' } });
  });

  test('bad input is invalid-input naming the field', async () => {
    expect(await core.dispatch('payments.vietqr', { bin: '9704', account: '0011012345678' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { issues: [{ path: 'bin' }] } },
    });
    expect(await core.dispatch('payments.vietqr', { bin: '970403', account: '0011012345678', amount: 1.5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { issues: [{ path: 'amount' }] } },
    });
    // Passes the schema, refused by the builder: nothing left of the purpose.
    expect(await core.dispatch('payments.vietqr', { bin: '970403', account: '0011012345678', purpose: '✓✓' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'purpose', issues: [{ path: 'purpose' }] } },
    });
  });

  test('payments.amountInWords', async () => {
    expect(await core.dispatch('payments.amountInWords', { amount: 150_000 })).toEqual({ ok: true, value: { vi: 'Một trăm năm mươi nghìn đồng' } });
    expect(await core.dispatch('payments.amountInWords', { amount: 105_000, thousand: 'ngàn', zeroTens: 'lẻ' })).toEqual({
      ok: true,
      value: { vi: 'Một trăm lẻ năm ngàn đồng' },
    });
    expect(await core.dispatch('payments.amountInWords', { amount: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  test('payments.vietqrImage draws a QR that an independent decoder (zbarimg) reads back as the same payload', async () => {
    const made = await core.dispatch('payments.vietqr', { bin: '970415', account: '113000012345', amount: 15_000, purpose: '000.00.12.H12-261123-0001' });
    if (!made.ok) throw new Error('payments.vietqr failed');
    const { payload } = made.value as { payload: string };
    const drawn = await core.dispatch('payments.vietqrImage', { payload });
    if (!drawn.ok) throw new Error(`payments.vietqrImage failed: ${drawn.error.code}`);
    const { svg, modules } = drawn.value as { svg: string; modules: number };
    expect(modules).toBeGreaterThanOrEqual(21);
    const image = await loadImage(Buffer.from(svg));
    const canvas = createCanvas(400, 400);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 400, 400);
    context.drawImage(image, 0, 0, 400, 400);
    const file = path.join(temp.dir, 'vietqr.png');
    fs.writeFileSync(file, canvas.toBuffer('image/png'));
    const read = execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
    expect(read).toBe(payload);
  });

  test('payments.vietqrImage draws only a valid VietQR: a broken CRC is invalid-input, nothing is drawn', async () => {
    const payload = '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2F';
    expect(await core.dispatch('payments.vietqrImage', { payload })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'payload' } } });
  });
});
