import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAppUrl, isTrustedSender } from './trust.ts';

describe('isAppUrl', () => {
  it.each(['app://desk/', 'app://desk/index.html', 'app://desk/assets/a.js?x=1#y'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    undefined,
    null,
    '',
    'app://desk',
    'app://desk.evil/',
    'app://desk@evil/',
    'app://user@desk/',
    'app://evil/desk/',
    'APP://desk/',
    'https://desk/',
    'file:///app/desk/',
    'about:blank',
    'javascript:alert(1)',
    'app://desk\\@evil/',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only our own origin', () => {
    expect(isAllowedNavigation('app://desk/settings')).toBe(true);
    expect(isAllowedNavigation('https://dichvucong.gov.vn/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<h1>x</h1>')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ours = new Set([7]);
  const good = { webContentsId: 7, frameUrl: 'app://desk/', isMainFrame: true };

  it('trusts the top frame of our window showing our UI', () => {
    expect(isTrustedSender(good, ours)).toBe(true);
  });

  it('refuses another webContents, an iframe, a foreign page and a vanished frame', () => {
    expect(isTrustedSender({ ...good, webContentsId: 8 }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, isMainFrame: false }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: undefined }, ours)).toBe(false);
  });

  it('refuses everything once no window is trusted', () => {
    expect(isTrustedSender(good, new Set())).toBe(false);
  });
});
