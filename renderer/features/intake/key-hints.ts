import type { MessageKey } from '../../i18n/messages.ts';
import type { IntakeStage } from './use-intake.ts';

/** One key hint of the screen's header: the keys as pressed and what they do at this step. */
export type KeyHint = Readonly<{ keys: string; label: MessageKey }>;

/**
 * What the keys do at each step of the intake, for the header (it must never promise a key that does nothing
 * there): the form (Ctrl+Enter reviews), the review (Ctrl+Enter receives, Esc goes back), the received dossier
 * with its fee step open (Ctrl+Enter pays, Esc leaves the fee for later), and once the fee is settled (Enter on
 * the focused "Tiếp nhận hồ sơ mới" starts the next dossier; Ctrl+Enter does nothing there any more).
 */
export function intakeKeyHints(stage: IntakeStage, feeOpen: boolean): readonly KeyHint[] {
  switch (stage) {
    case 'form':
      return [{ keys: 'Ctrl+Enter', label: 'intake.keys.review' }];
    case 'review':
      return [
        { keys: 'Ctrl+Enter', label: 'intake.keys.receive' },
        { keys: 'Esc', label: 'intake.keys.back' },
      ];
    case 'done':
      return feeOpen
        ? [
            { keys: 'Ctrl+Enter', label: 'payment.keys.pay' },
            { keys: 'Esc', label: 'payment.keys.later' },
          ]
        : [{ keys: 'Enter', label: 'intake.keys.next' }];
    default:
      throw new RangeError(`unknown intake stage ${String(stage)}`);
  }
}
