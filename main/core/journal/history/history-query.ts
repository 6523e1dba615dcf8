import type { z } from 'zod';
import type { HistoryItem, HistoryPage, HistoryQuery } from '../../../../shared/domain/journal/history.ts';
import { durationText } from '../../../../shared/domain/journal/options.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import { citizensByName } from '../citizens/name-index.ts';
import { requireCodiceFiscale, splitCodes, type JournalContext } from '../journal-context.ts';
import { citizenHash, type CitizenRow } from '../records/citizen.ts';
import type { OperatorRow } from '../records/operator.ts';
import type { SessionRow } from '../records/session.ts';
import type { WorkshopRow } from '../records/workshop.ts';

type Query = z.output<typeof HistoryQuery>;

/** Whose records the actor may see: null for every operator's (shared/contract/access.ts SEES_OTHERS). */
export interface HistoryScope {
  sessionsOf: string | null;
  workshopsOf: string | null;
}

const WHOLE_DESK: HistoryScope = { sessionsOf: null, workshopsOf: null };

interface Built {
  sql: string;
  params: unknown[];
}

/**
 * Builds the session query for a filter. Each filter has an index that serves it in date order
 * (see migration 0060): a service area reads session_areas, the others read a partial index on
 * sessions, so the first page over 100k sessions touches only its rows (query plans are tested).
 */
export const sessionQuery = (
  query: Query,
  citizenIds: readonly string[] | null,
  limit: number,
  scope: HistoryScope = WHOLE_DESK,
): Built => {
  const where: string[] = ['s.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  const dateColumn = query.serviceArea ? 'a.date' : 's.date';
  const idColumn = query.serviceArea ? 'a.session_id' : 's.id';
  let from = 'sessions s';
  if (query.serviceArea) {
    from = 'session_areas a JOIN sessions s ON s.id = a.session_id';
    add('a.area = ?', query.serviceArea);
  } else if (query.unsynced) {
    from = 'sessions s INDEXED BY sessions_unsynced';
  }
  if (query.unsynced) add('(s.synced_version IS NULL OR s.synced_version < s.version)');
  if (query.operatorId) add('s.operator_id = ?', query.operatorId);
  if (scope.sessionsOf) add('s.operator_id = ?', scope.sessionsOf);
  if (query.outcome) add('s.outcome = ?', query.outcome);
  if (query.reportable !== null) add('s.reportable = ?', query.reportable ? 1 : 0);
  if (citizenIds) add(`s.citizen_id IN (${citizenIds.map(() => '?').join(', ')})`, ...citizenIds);
  if (query.from) add(`${dateColumn} >= ?`, query.from);
  if (query.to) add(`${dateColumn} <= ?`, query.to);
  if (query.cursor) add(`(${dateColumn}, ${idColumn}) < (?, ?)`, query.cursor.date, query.cursor.id);
  return {
    sql: `SELECT s.id, s.version, s.date, s.duration_min, s.se6, s.outcome, s.reportable, s.synced_version, s.citizen_id,
                 o.name AS operator_name, c.first_name_enc, c.last_name_enc
          FROM ${from} JOIN operators o ON o.id = s.operator_id LEFT JOIN citizens c ON c.id = s.citizen_id
          WHERE ${where.join(' AND ')} ORDER BY ${dateColumn} DESC, ${idColumn} DESC LIMIT ${limit}`,
    params,
  };
};

/** Workshops in date order; with citizens, only those they attended (checked in, not merely booked). */
const workshopQuery = (
  query: Query,
  citizenIds: readonly string[] | null,
  limit: number,
  scope: HistoryScope,
): Built => {
  const where: string[] = ['w.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (query.serviceArea) add("(':' || w.se6 || ':') LIKE ?", `%:${query.serviceArea}:%`);
  if (query.unsynced) add('(w.synced_version IS NULL OR w.synced_version < w.version)');
  if (query.operatorId) add('w.trainer_id = ?', query.operatorId);
  if (scope.workshopsOf) add('w.trainer_id = ?', scope.workshopsOf);
  if (citizenIds)
    add(
      `EXISTS (SELECT 1 FROM workshop_participants p WHERE p.workshop_id = w.id AND p.checked_in_at IS NOT NULL
               AND p.citizen_id IN (${citizenIds.map(() => '?').join(', ')}))`,
      ...citizenIds,
    );
  if (query.from) add('w.date >= ?', query.from);
  if (query.to) add('w.date <= ?', query.to);
  if (query.cursor) add('(w.date, w.id) < (?, ?)', query.cursor.date, query.cursor.id);
  return {
    sql: `SELECT w.id, w.version, w.date, w.duration_min, w.se6, w.title, w.synced_version, o.name AS operator_name,
                 (SELECT count(*) FROM workshop_participants p WHERE p.workshop_id = w.id) AS participants
          FROM workshops w INDEXED BY workshops_history JOIN operators o ON o.id = w.trainer_id
          WHERE ${where.join(' AND ')} ORDER BY w.date DESC, w.id DESC LIMIT ${limit}`,
    params,
  };
};

export const searchHistory = (
  context: JournalContext,
  citizens: CitizenStore,
  query: Query,
  scope: HistoryScope = WHOLE_DESK,
): HistoryPage => {
  const db = context.db();
  const limit = query.limit;
  let citizenIds: string[] | null = null;
  if (query.codiceFiscale) {
    const hash = citizenHash(context.cipher(), requireCodiceFiscale(query.codiceFiscale).value);
    const found = db.prepare('SELECT id FROM citizens WHERE cf_hash = ?').pluck().get(hash) as string | undefined;
    citizenIds = found ? [found] : [];
  } else if (query.citizenName) {
    citizenIds = citizensByName(db, context.cipher(), query.citizenName);
  } else if (query.citizenId) {
    citizenIds = [query.citizenId];
  }
  if (citizenIds?.length === 0) return { items: [], next: null };
  const items: HistoryItem[] = [];
  // Outcome and reportable belong to sessions only: with one of them, no workshop matches.
  const sessionOnly = query.outcome !== null || query.reportable !== null;
  if (query.kind !== 'workshops') {
    const built = sessionQuery(query, citizenIds, limit, scope);
    const rows = db.prepare(built.sql).all(...built.params) as (Pick<
      SessionRow,
      'id' | 'version' | 'date' | 'duration_min' | 'se6' | 'outcome' | 'reportable' | 'synced_version' | 'citizen_id'
    > &
      Pick<CitizenRow, 'first_name_enc' | 'last_name_enc'> & { operator_name: OperatorRow['name'] })[];
    for (const row of rows) {
      items.push({
        kind: 'session',
        id: row.id,
        date: row.date,
        operatorName: row.operator_name,
        citizenId: row.citizen_id,
        citizenName: row.citizen_id
          ? citizens.displayName({
              id: row.citizen_id,
              first_name_enc: row.first_name_enc,
              last_name_enc: row.last_name_enc,
            })
          : null,
        title: null,
        serviceAreas: splitCodes(row.se6),
        outcome: row.outcome,
        duration: durationText(row.duration_min),
        reportable: Boolean(row.reportable),
        synced: row.synced_version !== null && row.synced_version >= row.version,
        participants: null,
      });
    }
  }
  if (query.kind !== 'sessions' && !sessionOnly) {
    const built = workshopQuery(query, citizenIds, limit, scope);
    const rows = db.prepare(built.sql).all(...built.params) as (Pick<
      WorkshopRow,
      'id' | 'version' | 'date' | 'duration_min' | 'se6' | 'title' | 'synced_version'
    > & { operator_name: OperatorRow['name']; participants: number })[];
    for (const row of rows) {
      items.push({
        kind: 'workshop',
        id: row.id,
        date: row.date,
        operatorName: row.operator_name,
        citizenId: null,
        citizenName: null,
        title: row.title,
        serviceAreas: splitCodes(row.se6),
        outcome: null,
        duration: durationText(row.duration_min),
        reportable: true,
        synced: row.synced_version !== null && row.synced_version >= row.version,
        participants: row.participants,
      });
    }
  }
  // Both lists are in (date, id) order: merge and keep one page; the cursor continues both.
  items.sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return { items: page, next: page.length === limit && last ? { date: last.date, id: last.id } : null };
};
