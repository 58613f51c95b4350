/**
 * How long the quote must have been on screen before a confirm counts. Long enough to cover a double press
 * (two presses ~100–300 ms apart, the second landing just as the quote appears), short enough that a clerk who
 * reads the amount and then presses is never refused: reading a total takes longer than this.
 */
export const CONFIRM_SETTLE_MS = 500;

/** A confirm (Ctrl+Enter or a click on "Thu tiền"): when the event was created (event.timeStamp) and whether it is a key repeat. */
export type ConfirmPress = Readonly<{ at: number; repeat: boolean }>;

/** accept: record the payment; repeat: the key is held down; too-soon: the amount was not on screen long enough to be seen. */
export type ConfirmVerdict = 'accept' | 'repeat' | 'too-soon';

/**
 * Whether a confirm of the payment counts, like a POS: only a fresh press made after the clerk could see the
 * amount. `shownAt` is when the quote was first on screen (same clock as event.timeStamp: performance.now()),
 * null while it is not. A held key (auto-repeat) never confirms; nor does a press created before the quote was
 * shown (queued while the screen changed) or within CONFIRM_SETTLE_MS after it — the second press of a double
 * Ctrl+Enter whose first press received the dossier. The clerk is told, and the next press counts.
 */
export function confirmVerdict(press: ConfirmPress, shownAt: number | null): ConfirmVerdict {
  if (press.repeat) return 'repeat';
  if (shownAt === null || press.at < shownAt + CONFIRM_SETTLE_MS) return 'too-soon';
  return 'accept';
}
