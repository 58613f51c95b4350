import { z } from 'zod';
import { DoctorReportSchema, SystemDescriptionSchema, SystemInfoSchema } from './system.ts';
import { CounterIdentitySchema, SettingsPatchSchema, SettingsSchema } from './settings.ts';
import { SyncStatusSchema } from './sync.ts';

const NoInput = z.object({}).strict();

type MethodSpec = Readonly<{ description: string; input: z.ZodType; output: z.ZodType }>;

/** Every call the UI (or the CLI) may make, named `<feature>.<verb>`. One object in, one object out. */
export const methods = {
  'system.info': {
    description: 'App version, data folder, database file and schema version, storage state.',
    input: NoInput,
    output: SystemInfoSchema,
  },
  'system.describe': {
    description: 'Every method with its input and output, and every event, as JSON Schema.',
    input: NoInput,
    output: SystemDescriptionSchema,
  },
  'system.doctor': {
    description: 'Checks of this counter PC: data folder, database integrity, devices, central server.',
    input: NoInput,
    output: DoctorReportSchema,
  },
  'counter.get': {
    description: "This counter's identity: centre, counter name, enrolment.",
    input: NoInput,
    output: CounterIdentitySchema,
  },
  'settings.get': {
    description: 'The counter settings (language, identity before enrolment, server address).',
    input: NoInput,
    output: SettingsSchema,
  },
  'settings.update': {
    description: 'Change some settings; returns all of them.',
    input: SettingsPatchSchema,
    output: SettingsSchema,
  },
  'sync.status': {
    description: 'Connection to the central server and outbox depth.',
    input: NoInput,
    output: SyncStatusSchema,
  },
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
