import { openJournal, setUpDeskOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

// A screen whose load fails says why, in the person's language, where the data would be: never an
// empty list or a made-up "none" (the Facilita registry and the last backup used to drop it).

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
  await expect(registry.getByRole('alert')).toHaveText('Il programma non risponde. Riprovi tra poco.');
  await expect(registry).not.toContainText('Nessuna esportazione ancora.');
  await page.screenshot({ path: 'test-results/facilita-load-failed.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Informazioni', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Il programma non risponde. Riprovi tra poco.');
  await expect(page.getByRole('main')).not.toContainText(/nessuna/i);
});
