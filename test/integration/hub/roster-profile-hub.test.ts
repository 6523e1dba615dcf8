import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, startTestHub, type TestHub } from '../../support/hub.ts';
import {
  callOk,
  cf,
  citizenInput,
  sessionInput,
  setCutoff,
  setUpDesk,
  today,
  workshopInput,
} from '../../support/journal.ts';

/** A participant registered on arrival (codice fiscale only) reaches Facilita from the hub no more than from a desk. */
describe('the hub’s Facilita export and a profile to complete', () => {
  let hub: TestHub;
  let desk: TestDesk | undefined;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  }, 60_000);
  afterAll(async () => {
    desk?.close();
    await hub?.close();
  });

  const exportRequest = () =>
    [
      `${hub.url}/v1/admin/facilita-exports`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ organisationId: hub.organisationId, from: today(), to: today() }),
      },
    ] as const;
  /** A desk enrolled and set up, with a workshop and one arrival registered by codice fiscale only. */
  const arrivalAtNewDesk = async (target: TestDesk, codiceFiscale: string) => {
    await target.enroll(hub.url, await hub.issueCode());
    await setUpDesk(target.core);
    await setCutoff(target.core, today());
    const workshop = await callOk(target.core, 'workshops.create', workshopInput());
    const { workshop: roster } = await callOk(target.core, 'workshops.addByCodiceFiscale', {
      workshopId: workshop.id,
      codiceFiscale,
    });
    return { workshop, roster };
  };
  const exportFromHub = async () => {
    const response = await fetch(...exportRequest());
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('syncs it, and makes no row of it until the profile is completed, for a participant whose profile is to complete', async () => {
    desk = createTestDesk();
    const { workshop, roster } = await arrivalAtNewDesk(desk, cf({ first: 'Lia', last: 'Nuova', day: 9 }));
    const participant = roster.participants[0];
    if (!participant) throw new Error('no participant');
    await callOk(desk.core, 'workshops.checkIn', {
      workshopId: workshop.id,
      participantId: participant.id,
      checkedIn: true,
    });
    await callOk(desk.core, 'workshops.close', { id: workshop.id });
    expect((await desk.sync()).unsent).toBe(0);

    const response = await fetch(...exportRequest());
    // Nothing to export: no row, and none refused (before, the hub made a row with empty AN9–AN12).
    const body = (await response.json()) as { error?: { code: string; message: string } };
    expect(response.status).toBe(404);
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: 'No reportable service in this period' });

    // Completed on the citizen's page, the profile syncs and the participant's row is exported.
    const citizen = await callOk(desk.core, 'citizens.get', { id: participant.citizenId });
    await callOk(desk.core, 'citizens.update', {
      ...citizenInput({ codiceFiscale: citizen.codiceFiscale, firstName: 'Lia', lastName: 'Nuova' }),
      id: citizen.id,
      baseVersion: citizen.version,
    } as never);
    expect((await desk.sync()).unsent).toBe(0);
    const completed = await exportFromHub();
    expect(completed.status).toBe(200);
    const files = (completed.body['files'] ?? []) as { rows: number; csv: string }[];
    expect(files.reduce((sum, file) => sum + file.rows, 0)).toBe(1);
    expect(files[0]?.csv).toContain('Nuova');
  });

  it('exports a session saved while its citizen had no profile yet, once the profile is completed', async () => {
    const other = createTestDesk();
    try {
      const { roster } = await arrivalAtNewDesk(other, cf({ first: 'Ada', last: 'Sportello', day: 11 }));
      const citizenId = roster.participants[0]?.citizenId ?? '';
      // Helped at the desk the same day: the session is saved not reportable (no profile yet).
      const session = await callOk(
        other.core,
        'sessions.create',
        sessionInput(citizenId, { details: 'dopo il laboratorio' }) as never,
      );
      expect(session.reportable).toBe(false);
      const citizen = await callOk(other.core, 'citizens.get', { id: citizenId });
      await callOk(other.core, 'citizens.update', {
        ...citizenInput({ codiceFiscale: citizen.codiceFiscale, firstName: 'Ada', lastName: 'Sportello' }),
        id: citizen.id,
        baseVersion: citizen.version,
      } as never);
      expect((await other.sync()).unsent).toBe(0);
      // The session's own version still says not reportable; the hub goes by the citizen it names now.
      const { status, body } = await exportFromHub();
      expect(status).toBe(200);
      const csv = ((body['files'] ?? []) as { csv?: string }[]).map((file) => file.csv ?? '').join('');
      expect(csv).toContain('dopo il laboratorio');
    } finally {
      other.close();
    }
  });
});
