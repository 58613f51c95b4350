import { useEffect, useState } from 'react';
import type { CatalogueSummary } from '../../../shared/contract/catalogue.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError } from '../../core-client/use-core-query.ts';
import { readRecentProcedures, recentFirst } from './recent-procedures.ts';

export type ProcedureResults = Readonly<{ items: readonly CatalogueSummary[]; recent: readonly string[]; error: CoreClientError | null }>;

/** catalogue.search as the clerk types (a short pause first), the counter's recent procedures first. */
export function useProcedureSearch(query: string, enabled: boolean): ProcedureResults {
  const core = useCore();
  const [results, setResults] = useState<ProcedureResults>({ items: [], recent: [], error: null });
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      const recent = readRecentProcedures();
      core.call('catalogue.search', { query: query.trim(), limit: 50 }).then(
        (found) => {
          if (live) setResults({ items: recentFirst(found.items, recent), recent, error: null });
        },
        (error: unknown) => {
          if (live) setResults({ items: [], recent, error: asCoreClientError(error) });
        },
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [core, query, enabled]);
  return results;
}
