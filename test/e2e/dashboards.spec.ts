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
  const csvButton = areas.getByRole('button', {
    name: 'Scarica Per ambito di servizio (SE6) in CSV separato da punto e virgola (Excel in italiano)',
  });
  await expect(csvButton).toHaveText('CSV (;)');
  await csvButton.click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  expect(csv).toContain('A – App IO;1;1\r\nB – Pagamenti pagoPA;2;1');

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

test('dashboards: the monthly trend against the target, rows in their natural order, prerequisites by title', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const year = new Date().getFullYear();
  const month = new Date().getMonth() + 1;
  // A session a week ago (the most the desk backdates) and two today: the months of the year before
  // them are there, at zero, not missing.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const weekAgoDay = `${weekAgo.getFullYear()}-${String(weekAgo.getMonth() + 1).padStart(2, '0')}-${String(weekAgo.getDate()).padStart(2, '0')}`;
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { date: weekAgoDay, outcome: 'partial' }));
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { outcome: 'partial' }));
  await rpc(host, 'sessions.create', sessionInput(null, { outcome: 'resolved' }));
  await rpc(host, 'dashboards.targets.save', {
    label: 'Servizi dell’anno',
    metric: 'services',
    value: 12,
    from: `${year}-01-01`,
    due: `${year}-12-31`,
  });
  const { run } = await rpc<{ run: { id: string } }>(host, 'guides.run.start', { guideId: 'anpr-certificate' });
  await rpc(host, 'guides.run.checklist', { runId: run.id, missing: ['spid-or-cie'] });

  await openJournal(page, host, 'dashboards');
  const monthly = page.getByRole('region', { name: 'Servizi e cittadini per mese' });
  const chart = monthly.getByRole('img', { name: /andamento mese per mese/i });
  await expect(chart).toBeVisible();
  // The figure in words beside the chart: to date against the target, and where the desk should be today.
  const expected = Math.floor((12 * dayOfYear(new Date())) / daysInYear(year));
  await expect(monthly.getByText(`3 servizi finora su un obiettivo di 12 entro il 31 dicembre ${year}`)).toBeVisible();
  await expect(monthly.getByText(new RegExp(`oggi dovrebbero essere ${expected}\\b`))).toBeVisible();
  // Keyboard: the chart is reached with Tab after the panel's downloads.
  await monthly.getByRole('button', { name: /in CSV/ }).focus();
  await page.keyboard.press('Tab');
  await expect(chart).toBeFocused();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/dash-trend.png', fullPage: true });
  await monthly.screenshot({ path: 'test-results/dashboards-trend.png' });

  await monthly.getByRole('button', { name: 'Vista tabella' }).click();
  const months = monthly.getByRole('table').getByRole('row');
  await expect(months).toHaveCount(month + 1);
  await expect(months.nth(1)).toHaveText(`gennaio ${year}000`);
  await expect(months.nth(month)).toContainText(new Date().toLocaleString('it', { month: 'long' }));

  const outcomes = page.getByRole('region', { name: 'Esiti' });
  await outcomes.getByRole('button', { name: 'Vista tabella' }).click();
  await expect(outcomes.getByRole('row').nth(1)).toContainText('Risolto');
  await expect(outcomes.getByRole('row').nth(2)).toContainText('Risolto in parte');

  const blockers = page.getByRole('region', { name: 'Prerequisiti mancanti (ostacoli)' });
  await blockers.getByRole('button', { name: 'Vista tabella' }).click();
  await expect(blockers.getByRole('row', { name: /SPID, CIE o CNS per entrare nel portale 1/ })).toBeVisible();
  await expect(blockers.getByText('spid-or-cie')).toHaveCount(0);

  await rpc(host, 'settings.set', { textScale: 200 });
  await page.reload();
  await expect(chart).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await monthly.screenshot({ path: 'test-results/dashboards-trend-200.png' });
});

const dayOfYear = (date: Date) =>
  Math.round(
    (Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(date.getFullYear(), 0, 1)) / 86_400_000,
  ) + 1;
const daysInYear = (year: number) => (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365);
