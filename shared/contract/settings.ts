import { z } from 'zod';

export const LanguageSchema = z.enum(['vi', 'en']);

/** What a centre's administrator sets on a counter before it is enrolled with the central server. */
export const CounterSettingsSchema = z.object({
  centreName: z.string().trim().max(200),
  counterName: z.string().trim().max(100),
});

/** Http(s) only: the central one-stop server the counter syncs with. */
export const ServerUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), { message: 'Must be an http:// or https:// address' });

export const SettingsSchema = z.object({
  language: LanguageSchema,
  counter: CounterSettingsSchema,
  serverUrl: ServerUrlSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    language: LanguageSchema.optional(),
    counter: CounterSettingsSchema.partial().strict().optional(),
    serverUrl: ServerUrlSchema.nullable().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'vi',
  counter: { centreName: '', counterName: '' },
  serverUrl: null,
};

export const CounterIdentitySchema = z.object({
  profile: z.string(),
  centreName: z.string(),
  counterName: z.string(),
  /** Set by enrolment with the central server; null until then. */
  counterCode: z.string().nullable(),
  enrolled: z.boolean(),
});
export type CounterIdentity = z.infer<typeof CounterIdentitySchema>;
