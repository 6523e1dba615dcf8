import { z } from 'zod';
import { LANGUAGES } from '../settings-options.ts';
import { RecordId } from './common.ts';
import { Experience } from './sessions.ts';

/**
 * The experience questions ES1–ES6 as the citizen answers them on the citizen view. It holds the
 * answers only (nothing that identifies the citizen) and lives in the core's memory until the
 * operator's form, which mirrors it live, saves them with the session.
 */
export const QuestionnaireView = z.strictObject({
  id: RecordId,
  /** The citizen's language, whatever the desk's screen uses. */
  language: z.enum(LANGUAGES),
  answers: Experience,
  state: z.enum(['open', 'finished']),
});
export type QuestionnaireView = z.infer<typeof QuestionnaireView>;

export const QuestionnaireStart = z.strictObject({
  language: z.enum(LANGUAGES).optional(),
  /** The answers given so far (kept in the session's draft): the citizen goes on from there, e.g. after a restart. */
  answers: Experience.optional(),
});
export const QuestionnaireAnswer = z.strictObject({ id: RecordId, answers: Experience });
