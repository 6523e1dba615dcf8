import { z } from 'zod';
import { Uuid } from './common.ts';

/**
 * One Facilita registry for the organisation (docs/architecture.md §4, "Facilita registry"): a
 * desk reports each export it made (which services, in which file, when, by which operator id —
 * no name, no citizen), and the hub sends its own exports down the feed (kind `facilitaExport`),
 * so a service goes to Facilita once, whichever side exports it.
 */

/** A service as both registries key it: `session:<id>` or `workshopParticipant:<id>`. */
export const ExportedService = z.string().regex(/^(session|workshopParticipant):[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/);

export const ExportedFile = z.object({
  filename: z.string().min(1).max(300),
  rows: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** At most this many services in one report (a desk export of 100k rows is ~4 MB of keys). */
export const MAX_REPORTED_SERVICES = 200_000;

export const DeskExportReport = z
  .object({
    deviceId: Uuid,
    exportId: Uuid,
    /** The desk's clock: data shown to people, never the order (the hub's arrival time is). */
    createdAt: z.string().max(40),
    /** The operator's id (the hub knows the roster); never a name. */
    createdBy: z.string().max(64).nullable(),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    files: z.array(ExportedFile).max(100),
    services: z.array(ExportedService).max(MAX_REPORTED_SERVICES),
  })
  .strict();
export type DeskExportReport = z.infer<typeof DeskExportReport>;

/**
 * The hub's answer. `conflict`: some of these services were already in an export the hub recorded
 * first (the hub's own, or another desk's); the desk's export is recorded all the same — it may
 * have been uploaded — and the desk shows the conflict until the referente acts on it.
 */
export const DeskExportAnswer = z.object({
  exportId: Uuid,
  outcome: z.enum(['recorded', 'conflict']),
  recordedAt: z.string(),
  conflict: z
    .object({
      services: z.int().min(1),
      exportId: Uuid,
      origin: z.enum(['hub', 'desk']),
      exportedAt: z.string(),
      /** The hub export's `createdBy`, or the other desk's name. */
      by: z.string().nullable(),
    })
    .nullable(),
});
export type DeskExportAnswer = z.infer<typeof DeskExportAnswer>;

/** A hub export as a desk of one site receives it: that site's services and files only. */
export const HubExportFeedPayload = z.object({
  exportId: Uuid,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  files: z.array(ExportedFile),
  services: z.array(ExportedService),
});
export type HubExportFeedPayload = z.infer<typeof HubExportFeedPayload>;

export const serviceKey = (kind: 'session' | 'workshopParticipant', recordId: string) => `${kind}:${recordId}`;

export const parseServiceKey = (key: string): { kind: 'session' | 'workshopParticipant'; recordId: string } => {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as 'session' | 'workshopParticipant', recordId: key.slice(at + 1) };
};
