import type { ConnectionState } from '../../../shared/contract/sync.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Tone } from '../../ui/tone.ts';

export const CONNECTION_TONE: Readonly<Record<ConnectionState, Tone>> = {
  online: 'ok',
  offline: 'warn',
  'not-configured': 'neutral',
  paused: 'danger',
};

export function connectionLabelKey(state: ConnectionState): MessageKey {
  return `home.sync.state.${state}`;
}

export function connectionExplanationKey(state: ConnectionState): MessageKey {
  return `home.sync.explain.${state}`;
}
