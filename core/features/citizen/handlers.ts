import { parseIdQr } from '../../../shared/domain/citizen/id-qr.ts';
import { vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import type { Clock } from '../../ports/clock.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { Handlers } from '../../rpc/dispatch.ts';

export function citizenHandlers(clock: Clock) {
  return {
    'citizen.parseIdQr': ({ text }) => {
      const result = parseIdQr(text, { today: vietnamDate(clock.now()) });
      if (!result.ok) {
        const { code, field, vi, en } = result.problem;
        // The message and details say what is wrong and where, never the scanned personal data.
        throw new CoreError('invalid-id-qr', en, { problem: code, field, vi, en });
      }
      return { ...result.citizen, warnings: [...result.citizen.warnings] };
    },
  } satisfies Partial<Handlers>;
}
