import { z } from 'zod';
import {
  DISCARD_REASONS,
  HOLD_REASONS,
  NOT_REPORTABLE_REASONS,
  REJECTION_CODES,
  WARNING_CODES,
} from './facilita-export-options.ts';
import { DeskExportAnswer } from '../../sync-protocol/exports.ts';

const IsoDate = z.iso.date();

export const ExportPeriod = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    /** Export again rows an earlier export already holds (normally they are skipped). */
    includeAlreadyExported: z.boolean().default(false),
  })
  .refine((period) => period.from <= period.to, { path: ['to'], message: 'the period ends before it starts' });

export const RejectedRow = z.object({
  recordId: z.string(),
  recordKind: z.enum(['session', 'workshopParticipant']),
  parentId: z.string().optional(),
  reasons: z.array(z.object({ code: z.enum(REJECTION_CODES), column: z.string() })),
});

/** A valid row Facilita would refuse only today: after its cut-off, or before a birthday. */
export const HeldRow = z.object({
  recordId: z.string(),
  recordKind: z.enum(['session', 'workshopParticipant']),
  parentId: z.string().optional(),
  hold: z.discriminatedUnion('reason', [
    z.object({ reason: z.literal(HOLD_REASONS[0]), date: IsoDate }),
    z.object({ reason: z.literal(HOLD_REASONS[1]), from: IsoDate }),
  ]),
});

/** A service of the period that will never reach Facilita, and why (not a row to correct). */
export const NotReportableRow = z.object({
  recordId: z.string(),
  recordKind: z.enum(['session', 'workshopParticipant']),
  parentId: z.string().optional(),
  date: IsoDate,
  reason: z.enum(NOT_REPORTABLE_REASONS),
  /** For `profileIncomplete`: whose profile to complete (the preview links to their page). */
  citizen: z.object({ id: z.string(), name: z.string() }).optional(),
});

export const ExportWarning = z.object({
  code: z.enum(WARNING_CODES),
  facilitator: z.string().optional(),
  count: z.number().int(),
});

/** The cut-off the export applied, and where it came from (`on`: a timestamp). */
export const CutoffInForce = z.object({
  date: IsoDate,
  origin: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('default') }),
    z.object({ kind: z.literal('coordinator'), on: z.string(), by: z.string() }),
    z.object({ kind: z.literal('hub') }),
  ]),
});

const verdicts = {
  rejected: z.array(RejectedRow),
  held: z.array(HeldRow),
  warnings: z.array(ExportWarning),
  /** Null for Servizio Civile (1.7.1): its Excel has no cut-off. */
  cutoff: CutoffInForce.nullable(),
};

export const ExportPreview = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  skippedAlreadyExported: z.number().int(),
  ...verdicts,
  /** Services of the period that will never reach Facilita, listed apart with their reason (date order). */
  notReportable: z.array(NotReportableRow),
});

export const ExportedFile = z.object({
  name: z.string(),
  archive: z.string(),
  rows: z.number().int(),
  sha256: z.string(),
});

export const ExportResult = z.object({
  exportId: z.string(),
  folder: z.string(),
  files: z.array(ExportedFile),
  skippedAlreadyExported: z.number().int(),
  ...verdicts,
});

/** Per export: rows sent, loaded by Facilita (known once its discard report is in), discarded, fixed, sent again. */
export const Reconciliation = z.object({
  sent: z.number().int(),
  loaded: z.number().int().nullable(),
  discarded: z.number().int(),
  fixed: z.number().int(),
  sentAgain: z.number().int(),
});

export const ExportEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  folder: z.string(),
  files: z.array(ExportedFile),
  rowCount: z.number().int(),
  rejectedCount: z.number().int(),
  uploadedAt: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  rectifies: z.string().nullable(),
  /** 'hub': the hub's export of this site's services (its files are at the hub). */
  origin: z.enum(['desk', 'hub']),
  /** What the hub made of this desk's export (the organisation's one registry). */
  hub: z.object({
    state: z.enum(['pending', 'recorded', 'conflict']),
    recordedAt: z.string().nullable(),
    conflict: DeskExportAnswer.shape.conflict,
  }),
  reconciliation: Reconciliation,
});

export const DiscardedService = z.object({
  recordId: z.string(),
  recordKind: z.enum(['session', 'workshopParticipant']),
  parentId: z.string().optional(),
  fileName: z.string(),
  rowNumber: z.number().int(),
  reason: z.enum(DISCARD_REASONS),
  /** Facilita's own sentence. */
  note: z.string(),
  fixed: z.boolean(),
  resent: z.boolean(),
});

export const DiscardImport = z.strictObject({
  exportId: z.string().min(1),
  /** The file of the export the report answers (one report per uploaded file). */
  fileName: z.string().min(1),
  /** The report's text, as Facilita gave it (CSV). */
  report: z.string().max(20_000_000),
});

export const DiscardImportResult = z.object({
  matched: z.number().int(),
  /** numeroRiga of lines that match no row of the file (none is guessed). */
  unmatched: z.array(z.number().int()),
  /** How the report numbers rows, found by matching: the number of the file's first data row. */
  firstDataRowNumber: z.number().int(),
  discards: z.array(DiscardedService),
  reconciliation: Reconciliation,
});

export const ExportDiscards = z.object({ discards: z.array(DiscardedService), reconciliation: Reconciliation });

export const ExportProgress = z.object({ done: z.number().int(), total: z.number().int() });

export type ExportPreview = z.infer<typeof ExportPreview>;
export type ExportResult = z.infer<typeof ExportResult>;
export type ExportEntry = z.infer<typeof ExportEntry>;
export type RejectedRow = z.infer<typeof RejectedRow>;
export type HeldRow = z.infer<typeof HeldRow>;
export type NotReportableRow = z.infer<typeof NotReportableRow>;
export type ExportWarning = z.infer<typeof ExportWarning>;
export type CutoffInForce = z.infer<typeof CutoffInForce>;
export type DiscardedService = z.infer<typeof DiscardedService>;
export type DiscardImportResult = z.infer<typeof DiscardImportResult>;
export type Reconciliation = z.infer<typeof Reconciliation>;
