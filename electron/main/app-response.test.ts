import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondToAppRequest } from './app-response.ts';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-response-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Một Cửa</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the UI');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => respondToAppRequest(new Request(url, { method }), root);

describe('respondToAppRequest', () => {
  it('serves index.html for the root with the CSP and nosniff', async () => {
    const response = await get('app://desk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Một Cửa');
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const response = await get('app://desk/assets/app.js?v=1');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await get('app://desk/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/%00index.html',
    'app://desk/C:/Windows/win.ini',
    'app://desk/missing.js',
    'app://desk/assets',
    'app://other/index.html',
  ])('answers 404 for %s and never leaks a file outside', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the UI');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://desk/', 'POST')).status).toBe(405);
  });
});
