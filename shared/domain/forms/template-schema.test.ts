import { describe, expect, test } from 'vitest';
import { FormTemplateListSchema, FormTemplateSchema } from './template-schema.ts';
import { FORM_TEMPLATES } from './templates.ts';

const APPOINTMENT = FORM_TEMPLATES.find((template) => template.set === 'tt03-2025' && template.kind === 'appointment')!;
const issues = (value: unknown) => {
  const result = FormTemplateSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('templates sent by the central server', () => {
  test('every shipped template passes, so the schema describes what the builder draws', () => {
    expect(FormTemplateListSchema.safeParse(FORM_TEMPLATES).success).toBe(true);
  });

  test('a placeholder the builder does not fill is refused, naming it and where it is', () => {
    const typo = { ...APPOINTMENT, id: 'tinh/appointment@1', blocks: [...APPOINTMENT.blocks, { kind: 'text', text: 'Hẹn trả ngày {dueDay}' }] };
    expect(issues(typo)).toEqual([`blocks.${APPOINTMENT.blocks.length}.text: Unknown placeholder {dueDay}`]);
  });

  test('unknown block kinds, extra fields, bad dates and reversed ranges are refused', () => {
    expect(issues({ ...APPOINTMENT, blocks: [{ kind: 'image', src: 'x.png' }] })).not.toEqual([]);
    expect(issues({ ...APPOINTMENT, blocks: [{ kind: 'rule', colour: 'red' }] })).not.toEqual([]);
    expect(issues({ ...APPOINTMENT, effectiveFrom: '1/7/2025' })).not.toEqual([]);
    expect(issues({ ...APPOINTMENT, effectiveFrom: '2026-01-01', effectiveTo: '2025-12-31' })).toEqual(['effectiveTo: effectiveTo is before effectiveFrom']);
    expect(issues({ ...APPOINTMENT, blocks: [{ kind: 'qr', content: 'lookup', when: ['paid'] }] })).not.toEqual([]);
  });

  test('two templates with one id are refused: a printed job names the id it used', () => {
    expect(FormTemplateListSchema.safeParse([APPOINTMENT, APPOINTMENT]).success).toBe(false);
  });
});
