import { z } from 'zod';
import { REJECTION_CODES } from './facilita-export-options.ts';

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

export const ExportPreview = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  skippedAlreadyExported: z.number().int(),
  rejected: z.array(RejectedRow),
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
  rejected: z.array(RejectedRow),
  skippedAlreadyExported: z.number().int(),
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
});

export const ExportProgress = z.object({ done: z.number().int(), total: z.number().int() });

export type ExportPreview = z.infer<typeof ExportPreview>;
export type ExportResult = z.infer<typeof ExportResult>;
export type ExportEntry = z.infer<typeof ExportEntry>;
export type RejectedRow = z.infer<typeof RejectedRow>;
