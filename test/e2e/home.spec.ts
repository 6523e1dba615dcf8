import type { Page } from '@playwright/test';
import { addDays } from '../../main/core/journal/journal-context.ts';
import { COORDINATOR_PIN, sessionInput, today } from '../support/journal.ts';
import { createCitizenOver, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { focused, pressUntilFocused } from '../support/keyboard.ts';
import { expect, expectNoAxeViolations, openApp, test } from './fixtures.ts';

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A desk set up, with a guide left at its checklist and a follow-up due in two days. */
const deskWithWork = async (host: Parameters<typeof setUpDeskOver>[0]) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const followUp = { dueDate: addDays(today(), 2), reason: 'Richiamare per il PIN' };
  const session = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id, { followUp }));
  const started = await rpc<{ run: { id: string } }>(host, 'guides.run.start', { guideId: 'pagopa-pay-notice' });
  return { sessionId: session.id, runId: started.run.id };
};

test('before set-up Home keeps the set-up guidance and offers no visit yet', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuto in PassoPasso');
  await expect(page.getByRole('heading', { level: 2, name: 'Per iniziare' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Apri le impostazioni' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Configura la postazione' })).toHaveAttribute('href', '#/journal');
  await expect(
    page.getByText('Ultima copia di sicurezza').or(page.getByText('Nessuna copia di sicurezza')),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nuova assistenza' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/home-before-set-up.png', fullPage: true });
});

test('after set-up Home shows the day’s work: new visit, quick log, guides to resume, follow-ups', async ({
  page,
  host,
}) => {
  const { sessionId, runId } = await deskWithWork(host);
  await openApp(page, host);

  await expect(page.getByRole('heading', { level: 2, name: 'Per iniziare' })).toHaveCount(0);
  const today = page.getByRole('region', { name: 'Il lavoro di oggi' });
  await expect(today.getByRole('link', { name: 'Registrazione rapida' })).toHaveAttribute('href', '#/journal/quick');
  const runs = page.getByRole('region', { name: 'Guide da riprendere' });
  await expect(runs.getByText('1 guida da riprendere.')).toBeVisible();
  await expect(runs.getByRole('listitem')).toContainText('Pagare un avviso pagoPA');
  const followUps = page.getByRole('region', { name: 'Promemoria da fare' });
  await expect(followUps.getByText('1 promemoria da fare. Nessuno è per oggi.')).toBeVisible();
  // The day in Italian words, never ISO.
  await expect(followUps.getByRole('listitem')).toContainText(/\d{1,2}°? \w+ \d{4} · Bianchi Maria/);
  await expect(followUps.getByRole('listitem')).toContainText('Richiamare per il PIN');
  await expect(followUps.getByRole('listitem')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(followUps.getByRole('link', { name: /^Apri l'assistenza/ })).toHaveAttribute(
    'href',
    `#/journal/session/${sessionId}`,
  );
  await expect(page.getByText(/Ultima copia di sicurezza|Nessuna copia di sicurezza/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/home-day.png', fullPage: true });

  // At 200% text nothing scrolls sideways.
  await rpc(host, 'settings.set', { textScale: 200 });
  await page.reload();
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  await expect(runs.getByRole('listitem')).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/home-day-200.png', fullPage: true });
  await rpc(host, 'settings.set', { textScale: 100 });
  await page.reload();

  // Resuming the guide opens its runner.
  await runs.getByRole('button', { name: /^Riprendi/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/guides/run/${runId}$`));

  // "Nuova assistenza" opens the session form.
  await page.getByRole('navigation', { name: 'Sezioni' }).getByRole('link', { name: 'Inizio', exact: true }).click();
  await today.getByRole('link', { name: 'Nuova assistenza' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuova assistenza');
  await expect(page.getByLabel(/^Codice fiscale del cittadino/)).toBeVisible();
});

test('keyboard only from Home to a new visit', async ({ page, host }) => {
  await deskWithWork(host);
  await openApp(page, host);
  const newVisit = page.getByRole('link', { name: 'Nuova assistenza' });
  await expect(newVisit).toBeVisible();
  await pressUntilFocused(page, newVisit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuova assistenza');
  await expect.poll(() => focused(page)).toMatch(/^input: Codice fiscale del cittadino/);
});

test('a locked desk: Home says so and signs in on the spot, then shows the day', async ({ page, host }) => {
  await deskWithWork(host);
  await rpc(host, 'journal.signOut');
  await openApp(page, host);
  const locked = page.getByRole('region', { name: 'Postazione bloccata' });
  await expect(locked).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nuova assistenza' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/home-locked.png', fullPage: true });

  await locked.getByLabel('PIN').fill(COORDINATOR_PIN);
  await locked.getByLabel('PIN').press('Enter');
  // The work continues at the new visit, not on a button that went away.
  await expect.poll(() => focused(page)).toBe('a: Nuova assistenza');
  await expect(page.getByRole('region', { name: 'Guide da riprendere' }).getByRole('listitem')).toHaveCount(1);
  // The follow-up opens its session.
  await page
    .getByRole('region', { name: 'Promemoria da fare' })
    .getByRole('link', { name: /^Apri l'assistenza/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Assistenza del \d{1,2}°? \w+ \d{4}/);
});

test('English is complete on Home', async ({ page, host }) => {
  await deskWithWork(host);
  await rpc(host, 'settings.set', { language: 'en' });
  await openApp(page, host);
  await expect(page.getByRole('link', { name: 'New session' })).toBeVisible();
  await expect(page.getByText('1 guide to resume.')).toBeVisible();
  await expect(page.getByText('1 follow-up to do.')).toBeVisible();
});

test('Home says which follow-ups are for today or late, and which are ahead', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const followUp = { dueDate: today(), reason: 'Portare la tessera sanitaria' };
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { followUp }));
  await openApp(page, host);
  const followUps = page.getByRole('region', { name: 'Promemoria da fare' });
  await expect(followUps).toContainText('1 promemoria da fare. 1 è per oggi o in ritardo.');
  await expect(followUps.getByRole('listitem')).toContainText(/^Oggi, \d{1,2}°? \w+ \d{4} · Bianchi Maria/);
});
