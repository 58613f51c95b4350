import { createContext, useContext, type ReactNode } from 'react';
import type { CoreClient } from './core-client.ts';

const CoreContext = createContext<CoreClient | null>(null);

export function CoreProvider(props: Readonly<{ client: CoreClient; children: ReactNode }>) {
  return <CoreContext.Provider value={props.client}>{props.children}</CoreContext.Provider>;
}

export function useCore(): CoreClient {
  const client = useContext(CoreContext);
  if (!client) throw new Error('useCore() needs a <CoreProvider> above it');
  return client;
}
