import { describe, expect, it } from 'vitest';
import type { FeeItem } from '../../contract/catalogue.ts';
import { FeeChoicesSchema, FeeSettingsSchema } from '../../contract/receipts.ts';
import { quoteFees, unknownChoices } from './fee-quote.ts';

const cite = { sources: ['test'], confidence: 'S' as const };
/** Đăng ký tạm trú at the counter: one household, or "theo danh sách" per person — alternatives. */
const FEES: FeeItem[] = [
  { id: 'le-phi-truc-tiep', kind: 'charge', name: 'Lệ phí đăng ký tạm trú (nộp trực tiếp)', setBy: 'national', amount: 15_000, unit: 'registration', channel: 'direct', exemptions: [], cite },
  { id: 'le-phi-danh-sach-truc-tiep', kind: 'charge', name: 'Lệ phí đăng ký tạm trú theo danh sách (nộp trực tiếp)', setBy: 'national', amount: 10_000, unit: 'person', channel: 'direct', exemptions: [], cite },
];
const quote = (choices: unknown) => quoteFees({ procedureCode: '1.004194', channel: 'direct', fees: FEES, settings: FeeSettingsSchema.parse({}), choices: FeeChoicesSchema.parse(choices) });

describe('fee items that do not apply', () => {
  it('all items apply unless the clerk leaves one out; a left-out item is not on the quote', () => {
    expect(quote({}).total).toBe(25_000);
    const one = quote({ omitted: ['le-phi-danh-sach-truc-tiep'] });
    expect(one.total).toBe(15_000);
    expect(one.lines.map((line) => line.id)).toEqual(['le-phi-truc-tiep']);
    expect(quote({ omitted: ['le-phi-truc-tiep'], quantities: [{ feeId: 'le-phi-danh-sach-truc-tiep', quantity: 3 }] }).total).toBe(30_000);
  });

  it('leaving out an item the procedure does not have is a mistake worth telling', () => {
    expect(unknownChoices(FEES, FeeChoicesSchema.parse({ omitted: ['khong-co'] }))).toEqual(['khong-co']);
    expect(unknownChoices(FEES, FeeChoicesSchema.parse({ omitted: ['le-phi-truc-tiep'] }))).toEqual([]);
  });
});
