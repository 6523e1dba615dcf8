import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import { callOk, cf, newCitizen, newSession, setUpInput, today } from '../../support/journal.ts';

const deviceIdOf = (desk: TestDesk) =>
  desk.core.context.database.db.prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get() as string;

/** The organisation's export takes each site's identity from the hub, and never a demo desk's people. */
describe.each(HUB_BACKENDS)('the organisation’s Facilita export on %s', (backend) => {
  let hub: TestHub;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(async () => {
    for (const desk of desks) desk.close();
    await hub?.close();
  });

  const exportFromHub = async () => {
    const response = await fetch(`${hub.url}/v1/admin/facilita-exports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ organisationId: hub.organisationId, from: today(), to: today(), includeExported: true }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const deskAt = async (siteId: string, demo = false) => {
    const desk = createTestDesk();
    desks.push(desk);
    const site = {
      ...setUpInput().site,
      facilitaId: '99999',
      facilitaName: 'Sportello Municipio',
      cutoffDate: today(),
    };
    await callOk(desk.core, 'journal.setUp', { ...setUpInput(), site, demo } as never);
    // The desk itself refuses to enroll with demo data (onboarding.test.ts); the hub's second guard
    // is for a desk that gets past it (one from before that rule): its site row hides the flag, its
    // unsent site change still says demo.
    if (demo) desk.db().prepare('UPDATE site SET demo = 0').run();
    await desk.enroll(hub.url, (await hub.admin.issueCode(siteId)).code);
    return desk;
  };

  it('uses the site settings the hub holds, not what a desk typed at set-up', async () => {
    const site = await hub.admin.createSite(hub.organisationId, 'Municipio');
    const desk = await deskAt(site.id);
    await hub.admin.setSiteSettings(site.id, {
      facilitaId: '10002',
      facilitaName: 'Punto Digitale Facile Sportello Municipio',
    });
    const rosa = await newCitizen(desk.core, {
      codiceFiscale: cf({ first: 'Rosa', last: 'Verdi', year: 1948 }),
      firstName: 'Rosa',
      lastName: 'Verdi',
    });
    await newSession(desk.core, rosa.id);
    expect((await desk.sync()).unsent).toBe(0);
    expect(await callOk(desk.core, 'site.get', {})).toMatchObject({ facilitaId: '10002' });

    const { status, body } = await exportFromHub();
    expect(status).toBe(200);
    const csv = (body['files'] as { csv: string }[]).map((file) => file.csv).join('');
    const rosaRow = csv.split('\r\n').find((line) => line.includes('Rosa'));
    expect(rosaRow).toContain('10002');
    expect(rosaRow).toContain('Punto Digitale Facile Sportello Municipio');
    expect(csv).not.toContain('99999');
  });

  it('stores nothing from a desk that reports demo data, and leaves out what such a desk sent before', async () => {
    const demoDesk = await deskAt(hub.siteId, true);
    const status = await demoDesk.sync();
    // Every change it sent is answered as rejected (shown on the desk with its reason), none stored.
    expect(status.rejected).toBe(demoDesk.db().prepare('SELECT count(*) FROM outbox').pluck().get());
    expect(
      demoDesk.db().prepare("SELECT DISTINCT last_error FROM outbox WHERE state = 'rejected'").pluck().all(),
    ).toEqual([expect.stringContaining('demo data')]);
    const stored = await hub.db.query('SELECT 1 FROM records WHERE device_id = $1', [deviceIdOf(demoDesk)]);
    expect(stored).toEqual([]);
    const [device] = await hub.db.query<{ demo: boolean }>('SELECT demo FROM devices WHERE id = $1', [
      deviceIdOf(demoDesk),
    ]);
    expect(device?.demo).toBe(true);

    // A desk whose records reached the hub before it reported demo data: its services stay out of every file.
    const before = (await exportFromHub()).body;
    const counted = (body: Record<string, unknown>) =>
      (body['files'] as { rows: number }[] | undefined)?.reduce((sum, file) => sum + file.rows, 0) ?? 0;
    const site = await hub.admin.createSite(hub.organisationId, 'Biblioteca ragazzi');
    const earlier = await deskAt(site.id);
    const gino = await newCitizen(earlier.core, {
      codiceFiscale: cf({ first: 'Gino', last: 'Neri', female: false, year: 1951 }),
      firstName: 'Gino',
      lastName: 'Neri',
    });
    await newSession(earlier.core, gino.id);
    expect((await earlier.sync()).unsent).toBe(0);
    await hub.admin.setSiteSettings(site.id, { facilitaId: '10003', facilitaName: 'PDF Biblioteca ragazzi' });
    expect(counted((await exportFromHub()).body)).toBe(counted(before) + 1);
    await hub.db.query('UPDATE devices SET demo = true WHERE id = $1', [deviceIdOf(earlier)]);
    const after = (await exportFromHub()).body;
    expect(counted(after)).toBe(counted(before));
    expect(after['leftOutDemo']).toBe(1);
    expect(JSON.stringify(after)).not.toContain('Gino');
  });

  it('holds what comes after the cut-off: the one the hub set for the site, else the desks’ default', async () => {
    const held = async (deskSite: Record<string, unknown>, hubSettings: Record<string, unknown>, name: string) => {
      const site = await hub.admin.createSite(hub.organisationId, name);
      const desk = createTestDesk();
      desks.push(desk);
      await callOk(desk.core, 'journal.setUp', {
        ...setUpInput(),
        site: { ...setUpInput().site, ...deskSite },
      } as never);
      await desk.enroll(hub.url, (await hub.admin.issueCode(site.id)).code);
      await hub.admin.setSiteSettings(site.id, hubSettings);
      const citizen = await newCitizen(desk.core, {
        codiceFiscale: cf({ first: 'Lina', last: name, year: 1950 }),
        firstName: 'Lina',
        lastName: name,
      });
      const session = await newSession(desk.core, citizen.id);
      expect((await desk.sync()).unsent).toBe(0);
      return session.id;
    };
    // The desk entered today; the referente set yesterday at the hub for the site: the hub's wins.
    const afterHubCutoff = await held(
      { cutoffDate: today() },
      { facilitaId: '10004', facilitaName: 'PDF Castello', cutoffDate: addDays(today(), -1) },
      'Castello',
    );
    // No one entered one: the default, the last day of the previous month, as on a desk.
    const afterDefault = await held({ cutoffDate: null }, { facilitaId: '10005', facilitaName: 'PDF Porto' }, 'Porto');
    const { status, body } = await exportFromHub();
    expect(status).toBe(200);
    const heldIds = (body['held'] as { recordId: string; hold: { reason: string } }[]).map((row) => [
      row.recordId,
      row.hold.reason,
    ]);
    expect(heldIds).toEqual(
      expect.arrayContaining([
        [afterHubCutoff, 'afterCutoff'],
        [afterDefault, 'afterCutoff'],
      ]),
    );
    const csv = ((body['files'] as { csv: string }[] | undefined) ?? []).map((file) => file.csv).join('');
    expect(csv).not.toContain('10004');
    expect(csv).not.toContain('10005');
  });

  it('makes the Servizio Civile Excel for a site the hub says reports under 1.7.1, and the desk follows', async () => {
    const site = await hub.admin.createSite(hub.organisationId, 'Servizio Civile');
    const desk = createTestDesk();
    desks.push(desk);
    await callOk(desk.core, 'journal.setUp', setUpInput() as never);
    await desk.enroll(hub.url, (await hub.admin.issueCode(site.id)).code);
    // No cut-off for Servizio Civile: today's service goes out although none was entered.
    await hub.admin.setSiteSettings(site.id, { facilitaId: '10007', facilitaName: 'SCD Cremona', measure: '1.7.1' });
    const rita = await newCitizen(desk.core, {
      codiceFiscale: cf({ first: 'Rita', last: 'Excel', year: 1947 }),
      firstName: 'Rita',
      lastName: 'Excel',
    });
    await newSession(desk.core, rita.id);
    expect((await desk.sync()).unsent).toBe(0);
    // The measure is the hub's: the desk shows it, managed by the organisation.
    expect(await callOk(desk.core, 'site.get', {})).toMatchObject({ measure: '1.7.1', facilitaId: '10007' });
    expect((await callOk(desk.core, 'journal.organisation', {})).hubOwned).toContain('measure');

    const { status, body } = await exportFromHub();
    expect(status).toBe(200);
    const files = body['files'] as { filename: string; format: string; csv?: string; sha256: string }[];
    const excel = files.find((file) => file.format === 'xlsx');
    expect(excel?.filename).toMatch(/\.xlsx$/);
    expect(excel?.csv).toBeUndefined();
    const response = await fetch(
      `${hub.url}/v1/admin/facilita-exports/${String(body['exportId'])}/files/${encodeURIComponent(excel?.filename ?? '')}`,
      { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(excel?.sha256);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = (workbook.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const ritaRow = rows.find((row) => row.includes('RITA') || row.includes('Rita'));
    // Read as displayed text, as Facilita's import does: the date is the text yyyy-mm-dd, the site the hub's.
    expect(ritaRow).toEqual(expect.arrayContaining([today(), 'SCD Cremona', '10007']));
    // Every other site's rows stay in CSV files.
    expect(files.filter((file) => file.format === 'csv').every((file) => file.filename.endsWith('.csv'))).toBe(true);
  });
});
