import { z } from 'zod';
import { SE6_SERVICE_AREAS } from '../../facilita/codes.ts';
import { IsoDate, RecordId } from './common.ts';
import { HISTORY_PAGE_SIZE } from './options.ts';
import { Outcome } from './sessions.ts';

export const HistoryCursor = z.strictObject({ date: IsoDate, id: RecordId });

export const HistoryQuery = z.strictObject({
  kind: z.enum(['all', 'sessions', 'workshops']).default('all'),
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  operatorId: RecordId.nullable().default(null),
  serviceArea: z.enum(SE6_SERVICE_AREAS).nullable().default(null),
  outcome: Outcome.nullable().default(null),
  reportable: z.boolean().nullable().default(null),
  unsynced: z.boolean().default(false),
  /** Finds one citizen's sessions by their keyed hash: the clear value is never searched. */
  codiceFiscale: z.string().trim().max(32).nullable().default(null),
  /** Finds citizens by surname and name through the blind name index: names are never searched in clear. */
  citizenName: z.string().trim().max(120).nullable().default(null),
  /** One citizen's sessions (the citizen's page lists their visits). */
  citizenId: RecordId.nullable().default(null),
  cursor: HistoryCursor.nullable().default(null),
  limit: z.int().min(1).max(200).default(HISTORY_PAGE_SIZE),
});
export type HistoryQuery = z.input<typeof HistoryQuery>;

export const HistoryItem = z.strictObject({
  kind: z.enum(['session', 'workshop']),
  id: RecordId,
  date: IsoDate,
  operatorName: z.string(),
  /** The session's citizen, whose page history's name link opens. */
  citizenId: RecordId.nullable(),
  citizenName: z.string().nullable(),
  title: z.string().nullable(),
  serviceAreas: z.array(z.string()),
  outcome: Outcome.nullable(),
  duration: z.string(),
  reportable: z.boolean(),
  synced: z.boolean(),
  participants: z.int().nullable(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const HistoryPage = z.strictObject({ items: z.array(HistoryItem), next: HistoryCursor.nullable() });
export type HistoryPage = z.infer<typeof HistoryPage>;
