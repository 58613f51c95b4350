import type { Handlers } from '../../rpc/dispatch.ts';
import type { DueDateCalculator } from './ports.ts';
import type { DossierService } from './service.ts';
import { startOfToday } from './service.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ListQuery } from './repo.ts';

export function dossierHandlers(dossiers: DossierService, dueDates: DueDateCalculator, clock: Clock) {
  return {
    'dossiers.intake': (input) => dossiers.intake(input),
    'dossiers.get': ({ id }) => dossiers.get(id),
    'dossiers.list': ({ filter, limit, withinWorkingDays }) => {
      const now = clock.now();
      let query: ListQuery;
      switch (filter) {
        case 'today':
          query = { kind: 'receivedSince', since: startOfToday(clock), limit };
          break;
        case 'overdue':
          query = { kind: 'dueBefore', beforeUtc: now.toISOString(), limit };
          break;
        case 'dueSoon': {
          // Up to closing time of the N-th working day from today (N = 0: today's closing).
          const closingToday = dueDates.dueDate({ receivedAt: now.toISOString(), limit: { unit: 'sameDay', value: 0 } }).dueAt;
          const horizon = withinWorkingDays === 0 ? closingToday : dueDates.dueDate({ receivedAt: closingToday, limit: { unit: 'workingDays', value: withinWorkingDays } }).dueAt;
          query = { kind: 'dueBetween', fromUtc: now.toISOString(), toUtc: new Date(horizon).toISOString(), limit };
          break;
        }
        case 'open':
          query = { kind: 'open', limit };
          break;
        case 'all':
          query = { kind: 'all', limit };
          break;
      }
      return { dossiers: dossiers.list(query) };
    },
    'dossiers.search': ({ query, limit }) => ({ dossiers: dossiers.search(query, limit) }),
    'dossiers.lateness': ({ id }) => dossiers.lateness(id),
    'dossiers.startProcessing': ({ id, expectedVersion }) => dossiers.transition(id, 'startProcessing', {}, expectedVersion),
    'dossiers.requestSupplement': ({ id, reason, items, expectedVersion }) => dossiers.transition(id, 'requestSupplement', { reason, items }, expectedVersion),
    'dossiers.supplement': ({ id, expectedVersion }) => dossiers.transition(id, 'supplement', {}, expectedVersion),
    'dossiers.refuse': ({ id, reason, expectedVersion }) => dossiers.transition(id, 'refuse', { reason }, expectedVersion),
    'dossiers.withdraw': ({ id, reason, expectedVersion }) => dossiers.transition(id, 'withdraw', { reason }, expectedVersion),
    'dossiers.stop': ({ id, reason, expectedVersion }) => dossiers.transition(id, 'stop', { reason }, expectedVersion),
    'dossiers.markResultReady': ({ id, expectedVersion }) => dossiers.transition(id, 'markResultReady', {}, expectedVersion),
    'dossiers.returnResult': ({ id, expectedVersion, ...delivery }) => dossiers.transition(id, 'returnResult', delivery, expectedVersion),
    'dossiers.reopen': ({ id, expectedVersion, reason }) => dossiers.reopen(id, reason, expectedVersion),
  } satisfies Partial<Handlers>;
}
