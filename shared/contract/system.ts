import { z } from 'zod';
import { ErrorCodeSchema } from './errors.ts';

export const HostKindSchema = z.enum(['electron', 'node', 'cli']);

export const StorageStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('unavailable'), code: ErrorCodeSchema, message: z.string() }),
]);
export type StorageState = z.infer<typeof StorageStateSchema>;

export const SystemInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  profile: z.string(),
  databaseFile: z.string(),
  /** The schema version this code writes (PRAGMA user_version after migration). */
  schemaVersion: z.number().int(),
  storage: StorageStateSchema,
  runtime: z.object({ host: HostKindSchema, node: z.string(), platform: z.string() }),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const MethodDescriptionSchema = z.object({
  name: z.string(),
  description: z.string(),
  input: z.record(z.string(), z.unknown()),
  output: z.record(z.string(), z.unknown()),
});

export const SystemDescriptionSchema = z.object({
  methods: z.array(MethodDescriptionSchema),
  events: z.array(z.object({ name: z.string(), payload: z.record(z.string(), z.unknown()) })),
});

export const DoctorCheckSchema = z.object({
  id: z.string(),
  /** 'skip' is for a device that is not configured yet; it is never reported as OK. */
  status: z.enum(['ok', 'fail', 'skip']),
  label: z.object({ vi: z.string(), en: z.string() }),
  detail: z.string(),
});
export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;

export const DoctorReportSchema = z.object({ checks: z.array(DoctorCheckSchema) });
export type DoctorReport = z.infer<typeof DoctorReportSchema>;
