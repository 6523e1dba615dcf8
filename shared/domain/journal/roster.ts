import { z } from 'zod';
import { NAME_MAX } from './options.ts';
import { RecordId } from './common.ts';
import { Workshop } from './workshops.ts';

/** A roster file of at most 2 MB, base64 (a few hundred rows are a few kilobytes). */
const ROSTER_FILE_MAX = Math.ceil((2 * 1024 * 1024 * 4) / 3);

/** The trainer's spreadsheet (CSV or XLSX) for a workshop's roster, as the file input read it. */
export const RosterFile = z.strictObject({
  workshopId: RecordId,
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64. */
  content: z.string().min(1).max(ROSTER_FILE_MAX),
});

/**
 * What importing one row would do: a new citizen (registered with a profile to complete), a
 * citizen the desk knows (found by the codice fiscale's keyed hash), one already on this roster,
 * the same codice fiscale as an earlier row, or a row with problems (nothing of it is saved).
 */
export const ROSTER_ROW_STATUSES = ['new', 'known', 'onRoster', 'repeated', 'invalid'] as const;

export const RosterRow = z.strictObject({
  /** The row's number in the spreadsheet (the header is row 1). */
  line: z.int(),
  lastName: z.string(),
  firstName: z.string(),
  /** As written in the file (upper-cased, spaces removed). */
  codiceFiscale: z.string(),
  status: z.enum(ROSTER_ROW_STATUSES),
  /** A known citizen's name as the desk has it ("Cognome Nome"). */
  name: z.string().optional(),
  /** For `repeated`: the row that has the same codice fiscale. */
  repeatsLine: z.int().optional(),
  /** For `invalid`: each field's problem, by code (the UI says it in words). */
  problems: z.array(z.strictObject({ field: z.string(), code: z.string() })),
});
export type RosterRow = z.infer<typeof RosterRow>;

export const RosterPreview = z.strictObject({
  rows: z.array(RosterRow),
  /** The rows an import would add (new and known). */
  toImport: z.int(),
});
export type RosterPreview = z.infer<typeof RosterPreview>;

export const RosterImported = z.strictObject({
  workshop: Workshop,
  added: z.int(),
  rows: z.array(RosterRow),
});

const OptionalName = z.string().trim().max(NAME_MAX).optional();

/** One arrival on the day: the codice fiscale, and the names if typed. */
export const ArrivalInput = z.strictObject({
  workshopId: RecordId,
  codiceFiscale: z.string().trim().min(1).max(32),
  firstName: OptionalName,
  lastName: OptionalName,
});

export const ArrivalAdded = z.strictObject({
  workshop: Workshop,
  added: z.strictObject({ citizenId: RecordId, registered: z.boolean() }),
});
