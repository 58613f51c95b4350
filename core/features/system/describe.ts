import { z } from 'zod';
import { events } from '../../../shared/contract/events.ts';
import { methods } from '../../../shared/contract/methods.ts';

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // 'any' keeps refinements and transforms describable (they are checked at run time, not in the schema).
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/** The contract as JSON Schema: for IT staff, for scripts that drive `desk call`, and for the central server team. */
export function describeContract() {
  return {
    methods: Object.entries(methods).map(([name, spec]) => ({
      name,
      description: spec.description,
      input: toJsonSchema(spec.input, 'input'),
      output: toJsonSchema(spec.output, 'output'),
    })),
    events: Object.entries(events).map(([name, payload]) => ({ name, payload: toJsonSchema(payload, 'output') })),
  };
}
