import { sessionInput } from '../support/journal.ts';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

// A screen whose load fails says why, in the person's language, where the data would be: never an
// empty list or a made-up "none" (the Facilita registry and the last backup used to drop it).

// In browser mode the host does not come back by itself, so the words say how to start it again.
const HOST_GONE =
  'PassoPasso si è fermato e nel browser non riparte da solo: lo riavvii (dal terminale: npm start) e rientri.';

test('when the host stops answering, a screen that loads says so, translated', async ({ page, host }) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'facilita');
  const registry = page.getByRole('region', { name: 'Esportazioni fatte' });
  await expect(registry).toContainText('Nessuna esportazione ancora.');
  // Both screens' code is in the page already; then the desk's host dies.
  await page.getByRole('link', { name: 'Informazioni', exact: true }).click();
  await expect(page.getByText('Ultima copia di sicurezza', { exact: true })).toBeVisible();
  await host.kill9();

  await page.getByRole('link', { name: 'Esporta per Facilita', exact: true }).click();
  await expect(registry.getByRole('alert')).toHaveText(HOST_GONE);
  await expect(registry).not.toContainText('Nessuna esportazione ancora.');
  await page.screenshot({ path: 'test-results/facilita-load-failed.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Informazioni', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(HOST_GONE);
  await expect(page.getByRole('main')).not.toContainText(/nessuna/i);
});

test('a screen loads again when its route changes, never merely because it re-rendered', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const first = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id));
  const second = await rpc<{ id: string }>(
    host,
    'sessions.create',
    sessionInput(citizen.id, { details: 'Richiesta del PIN della CIE' }),
  );
  let loads = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/rpc/sessions.get')) loads += 1;
  });
  await openJournal(page, host, `journal/session/${first.id}`);
  await page.getByLabel('Dettagli del servizio').fill('Scritto e non ancora salvato');

  // Another window switches the language: every screen renders again with new callbacks.
  await rpc(host, 'settings.set', { language: 'en' });
  await expect(page.getByLabel('Service details')).toHaveValue('Scritto e non ancora salvato');
  expect(loads).toBe(1);

  await page.goto(`${host.url}/#/journal/session/${second.id}`);
  await expect(page.getByLabel('Service details')).toHaveValue('Richiesta del PIN della CIE');
  expect(loads).toBe(2);
});
