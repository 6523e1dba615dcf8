import { formatDay } from '../../shared/i18n/format-day.ts';
import { cf, sessionInput, today } from '../support/journal.ts';
import { createCitizenOver, openJournal, rpc, setCutoffOver, setUpDeskOver } from '../support/journal-e2e.ts';
import type { HostProcess } from '../support/host-process.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

/** What the desk counts is what Facilita will count: the quick log's citizen, the save warning, the figures apart. */

const NO_CITIZEN_LINE = 'Senza cittadino: questo servizio non arriverà a Facilita';

const sessions = async (host: HostProcess) =>
  (
    await rpc<{ items: { citizenName: string | null; reportable: boolean; serviceAreas: string[] }[] }>(
      host,
      'history.search',
      { kind: 'sessions' },
    )
  ).items;

test('quick log takes a citizen: a scanned codice fiscale (typed plus Enter) or one of the recent citizens', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await createCitizenOver(host);
  await openJournal(page, host, 'journal/quick');
  await expect(page.getByText(NO_CITIZEN_LINE)).toBeVisible();
  // Registered today: offered as a recent citizen from the start.
  await expect(page.getByRole('group', { name: 'Cittadini di oggi e recenti' })).toContainText('Bianchi Maria');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/quick-log-citizen.png', fullPage: true });

  // A barcode scanner types the code and presses Enter: the citizen is applied at once.
  await page.getByLabel('Codice fiscale del cittadino').fill(cf());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picked-citizen')).toHaveText(/Bianchi Maria/);
  await expect(page.getByText(NO_CITIZEN_LINE)).toHaveCount(0);
  await page.getByRole('button', { name: 'Pagamenti pagoPA' }).click();
  await page.getByRole('button', { name: 'Salva e nuova' }).click();
  await expect(page.getByRole('status')).toContainText('Salvata: Pagamenti pagoPA');
  await expect(page.getByRole('status')).toContainText('Bianchi Maria');
  // The next entry starts without a citizen again.
  await expect(page.getByText(NO_CITIZEN_LINE)).toBeVisible();

  // One click on a recent citizen, by keyboard.
  await page.getByRole('button', { name: 'Bianchi Maria' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picked-citizen')).toHaveText(/Bianchi Maria/);
  await page.getByRole('button', { name: 'App IO', exact: true }).click();
  await page.getByRole('button', { name: 'Salva e nuova' }).click();
  await expect(page.getByRole('status')).toContainText('2 registrazioni');
  expect((await sessions(host)).map((session) => [session.citizenName, session.reportable])).toEqual([
    ['Bianchi Maria', true],
    ['Bianchi Maria', true],
  ]);

  // The same service again for the same citizen is a row Facilita would refuse: asked first.
  await page.getByRole('button', { name: 'Bianchi Maria' }).click();
  await page.getByRole('button', { name: 'App IO', exact: true }).click();
  await page.getByRole('button', { name: 'Salva e nuova' }).click();
  const duplicate = page.getByRole('dialog', { name: 'Possibile doppione' });
  await expect(duplicate).toBeVisible();
  await expectNoAxeViolations(page);
  await duplicate.getByRole('button', { name: 'Torna a modificare' }).click();
  await expect(duplicate).toHaveCount(0);
  expect(await sessions(host)).toHaveLength(2);
  await expectNoAxeViolations(page);
});

test('quick log: a codice fiscale typed but not applied is said at save; back to the field, or save anyway, once', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/quick');
  const field = page.getByLabel('Codice fiscale del cittadino');
  await field.fill(cf({ first: 'Nuovo', last: 'Arrivato' }));
  await page.getByRole('button', { name: 'App IO', exact: true }).click();
  await page.getByRole('button', { name: 'Salva e nuova' }).click();
  const dialog = page.getByRole('dialog', { name: 'Senza cittadino' });
  await expect(dialog).toContainText("Ha scritto un codice fiscale ma non l'ha applicato");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/quick-log-unapplied.png' });
  await dialog.getByRole('button', { name: 'Torna al codice fiscale' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(field).toBeFocused();
  expect(await sessions(host)).toHaveLength(0);

  await page.getByRole('button', { name: 'Salva e nuova' }).click();
  await dialog.getByRole('button', { name: 'Salva comunque' }).dblclick();
  await expect(page.getByRole('status')).toContainText('1 registrazione');
  await expect(page.getByRole('status')).toContainText('non arriverà a Facilita');
  expect(await sessions(host)).toEqual([expect.objectContaining({ citizenName: null, reportable: false })]);
});

test('the full form asks before saving a session without a citizen, and says when a code was not applied', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/session');
  await page.getByRole('checkbox', { name: 'Cittadinanza digitale (servizi pubblici, pagamenti)' }).check();
  await page.getByRole('checkbox', { name: 'App IO', exact: true }).check();
  await page.getByLabel('Durata (hh:mm)').fill('00:20');
  await page.getByRole('radio', { name: 'Risolto', exact: true }).check();
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Senza cittadino' });
  await expect(dialog).toContainText('Questa assistenza non ha un cittadino: non arriverà a Facilita.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Torna al codice fiscale' }).click();
  const field = page.getByLabel('Codice fiscale del cittadino');
  await expect(field).toBeFocused();

  await field.fill(cf({ first: 'Nuovo', last: 'Arrivato' }));
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(dialog).toContainText("Ha scritto un codice fiscale ma non l'ha applicato");
  await page.screenshot({ path: 'test-results/session-unapplied.png' });
  await dialog.getByRole('button', { name: 'Salva comunque' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Assistenza del ${formatDay(today(), 'it')}`);
  expect(await sessions(host)).toHaveLength(1);
});

test('dashboards and the export preview show the services that will not reach Facilita apart', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await setCutoffOver(host, today());
  const citizen = await createCitizenOver(host);
  await rpc(host, 'sessions.create', sessionInput(citizen.id));
  await rpc(host, 'sessions.create', sessionInput(null, { details: 'Senza cittadino' }));

  await openJournal(page, host, 'dashboards');
  await expect(page.getByText('2 servizi a 1 cittadini')).toBeVisible();
  await expect(page.getByTestId('not-reportable-figure')).toHaveText(
    'Di questi, 1 servizio non arriverà mai a Facilita (senza cittadino: 1); a Facilita ne arrivano al massimo 1.',
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/dashboards-not-reportable.png' });

  await openJournal(page, host, 'facilita');
  await page.getByLabel('Dal', { exact: true }).fill(today());
  await page.getByLabel('Al', { exact: true }).fill(today());
  await page.getByRole('button', { name: 'Controlla' }).click();
  await expect(page.getByText('Pronti per Facilita: 1')).toBeVisible();
  const apart = page.getByRole('region', { name: 'Servizi che non arriveranno mai a Facilita' });
  await expect(apart.getByTestId('not-reportable-count')).toContainText('1 servizio del periodo');
  await expect(apart.getByRole('row', { name: /Senza cittadino Apri l'assistenza/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/facilita-not-reportable.png', fullPage: true });

  await rpc(host, 'settings.set', { textScale: 200 });
  for (const route of ['dashboards', 'journal/quick']) {
    await page.goto(`${host.url}/#/${route}`);
    await expect(page.locator('html')).toHaveCSS('font-size', '32px');
    await expect(page.getByTestId('signed-in-operator')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: 'test-results/quick-log-200.png', fullPage: true });
});
