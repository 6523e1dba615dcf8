import type { Page } from '@playwright/test';
import { openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import type { Workshop } from '../../shared/domain/journal/workshops.ts';
import { formatMoment } from '../../shared/i18n/format-day.ts';
import { workshopInput } from '../support/journal.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const GUIDE_TITLE = 'App IO - primo accesso';

/** What the projected page measures: the step's share of the height, the title's size, any overflow. */
const measure = (projector: Page) =>
  projector.evaluate(() => {
    const root = document.documentElement;
    const step = document.querySelector('[data-testid="projector-step"]')?.getBoundingClientRect();
    const title = document.querySelector('[data-testid="citizen-step-title"]');
    return {
      stepShare: (step?.height ?? 0) / window.innerHeight,
      titleSize: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
      sideways: root.scrollWidth - root.clientWidth,
      downwards: root.scrollHeight - root.clientHeight,
      // Nothing cut off: the step's content fits inside its box.
      cutOff: (() => {
        const box = document.querySelector<HTMLElement>('[data-testid="projector-step"]');
        return box ? box.scrollHeight - box.clientHeight : 0;
      })(),
    };
  });

const expectFills = async (
  projector: Page,
  size: { width: number; height: number },
  shot: string,
  // At 200 % text the guide's name and the buttons above and below the step are bigger too.
  share = 0.8,
) => {
  await projector.setViewportSize(size);
  await expect(projector.getByTestId('citizen-step-title')).toBeVisible();
  await expect.poll(async () => (await measure(projector)).stepShare).toBeGreaterThanOrEqual(share);
  const measured = await measure(projector);
  expect(measured.sideways).toBeLessThanOrEqual(0);
  expect(measured.downwards).toBeLessThanOrEqual(0);
  expect(measured.cutOff).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(projector);
  await projector.screenshot({ path: `/tmp/projector-${shot}.png` });
  return measured;
};

test('a guide started from the workshop is projected to fill the screen and is listed on the workshop', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  await setUpDeskOver(host);
  const workshop = await rpc<{ id: string }>(
    host,
    'workshops.create',
    workshopInput({ title: 'App IO in biblioteca' }),
  );
  await openJournal(page, host, `journal/workshop/${workshop.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('App IO in biblioteca');
  await expect(page.getByText('Nessuna guida proiettata per questo laboratorio.')).toBeVisible();

  // Bad input first: no guide chosen is said at the field, and starts nothing.
  await page.getByRole('button', { name: 'Avvia sul proiettore' }).click();
  await expect(page.getByText('Scelga la guida da proiettare.')).toBeVisible();
  expect(page.context().pages()).toHaveLength(1);

  // Keyboard only: open the list, choose the guide, start it.
  await page.getByRole('combobox', { name: 'Guida da proiettare' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: GUIDE_TITLE }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Guida da proiettare' })).toHaveText(GUIDE_TITLE);
  await page.getByRole('button', { name: 'Avvia sul proiettore' }).focus();
  const [projector] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);

  // The workshop lists the run by the guide's title and the Italian day and time, never its id.
  await expect
    .poll(async () => (await rpc<Workshop>(host, 'workshops.get', { id: workshop.id })).guideRuns)
    .toHaveLength(1);
  const [run] = (await rpc<Workshop>(host, 'workshops.get', { id: workshop.id })).guideRuns;
  const listed = page.getByRole('link', { name: `${GUIDE_TITLE} · ${formatMoment(run?.startedAt ?? '', 'it')}` });
  await expect(listed).toBeVisible();
  await expect(page.getByRole('region', { name: 'Guide al proiettore' })).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/projector-workshop.png', fullPage: true });

  // Opened on the first step (a room has no prerequisites checklist), filling the projector.
  const small = await expectFills(projector, { width: 1024, height: 768 }, '1024');
  const large = await expectFills(projector, { width: 1920, height: 1080 }, '1920');
  expect(large.titleSize).toBeGreaterThan(small.titleSize);

  // The trainer moves on from the projector with the keyboard.
  const firstTitle = await projector.getByTestId('citizen-step-title').textContent();
  // The projector's way forward has the focus from the start, and again once its step is gone.
  await expect(projector.getByRole('button', { name: 'Avanti', exact: true })).toBeFocused();
  await projector.keyboard.press('Enter');
  await expect(projector.getByTestId('citizen-step-title')).not.toHaveText(firstTitle ?? '');
  // A step with a picture fits as well, the picture whole and in view.
  await expect(projector.getByRole('button', { name: 'Con SPID' })).toBeFocused();
  await projector.keyboard.press('Tab');
  await expect(projector.getByRole('button', { name: 'Con la CIE e il PIN' })).toBeFocused();
  await projector.keyboard.press('Enter');
  await expect(projector.getByRole('button', { name: 'Avanti', exact: true })).toBeFocused();
  const picture = projector.getByTestId('projector-step').getByRole('img');
  await expect(picture).toBeVisible();
  await expectFills(projector, { width: 1024, height: 768 }, '1024-image');
  await expect(picture).toBeInViewport({ ratio: 0.99 });

  // With the desk's text at 200 % the projected page still fits, with nothing cut off.
  await rpc(host, 'settings.set', { textScale: 200 });
  await projector.reload();
  await expect(projector.locator('html')).toHaveCSS('font-size', '32px');
  await expect(picture).toBeVisible();
  const zoomed = await expectFills(projector, { width: 1024, height: 768 }, '1024-200', 0.7);
  await expect(picture).toBeInViewport({ ratio: 0.99 });
  // Still projector print, not shrunk to nothing.
  expect(zoomed.titleSize).toBeGreaterThanOrEqual(small.titleSize * 0.6);
});
