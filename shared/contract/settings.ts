import { z } from 'zod';

export const LanguageSchema = z.enum(['vi', 'en']);

/** What a centre's administrator sets on a counter before it is enrolled with the central server. */
/** Agency code per QCVN 102:2016 (e.g. 000.00.12.H12); codes changed with the 2025 mergers, so it is data. */
export const AgencyCodeSchema = z.string().trim().regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/, 'NNN.NN.NN.XNN, e.g. 000.00.12.H12');

export const CounterSettingsSchema = z.object({
  centreName: z.string().trim().max(200),
  counterName: z.string().trim().max(100),
  /** The receiving agency whose daily dossier sequence this counter shares; null until set or enrolled. */
  agencyCode: AgencyCodeSchema.nullable().default(null),
  /**
   * This counter's slot among the agency's counters (1–40): which part of the day's sequence it may use
   * when it has no block reserved from the central server (docs/DOSSIER-CODES.md).
   */
  slot: z.number().int().min(1).max(40).nullable().default(null),
});

/** Http(s) only: the central one-stop server the counter syncs with. */
export const ServerUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), { message: 'Must be an http:// or https:// address' });

/** Fractions are allowed (0.05 min = 3 s) so an end-to-end test need not wait; 8 h at most. */
export const IdleLockMinutesSchema = z.number().min(0.05).max(480);

export const SettingsSchema = z.object({
  language: LanguageSchema,
  counter: CounterSettingsSchema,
  serverUrl: ServerUrlSchema.nullable(),
  /** Minutes without keyboard or mouse before the clerk's session locks; absent: DEFAULT_IDLE_LOCK_MINUTES (auth.ts). */
  idleLockMinutes: IdleLockMinutesSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    language: LanguageSchema.optional(),
    counter: CounterSettingsSchema.partial().strict().optional(),
    serverUrl: ServerUrlSchema.nullable().optional(),
    idleLockMinutes: IdleLockMinutesSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The one setting any clerk may change (`settings.setLanguage` is open; `settings.update` is supervisor-only). */
export const SetLanguageInputSchema = z.object({ language: LanguageSchema }).strict();

export const DEFAULT_SETTINGS: Settings = {
  language: 'vi',
  counter: { centreName: '', counterName: '', agencyCode: null, slot: null },
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
