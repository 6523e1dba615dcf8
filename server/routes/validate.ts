import { z } from 'zod';
import { Uuid } from '../../shared/sync-protocol/common.ts';
import { HubFailure } from '../failure.ts';

/** Largest push body: 1,000 changes of ordinary records fit many times over; a desk splits bigger backlogs. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Validates with a shared zod schema; a bad body is a 400 that names each wrong field, and nothing is written. */
export const parseBody = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HubFailure(
      'VALIDATION',
      'The request does not match the schema',
      parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
};

/** `/…/:id` of the admin routes. */
export const IdParam = z.object({ id: Uuid }).strict();
