/**
 * Tells a USB QR scanner from a person. The scanner types the ID card's QR text like a keyboard, far faster
 * than anyone types, and ends with Enter. At Enter, the recent input is searched for the card's shape
 * (`<12 digits>|…` with at least 7 fields) typed at scanner speed, on average: a single hiccup of a busy PC
 * in the middle of a scan does not break it, and text typed by hand before it is not part of it.
 */
export type ScanDetectorOptions = Readonly<{
  /** The average gap between characters of a scan at most: scanners send a key every 5–20 ms, people type at 80–200 ms; a busy PC delays keys, so there is room. */
  maxAverageGapMs?: number;
  /** Enter must follow the last character within this. */
  maxEnterDelayMs?: number;
  /** Input older than this before the next character is forgotten. */
  forgetAfterMs?: number;
}>;

export type ScanDetector = Readonly<{
  /** Text (one key or an inserted string) arrived at `at` (ms). */
  push(text: string, at: number): void;
  /** Enter was pressed at `at`: the scanned text, or null when the input before it was not a scan. */
  enter(at: number): string | null;
  reset(): void;
}>;

const MAX_ENTRIES = 1000;

export function looksLikeIdQr(text: string): boolean {
  return /^\d{9,12}\|/.test(text) && text.split('|').length >= 7;
}

export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const maxAverageGapMs = options.maxAverageGapMs ?? 60;
  const maxEnterDelayMs = options.maxEnterDelayMs ?? 500;
  const forgetAfterMs = options.forgetAfterMs ?? 3000;
  /** The scan's first two characters come at least this close together… */
  const maxStartGapMs = 100;
  /** …or this close when they begin a 12-digit căn cước number. */
  const maxStalledStartGapMs = 1000;
  let entries: { text: string; at: number }[] = [];

  const reset = () => {
    entries = [];
  };

  return {
    push(text, at) {
      const last = entries.at(-1);
      if (last && at - last.at > forgetAfterMs) entries = [];
      entries.push({ text, at });
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
    },
    enter(at) {
      const last = entries.at(-1);
      if (!last || at - last.at > maxEnterDelayMs) {
        reset();
        return null;
      }
      // A scan starts where an entry starts (the scanner sends one character per key) and runs fast to Enter.
      // The earliest such start wins: the old ID number inside a card's text looks like a start too.
      const starts: number[] = [];
      let joined = '';
      for (const entry of entries) {
        starts.push(joined.length);
        joined += entry.text;
      }
      const find = (startGapMs: number, accept: (text: string) => boolean): string | null => {
        for (let index = 0; index < entries.length - 1; index += 1) {
          const first = entries[index];
          const second = entries[index + 1];
          if (!first || !second || second.at - first.at > startGapMs || !/^\d/.test(first.text)) continue;
          const text = joined.slice(starts[index]);
          const average = (last.at - first.at) / (entries.length - 1 - index);
          if (average <= maxAverageGapMs && accept(text)) return text;
        }
        return null;
      };
      // A căn cước's QR starts with its 12-digit number: such a start wins even after a stall of a busy PC
      // between the first two characters (seen in CI: the first digit was left behind and 11 digits read).
      // A digit typed by hand before a scan makes 13 digits, so it is never taken in.
      const text = find(maxStalledStartGapMs, (candidate) => /^\d{12}\|/.test(candidate) && looksLikeIdQr(candidate)) ?? find(maxStartGapMs, looksLikeIdQr);
      reset();
      return text;
    },
    reset,
  };
}
