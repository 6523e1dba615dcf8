import { z } from 'zod';
import {
  DiscardImport,
  DiscardImportResult,
  ExportDiscards,
  ExportEntry,
  ExportPeriod,
  ExportPreview,
  ExportProgress,
  ExportResult,
} from '../../../domain/facilita-export/facilita-export.ts';
import { defineEvent, defineMethod, NoInput, type EventSpec, type MethodSpec } from '../../define.ts';
import type { FACILITA_EVENT_NAMES, FACILITA_METHOD_NAMES } from './names.ts';

const ExportId = z.string().min(1);

export const facilitaMethods = {
  'facilita.preview': defineMethod({
    access: 'operator',
    input: ExportPeriod,
    output: ExportPreview,
    summary:
      "Check a period against Facilita's rules without writing anything: valid rows and rejected rows with reasons",
  }),
  'facilita.export': defineMethod({
    access: 'coordinator',
    input: ExportPeriod,
    output: ExportResult,
    summary: 'Export a period: CSV files of at most 9,000 rows, each with its archive PDF, recorded in the registry',
  }),
  'facilita.cancel': defineMethod({
    access: 'coordinator',
    input: NoInput,
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Cancel the export under way (no file is left behind)',
  }),
  'facilita.list': defineMethod({
    access: 'operator',
    input: NoInput,
    output: z.array(ExportEntry),
    summary: 'The export registry, newest first',
  }),
  'facilita.markUploaded': defineMethod({
    access: 'coordinator',
    input: z.strictObject({ exportId: ExportId }),
    output: ExportEntry,
    summary: 'Record that the referente uploaded this export to Facilita',
  }),
  'facilita.file': defineMethod({
    access: 'coordinator',
    input: z.strictObject({ exportId: ExportId, name: z.string().min(1) }),
    output: z.object({ name: z.string(), mimeType: z.string(), base64: z.string() }),
    summary: 'One file of an export (CSV or archive PDF), to download',
  }),
  // Facilita's discard report and the rectification file (issue 13 §5).
  'facilita.importDiscards': defineMethod({
    access: 'coordinator',
    input: DiscardImport,
    output: DiscardImportResult,
    summary:
      "Import Facilita's discard report for one file of an export: each row matched by number and confirmed by its fields, the services marked discarded",
  }),
  'facilita.discards': defineMethod({
    access: 'coordinator',
    input: z.strictObject({ exportId: ExportId }),
    output: ExportDiscards,
    summary: 'The services Facilita discarded from an export, with what became of them, and its reconciliation',
  }),
  'facilita.exportRectification': defineMethod({
    access: 'coordinator',
    input: z.strictObject({ exportId: ExportId }),
    output: ExportResult,
    summary: "Export a rectification file: only the export's discarded rows, corrected, recorded in the registry",
  }),
  'facilita.volunteerHours': defineMethod({
    access: 'operator',
    input: z.strictObject({ from: z.iso.date(), to: z.iso.date(), format: z.enum(['pdf', 'xlsx']) }),
    output: z.object({ name: z.string(), mimeType: z.string(), base64: z.string() }),
    summary: "Servizio Civile volunteers' services and hours per month for the project, as PDF or XLSX",
  }),
} satisfies Record<(typeof FACILITA_METHOD_NAMES)[number], MethodSpec>;

export const facilitaEvents = {
  'facilita.progress': defineEvent({ payload: ExportProgress, summary: 'Progress of the export under way' }),
} satisfies Record<(typeof FACILITA_EVENT_NAMES)[number], EventSpec>;
