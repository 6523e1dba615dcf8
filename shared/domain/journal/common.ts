import { z } from 'zod';
import { DURATION_PATTERN, minutesOf, typedDuration } from './options.ts';

/** Client-made UUIDv7 record ids. */
export const RecordId = z.uuid();
export const IsoDate = z.iso.date();
export const Timestamp = z.iso.datetime({ offset: true });
export const Version = z.int().min(1);

/** SE2: `hh:mm`, not zero (the zero rule only speaks once the format is right: one message at a time). */
export const DurationText = z
  .string()
  .transform(typedDuration)
  .pipe(z.string().regex(DURATION_PATTERN))
  .refine((text) => (minutesOf(text) ?? 1) > 0, { message: 'duration must not be zero', params: { reason: 'zero' } });

/** Multiple answers, distinct, at least one. */
export const codeList = <T extends readonly [string | number, ...(string | number)[]]>(codes: T) =>
  z
    .array(z.literal(codes))
    .min(1)
    .refine((values) => new Set(values).size === values.length, { message: 'values must be distinct' });

/**
 * The form's own id for one save attempt (a UUIDv7 it makes): the new record takes it, so the same
 * attempt sent twice — a double click, a retry after a lost answer — saves one record.
 */
export const AttemptId = RecordId.optional();
