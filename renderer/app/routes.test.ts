import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './routes.ts';

describe('hash routes', () => {
  it('parse and print each screen', () => {
    expect(parseRoute('')).toEqual({ screen: 'home' });
    expect(parseRoute('#/')).toEqual({ screen: 'home' });
    expect(parseRoute('#/intake')).toEqual({ screen: 'intake' });
    expect(parseRoute('#/dossiers')).toEqual({ screen: 'dossiers', dossierId: null });
    expect(parseRoute('#/dossiers/abc-1')).toEqual({ screen: 'dossiers', dossierId: 'abc-1' });
    expect(parseRoute('#/reports')).toEqual({ screen: 'reports' });
    expect(parseRoute('#/settings')).toEqual({ screen: 'settings' });
    expect(routeHref({ screen: 'settings' })).toBe('#/settings');
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'home' });
    expect(routeHref({ screen: 'dossiers', dossierId: 'a/b' })).toBe('#/dossiers/a%2Fb');
    expect(parseRoute(routeHref({ screen: 'dossiers', dossierId: 'a/b' }))).toEqual({ screen: 'dossiers', dossierId: 'a/b' });
  });
});
