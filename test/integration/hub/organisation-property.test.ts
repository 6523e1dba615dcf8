import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRequest } from '../../../shared/sync-protocol/push.ts';
import { createTestDesk, pushAnswerLost, writeOutboxChange, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, HUB_BACKENDS, hubPost, startTestHub, type TestHub } from '../../support/hub.ts';
import { callOk, cf, newCitizen, newSession, setCutoff, setUpDesk, setUpInput, today } from '../../support/journal.ts';

/**
 * One organisation, two sites, three desks and a training desk, driven through generated
 * interleavings of offline logging, exports from the desks and from the hub, revocation,
 * re-enrollment, lost answers and replays, and a desk that tries to change another site's record.
 * After each run, once every desk is connected and synced: each service is in at most one export
 * that nobody was told about, no demo record is anywhere at the hub or in a file, every file carries
 * the hub's site identity, no desk changed another site's record, no change is lost or doubled,
 * and no secret hash is at the hub.
 */
type Action =
  | { kind: 'log'; desk: number }
  | { kind: 'sync'; desk: number }
  | { kind: 'deskExport'; desk: number }
  | { kind: 'hubExport' }
  | { kind: 'revoke'; desk: number }
  | { kind: 'reenroll'; desk: number }
  | { kind: 'crossSite'; desk: number }
  | { kind: 'pushAnswerLost'; desk: number }
  | { kind: 'replay'; pick: number }
  | { kind: 'train' };

const desk = fc.integer({ min: 0, max: 2 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('log' as const), desk }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), desk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deskExport' as const), desk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hubExport' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reenroll' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crossSite' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pushAnswerLost' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('train' as const) }) },
);

/** The hub's own identity for each site: what every file must carry (never what a desk typed). */
const HUB_SITES = [
  { name: 'Biblioteca civica', facilitaId: '20001', facilitaName: 'PDF Biblioteca civica' },
  { name: 'Municipio', facilitaId: '20002', facilitaName: 'PDF Sportello Municipio' },
];
const TYPED_AT_SET_UP = setUpInput().site.facilitaName;

/** A different birth date for each number (a codice fiscale each: the names are the same). */
const birthOf = (n: number) => ({ year: 1930 + (n % 60), month: 1 + (Math.floor(n / 60) % 12), day: 1 + (n % 28) });

const deviceIdOf = (target: TestDesk) =>
  target.db().prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get() as string;

describe.each(HUB_BACKENDS)('one organisation under generated interleavings, hub on %s', (backend) => {
  let hub: TestHub;
  const siteIds: string[] = [];
  /** A1 and A2 at the library, B1 at the town hall. */
  const desks: { desk: TestDesk; site: number; revoked: boolean }[] = [];
  let training: TestDesk;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    siteIds.push(hub.siteId, (await hub.admin.createSite(hub.organisationId, 'Municipio')).id);
    for (const [index, site] of HUB_SITES.entries()) {
      await hub.admin.setSiteSettings(siteIds[index] ?? '', {
        facilitaId: site.facilitaId,
        facilitaName: site.facilitaName,
        cutoffDate: today(),
      });
    }
    for (const site of [0, 0, 1]) {
      const created = createTestDesk({ sync: { maxBatch: 4 } });
      await setUpDesk(created.core);
      await setCutoff(created.core, today());
      await created.enroll(hub.url, (await hub.admin.issueCode(siteIds[site] ?? '')).code);
      await created.sync();
      desks.push({ desk: created, site, revoked: false });
    }
    // A training desk full of demo data that got past the desk's own guard (an older version).
    training = createTestDesk();
    await callOk(training.core, 'journal.setUp', { ...setUpInput(), demo: true } as never);
    training.db().prepare('UPDATE site SET demo = 0').run();
    await training.enroll(hub.url, (await hub.admin.issueCode(hub.siteId)).code);
  }, 120_000);
  afterAll(async () => {
    for (const { desk: created } of desks) created.close();
    training?.close();
    await hub?.close();
  });

  it('keeps every invariant of the organisation', async () => {
    let run = 0;
    let people = 0;
    const hubCsvs: string[] = [];
    let deskExports = 0;
    /** Session id → the desk (index) that logged it. */
    const logged = new Map<string, number>();
    /** "desk/session id": a desk's attempt to change another site's session. */
    const foreignEdits = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 6, maxLength: 16 }), async (actions) => {
        run += 1;
        const sent: { token: string; body: PushRequest }[] = [];
        for (const step of actions) {
          const entry = 'desk' in step ? desks[step.desk] : undefined;
          const target = entry?.desk;
          switch (step.kind) {
            case 'log': {
              if (!target || !entry) break;
              people += 1;
              const person = await newCitizen(target.core, {
                codiceFiscale: cf({ first: 'Rosa', last: 'Prova', ...birthOf(people) }),
                firstName: 'Rosa',
                lastName: `Prova${people}`,
              });
              const session = await newSession(target.core, person.id, { details: `servizio ${run}-${people}` });
              logged.set(session.id, step.desk);
              break;
            }
            case 'sync':
              if (target) await target.sync();
              break;
            case 'deskExport':
              if (target) {
                const result = await target.core.dispatcher.call('facilita.export', { from: today(), to: today() });
                if (result.ok) deskExports += 1;
              }
              break;
            case 'hubExport': {
              const response = await fetch(`${hub.url}/v1/admin/facilita-exports`, {
                method: 'POST',
                headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
                body: JSON.stringify({ organisationId: hub.organisationId, from: today(), to: today() }),
              });
              const body = (await response.json()) as { files?: { csv: string }[] };
              expect([200, 404]).toContain(response.status);
              for (const file of body.files ?? []) hubCsvs.push(file.csv);
              break;
            }
            case 'revoke':
              if (entry && !entry.revoked) {
                await hub.admin.revokeDesk(deviceIdOf(entry.desk));
                entry.revoked = true;
              }
              break;
            case 'reenroll':
              if (entry?.revoked) {
                await entry.desk.enroll(hub.url, (await hub.admin.issueCode(siteIds[entry.site] ?? '')).code);
                entry.revoked = false;
              }
              break;
            case 'crossSite': {
              // A faulty desk writes a change to a session another site logged.
              const foreign = [...logged].find(([, owner]) => desks[owner]?.site !== entry?.site);
              if (!target || !foreign) break;
              const [id] = foreign;
              const [row] = await hub.db.query<{ version: number; payload: Record<string, unknown> }>(
                "SELECT version, payload FROM records WHERE entity = 'session' AND record_id = $1",
                [id],
              );
              if (!row) break;
              foreignEdits.add(`${step.desk}/${id}`);
              writeOutboxChange(target, {
                entity: 'session',
                recordId: id,
                version: row.version + 1,
                payload: { ...row.payload, details: 'cambiato da un’altra sede' },
              });
              break;
            }
            case 'pushAnswerLost': {
              if (!target || entry?.revoked) break;
              const lost = await pushAnswerLost(hub, target);
              if (lost) sent.push(lost);
              break;
            }
            case 'replay': {
              const earlier = sent[step.pick % Math.max(1, sent.length)];
              if (earlier) await hubPost(hub, '/push', earlier.token, earlier.body);
              break;
            }
            case 'train': {
              people += 1;
              const person = await newCitizen(training.core, {
                codiceFiscale: cf({ first: 'Tina', last: 'Allenamento', ...birthOf(people) }),
                firstName: 'Tina',
                lastName: 'Allenamento',
              });
              await newSession(training.core, person.id, { details: `esercitazione ${run}` });
              await training.sync();
              break;
            }
          }
        }

        // Everyone connected again and synced: what the desks hold has reached the hub.
        for (const entry of desks) {
          if (entry.revoked) {
            await entry.desk.enroll(hub.url, (await hub.admin.issueCode(siteIds[entry.site] ?? '')).code);
            entry.revoked = false;
          }
          const waiting = () =>
            entry.desk
              .db()
              .prepare("SELECT count(*) FROM outbox WHERE state NOT IN ('acknowledged', 'rejected')")
              .pluck()
              .get();
          for (let round = 0; round < 12 && waiting() !== 0; round += 1) await entry.desk.sync();
          expect(waiting()).toBe(0);
          // What the hub refused is the foreign edits, each still shown on the desk with its reason.
          const refused = entry.desk
            .db()
            .prepare("SELECT record_id, last_error FROM outbox WHERE state = 'rejected'")
            .all() as { record_id: string; last_error: string }[];
          for (const row of refused) {
            expect(foreignEdits.has(`${desks.indexOf(entry)}/${row.record_id}`), row.last_error).toBe(true);
            expect(row.last_error).toBeTruthy();
          }
        }
        for (const entry of desks) await entry.desk.sync();

        // No change lost or doubled: each logged session is at the hub once, at the version its desk holds.
        const hubSessions = new Map(
          (
            await hub.db.query<{ record_id: string; version: number; site_id: string; n: number }>(
              `SELECT record_id, max(version) AS version, min(site_id::text) AS site_id, count(*)::int AS n
                 FROM records WHERE entity = 'session' GROUP BY record_id`,
            )
          ).map((row) => [row.record_id, row]),
        );
        for (const [id, owner] of logged) {
          const local = desks[owner]?.desk.db().prepare('SELECT version FROM sessions WHERE id = ?').pluck().get(id);
          const atHub = hubSessions.get(id);
          expect(atHub, id).toMatchObject({ version: local, n: 1, site_id: siteIds[desks[owner]?.site ?? 0] });
        }
        // No desk changed another site's record: the foreign edit was refused and is shown as such.
        const changed = await hub.db.query(
          "SELECT 1 FROM records WHERE entity = 'session' AND payload->>'details' = 'cambiato da un’altra sede'",
        );
        expect(changed).toEqual([]);

        // No demo record at the hub, no secret hash anywhere in it.
        expect(await hub.db.query('SELECT 1 FROM records WHERE device_id = $1', [deviceIdOf(training)])).toEqual([]);
        expect(
          await hub.db.query(
            "SELECT 1 FROM records WHERE payload::text LIKE '%secretHash%' OR payload::text LIKE '%scrypt%'",
          ),
        ).toEqual([]);

        // Each service is in at most one export that nobody was told about.
        const exportsOf = new Map<string, number>();
        const count = (id: string) => exportsOf.set(id, (exportsOf.get(id) ?? 0) + 1);
        for (const row of await hub.db.query<{ record_id: string }>(
          `SELECT r.record_id FROM facilita_export_rows r JOIN facilita_exports e ON e.id = r.export_id
            WHERE e.origin = 'hub'`,
        ))
          count(row.record_id);
        const deskCsvs: string[] = [];
        for (const entry of desks) {
          const db = entry.desk.db();
          for (const row of db
            .prepare(
              `SELECT r.record_id FROM facilita_export_rows r JOIN facilita_exports e ON e.id = r.export_id
                WHERE e.origin = 'desk' AND e.state = 'complete' AND e.hub_state IS NOT 'conflict'`,
            )
            .all() as { record_id: string }[])
            count(row.record_id);
          for (const row of db
            .prepare("SELECT folder, files FROM facilita_exports WHERE origin = 'desk' AND state = 'complete'")
            .all() as { folder: string; files: string }[])
            for (const file of JSON.parse(row.files) as { name: string }[])
              deskCsvs.push(readFileSync(join(row.folder, file.name), 'utf8'));
        }
        expect([...exportsOf].filter(([, n]) => n > 1)).toEqual([]);

        // Every file carries the hub's site identity and no demo person.
        for (const csv of [...hubCsvs, ...deskCsvs]) {
          expect(csv).not.toContain(TYPED_AT_SET_UP);
          expect(csv).not.toContain('ALLENAMENTO');
          expect(csv).not.toContain('Allenamento');
          const rows = csv.split('\r\n').filter((line) => line.includes('servizio'));
          for (const line of rows)
            expect(HUB_SITES.some((site) => line.includes(site.facilitaName) && line.includes(site.facilitaId))).toBe(
              true,
            );
        }
      }),
      { numRuns: 12, seed: 20_261_202, endOnFailure: true },
    );
    // The runs did what they are about: files from both sides, refused foreign edits.
    expect(hubCsvs.length).toBeGreaterThan(0);
    expect(deskExports).toBeGreaterThan(0);
    expect(foreignEdits.size).toBeGreaterThan(0);
  }, 300_000);
});
