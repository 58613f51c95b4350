/** One failed requirement: the ISO 19005-2 clause and veraPDF-style test number (e.g. "6.2.4.3-2"), what failed, where. */
export type Finding = Readonly<{ clause: string; message: string; where?: string }>;

/** Collects failures and notes (facts worth knowing that are not failures, e.g. "a soft mask is used"). */
export class Findings {
  readonly failures: Finding[] = [];
  readonly notes: string[] = [];
  fail(clause: string, message: string, where?: string): void {
    // One line per clause and place: a 300-page scan with the same fault on every page stays readable.
    if (!this.failures.some((f) => f.clause === clause && f.where === where && f.message === message)) this.failures.push(where === undefined ? { clause, message } : { clause, message, where });
  }
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}
