import { describe, expect, it } from 'vitest';
import { journalContextOf } from '../../../main/core/journal/handlers.ts';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import { JOURNAL_RECORDS } from '../../../main/core/journal/records/journal-records.ts';
import type { JournalEntity } from '../../../main/core/journal/records/record-kit.ts';
import { journalSyncTables } from '../../../main/core/journal/sync-tables.ts';
import { readPayload } from '../../../main/core/outbox/outbox.ts';
import type { AppCore } from '../../../main/core/app-core.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  newCitizen,
  newSession,
  setUpDesk,
  siteInput,
  today,
  workshopWithRoster,
} from '../../support/journal.ts';

type Row = Record<string, unknown>;

/** Columns a write-back sets on its own: the new version and when it was written. */
const OWN_COLUMNS = new Set(['version', 'updated_at']);

/** A row as compared: encrypted columns by presence (each encryption has its own nonce), the rest as stored. */
const comparable = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => !OWN_COLUMNS.has(column))
      .map(([column, value]) => [column, column.endsWith('_enc') ? value !== null : value]),
  );

/** What the desk shows of every record (decrypted by the stores), without versions and audit trails. */
const everythingShown = async (core: AppCore, ids: { sessions: string[]; citizen: string; workshop: string }) => {
  const strip = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (key, inner: unknown) => (key === 'version' || key === 'audit' ? undefined : inner)),
    );
  return strip({
    sessions: await Promise.all(ids.sessions.map((id) => callOk(core, 'sessions.get', { id }))),
    citizen: await callOk(core, 'citizens.get', { id: ids.citizen }),
    workshop: await callOk(core, 'workshops.get', { id: ids.workshop }),
    operators: await callOk(core, 'operators.list', {}),
    site: await callOk(core, 'site.get', {}),
    followUps: await callOk(core, 'followUps.list', {}),
    areas: core.database.db.prepare('SELECT * FROM session_areas ORDER BY session_id, area').all(),
  });
};

describe('one record module per synced record type', () => {
  it('the store’s row and the same payload written back by sync are the same row, for every record type', async () => {
    const core = createTestCore();
    try {
      const coordinator = await setUpDesk(core);
      const citizen = await newCitizen(core);
      const kept = await newSession(core, citizen.id, {
        followUp: { dueDate: addDays(today(), 7), reason: 'Richiamare per il PIN' },
        privateNotes: 'Nota riservata',
        serviceAreas: ['A', 'B'],
      });
      const removed = await newSession(core, citizen.id, { details: 'Prenotazione CUP', followUp: null });
      await callOk(core, 'sessions.delete', { id: removed.id, baseVersion: 1, reason: 'Doppione' });
      const { workshop } = await workshopWithRoster(core, 2, 1);
      const ids = { sessions: [kept.id, removed.id], citizen: citizen.id, workshop: workshop.id };

      const db = core.database.db;
      const cipher = core.context.cipher();
      const tables = new Map(
        journalSyncTables(journalContextOf(core.context)).tables.map((table) => [table.entity, table]),
      );
      const latest = db
        .prepare(
          `SELECT entity, record_id, op, version, change_id, payload FROM outbox o
            WHERE seq = (SELECT max(seq) FROM outbox WHERE record_id = o.record_id) ORDER BY seq`,
        )
        .all() as {
        entity: JournalEntity;
        record_id: string;
        op: 'upsert' | 'delete';
        version: number;
        change_id: string;
        payload: string;
      }[];
      expect(new Set(latest.map((change) => change.entity))).toEqual(new Set(Object.keys(JOURNAL_RECORDS)));

      const shownBefore = await everythingShown(core, ids);
      for (const change of latest) {
        const { table } = JOURNAL_RECORDS[change.entity];
        const rowOf = () => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(change.record_id) as Row;
        const written = rowOf();
        const payload = readPayload(cipher, change.change_id, change.payload) as Record<string, unknown>;
        db.transaction(() =>
          tables
            .get(change.entity)
            ?.writeResolved(
              { recordId: change.record_id, version: change.version + 1, op: change.op, payload },
              coordinator.id,
            ),
        )();
        const writtenBack = rowOf();
        expect({ entity: change.entity, row: comparable(writtenBack) }).toEqual({
          entity: change.entity,
          row: comparable(written),
        });
        expect(writtenBack['version']).toBe(change.version + 1);
      }
      // The encrypted fields, the session areas and the follow-ups read back the same too.
      expect(await everythingShown(core, ids)).toEqual(shownBefore);
    } finally {
      core.close();
    }
  });

  it('every write of a synced record has its outbox change, and every one but a session’s follow-up its audit entry', async () => {
    const core = createTestCore();
    try {
      await setUpDesk(core);
      const citizen = await newCitizen(core);
      await newSession(core, citizen.id, { followUp: { dueDate: addDays(today(), 7), reason: 'Richiamare' } });
      await workshopWithRoster(core, 1, 1);
      const db = core.database.db;
      const unaudited = db
        .prepare(
          `SELECT o.entity, o.version FROM outbox o
             LEFT JOIN audit_log a ON a.entity = o.entity AND a.record_id = o.record_id AND a.version = o.version
            WHERE a.seq IS NULL`,
        )
        .all();
      expect(unaudited).toEqual([{ entity: 'followUp', version: 1 }]);
    } finally {
      core.close();
    }
  });

  it('the site’s Facilita measure: 1.7.2 unless chosen, synced with the site, kept by an update that leaves it out', async () => {
    const core = createTestCore();
    try {
      await setUpDesk(core);
      expect((await callOk(core, 'site.get', {})).measure).toBe('1.7.2');
      const update = (version: number, fields: Record<string, unknown>) =>
        core.dispatcher.call('site.update', { ...siteInput(), ...fields, baseVersion: version });
      expect((await update(1, { measure: '1.7.1' })).ok).toBe(true);
      const sent = core.database.db
        .prepare("SELECT change_id, payload FROM outbox WHERE entity = 'site' ORDER BY seq DESC LIMIT 1")
        .get() as { change_id: string; payload: string };
      expect(readPayload(core.context.cipher(), sent.change_id, sent.payload)).toMatchObject({ measure: '1.7.1' });
      expect((await update(2, {})).ok).toBe(true);
      expect(await callOk(core, 'site.get', {})).toMatchObject({ version: 3, measure: '1.7.1' });
      const refused = await callError(core, 'site.update', { ...siteInput(), measure: '1.7.3', baseVersion: 3 });
      expect(refused.code).toBe('VALIDATION');
      expect((await callOk(core, 'site.get', {})).version).toBe(3);
    } finally {
      core.close();
    }
  });
});
