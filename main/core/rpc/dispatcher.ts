import type { z } from 'zod';
import type { CitizenView } from '../../../shared/contract/access.ts';
import { methods, type MethodOutput, type Methods } from '../../../shared/contract/methods.ts';
import { isMethodName, type MethodName } from '../../../shared/contract/names.ts';
import { fail, ok, type Result } from '../../../shared/contract/result.ts';
import type { SignedIn } from '../../../shared/domain/journal/operators.ts';
import { log } from '../log.ts';
import type { AccessGate } from './access-gate.ts';
import { AppFailure } from './app-failure.ts';
import { DESK, type Caller } from './caller.ts';
import { toFieldIssues } from './validation.ts';

type ParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;

/** Levels that admit a call with nobody signed in: their handlers may get no operator. */
type OpenAccess = 'public' | 'desk' | 'coordinatorOnceSetUp' | { citizen: CitizenView };

/** What the dispatcher tells a handler of who called: the signed-in operator the access level demanded. */
export type CallContext<M extends MethodName> = Methods[M]['access'] extends OpenAccess
  ? { actor: SignedIn | null }
  : { actor: SignedIn };

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, call: CallContext<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface Dispatcher {
  call<M extends MethodName>(method: M, input: unknown, caller?: Caller): Promise<Result<MethodOutput<M>>>;
  call(method: string, input: unknown, caller?: Caller): Promise<Result<unknown>>;
}

const failureOf = (error: unknown, method: string): Result<never> => {
  if (error instanceof AppFailure) return fail(error.code, error.message, error.details);
  log.error('rpc.failed', { method, error: error instanceof Error ? error.name : 'unknown' });
  return fail('INTERNAL', `Unexpected failure in ${method}`);
};

/**
 * The single path of every call: checks the method, then who may call it (before anything of the
 * input is parsed), validates input and output, wraps failures.
 */
const dispatch = async (
  handlers: Handlers,
  gate: AccessGate,
  method: string,
  rawInput: unknown,
  caller: Caller,
): Promise<Result<unknown>> => {
  if (!isMethodName(method)) return fail('NOT_FOUND', `Unknown method "${method}"`);
  const spec = methods[method];
  let call: { actor: SignedIn | null };
  try {
    call = gate(spec.access, caller, rawInput);
  } catch (error) {
    return failureOf(error, method);
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('VALIDATION', `Invalid input for ${method}`, { issues: toFieldIssues(parsed.error) });
  }
  try {
    const handler = handlers[method] as (input: unknown, call: unknown) => Promise<unknown> | unknown;
    const output = await handler(parsed.data, call);
    // An output that breaks its own schema is our bug: refuse it rather than hand the UI bad data.
    return ok(spec.output.parse(output));
  } catch (error) {
    return failureOf(error, method);
  }
};

export const createDispatcher = (handlers: Handlers, gate: AccessGate): Dispatcher => ({
  // The typed overload is for callers; at run time every method goes through the same checks.
  call: (method: string, input: unknown, caller: Caller = DESK) =>
    dispatch(handlers, gate, method, input, caller) as Promise<Result<never>>,
});
