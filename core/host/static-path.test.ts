import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveStaticPath } from './static-path.ts';

const root = path.resolve('/srv/ui');

describe('resolveStaticPath', () => {
  test.each([
    ['/', path.join(root, 'index.html')],
    ['/assets/app-1a2b.js', path.join(root, 'assets', 'app-1a2b.js')],
    ['/assets/app.js?v=3#x', path.join(root, 'assets', 'app.js')],
    ['/fonts/Be%20Vietnam%20Pro.ttf', path.join(root, 'fonts', 'Be Vietnam Pro.ttf')],
    ['/a/./b.css', path.join(root, 'a', 'b.css')],
  ])('%s → inside the root', (url, expected) => {
    expect(resolveStaticPath(root, url)).toBe(expected);
  });

  test.each(['/../etc/passwd', '/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc%2fpasswd', '/..\\..\\windows', '/%5c..%5csecret', '/C:/Windows/win.ini', '/a%00.js', '/%E0%A4%A'])('%s → refused', (url) => {
    expect(resolveStaticPath(root, url)).toBeNull();
  });
});
