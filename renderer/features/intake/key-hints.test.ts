import { describe, expect, test } from 'vitest';
import { intakeKeyHints } from './key-hints.ts';

const keysOf = (stage: Parameters<typeof intakeKeyHints>[0], feeOpen: boolean) => intakeKeyHints(stage, feeOpen).map((hint) => `${hint.keys}: ${hint.label}`);

describe('the intake header says what the keys do at each step', () => {
  test('the form: Ctrl+Enter reviews; the review: Ctrl+Enter receives, Esc goes back', () => {
    expect(keysOf('form', false)).toEqual(['Ctrl+Enter: intake.keys.review']);
    expect(keysOf('review', false)).toEqual(['Ctrl+Enter: intake.keys.receive', 'Esc: intake.keys.back']);
  });

  test('received, fee step open: Ctrl+Enter pays, Esc is "thu sau" — never "tiếp nhận" again', () => {
    expect(keysOf('done', true)).toEqual(['Ctrl+Enter: payment.keys.pay', 'Esc: payment.keys.later']);
  });

  test('received, fee settled (paid, later, nothing to pay): Enter starts the next dossier; no Ctrl+Enter promised', () => {
    expect(keysOf('done', false)).toEqual(['Enter: intake.keys.next']);
  });
});
