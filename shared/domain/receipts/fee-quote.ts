import type { FeeItem } from '../../contract/catalogue.ts';
import type { FeeChoices, FeeSettings, QuoteLine } from '../../contract/receipts.ts';

/**
 * What a dossier costs: the procedure's fee items for its channel, counted by their unit, with tiers and caps,
 * exemptions (each with its reason) and the centre's extra services. Pure: the same inputs give the same
 * lines on the screen, on the receipt and in the daily report.
 *
 * An amount is never guessed. A province-set fee (catalogue amount null) takes the centre's local amount;
 * without one it is listed in `missing`. A per-page fee needs the page count from the clerk: without it the
 * item is missing too, because "1 page" would quietly undercharge a 10-page copy.
 */

export type QuoteInput = Readonly<{
  procedureCode: string;
  channel: 'direct' | 'online' | 'post';
  fees: readonly FeeItem[];
  settings: FeeSettings;
  choices: FeeChoices;
}>;

export type QuoteResult = Readonly<{ lines: QuoteLine[]; total: number; missing: string[] }>;

/** Units that need a count the dossier does not carry. */
const COUNTED_UNITS = new Set(['page']);

export function localAmountKey(procedureCode: string, feeId: string): string {
  return `${procedureCode}/${feeId}`;
}

/** The price of `units` units of one copy: each unit at the tier in force for its position (1-based). */
export function tieredAmount(fee: Pick<FeeItem, 'tiers'>, base: number, units: number): number {
  const tiers = [...(fee.tiers ?? [])].sort((a, b) => a.fromUnit - b.fromUnit);
  if (tiers.length === 0) return base * units;
  let total = 0;
  for (let unit = 1; unit <= units; unit += 1) {
    const tier = tiers.filter((t) => t.fromUnit <= unit).at(-1);
    total += tier ? tier.amount : base;
  }
  return total;
}

function appliesTo(fee: FeeItem, channel: QuoteInput['channel']): boolean {
  return fee.channel === 'any' || fee.channel === (channel === 'online' ? 'online' : 'direct');
}

export function quoteFees(input: QuoteInput): QuoteResult {
  const { choices, settings } = input;
  const lines: QuoteLine[] = [];
  const missing: string[] = [];
  const exempt = new Map(choices.exemptions.map((e) => [e.feeId, e.reason]));
  const counts = new Map(choices.quantities.map((q) => [q.feeId, q]));
  const omitted = new Set(choices.omitted);

  for (const fee of input.fees.filter((f) => appliesTo(f, input.channel) && !omitted.has(f.id))) {
    const base = fee.amount ?? settings.localAmounts[localAmountKey(input.procedureCode, fee.id)] ?? null;
    const count = counts.get(fee.id);
    const quantity = count?.quantity ?? 1;
    const copies = count?.copies ?? 1;
    const reason = exempt.get(fee.id) ?? null;
    let amount: number | null = null;
    if (reason !== null) amount = 0;
    else if (base === null) missing.push(fee.id);
    else if (COUNTED_UNITS.has(fee.unit) && count === undefined) missing.push(`${fee.id}:quantity`);
    else {
      let perCopy = tieredAmount(fee, base, quantity);
      if (fee.cap?.per === 'copy') perCopy = Math.min(perCopy, fee.cap.amount);
      amount = perCopy * copies;
      if (fee.cap && fee.cap.per !== 'copy') amount = Math.min(amount, fee.cap.amount);
    }
    const unit = copies > 1 ? `${fee.unit} × ${copies}` : fee.unit;
    lines.push({ id: fee.id, kind: fee.kind, name: fee.name, unit, quantity: quantity * copies, amount, exemptReason: reason });
  }

  for (const chosen of choices.services) {
    const service = settings.services.find((s) => s.id === chosen.serviceId);
    if (!service) {
      missing.push(`service:${chosen.serviceId}`);
      continue;
    }
    lines.push({ id: `service:${service.id}`, kind: 'service', name: service.name, unit: service.unit, quantity: chosen.quantity, amount: service.amount * chosen.quantity, exemptReason: null });
  }

  const total = lines.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  return { lines, total, missing };
}

/** Exemptions or counts that name no fee item of the procedure are mistakes worth telling the clerk about. */
export function unknownChoices(fees: readonly FeeItem[], choices: FeeChoices): string[] {
  const ids = new Set(fees.map((f) => f.id));
  return [...choices.exemptions.map((e) => e.feeId), ...choices.quantities.map((q) => q.feeId), ...choices.omitted].filter((id) => !ids.has(id));
}
