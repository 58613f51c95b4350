import { useEffect } from 'react';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { useCoreQuery } from '../../core-client/use-core-query.ts';

/** What the home screen shows, read once and then kept current by the core's events. */
export function useHomeData() {
  const core = useCore();
  const info = useCoreQuery('system.info');
  const counter = useCoreQuery('counter.get');
  const sync = useCoreQuery('sync.status');
  const replaceSync = sync.replace;
  const reloadCounter = counter.reload;

  // The event carries the whole status, so it replaces the last read outright.
  useEffect(() => core.on('sync.stateChanged', replaceSync), [core, replaceSync]);
  // Until enrolment exists, the counter's names are settings: a settings change may rename it.
  useEffect(() => core.on('settings.changed', () => reloadCounter()), [core, reloadCounter]);

  return { info: info.state, counter: counter.state, sync: sync.state };
}
