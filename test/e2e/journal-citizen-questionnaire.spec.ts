import { COORDINATOR_PIN, sessionInput, today } from '../support/journal.ts';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { launchHost } from '../support/host-process.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('the citizen answers ES1–ES6 on the citizen view; the answers land on the form and in the session', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const saved = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id));
  await openJournal(page, host, `journal/session/${saved.id}`);
  await page.getByRole('button', { name: 'Questionario di esperienza (facoltativo, ES1–ES6)' }).click();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Questionario sulla vista del cittadino' }).click();
  const citizenPage = await popup;
  await expect(citizenPage.getByRole('heading', { level: 1 })).toHaveText('Come ha saputo di questo servizio?');
  await expectNoAxeViolations(citizenPage);

  await citizenPage.getByRole('button', { name: 'Al telefono', exact: true }).click();
  await expect(citizenPage.getByRole('heading', { level: 1 })).toHaveText('Perché è venuto qui oggi?');
  // The operator's form mirrors every answer as it is given.
  await expect(page.locator('#experience-es1')).toHaveText('Al telefono');
  await citizenPage.getByRole('button', { name: 'Migliorare nel lavoro', exact: true }).click();
  await citizenPage.getByRole('button', { name: 'Sì, per facilitazione', exact: true }).click();
  await expect(citizenPage.getByRole('button', { name: 'Sì, per facilitazione', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await citizenPage.getByRole('button', { name: 'Avanti', exact: true }).click();
  await citizenPage.getByLabel('Scriva qui (facoltativo)').fill('Molto gentili');
  await citizenPage.getByRole('button', { name: 'Avanti', exact: true }).click();
  await citizenPage.getByRole('button', { name: 'Facilitazione online', exact: true }).click();
  await citizenPage.getByRole('button', { name: 'Avanti', exact: true }).click();
  await expectNoAxeViolations(citizenPage);
  // The last question: keyboard only.
  await citizenPage.getByRole('button', { name: '5 — ottimo', exact: true }).focus();
  await citizenPage.keyboard.press('Enter');
  await expect(citizenPage.getByTestId('questionnaire-thanks')).toBeVisible();

  await expect(page.getByText('Il cittadino ha finito di rispondere.')).toBeVisible();
  await expect(page.getByRole('radio', { name: '5 — ottimo' })).toBeChecked();
  await expect(page.getByLabel('Commento')).toHaveValue('Molto gentili');
  await page.getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assistenza salvata.' })).toBeVisible();
  const session = await rpc<{ experience: unknown }>(host, 'sessions.get', { id: saved.id });
  expect(session.experience).toEqual({ es1: 'B', es2: 'C', es3: ['A'], es4: 'Molto gentili', es5: ['D'], es6: 5 });
});

test('after a restart of the desk the questionnaire starts again where the citizen stopped', async ({ page, host }) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/session');
  await page.getByLabel('Dettagli del servizio').fill('Attivazione App IO');
  await page.getByRole('button', { name: 'Questionario di esperienza (facoltativo, ES1–ES6)' }).click();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Questionario sulla vista del cittadino' }).click();
  const citizenPage = await popup;
  await citizenPage.getByRole('button', { name: 'Al telefono', exact: true }).click();
  await citizenPage.getByRole('button', { name: 'Migliorare nel lavoro', exact: true }).click();
  await expect(citizenPage.getByRole('heading', { level: 1 })).toHaveText('Tornerebbe qui?');
  await expect(page.locator('#experience-es2')).toHaveText('Migliorare nel lavoro');
  await citizenPage.close();
  // The form's draft holds the answers so far (saved as they arrive); then the desk dies.
  await expect
    .poll(async () => {
      const drafts = await rpc<{ form: { experience?: { es1?: unknown; es2?: unknown } | null } }[]>(
        host,
        'drafts.list',
      );
      return drafts.some((draft) => draft.form.experience?.es1 && draft.form.experience.es2);
    })
    .toBe(true);
  await host.kill9();

  const again = await launchHost({ dataDir: host.dataDir });
  try {
    await openJournal(page, again);
    await page.getByRole('link', { name: 'Riprendi' }).click();
    await expect(page.locator('#experience-es1')).toHaveText('Al telefono');
    const reopened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Questionario sulla vista del cittadino' }).click();
    const citizenAgain = await reopened;
    await expect(citizenAgain.getByRole('heading', { level: 1 })).toHaveText('Tornerebbe qui?');
    await citizenAgain.getByRole('button', { name: 'Sì, per facilitazione', exact: true }).click();
    await expect(citizenAgain.getByRole('button', { name: 'Sì, per facilitazione', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.locator('#experience-es2')).toHaveText('Migliorare nel lavoro');
  } finally {
    await again.stop();
  }
});

test('a workshop is edited and then deleted with a reason by the coordinator', async ({ page, host }) => {
  await setUpDeskOver(host);
  const workshop = await rpc<{ id: string }>(host, 'workshops.create', {
    title: 'SPID per tutti',
    date: today(),
    place: 'Biblioteca civica',
    duration: '02:00',
    serviceTypes: ['C'],
    competences: [1],
    serviceAreas: ['A'],
  });
  await openJournal(page, host, `journal/workshop/${workshop.id}`);
  await page.getByRole('button', { name: 'Modifica il laboratorio' }).click();
  await page.getByLabel('Titolo').fill('SPID e CIE per tutti');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SPID e CIE per tutti');
  const edited = await rpc<{ version: number }>(host, 'workshops.get', { id: workshop.id });
  expect(edited.version).toBe(2);

  const remove = page.getByRole('button', { name: 'Elimina il laboratorio' });
  await expect(remove).toBeDisabled();
  await page.getByLabel('Motivo').fill('Creato per errore');
  await remove.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laboratori');
  await expect(page.getByRole('link', { name: /SPID e CIE per tutti/ })).toHaveCount(0);
});

test('an operator changes their own PIN and signs in with the new one', async ({ page, host }) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal');
  await page.getByRole('button', { name: 'Cambia il mio PIN o password' }).click();
  await page.getByLabel('PIN o password attuale').fill('0000');
  await page.getByLabel('PIN', { exact: true }).fill('97531');
  await page.getByRole('button', { name: 'Cambia', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'sbagliati' })).toBeVisible();
  await page.getByLabel('PIN o password attuale').fill(COORDINATOR_PIN);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cambia', exact: true }).click();
  await expect(page.getByText('PIN o password cambiati.')).toBeVisible();

  await page.getByRole('button', { name: 'Blocca' }).click();
  await page.getByLabel('PIN').fill('97531');
  await page.getByRole('button', { name: 'Entra' }).click();
  await expect(page.getByTestId('signed-in-operator')).toBeVisible();
});
