import type { Locator, Page } from '@playwright/test';
import { launchHost } from '../support/host-process.ts';
import { sessionInput, workshopInput } from '../support/journal.ts';
import { createCitizenOver, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { pressUntilFocused } from '../support/keyboard.ts';
import { expect, expectNoAxeViolations, openApp, test } from './fixtures.ts';

test('first start shows the shell in Italian', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuto in PassoPasso');
  await expect(page.getByRole('navigation', { name: 'Sezioni' })).toBeVisible();
  await expect(page.getByTestId('data-dir')).toHaveText(host.dataDir);
  // The token left the address bar once traded for the cookie.
  expect(page.url()).toBe(`${host.url}/`);
  await page.screenshot({ path: 'test-results/shell-it.png' });
});

test('language and text size survive a restart of the host', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('link', { name: 'Impostazioni', exact: true }).click();
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  for (let step = 0; step < 5; step += 1) await page.getByRole('button', { name: 'Larger text', exact: true }).click();
  await expect(page.locator('html')).toHaveCSS('font-size', '24px');

  await host.stop();
  const again = await launchHost({ dataDir: host.dataDir });
  try {
    await openApp(page, again);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to PassoPasso');
    await expect(page.locator('html')).toHaveCSS('font-size', '24px');
  } finally {
    await again.stop();
  }
});

/** Focus on the target by keyboard alone, then Enter. */
const enter = async (page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
  await pressUntilFocused(page, target, key);
  await page.keyboard.press('Enter');
};

test('every screen can be reached with the keyboard alone', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  await rpc(host, 'sessions.create', sessionInput(citizen.id));
  await rpc(host, 'workshops.create', workshopInput());
  await openApp(page, host);
  const title = page.getByRole('heading', { level: 1 });
  const nav = page.getByRole('navigation', { name: 'Sezioni' });
  const links = nav.getByRole('link');

  // Every screen in the navigation: from the screen before, back (Shift+Tab) to its link, Enter;
  // the screen opens with the focus on its title. Home (open now) comes last, from the last one.
  // The desk's own screens are listed at once, the signed-in role's once the core said who it is.
  await expect.poll(() => links.count()).toBeGreaterThan(10);
  const count = await links.count();
  for (const index of [...Array(count).keys()].slice(1).concat(0)) {
    const link = links.nth(index);
    await enter(page, link, 'Shift+Tab');
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(title).toBeFocused();
  }

  // The screens reached from inside others. Guides → the library's status.
  await enter(page, nav.getByRole('link', { name: 'Guide', exact: true }), 'Shift+Tab');
  await enter(page, page.getByRole('link', { name: 'Stato della libreria delle guide' }));
  await expect(title).toHaveText('Libreria delle guide');
  // Guides → a guide's runner → the citizen's view and the projector (their own windows).
  await enter(page, nav.getByRole('link', { name: 'Guide', exact: true }), 'Shift+Tab');
  await enter(page, page.getByRole('button', { name: /^Inizia la guida: / }).first());
  await expect(page).toHaveURL(/#\/guides\/run\//);
  for (const opener of ['Apri la vista per il cittadino', 'Modalità proiettore']) {
    const popup = page.waitForEvent('popup');
    await enter(page, page.getByRole('button', { name: opener }));
    const view = await popup;
    await expect(view.getByRole('heading', { level: 1 })).toBeVisible();
    await view.close();
  }
  // History → a session → the citizen's rights; the session's questionnaire on the citizen's view.
  await enter(page, nav.getByRole('link', { name: 'Storico', exact: true }), 'Shift+Tab');
  await enter(page, page.locator('table a[href^="#/journal/session/"]').first());
  await expect(page).toHaveURL(/#\/journal\/session\//);
  await enter(page, page.getByRole('button', { name: 'Questionario di esperienza (facoltativo, ES1–ES6)' }));
  const questionnaire = page.waitForEvent('popup');
  await enter(page, page.getByRole('button', { name: 'Questionario sulla vista del cittadino' }));
  const citizenView = await questionnaire;
  await expect(citizenView.getByRole('heading', { level: 1 })).toHaveText('Come ha saputo di questo servizio?');
  await citizenView.close();
  await enter(page, page.getByRole('link', { name: 'Dati del cittadino e diritti' }), 'Shift+Tab');
  await expect(page).toHaveURL(/#\/journal\/citizen\//);
  // Journal → a new session; Workshops → a workshop.
  await enter(page, nav.getByRole('link', { name: 'Registro', exact: true }), 'Shift+Tab');
  await enter(page, page.getByRole('link', { name: 'Nuova assistenza' }));
  await expect(page).toHaveURL(/#\/journal\/session$/);
  await enter(page, nav.getByRole('link', { name: 'Laboratori', exact: true }), 'Shift+Tab');
  await enter(page, page.getByRole('link', { name: / · SPID per tutti/ }));
  await expect(title).toHaveText('SPID per tutti');
});

test('Settings can be used with the keyboard alone', async ({ page, host }) => {
  await openApp(page, host);
  // On a page just loaded the first Tab reaches the skip link, then the navigation in order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Vai al contenuto principale', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Inizio', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Impostazioni', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impostazioni');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Radio group: Tab into it, arrows to change.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Italiano' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

  // The desk name form submits with Enter.
  await pressUntilFocused(page, page.getByLabel('Desk name'));
  await page.keyboard.type('Sportello Centro');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  await expect(page.locator('header')).toContainText('Sportello Centro');
});

test('a desk name over the limit is refused with a translated message and nothing is saved', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('link', { name: 'Impostazioni', exact: true }).click();
  await page.getByLabel('Nome dello sportello').fill('x'.repeat(81));
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status')).toContainText('Alcuni dati non sono validi');
  await expect(page.getByText('Troppo lungo o troppo grande (massimo 80).')).toBeVisible();
  await expect(page.locator('header')).not.toContainText('xxxx');
});

for (const [route, theme] of [
  ['#/', 'standard'],
  ['#/settings', 'standard'],
  ['#/about', 'standard'],
  ['#/', 'highContrast'],
  ['#/settings', 'highContrast'],
] as const) {
  test(`axe finds nothing on ${route} (${theme})`, async ({ page, host }) => {
    await openApp(page, host);
    if (theme === 'highContrast') {
      await page.request.post(`${host.url}/api/rpc/settings.set`, { data: { theme } });
      await page.reload();
    }
    await page.goto(`${host.url}/${route}`);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('at 200% text nothing overflows the window and the navigation stays usable', async ({ page, host }) => {
  await openApp(page, host);
  await page.request.post(`${host.url}/api/rpc/settings.set`, { data: { textScale: 200 } });
  for (const route of ['#/', '#/settings', '#/about']) {
    await page.goto(`${host.url}/${route}`);
    await expect(page.locator('html')).toHaveCSS('font-size', '32px');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('link', { name: 'Informazioni', exact: true })).toBeInViewport();
  }
  await page.screenshot({ path: 'test-results/shell-200.png', fullPage: true });
});
