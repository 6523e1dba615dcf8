import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchHost, type HostProcess } from '../support/host-process.ts';
import { pdfText } from '../support/pdf-text.ts';
import { expect, expectNoAxeViolations, openApp, test } from './fixtures.ts';

const CIE_TITLE = 'CIE - attivare le credenziali (livelli 1 e 2)';

const openGuides = async (page: Page, host: HostProcess) => {
  await openApp(page, host);
  await page.getByRole('link', { name: 'Guide', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guide passo passo');
};

const stepTitle = (page: Page) => page.locator('#step-title');

test('a whole run: plain-words search, branch, citizen window, autonomy, pause across a restart, finish, PDF', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await openGuides(page, host);
  await page.getByLabel('Che cosa deve fare il cittadino?').fill("devo attivare la carta d'identità elettronica");
  const first = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
    .first();
  await expect(first.getByRole('heading', { level: 3 })).toHaveText(CIE_TITLE);
  await first.getByRole('button', { name: `Inizia la guida: ${CIE_TITLE}` }).click();

  // Checklist: everything but the PUK receipt.
  await expect(page.getByRole('heading', { level: 2, name: 'Prima di iniziare' })).toBeVisible();
  for (const item of [/carta d'identità elettronica \(o almeno/, /cellulare dato al Comune/, /e-mail data al Comune/]) {
    await page.getByRole('checkbox', { name: item }).check();
  }
  await page.getByRole('button', { name: 'Conferma e inizia' }).click();
  await expect(page.getByTestId('blockers')).toContainText('Torni con la ricevuta del Comune');

  // Branches: the receipt way → yes, I have the phone → yes, I have the receipt.
  await expect(stepTitle(page)).toHaveText('Quale strada');
  await page.getByRole('button', { name: 'No, uso la ricevuta del Comune' }).click();
  await expect(stepTitle(page)).toHaveText('Il numero di cellulare dato al Comune');
  await page.getByRole('button', { name: 'Sì, e ho quel telefono con me' }).click();
  await expect(stepTitle(page)).toHaveText('La ricevuta con la prima metà del PUK');
  await page.getByRole('button', { name: "Sì, ce l'ho" }).click();
  await expect(stepTitle(page)).toHaveText('Aprire il sito del Ministero');
  await expect(page.getByTestId('operator-tip')).toHaveText("Controllate che l'indirizzo finisca con interno.gov.it.");
  await expect(page.getByText('Passo 4 di 11')).toBeVisible();

  // The citizen window, opened by the app's own button, mirrors the step in large print.
  const [citizen] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Apri la vista per il cittadino' }).click(),
  ]);
  const citizenTitle = citizen.getByTestId('citizen-step-title');
  await expect(citizenTitle).toHaveText('Aprire il sito del Ministero');
  const fontPx = await citizenTitle.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(36);
  await expect(citizen.locator('main')).not.toContainText("Controllate che l'indirizzo");
  await expectNoAxeViolations(citizen);

  await page.getByRole('button', { name: 'Avanti', exact: true }).click();
  await expect(stepTitle(page)).toHaveText('Codice fiscale e numero della carta');
  await expect(citizenTitle).toHaveText('Codice fiscale e numero della carta');
  await expect(citizen.getByRole('img', { name: /Codice fiscale e numero della carta/ })).toBeVisible();

  // Who did it: the citizen alone.
  await page.getByRole('radio', { name: 'Il cittadino da solo' }).check();
  await expect(page.getByRole('radio', { name: 'Il cittadino da solo' })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Metti in pausa' }).click();
  await expect(page.getByRole('heading', { name: 'Guida in pausa' })).toBeVisible();
  await expect(citizen.getByText('Una pausa: riprendiamo tra poco.')).toBeVisible();
  await citizen.close();

  // Restart the host: the paused run is still there and resumes on the same step.
  await host.stop();
  const again = await launchHost({ dataDir: host.dataDir });
  try {
    await openGuides(page, again);
    await page.getByRole('button', { name: `Riprendi: ${CIE_TITLE}` }).click();
    await expect(stepTitle(page)).toHaveText('Codice fiscale e numero della carta');
    await expect(page.getByRole('radio', { name: 'Il cittadino da solo' })).toBeChecked();
    await page.getByRole('button', { name: 'Avanti', exact: true }).click();
    await expect(stepTitle(page)).toHaveText('Le cifre del PUK');

    await page.getByRole('button', { name: 'Termina', exact: true }).click();
    await page.getByRole('radio', { name: 'Completato in parte' }).check();
    await page.getByRole('radio', { name: 'Manca un documento' }).check();
    await page.getByRole('button', { name: "Conferma l'esito" }).click();
    await expect(page.getByRole('heading', { name: 'Guida conclusa' })).toBeVisible();
    await expect(page.getByTestId('run-outcome')).toHaveText('Completato in parte — Manca un documento');

    await page.getByRole('button', { name: 'Prepara il promemoria (PDF)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Promemoria salvato in' })).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica il promemoria' }).click(),
    ]);
    const saved = test.info().outputPath('promemoria.pdf');
    await download.saveAs(saved);
    const sheets = readdirSync(join(host.dataDir, 'sheets'));
    expect(sheets).toEqual([download.suggestedFilename()]);
    // The sheet speaks to the citizen: what was done in one sentence each, not step titles with
    // who did them, and no question the desk asked; a missing item only for the way taken.
    const { text: rawText, pages } = pdfText(readFileSync(saved));
    const text = rawText.replace(/\s+/g, ' ');
    expect(pages).toBe(1);
    for (const done of [
      'Abbiamo aperto il sito del Ministero per attivare le credenziali.',
      'Abbiamo scritto il codice fiscale e il numero della carta.',
      'Cosa resta da fare la prossima volta',
      'Le cifre del PUK',
      'Da tenere segreto',
    ]) {
      expect(text).toContain(done);
    }
    expect(text).toContain('Torni con la ricevuta del Comune');
    expect(text).not.toMatch(/•\s*Fatto/);
    for (const unwanted of ['Quale strada', 'Il numero di cellulare dato al Comune', "l'ha fatto", 'da solo', 'NFC']) {
      expect(text).not.toContain(unwanted);
    }

    // Printing opens the same sheet in the browser's PDF viewer, in its own tab.
    const [viewer] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Stampa il foglio' }).click(),
    ]);
    await expect.poll(() => viewer.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  } finally {
    await again.stop();
  }
});

test('projector mode: the trainer advances and the operator screen follows', async ({ page, host }) => {
  await openGuides(page, host);
  await page.getByLabel('Che cosa deve fare il cittadino?').fill('pagare una multa');
  await page.getByRole('button', { name: /^Inizia la guida: Pagare un avviso pagoPA/ }).click();
  await page.getByRole('button', { name: 'Conferma e inizia' }).click();
  const firstTitle = await stepTitle(page).textContent();

  const [projector] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Modalità proiettore' }).click(),
  ]);
  await expect(projector.getByTestId('citizen-step-title')).toHaveText(firstTitle ?? '');
  await projector.getByRole('button', { name: 'Avanti', exact: true }).click();
  await expect(projector.getByTestId('citizen-step-title')).not.toHaveText(firstTitle ?? '');
  const second = await projector.getByTestId('citizen-step-title').textContent();
  await expect(stepTitle(page)).toHaveText(second ?? '');
  await expectNoAxeViolations(projector);
});

test('the runner can be used with the keyboard alone', async ({ page, host }) => {
  await openGuides(page, host);
  await page.getByLabel('Che cosa deve fare il cittadino?').focus();
  await page.keyboard.type('ho perso il pin della carta');
  // Results follow the typing; wait for the ones of the whole sentence (the lost-PIN guide first).
  const start = page.getByRole('button', { name: /^Inizia la guida: / }).first();
  await expect(start).toHaveAccessibleName('Inizia la guida: CIE - PIN o PUK persi, carta bloccata');
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Prima di iniziare' })).toBeVisible();
  await page.getByRole('button', { name: 'Conferma e inizia' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toBeVisible();
  // The confirm button is gone: focus moves to the first step's title (not lost at the top of the page).
  await expect(stepTitle(page)).toBeFocused();
  // Tab reaches every control of the step; Enter presses the focused one.
  const tabTo = async (name: string) => {
    for (let press = 0; press < 40; press += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
    }
    throw new Error(`Tab never reached "${name}"`);
  };
  const firstTitle = await stepTitle(page).textContent();
  await tabTo('Ho dimenticato il PIN');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).not.toHaveText(firstTitle ?? '');
  // The pressed answer is gone: focus lands on the new step's title, not lost at the page's top.
  await expect(stepTitle(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await tabTo('Indietro');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText(firstTitle ?? '');
  await tabTo('Metti in pausa');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Guida in pausa' })).toBeVisible();
});

test('a malformed installed pack is listed as rejected with its reasons; the library keeps working', async ({
  page,
  host,
}) => {
  const broken = join(host.dataDir, 'guides', 'broken-guide');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'guide.yaml'), 'id: broken-guide\nversion: 1.0.0\nsteps: []\n');
  await openApp(page, host);
  await page.goto(`${host.url}/#/guides/admin`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Libreria delle guide');
  await page.getByRole('button', { name: 'Ricarica le guide' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'broken-guide 1.0.0' })).toBeVisible();
  await expect(page.getByText('broken-guide/guide.yaml:', { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('library-summary')).toContainText('30 guide in uso, 1 pacchetti rifiutati');
  expect(existsSync(broken)).toBe(true);
  await expectNoAxeViolations(page);
  await page.goto(`${host.url}/#/guides`);
  await expect(page.getByRole('status').filter({ hasText: 'guide trovate' })).toHaveText('30 guide trovate.');
  await expectNoAxeViolations(page);
});

test('at 200% text and in high contrast the runner fits the window and axe finds nothing', async ({ page, host }) => {
  await openApp(page, host);
  await page.request.post(`${host.url}/api/rpc/settings.set`, { data: { textScale: 200, theme: 'highContrast' } });
  const started = await page.request.post(`${host.url}/api/rpc/guides.run.start`, {
    data: { guideId: 'pagopa-pay-notice' },
  });
  const runId = ((await started.json()) as { value: { run: { id: string } } }).value.run.id;
  await page.request.post(`${host.url}/api/rpc/guides.run.checklist`, { data: { runId, missing: [] } });
  await page.goto(`${host.url}/#/guides/run/${runId}`);
  await page.reload();
  await expect(stepTitle(page)).toBeVisible();
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/guides-runner-200.png', fullPage: true });
  await page.goto(`${host.url}/#/citizen/${runId}`);
  await expect(page.getByTestId('citizen-step-title')).toBeVisible();
  await page.screenshot({ path: 'test-results/guides-citizen-200.png' });
});
