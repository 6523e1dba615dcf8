import { COORDINATOR_PIN, cf } from '../support/journal.ts';
import { rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

let hub: TestHub;
test.beforeAll(async () => {
  hub = await startTestHub('pglite');
});
test.afterAll(() => hub?.close());

/** A site of the test organisation with the settings it sets at the hub, and a code for it. */
const newSite = async (settings: Record<string, unknown>) => {
  const site = await hub.admin.createSite(hub.organisationId, `Sede ${crypto.randomUUID().slice(0, 6)}`, settings);
  return { ...site, code: (await hub.admin.issueCode(site.id)).code };
};

test('IT staff connect the desk first: set-up picks the roster’s coordinator, the hub’s site fields are read-only', async ({
  page,
  host,
}) => {
  const site = await newSite({
    facilitaName: 'Punto Digitale Facile Biblioteca',
    facilitaId: '10002',
    ente: 'Comune di Prova',
    province: 'CR',
  });
  const { id: coordinatorId } = await hub.admin.putOperator(hub.organisationId, {
    displayName: 'Rita Referente',
    role: 'coordinator',
    active: true,
    siteId: site.id,
  });

  await page.goto(`${host.openUrl}#/journal`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prima configurazione');
  const connect = page.getByTestId('set-up-connect');
  await connect.getByLabel("Indirizzo dell'hub").fill(hub.url);
  await connect.getByLabel('Codice di collegamento').fill(site.code);
  await connect.getByRole('button', { name: 'Collega la postazione' }).click();
  await expect(page.getByTestId('set-up-organisation')).toHaveText(
    `Postazione collegata a Comune di Prova – ${site.name}.`,
  );

  // The hub's fields arrive with the first pull: prefilled, read-only, saying whose they are.
  const siteName = page.getByLabel('Nome della sede su Facilita');
  await expect(siteName).toHaveValue('Punto Digitale Facile Biblioteca');
  await expect(siteName).toHaveAttribute('readonly');
  await expect(page.getByLabel('Provincia')).toHaveValue('Cremona');
  await expect(page.getByText('Gestito da Comune di Prova', { exact: true })).toHaveCount(4);
  await expect(page.getByLabel('Inizio del progetto')).not.toHaveAttribute('readonly');
  await expectNoAxeViolations(page);
  // At 200% text the set-up still fits the window (the connection is kept over a reload).
  await rpc(host, 'settings.set', { textScale: 200 });
  await page.reload();
  await expect(siteName).toHaveValue('Punto Digitale Facile Biblioteca');
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  const overflowAt200 = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflowAt200).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/onboarding-set-up-site-200.png', fullPage: true });
  await rpc(host, 'settings.set', { textScale: 100 });
  await page.reload();
  await expect(siteName).toHaveValue('Punto Digitale Facile Biblioteca');
  await page.screenshot({ path: 'test-results/onboarding-set-up-site.png', fullPage: true });

  // Keyboard only from here: the roster's coordinator is picked, not typed.
  await page.getByRole('button', { name: 'Avanti' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Passo 2 di 3: il coordinatore');
  await page.getByRole('radio', { name: 'Rita Referente' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Nome e cognome')).toHaveValue('Rita Referente');
  await expect(page.getByLabel('Nome e cognome')).toHaveAttribute('readonly');
  await page.getByLabel('ID su Facilita (codice fiscale)').fill(cf({ first: 'Rita', last: 'Rossi', year: 1975 }));
  await page.getByLabel('Nominativo su Facilita').fill('Rossi Rita');
  await page.getByLabel('PIN', { exact: true }).fill(COORDINATOR_PIN);
  await expect(page.getByLabel('Riempi con dati dimostrativi inventati (per la formazione)')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/onboarding-set-up-roster.png', fullPage: true });
  await page.getByRole('button', { name: 'Avanti' }).click();
  const recoveryKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await page.getByLabel('Scriva gli ultimi 2 gruppi della chiave').fill(recoveryKey.slice(-9));
  await page.getByRole('button', { name: 'Completa la configurazione' }).click();
  await expect(page.getByTestId('signed-in-operator')).toHaveText('Operatore: Rita Referente (Coordinatore)');

  // One coordinator: the roster's, now with a PIN on this desk.
  const operators = await rpc<{ id: string; role: string }[]>(host, 'operators.list');
  expect(operators.filter((operator) => operator.role === 'coordinator').map((operator) => operator.id)).toEqual([
    coordinatorId,
  ]);

  // The coordinator's site form: the hub's fields read-only, a desk-local one saved.
  await page.goto(`${host.url}/#/journal/admin`);
  const siteForm = page.locator('form[aria-labelledby="admin-site"]');
  await expect(siteForm.getByTestId('site-managed-intro')).toContainText('Gestito da Comune di Prova');
  await expect(siteForm.getByLabel('ID della sede su Facilita')).toHaveAttribute('readonly');
  await siteForm.getByLabel('Giorni di registrazione retroattiva').fill('3');
  await siteForm.getByRole('button', { name: 'Salva la sede' }).click();
  await expect(siteForm.getByRole('status')).toBeVisible();
  await expect(siteForm.getByLabel('Giorni di registrazione retroattiva')).toHaveValue('3');
  await expect(page.getByText('i dati dimostrativi non si possono caricare')).toBeVisible();
  await expectNoAxeViolations(page);
  await siteForm.screenshot({ path: 'test-results/onboarding-admin-site.png' });

  // The Sync screen and the status bar name the organisation and the site.
  await page.getByTestId('sync-status').getByRole('link', { name: 'Sincronizzazione' }).click();
  const names = page.getByTestId('sync-organisation-names');
  await expect(names).toContainText('Organizzazione: Comune di Prova');
  await expect(names).toContainText(`Sede: ${site.name}`);
  await expect(page.getByTestId('sync-organisation')).toHaveText(`Comune di Prova – ${site.name}`);
  await rpc(host, 'settings.set', { textScale: 200 });
  await page.reload();
  await expect(page.getByTestId('sync-organisation-names')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/onboarding-sync-200.png', fullPage: true });
});

test('a desk with demo data is told so on the Sync screen, removes it, then connects', async ({ page, host }) => {
  const site = await newSite({});
  await setUpDeskOver(host);
  await rpc(host, 'journal.fillDemo', { sessions: 10 });

  await page.goto(`${host.openUrl}#/sync`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Sincronizzazione con l'hub");
  await page.getByLabel("Indirizzo dell'hub").fill(hub.url);
  await page.getByLabel('Codice di collegamento').fill(site.code);
  await page.getByRole('button', { name: 'Collega la postazione' }).click();
  const feedback = page.getByTestId('enroll-feedback');
  await expect(feedback).toContainText('Questo sportello contiene dati dimostrativi');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/onboarding-demo-refused.png', fullPage: true });

  await feedback.getByRole('button', { name: 'Rimuovi i dati dimostrativi' }).click();
  await expect(feedback).toContainText('Dati dimostrativi rimossi (10 assistenze');
  await expect(page.getByTestId('signed-in-operator')).not.toContainText('dimostrativa');
  await page.getByRole('button', { name: 'Collega la postazione' }).click();
  await expect(feedback).toContainText(`Postazione collegata a Comune di Prova – ${site.name}.`);
  await expect(page.getByTestId('sync-organisation-names')).toContainText('Organizzazione: Comune di Prova');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/onboarding-demo-connected.png', fullPage: true });

  // English is complete too.
  await rpc(host, 'settings.set', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('sync-organisation-names')).toContainText('Organisation: Comune di Prova');
  await expect(page.getByTestId('sync-organisation-names')).toContainText(`Site: ${site.name}`);
});
