import type { Page } from '@playwright/test';
import { formatDay } from '../../shared/i18n/format-day.ts';
import { enrollDevice, hubPost, makeChange, startTestHub, type TestHub } from '../support/hub.ts';
import { createCitizenOver, rpc, signInOver } from '../support/journal-e2e.ts';
import { cf, citizenInput, sessionInput, today } from '../support/journal.ts';
import { expect, expectNoAxeViolations, openApp, test } from './fixtures.ts';

let hub: TestHub;
test.beforeAll(async () => {
  hub = await startTestHub('pglite');
});
test.afterAll(() => hub?.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** One long word: without wrapping it would push the page sideways. */
const LONG_DETAILS = `Prenotazione CUP online con ricetta dematerializzata ${'numero'.repeat(30)} e ritiro referti`;

const openConflicts = async () =>
  (await hub.admin.summary(hub.organisationId)).sites.reduce((sum, site) => sum + site.openConflicts, 0);

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('conflicts a person can act on: named records, labelled and formatted fields, one round to settle, closed at the hub', async ({
  page,
  host,
}) => {
  await signInOver(host);
  await rpc(host, 'sync.enroll', { hubUrl: hub.url, code: await hub.issueCode() });
  const rosa = { firstName: 'Rosa', lastName: 'Esposito', codiceFiscale: cf({ first: 'Rosa', last: 'Esposito' }) };
  const citizen = await createCitizenOver(host, rosa);
  const session = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id));
  await expect.poll(async () => (await rpc<{ unsent: number }>(host, 'sync.now')).unsent).toBe(0);

  // Another desk of the organisation changes both records first.
  const other = await enrollDevice(hub);
  let seq = 0;
  const pushOther = async (entity: string, recordId: string, version: number, change: Record<string, unknown>) => {
    const current = (await hub.records()).get(`${entity}/${recordId}`);
    seq += 1;
    await hubPost(hub, '/push', other.token, {
      deviceId: other.deviceId,
      previousSeq: seq - 1,
      backlog: 0,
      changes: [makeChange(seq, recordId, version, { ...current?.payload, ...change }, { entity })],
    });
  };
  await pushOther('citizen', citizen.id, 2, { education: 'C', email: 'rosa.esposito.biblioteca@example.org' });
  await pushOther('session', session.id, 2, { duration: '01:00', details: LONG_DETAILS });

  // This desk edits its own copies, then syncs: one card per record.
  await rpc(host, 'citizens.update', { ...citizenInput({ ...rosa, education: 'B' }), id: citizen.id, baseVersion: 1 });
  await rpc(host, 'sessions.update', {
    ...sessionInput(citizen.id, { details: 'Prenotazione CUP online' }),
    id: session.id,
    baseVersion: 1,
  });
  await expect.poll(async () => (await rpc<{ conflicts: number }>(host, 'sync.now')).conflicts).toBe(2);
  expect(await openConflicts()).toBe(2);

  await openApp(page, host);
  await page.goto(`${host.url}/#/sync`);
  const cards = page.getByTestId('sync-problem');
  await expect(cards).toHaveCount(2);
  const sessionCard = cards.filter({ hasText: `Assistenza del ${formatDay(today(), 'it')} — Rosa Esposito` });
  const citizenCard = cards.filter({ has: page.getByRole('heading', { name: /: Rosa Esposito$/ }) });
  await expect(sessionCard).toHaveCount(1);
  await expect(citizenCard).toHaveCount(1);
  // Labels in Italian, codes as their labels; no id, no secret anywhere.
  await expect(
    citizenCard.getByRole('row', { name: /Titolo di studio Licenza media Diploma di scuola superiore/ }),
  ).toBeVisible();
  await expect(sessionCard.getByRole('row', { name: /Durata 00:30 01:00/ })).toBeVisible();
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(/secretHash|scrypt|baseVersion|citizenId/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/conflicts.png', fullPage: true });

  // The other desk moves the citizen on again while the card still shows its version 2.
  await pushOther('citizen', citizen.id, 3, { phone: '+39 333 0000000' });

  // Keyboard only: keep this desk's citizen; it is made on the hub's version 3 and settles in one round.
  await citizenCard.getByRole('button', { name: 'Tieni la mia versione' }).focus();
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(1);
  await sessionCard.getByRole('button', { name: "Tieni quella dell'hub" }).focus();
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(0);
  await page.getByRole('button', { name: 'Sincronizza ora' }).click();
  await expect(page.getByTestId('sync-screen-unsent')).toHaveText('Da inviare: 0');
  await expect(page.getByText('Nessuna modifica rifiutata o in conflitto.')).toBeVisible();
  expect(await openConflicts()).toBe(0);
  const records = await hub.records();
  expect(records.get(`citizen/${citizen.id}`)).toMatchObject({ version: 4, payload: { education: 'B' } });
  expect(records.get(`session/${session.id}`)).toMatchObject({ version: 2, payload: { details: LONG_DETAILS } });
  // Keeping the hub's version is a resolution too: audited, naming who chose it.
  const resolved = await rpc<{ audit: { action: string; operatorName: string }[] }>(host, 'sessions.get', {
    id: session.id,
  });
  expect(resolved.audit.filter((entry) => entry.action === 'resolve')).toEqual([
    expect.objectContaining({ operatorName: 'Anna Coordinatrice' }),
  ]);
});

test('a conflict’s card at 200% text and in English: wraps, never scrolls sideways, axe clean', async ({
  page,
  host,
}) => {
  await signInOver(host);
  await rpc(host, 'sync.enroll', { hubUrl: hub.url, code: await hub.issueCode() });
  const citizen = await createCitizenOver(host, { codiceFiscale: cf({ first: 'Anna', last: 'Lunga' }) });
  const session = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id));
  await expect.poll(async () => (await rpc<{ unsent: number }>(host, 'sync.now')).unsent).toBe(0);
  const other = await enrollDevice(hub);
  const current = (await hub.records()).get(`session/${session.id}`);
  await hubPost(hub, '/push', other.token, {
    deviceId: other.deviceId,
    previousSeq: 0,
    backlog: 0,
    changes: [makeChange(1, session.id, 2, { ...current?.payload, details: LONG_DETAILS }, { entity: 'session' })],
  });
  await rpc(host, 'sessions.update', {
    ...sessionInput(citizen.id, { details: `${LONG_DETAILS} (versione della postazione)` }),
    id: session.id,
    baseVersion: 1,
  });
  await expect.poll(async () => (await rpc<{ conflicts: number }>(host, 'sync.now')).conflicts).toBe(1);

  await rpc(host, 'settings.set', { textScale: 200 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/sync`);
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  const card = page.getByTestId('sync-problem');
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: 'Scegli campo per campo' }).click();
  await expect(card.getByRole('radiogroup', { name: 'Versione da tenere per Dettagli' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/conflicts-200.png', fullPage: true });

  await rpc(host, 'settings.set', { language: 'en', textScale: 100 });
  await page.reload();
  await expect(page.getByTestId('sync-problem')).toContainText(
    `Session of ${formatDay(today(), 'en')} — Maria Bianchi`,
  );
  await expect(page.getByTestId('sync-problem').getByRole('row', { name: /^Details / })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/conflicts-en.png', fullPage: true });
});
