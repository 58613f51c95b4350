import { useCallback, useEffect, useState } from 'react';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { Output } from '../../../shared/contract/methods.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../core-client/use-core-query.ts';
import { actionCall, type ActionDraft, type CounterAction } from './dossier-actions.ts';

export type TimelineEntry = Output<'audit.timeline'>['entries'][number];
export type Lateness = Output<'dossiers.lateness'>;
export type DossierView = Readonly<{ dossier: Dossier; timeline: readonly TimelineEntry[]; lateness: Lateness | null }>;

/** One dossier with its audit timeline (and lateness when overdue), re-read after every action. */
export function useDossier(id: string) {
  const core = useCore();
  const [state, setState] = useState<Loadable<DossierView>>({ status: 'loading' });

  const load = useCallback(async (): Promise<DossierView> => {
    const [dossier, timeline] = await Promise.all([core.call('dossiers.get', { id }), core.call('audit.timeline', { entity: 'dossier', entityId: id })]);
    const lateness = dossier.overdue ? await core.call('dossiers.lateness', { id }) : null;
    return { dossier, timeline: timeline.entries, lateness };
  }, [core, id]);

  const reload = useCallback(() => {
    load().then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) => setState({ status: 'failed', error: asCoreClientError(error) }),
    );
  }, [load]);

  useEffect(() => {
    setState({ status: 'loading' });
    reload();
  }, [reload]);

  /** Resolves with the updated dossier, or rejects with the CoreClientError the screen explains. */
  const perform = useCallback(
    async (action: CounterAction, draft: ActionDraft): Promise<Dossier> => {
      if (state.status !== 'ready') throw new Error('the dossier is not loaded');
      const call = actionCall(action, state.value.dossier, draft);
      let updated: Dossier;
      try {
        updated = await core.call(call.method, call.input);
      } catch (error) {
        throw asCoreClientError(error);
      }
      setState({ status: 'ready', value: await load().catch(() => ({ ...state.value, dossier: updated })) });
      return updated;
    },
    [core, load, state],
  );

  return { state, reload, perform };
}

export type DossierFailure = CoreClientError;
