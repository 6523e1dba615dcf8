import { openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
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
