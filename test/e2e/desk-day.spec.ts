import { formatDay } from '../../shared/i18n/format-day.ts';
import { cf, sessionInput } from '../support/journal.ts';
import { createCitizenOver, insertFinishedRun, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

// Issue 15's front-desk bugs, each reproduced as a person meets it at the desk.

test('the coordinator corrects the site after set-up; a wrong value is marked at its field, by the button', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/admin');
  const idle = page.getByLabel('Minuti di inattività prima del blocco');
  await idle.fill('25');
  const save = page.getByRole('button', { name: 'Salva la sede' });
  await save.click();
  const siteForm = page.getByRole('form', { name: 'La sede' });
  await expect(siteForm.getByRole('status')).toHaveText('Sede salvata.');
  expect(await rpc<{ idleMinutes: number }>(host, 'site.get')).toMatchObject({ idleMinutes: 25 });

  // Saving again with nothing changed also works (the version moved on).
  await save.click();
  await expect(siteForm.getByRole('status')).toHaveText('Sede salvata.');

  const facilitaId = page.getByLabel('ID della sede su Facilita');
  await facilitaId.fill('12A45');
  await save.click();
  await expect(facilitaId).toHaveAttribute('aria-invalid', 'true');
  await expect(facilitaId).toBeFocused();
  // The message is at the field, in the field's words, and on screen where focus went.
  const message = page.locator('#site-facilitaId-helper-text');
  await expect(message).toBeInViewport();
  await expect(message).toHaveText("L'ID della sede è fatto di sole cifre.");
  await page.screenshot({ path: 'test-results/desk-day-site-error.png' });
  expect(await rpc<{ facilitaId: string }>(host, 'site.get')).toMatchObject({ facilitaId: '12345' });
  await expectNoAxeViolations(page);
});

const sessionsOf = async (host: Parameters<typeof rpc>[0]) =>
  (await rpc<{ items: { kind: string; date: string }[] }>(host, 'history.search', { kind: 'sessions' })).items;

test('quick log: a double click saves once, and after a backdated entry the next one is today again', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/quick');
  const save = page.getByRole('button', { name: 'Salva e nuova' });
  const date = page.getByLabel('Data del servizio');
  const today = await date.inputValue();
  const yesterday = new Date(`${today}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  const yesterdayIso = yesterday.toISOString().slice(0, 10);

  await date.fill(yesterdayIso);
  await page.getByRole('button', { name: 'App IO', exact: true }).click();
  await save.dblclick();
  // Said as the desk says days ("1° dicembre" on the first of a month).
  await expect(page.getByRole('status')).toContainText(`del ${formatDay(yesterdayIso, 'it')}`);
  await expect(date).toHaveValue(today);
  expect((await sessionsOf(host)).map((session) => session.date)).toEqual([yesterdayIso]);

  await page.getByRole('button', { name: 'App IO', exact: true }).click();
  await save.click();
  await expect(page.getByRole('status')).toContainText('2 registrazioni');
  expect((await sessionsOf(host)).map((session) => session.date).sort()).toEqual([yesterdayIso, today]);
});

test('the full form: a double click on "Salva e nuova" asks once about the missing citizen and saves one session', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host);
  await page.getByRole('link', { name: 'Nuova assistenza' }).click();
  await page.getByRole('checkbox', { name: 'Facilitazione individuale' }).check();
  await page.getByRole('checkbox', { name: 'Cittadinanza digitale (servizi pubblici, pagamenti)' }).check();
  await page.getByRole('checkbox', { name: 'App IO', exact: true }).check();
  await page.getByLabel('Durata (hh:mm)').fill('00:20');
  await page.getByRole('radio', { name: 'Risolto', exact: true }).check();
  await page.getByRole('button', { name: 'Salva e nuova' }).dblclick();
  // No citizen: the second click does not answer the warning for the person.
  const warning = page.getByRole('dialog', { name: 'Senza cittadino' });
  await expect(warning).toBeVisible();
  expect(await sessionsOf(host)).toHaveLength(0);
  await warning.getByRole('button', { name: 'Salva comunque' }).dblclick();
  await expect(page.getByRole('status')).toContainText('Assistenza salvata');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await sessionsOf(host)).toHaveLength(1);
});

test('a saved session names its guide runs, never by their ids', async ({ page, host }) => {
  await setUpDeskOver(host);
  const runId = '01900000-0000-7000-8000-0000000000bb';
  insertFinishedRun(host, runId);
  const saved = await rpc<{ id: string }>(host, 'sessions.create', { ...sessionInput(null), guideRunIds: [runId] });
  await openJournal(page, host, `journal/session/${saved.id}`);
  await expect(page.getByRole('checkbox', { name: /Primo accesso ad App IO — esito: completata/ })).toBeChecked();
  await expect(page.locator('main')).not.toContainText(runId.slice(0, 8));
});

test('history finds a returning citizen by surname and name, and a search that finds nobody shows nobody', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  const giuseppe = await createCitizenOver(host, {
    codiceFiscale: cf({ first: 'Giuseppe', last: 'Russo', female: false, year: 1948 }),
    firstName: 'Giuseppe',
    lastName: 'Russo',
  });
  await rpc(host, 'sessions.create', sessionInput(giuseppe.id));
  await openJournal(page, host, 'journal/history');
  const box = page.getByLabel('Cittadino: codice fiscale, o cognome e nome');
  const table = page.getByRole('table', { name: 'Storico' });
  await box.fill('russo giuseppe');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(table.getByRole('row', { name: /Russo Giuseppe/ })).toBeVisible();
  await box.fill('Bianchi');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(table.getByRole('row', { name: /Russo Giuseppe/ })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the desk stays unlocked while the guide moves, and still locks when left alone', async ({ page, host }) => {
  await setUpDeskOver(host);
  const started = await rpc<{ run: { id: string } }>(host, 'guides.run.start', {
    guideId: 'cie-activate-credentials',
    language: 'it',
  });
  await page.clock.install();
  await openJournal(page, host, `guides/run/${started.run.id}`);
  await expect(page.getByTestId('signed-in-operator')).toBeVisible();
  // The citizen works through the guide with the operator at the other screen: the run moves.
  // Each move is waited for on the operator's screen: the renderer counts a move as activity only
  // once its event has arrived, so fast-forwarding before that would measure the wrong idle time.
  const runId = started.run.id;
  const stepShown = () => expect(page.locator('#step-title')).toBeVisible();
  for (const [move, shown] of [
    [() => rpc(host, 'guides.run.checklist', { runId, missing: [] }), stepShown],
    [
      () => rpc(host, 'guides.run.pause', { runId }),
      () => expect(page.getByRole('heading', { level: 2, name: 'Guida in pausa' })).toBeVisible(),
    ],
    [() => rpc(host, 'guides.run.resume', { runId }), stepShown],
  ] as const) {
    await page.clock.fastForward('06:00');
    await move();
    await shown();
  }
  await page.clock.fastForward('06:00');
  await expect(page.getByTestId('signed-in-operator')).toBeVisible();
  // Then nobody touches anything for the site's 10 minutes: the desk locks.
  await page.clock.fastForward('11:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Accesso operatore' })).toBeVisible();
});
