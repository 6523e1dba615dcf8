import { launchHost } from '../support/host-process.ts';
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

test('every screen can be reached and used with the keyboard alone', async ({ page, host }) => {
  await openApp(page, host);
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
  await page.getByLabel('Desk name').focus();
  await page.keyboard.type('Sportello Centro');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  await expect(page.locator('header')).toContainText('Sportello Centro');

  await page.keyboard.press('Shift+Tab');
  await page.goto(`${host.url}/#/about`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
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
