import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { launchHost, type HostProcess } from '../support/host-process.ts';

export { expect };

/**
 * Every e2e test gets its own host process with its own data folder, in a browser that asks for
 * reduced motion: the app then shows no transitions, so a test never waits for one to end.
 */
export const test = base.extend<{ host: HostProcess }>({
  reducedMotion: 'reduce',
  // Playwright reads the fixture's dependencies from this destructuring: none here.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await launchHost();
    await use(host);
    await host.stop();
  },
});

/** Opens the app the way a person does: the printed address with the token. */
export const openApp = async (page: Page, host: HostProcess) => {
  await page.goto(host.openUrl);
  await expect(page.locator('main h1')).toBeVisible();
};

export const expectNoAxeViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
};
