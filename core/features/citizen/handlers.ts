import { parseIdQr } from '../../../shared/domain/citizen/id-qr.ts';
import type { Clock } from '../../ports/clock.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { Handlers } from '../../rpc/dispatch.ts';

/** Today's date in Vietnam (UTC+7 all year) by the core's clock. */
function vietnamToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function citizenHandlers(clock: Clock) {
  return {
    'citizen.parseIdQr': ({ text }) => {
      const result = parseIdQr(text, { today: vietnamToday(clock) });
      if (!result.ok) {
        const { code, field, vi, en } = result.problem;
        // The message and details say what is wrong and where, never the scanned personal data.
        throw new CoreError('invalid-id-qr', en, { problem: code, field, vi, en });
      }
      return { ...result.citizen, warnings: [...result.citizen.warnings] };
    },
  } satisfies Partial<Handlers>;
}
