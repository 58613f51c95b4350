import { useCallback, useEffect, useState } from 'react';
import type { PrintJob } from '../../../../shared/contract/printing.ts';
import { useCore } from '../../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../../core-client/use-core-query.ts';
import type { DossierForm } from './print-forms.ts';

const WAITING: readonly PrintJob['state'][] = ['queued', 'sending'];
const POLL_MS = 1500;

/**
 * The dossier's print jobs (newest first), re-read after each print and every 1.5 s while one is still waiting
 * for the printer, so "Đang chờ in" turns into "Đã in" without a reload. Print and reprint reject with the
 * CoreClientError the panel explains.
 */
export function useDossierPrints(dossierId: string) {
  const core = useCore();
  const [state, setState] = useState<Loadable<readonly PrintJob[]>>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      const { jobs } = await core.call('printing.jobs', { dossierId, limit: 50 });
      setState({ status: 'ready', value: jobs });
    } catch (error) {
      setState({ status: 'failed', error: asCoreClientError(error) });
    }
  }, [core, dossierId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const waiting = state.status === 'ready' && state.value.some((job) => WAITING.includes(job.state));
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, reload]);

  const print = useCallback(
    async (form: DossierForm, extra?: Readonly<{ reason: string; newDueAt: string }>): Promise<PrintJob> => {
      try {
        const job = await core.call('printing.print', { dossierId, form, ...(extra ? { extra } : {}) });
        await reload();
        return job;
      } catch (error) {
        throw asCoreClientError(error);
      }
    },
    [core, dossierId, reload],
  );

  const reprint = useCallback(
    async (job: PrintJob): Promise<PrintJob> => {
      try {
        const again = await core.call('printing.reprint', { jobId: job.id });
        await reload();
        return again;
      } catch (error) {
        throw asCoreClientError(error);
      }
    },
    [core, reload],
  );

  return { state, print, reprint };
}
