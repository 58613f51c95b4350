/** The screens, addressed by the URL hash so a reload keeps the place and no server routing is needed. */
export type Route =
  | Readonly<{ screen: 'home' }>
  | Readonly<{ screen: 'intake' }>
  | Readonly<{ screen: 'dossiers'; dossierId: string | null }>
  | Readonly<{ screen: 'reports' }>
  | Readonly<{ screen: 'settings' }>;

export type ScreenName = Route['screen'];

export const SCREENS: readonly ScreenName[] = ['home', 'intake', 'dossiers', 'reports', 'settings'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [first, second] = path.split('/');
  if (first === 'intake') return { screen: 'intake' };
  if (first === 'reports') return { screen: 'reports' };
  if (first === 'settings') return { screen: 'settings' };
  if (first === 'dossiers') return { screen: 'dossiers', dossierId: second ? decodeURIComponent(second) : null };
  return { screen: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'intake':
      return '#/intake';
    case 'dossiers':
      return route.dossierId ? `#/dossiers/${encodeURIComponent(route.dossierId)}` : '#/dossiers';
    case 'reports':
      return '#/reports';
    case 'settings':
      return '#/settings';
  }
}
