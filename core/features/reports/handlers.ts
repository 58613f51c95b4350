import type { Handlers } from '../../rpc/dispatch.ts';
import type { ReportsService } from './service.ts';

export function reportsHandlers(reports: ReportsService) {
  return {
    'reports.register': ({ date }) => reports.register(date),
    'reports.export': (input) => reports.export(input),
    'reports.print': (input) => reports.print(input),
  } satisfies Partial<Handlers>;
}
