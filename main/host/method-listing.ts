import { z } from 'zod';
import { events, methods } from '../../shared/contract/methods.ts';

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** `GET /api/rpc`: every method and event with the JSON Schema of its input and output. */
export const describeContract = () => ({
  methods: Object.entries(methods).map(([name, spec]) => ({
    name,
    path: `/api/rpc/${name}`,
    summary: spec.summary,
    input: schemaOf(spec.input, 'input'),
    output: schemaOf(spec.output, 'output'),
  })),
  events: Object.entries(events).map(([name, spec]) => ({
    name,
    summary: spec.summary,
    payload: schemaOf(spec.payload, 'output'),
  })),
});
