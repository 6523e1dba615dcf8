import { z } from 'zod';
import type { Access } from './access.ts';

export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  input: I;
  output: O;
  /** One line for the `GET /api/rpc` listing and for developers. */
  summary: string;
  /** Who may call it (access.ts); required, so a new method cannot forget. The dispatcher enforces it. */
  access: A;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export const defineMethod = <I extends z.ZodType, O extends z.ZodType, const A extends Access>(
  spec: MethodSpec<I, O, A>,
): MethodSpec<I, O, A> => spec;
export const defineEvent = <P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> => spec;

/** The input of a method that takes none: an empty object, and nothing else. */
export const NoInput = z.object({}).strict();
