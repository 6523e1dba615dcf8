import { readFileSync } from 'node:fs';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { sessionInput } from '../support/journal.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('dashboards: charts with a table view, a CSV download, axe clean, no overflow at 200% text', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { serviceAreas: ['A', 'B'] }));
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { serviceAreas: ['B'], outcome: 'partial' }));

  await openJournal(page, host, 'dashboards');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cruscotti');
  await expect(page.getByText('2 servizi a 1 cittadini')).toBeVisible();
  const areas = page.getByRole('region', { name: 'Per ambito di servizio (SE6)' });
  await expect(areas.getByRole('img')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/dashboards.png', fullPage: true });

  await areas.getByRole('button', { name: 'Vista tabella' }).click();
  const table = areas.getByRole('table', { name: 'Per ambito di servizio (SE6)' });
  await expect(table.getByRole('row', { name: /B – Pagamenti pagoPA 2 1/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /A – App IO 1 1/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await areas.getByRole('button', { name: 'Scarica Per ambito di servizio (SE6) in CSV' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  expect(csv).toContain('B – Pagamenti pagoPA,2,1');

  await rpc(host, 'settings.set', { textScale: 200 });
  await page.reload();
  await expect(page.getByText('2 servizi a 1 cittadini')).toBeVisible();
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/dashboards-200.png' });
});
