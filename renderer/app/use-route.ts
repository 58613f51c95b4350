import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes.ts';

export type RouteState = Readonly<{
  route: Route;
  /** False for the first screen after a load: focus stays where the browser put it (top of the page). */
  navigated: boolean;
  navigate: (route: Route) => void;
}>;

/** Follows `location.hash`; navigating sets the hash, so Back and Forward work as well. */
export function useRoute(): RouteState {
  const [state, setState] = useState(() => ({ route: parseRoute(window.location.hash), navigated: false }));
  useEffect(() => {
    const onChange = () => setState({ route: parseRoute(window.location.hash), navigated: true });
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((route: Route) => {
    const href = routeHref(route);
    if (window.location.hash === href) setState({ route, navigated: true });
    else window.location.hash = href;
  }, []);
  return { ...state, navigate };
}
