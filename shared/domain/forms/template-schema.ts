import { z } from 'zod';
import { PLACEHOLDER_NAMES } from './build.ts';
import { ReceiptStatusSchema } from '../../contract/receipts.ts';
import { FORM_KINDS, FORM_SETS, type FormTemplate } from './model.ts';

/**
 * Form templates as the central server sends them (GET form-templates, `templates`): the same shape as the
 * shipped ones in templates.ts, checked whole before a counter keeps any of them. A text may name only the
 * placeholders the builder fills, so a typo is refused at the server and at the counter instead of printing
 * a dotted blank on every slip.
 */
const KNOWN = new Set<string>(PLACEHOLDER_NAMES);
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

const TemplateText = z
  .string()
  .max(2000)
  .superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!KNOWN.has(name!)) ctx.addIssue({ code: 'custom', message: `Unknown placeholder {${name}}` });
    }
  });

const When = { when: z.array(z.enum(['unpaid', ...ReceiptStatusSchema.options])).max(5).optional() };

const BlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('header'), ...When }).strict(),
  z.object({ kind: z.literal('place-date'), ...When }).strict(),
  z.object({ kind: z.literal('title'), text: TemplateText, subtitle: TemplateText.optional(), ...When }).strict(),
  z.object({ kind: z.literal('copy-label'), ...When }).strict(),
  z
    .object({
      kind: z.literal('text'),
      text: TemplateText,
      style: z.enum(['body', 'emphasis', 'note', 'banner']).optional(),
      align: z.enum(['left', 'center', 'right']).optional(),
      ...When,
    })
    .strict(),
  z.object({ kind: z.literal('field'), number: z.string().max(10).optional(), label: TemplateText, value: TemplateText, ...When }).strict(),
  z.object({ kind: z.literal('list'), number: z.string().max(10).optional(), label: TemplateText, source: z.enum(['papers', 'items', 'fees']), ...When }).strict(),
  z.object({ kind: z.literal('notes'), ...When }).strict(),
  z.object({ kind: z.literal('qr'), content: z.enum(['tt01-2023', 'lookup', 'vietqr', 'receipt']), ...When }).strict(),
  z
    .object({
      kind: z.literal('signatures'),
      columns: z.array(z.object({ title: TemplateText, hint: TemplateText, name: TemplateText.optional() }).strict()).min(1).max(4),
      ...When,
    })
    .strict(),
  z.object({ kind: z.literal('rule'), ...When }).strict(),
]);

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD');

export const FormTemplateSchema: z.ZodType<FormTemplate> = z
  .object({
    id: z.string().min(3).max(80),
    kind: z.enum(FORM_KINDS),
    set: z.enum(FORM_SETS),
    formNumber: z.string().max(40).nullable(),
    effectiveFrom: LocalDate,
    effectiveTo: LocalDate.nullable(),
    title: TemplateText,
    blocks: z.array(BlockSchema).min(1).max(80),
  })
  .strict()
  .refine((template) => template.effectiveTo === null || template.effectiveFrom <= template.effectiveTo, { message: 'effectiveTo is before effectiveFrom', path: ['effectiveTo'] });

/** A list of templates: ids are unique (a job names the id it printed with). */
export const FormTemplateListSchema = z
  .array(FormTemplateSchema)
  .max(100)
  .refine((templates) => new Set(templates.map((template) => template.id)).size === templates.length, { message: 'Template ids must be unique' });

