import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, startTestHub, type TestHub } from '../../support/hub.ts';
import { cf, newCitizen, newSession, setUpDesk, today, setCutoff } from '../../support/journal.ts';

/** The referente's view: one Facilita export over every desk of the organisation, from the hub. */
describe('the hub’s Facilita export across desks', () => {
  let hub: TestHub;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  }, 60_000);
  afterAll(async () => {
    for (const desk of desks) desk.close();
    await hub?.close();
  });

  const exportFromHub = async (request: Record<string, unknown>) => {
    const response = await fetch(`${hub.url}/v1/admin/facilita-exports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('holds the reportable services of every desk, each once, with the same rules as a desk', async () => {
    for (const [index, person] of [
      { first: 'Maria', last: 'Bianchi' },
      { first: 'Gino', last: 'Rossi' },
    ].entries()) {
      const desk = createTestDesk();
      desks.push(desk);
      await desk.enroll(hub.url, await hub.issueCode());
      await setUpDesk(desk.core);
      // Today's services can go to Facilita (its cut-off entered as today).
      await setCutoff(desk.core, today());
      const citizen = await newCitizen(desk.core, {
        codiceFiscale: cf({ first: person.first, last: person.last, year: 1950 + index }),
        firstName: person.first,
        lastName: person.last,
      });
      await newSession(desk.core, citizen.id, { details: `assistenza ${index}` });
      await newSession(desk.core, null, { details: 'senza codice fiscale' });
      expect((await desk.sync()).unsent).toBe(0);
    }

    const { status, body } = await exportFromHub({ organisationId: hub.organisationId, from: today(), to: today() });
    expect(status).toBe(200);
    const files = body['files'] as { csv: string; rows: number }[];
    expect(files.reduce((sum, file) => sum + file.rows, 0)).toBe(2);
    const csv = files.map((file) => file.csv).join('');
    expect(csv).toContain('Maria');
    expect(csv).toContain('Gino');
    expect(csv.split('\r\n')[0]?.split(',')).toHaveLength(33);
    expect(body['rejected']).toEqual([]);
  });

  it('refuses a bad period and an unknown token', async () => {
    expect((await exportFromHub({ organisationId: hub.organisationId, from: today(), to: '2000-01-01' })).status).toBe(
      400,
    );
    const response = await fetch(`${hub.url}/v1/admin/facilita-exports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationId: hub.organisationId, from: today(), to: today() }),
    });
    expect(response.status).toBe(401);
    // Exporting records it: never on a GET (a link prefetch must not make an export).
    expect(
      (await fetch(`${hub.url}/v1/admin/facilita-export`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }))
        .status,
    ).toBe(404);
  });
});
