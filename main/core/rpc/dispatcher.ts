import type { z } from 'zod';
import { methods, type MethodOutput } from '../../../shared/contract/methods.ts';
import { isMethodName, type MethodName } from '../../../shared/contract/names.ts';
import { fail, ok, type Result } from '../../../shared/contract/result.ts';
import { log } from '../log.ts';
import { AppFailure } from './app-failure.ts';
import { toFieldIssues } from './validation.ts';

type ParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface Dispatcher {
  call<M extends MethodName>(method: M, input: unknown): Promise<Result<MethodOutput<M>>>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

/** The single path of every call: checks the method, validates input and output, wraps failures. */
const dispatch = async (handlers: Handlers, method: string, rawInput: unknown): Promise<Result<unknown>> => {
  if (!isMethodName(method)) return fail('NOT_FOUND', `Unknown method "${method}"`);
  const spec = methods[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('VALIDATION', `Invalid input for ${method}`, { issues: toFieldIssues(parsed.error) });
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown> | unknown;
    const output = await handler(parsed.data);
    // An output that breaks its own schema is our bug: refuse it rather than hand the UI bad data.
    return ok(spec.output.parse(output));
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.details);
    log.error('rpc.failed', { method, error: error instanceof Error ? error.name : 'unknown' });
    return fail('INTERNAL', `Unexpected failure in ${method}`);
  }
};

export const createDispatcher = (handlers: Handlers): Dispatcher => ({
  // The typed overload is for callers; at run time every method goes through the same checks.
  call: (method: string, input: unknown) => dispatch(handlers, method, input) as Promise<Result<never>>,
});
