import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES } from '../../../server/console/routes.ts';
import type { BuiltFile } from '../../../server/export/facilita.ts';
import { recordExport } from '../../../server/export/registry.ts';
import { consoleClient, makeAccount, PASSWORD, type ConsoleClient } from '../../support/console-client.ts';
import { enrollDevice, HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';

/** Who tries: every role, a referente and a coordinator of what the route does not touch, and nobody. */
const PEOPLE = ['signedOut', 'hubAdmin', 'referenteA', 'referenteB', 'coordinatorA1', 'coordinatorA2'] as const;
type Person = (typeof PEOPLE)[number];
const SIGNED_IN = PEOPLE.filter((person) => person !== 'signedOut');
const MANAGERS: Person[] = ['hubAdmin', 'referenteA'];

interface World {
  orgA: string;
  siteA1: string;
  siteA2: string;
  deskA1: string;
  deskA2: string;
  codeA1: string;
  orgB: string;
  siteB1: string;
  deskB1: string;
  /** An export of organisation A in its registry, with one CSV and its archive PDF. */
  exportA1: { id: string; filename: string; archive: string };
  cursorOf(siteId: string): Promise<number | null>;
}

interface Cell {
  /** Who gets through; everyone else is refused (401 signed out, 403 signed in). */
  allowed: readonly Person[];
  /** What a person let through gets (a wrong TOTP code is a 400: the check passed, the code did not). */
  ok?: number;
  body?: (world: World, person: Person) => unknown;
  /** The address, when the route names more than its `:id`. */
  path?: (world: World) => string;
}

/** An export straight in organisation A's registry (the export itself is tested in facilita.test.ts). */
const recordAnExport = async (hub: TestHub) => {
  const id = crypto.randomUUID();
  const csv = 'a,b\r\n1,2\r\n';
  const file = { filename: 'facilita-a.csv', content: csv, format: 'csv' as const, rows: 1, sha256: 'ab', records: [] };
  const archive = { filename: file.filename, archive: 'facilita-a.pdf', pdf: Buffer.from('%PDF-1.4') };
  await recordExport(
    hub.db,
    {
      id,
      organisationId: hub.organisationId,
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      createdAt: new Date().toISOString(),
      createdBy: 'Giulia Rossi',
      includeExported: false,
      rejectedCount: 0,
      skippedAlreadyExported: 0,
    },
    [file as unknown as BuiltFile],
    [archive],
  );
  return { id, filename: file.filename, archive: archive.archive };
};

let unique = 0;
/**
 * The expected answer of every console route × every person, written out by hand (not derived
 * from the access rule under test). Routes with `:id` name organisation A's own things.
 */
const TABLE: Record<string, Cell> = {
  signIn: { allowed: PEOPLE, body: (_world, person) => ({ email: emailOf(person), password: PASSWORD }) },
  session: { allowed: SIGNED_IN },
  startTotp: { allowed: SIGNED_IN, body: () => ({}) },
  confirmTotp: { allowed: SIGNED_IN, ok: 400, body: () => ({ code: '000000' }) },
  listOrganisations: { allowed: SIGNED_IN },
  createOrganisation: { allowed: ['hubAdmin'], body: () => ({ name: `Ente ${(unique += 1)}` }) },
  listSites: { allowed: MANAGERS },
  createSite: { allowed: MANAGERS, body: () => ({ name: `Sede ${(unique += 1)}` }) },
  site: { allowed: [...MANAGERS, 'coordinatorA1'] },
  saveSiteSettings: {
    allowed: MANAGERS,
    body: async (world) => ({ settings: { idleMinutes: 20 }, cursor: await world.cursorOf(world.siteA1) }),
  },
  listDesks: { allowed: MANAGERS },
  listSiteDesks: { allowed: [...MANAGERS, 'coordinatorA1'] },
  revokeDesk: { allowed: MANAGERS, body: () => ({}) },
  unrevokeDesk: { allowed: MANAGERS, body: () => ({}) },
  listCodes: { allowed: MANAGERS },
  issueCode: { allowed: MANAGERS, body: () => ({}) },
  revokeCode: { allowed: MANAGERS, body: () => ({}) },
  listAccounts: { allowed: MANAGERS },
  createAccount: {
    allowed: MANAGERS,
    body: () => ({
      email: `nuovo${(unique += 1)}@comune.example.it`,
      displayName: 'Nuovo',
      role: 'referente',
      password: PASSWORD,
    }),
  },
  audit: { allowed: MANAGERS },
  listFacilitaExports: { allowed: MANAGERS },
  // A coordinator reads the registry of their own site; exporting and its files are the referente's.
  listSiteFacilitaExports: { allowed: [...MANAGERS, 'coordinatorA1'] },
  // Nothing reportable in organisation A: the export answers that there is nothing to export.
  runFacilitaExport: { allowed: MANAGERS, body: () => ({ from: '2026-11-01', to: '2026-11-30' }) },
  markFacilitaUploaded: { allowed: MANAGERS, body: () => ({}) },
  facilitaExportFile: {
    allowed: MANAGERS,
    path: (world) => `/facilita-exports/${world.exportA1.id}/files/${world.exportA1.filename}`,
  },
  facilitaExportArchive: {
    allowed: MANAGERS,
    path: (world) => `/facilita-exports/${world.exportA1.id}/archives/${world.exportA1.archive}`,
  },
  signOut: { allowed: SIGNED_IN },
};

const emailOf = (person: Person) => `${person === 'signedOut' ? 'referenteA' : person}@example.it`.toLowerCase();

const idFor = (world: World, scope: string) =>
  (
    ({
      organisation: world.orgA,
      site: world.siteA1,
      desk: world.deskA1,
      code: world.codeA1,
      facilitaExport: world.exportA1.id,
    }) as Record<string, string>
  )[scope] ?? '';

/** Ids a person must never be shown: the other organisation's, and for a site coordinator the other site's. */
const foreignIds = (world: World, person: Person): string[] => {
  if (person === 'hubAdmin' || person === 'signedOut') return [];
  if (person === 'referenteB') return [world.orgA, world.siteA1, world.siteA2, world.deskA1, world.deskA2];
  const otherOrg = [world.orgB, world.siteB1, world.deskB1];
  if (person === 'coordinatorA1') return [...otherOrg, world.siteA2, world.deskA2];
  if (person === 'coordinatorA2') return [...otherOrg, world.siteA1, world.deskA1];
  return otherOrg;
};

// Signing out ends the session every later cell of that person uses: it goes last.
const ROUTES = [...CONSOLE_ROUTES].sort((a, b) => Number(a.name === 'signOut') - Number(b.name === 'signOut'));

describe.each(HUB_BACKENDS)('every console route × every person on %s', (backend) => {
  let hub: TestHub;
  let world: World;
  const browsers = new Map<Person, ConsoleClient>();

  beforeAll(async () => {
    hub = await startTestHub(backend);
    const orgB = await hub.admin.createOrganisation('Comune di Altrove');
    const siteB1 = await hub.admin.createSite(orgB.id, 'Sede B');
    const siteA2 = await hub.admin.createSite(hub.organisationId, 'Sede A2');
    world = {
      orgA: hub.organisationId,
      siteA1: hub.siteId,
      siteA2: siteA2.id,
      deskA1: (await enrollDevice(hub)).deviceId,
      deskA2: (await enrollDevice(hub, crypto.randomUUID(), siteA2.id)).deviceId,
      codeA1: (await hub.admin.issueCode(hub.siteId)).id,
      orgB: orgB.id,
      siteB1: siteB1.id,
      deskB1: (await enrollDevice(hub, crypto.randomUUID(), siteB1.id)).deviceId,
      exportA1: await recordAnExport(hub),
      async cursorOf(siteId) {
        const [row] = await hub.db.query<{ cursor: string }>(
          "SELECT cursor FROM feed WHERE kind = 'siteSettings' AND key = $1",
          [siteId],
        );
        return row ? Number(row.cursor) : null;
      },
    };
    const scopes: Record<Person, { organisationId: string | null; siteId: string | null }> = {
      signedOut: { organisationId: null, siteId: null },
      hubAdmin: { organisationId: null, siteId: null },
      referenteA: { organisationId: world.orgA, siteId: null },
      referenteB: { organisationId: world.orgB, siteId: null },
      coordinatorA1: { organisationId: world.orgA, siteId: world.siteA1 },
      coordinatorA2: { organisationId: world.orgA, siteId: world.siteA2 },
    };
    for (const person of SIGNED_IN) {
      const role =
        person === 'hubAdmin' ? 'hubAdmin' : person.startsWith('referente') ? 'referente' : 'siteCoordinator';
      await makeAccount(hub.db, { email: emailOf(person), role, ...scopes[person] });
    }
    for (const person of PEOPLE) {
      const browser = consoleClient(hub.url);
      if (person !== 'signedOut') expect((await browser.signIn(emailOf(person), PASSWORD)).status).toBe(200);
      browsers.set(person, browser);
    }
  }, 90_000);
  afterAll(() => hub?.close());

  it('the table names every route, and only those', () => {
    expect(Object.keys(TABLE).sort()).toEqual(CONSOLE_ROUTES.map((route) => route.name).sort());
  });

  const cells = ROUTES.flatMap((route) => PEOPLE.map((person) => [route.name, person] as const));
  it.each(cells)('%s as %s answers only what it may', async (name, person) => {
    const route = CONSOLE_ROUTES.find((candidate) => candidate.name === name);
    const cell = TABLE[name];
    if (!route || !cell) throw new Error(`no route or cell for ${name}`);
    const path = cell.path ? cell.path(world) : route.url.replace(':id', idFor(world, route.scope));
    // Signing in is done by a fresh browser, so the person's own session stays as it is.
    const browser = name === 'signIn' ? consoleClient(hub.url) : (browsers.get(person) as ConsoleClient);
    const body = cell.body ? await cell.body(world, person) : undefined;
    const answer = await browser.call(route.method, path, body);
    const allowed = cell.allowed.includes(person);
    const expected = allowed ? (cell.ok ?? 200) : person === 'signedOut' ? 401 : 403;
    expect(answer.status).toBe(expected);
    if (!allowed) expect(answer.body.error?.['reason']).toBe(person === 'signedOut' ? 'signedOut' : 'role');
    const text = JSON.stringify(answer.body);
    for (const id of foreignIds(world, person)) expect(text).not.toContain(id);
  });
});
