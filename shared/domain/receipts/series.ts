/**
 * Receipt series: KHHDon is six characters [S]: C/K (with or without the tax authority's code), the last two
 * digits of the year of issue, a type letter, and two characters the issuer picks. Each counter picks its own
 * two, so every counter numbers its own series and the numbers stay consecutive while it is offline. The year
 * comes from the issue date, so a new series (starting again at 1) begins by itself on 1 January.
 */
export type SeriesParts = Readonly<{ codeLetter: 'C' | 'K'; typeLetter: string; counterSeries: string }>;

export function receiptSymbol(parts: SeriesParts, issueDate: string): string {
  const year = /^(\d{4})-\d{2}-\d{2}/.exec(issueDate)?.[1];
  if (year === undefined) throw new RangeError(`not a date: ${issueDate}`);
  return `${parts.codeLetter}${year.slice(2)}${parts.typeLetter}${parts.counterSeries}`;
}
