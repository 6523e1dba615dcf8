import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { consoleClient, makeAccount, PASSWORD } from '../support/console-client.ts';
import { enrollDevice, startTestHub, type TestHub } from '../support/hub.ts';
import { newSession, today } from '../support/journal.ts';
import { reportingDesk } from '../support/reporting-desk.ts';

// The organisation console against a real hub (PGlite) in this worker, in Debian's Chromium.
test.use({ reducedMotion: 'reduce' });

let hub: TestHub;
let accounts = 0;
const newReferente = async () => {
  accounts += 1;
  const email = `referente${accounts}@comune.example.it`;
  await makeAccount(hub.db, {
    email,
    displayName: 'Giulia Rossi',
    role: 'referente',
    organisationId: hub.organisationId,
  });
  return email;
};

test.beforeAll(async () => {
  hub = await startTestHub('pglite');
  await enrollDevice(hub);
});
test.afterAll(() => hub?.close());

const expectNoAxeViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
};

const signIn = async (page: Page, email: string, password = PASSWORD) => {
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Entra' }).click();
};

test('a referente signs in, sees the desks and revokes one; a wrong password says how many tries are left', async ({
  page,
}) => {
  const email = await newReferente();
  await page.goto(`${hub.url}/console/desks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accesso alla console' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Entra' }).click();
  await expect(page.getByText("Scriva l'indirizzo e-mail.")).toBeVisible();
  await expect(page.getByLabel('Indirizzo e-mail')).toBeFocused();

  await signIn(page, email, 'not the password');
  await expect(page.getByRole('alert')).toContainText('Ancora 4 tentativi prima del blocco');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entra' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sportelli' })).toBeVisible();
  const row = page.getByRole('row', { name: /Biblioteca civica/ });
  await expect(row).toContainText('Attivo');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/console-desks.png', fullPage: true });

  await row.getByRole('button', { name: 'Revoca Sportello' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'è revocato' })).toBeVisible();
  await expect(row).toContainText('Revocato');
  await row.getByRole('button', { name: 'Riattiva Sportello' }).click();
  await expect(row).toContainText('Attivo');
});

test('an expired session returns to sign-in and then to the page the person was on', async ({ page }) => {
  const email = await newReferente();
  await page.goto(`${hub.url}/console/desks`);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Sportelli' })).toBeVisible();
  await hub.db.query(
    `UPDATE console_sessions SET last_seen_at = now() - interval '31 minutes'
      WHERE account_id = (SELECT id FROM console_accounts WHERE email = $1)`,
    [email],
  );
  await page.getByRole('link', { name: 'Sedi' }).click();
  await expect(page.getByRole('alert')).toContainText('La sessione è scaduta');
  await expect(page).toHaveURL(/\/console\/sites$/);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Sedi' })).toBeVisible();
});

test('a wrong site setting is named at its field in Italian and changes nothing; a stale tab is told', async ({
  page,
  context,
}) => {
  const email = await newReferente();
  await page.goto(`${hub.url}/console/sites`);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 2, name: 'Biblioteca civica' })).toBeVisible();
  const before = await hub.db.query("SELECT cursor FROM feed WHERE kind = 'siteSettings'");

  await page.getByLabel('Minuti di inattività prima del blocco').fill('999');
  await page.getByRole('button', { name: 'Salva le impostazioni' }).click();
  await expect(page.getByText('Scriva un numero di minuti da 1 a 120.')).toBeVisible();
  await expect(page.getByLabel('Minuti di inattività prima del blocco')).toBeFocused();
  expect(await hub.db.query("SELECT cursor FROM feed WHERE kind = 'siteSettings'")).toEqual(before);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/console-sites-error.png', fullPage: true });

  const other = await context.newPage();
  await other.goto(`${hub.url}/console/sites`);
  await other.getByLabel('Minuti di inattività prima del blocco').fill('20');
  await other.getByRole('button', { name: 'Salva le impostazioni' }).click();
  await expect(other.getByText('Impostazioni salvate')).toBeVisible();

  await page.getByLabel('Minuti di inattività prima del blocco').fill('15');
  await page.getByRole('button', { name: 'Salva le impostazioni' }).click();
  await expect(page.getByRole('alert')).toContainText('modificata nel frattempo');
  const [saved] = await hub.db.query<{ payload: { idleMinutes: number } }>(
    "SELECT payload FROM feed WHERE kind = 'siteSettings' AND key = $1",
    [hub.siteId],
  );
  expect(saved?.payload.idleMinutes).toBe(20);
});

test('enrollment codes: one is issued with its QR code, listed and revoked; axe and 200% text', async ({ page }) => {
  const email = await newReferente();
  await page.goto(`${hub.url}/console/codes`);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Codici di collegamento' })).toBeVisible();
  await page.getByRole('button', { name: 'Emetti un codice' }).click();
  const code = (await page.getByTestId('issued-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(page.getByRole('img', { name: `Codice QR del codice di collegamento ${code}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Esci' })).toBeInViewport();
  await expect(page.getByRole('link', { name: 'Sportelli' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/console-codes-200.png', fullPage: true });

  const open = page.getByRole('row').filter({ hasText: 'Valido' }).first();
  await open.getByRole('button', { name: /^Revoca il codice/ }).click();
  await expect(page.getByText('Codice revocato.')).toBeVisible();
  // The code no longer enrolls a desk.
  const answer = await fetch(`${hub.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId: crypto.randomUUID(), deskName: 'Nuovo' }),
  });
  expect(answer.status).toBe(401);
});

test('repeated wrong passwords lock the account and the page says until when; by keyboard alone', async ({ page }) => {
  const email = await newReferente();
  const browser = consoleClient(hub.url);
  for (let attempt = 0; attempt < 4; attempt += 1) await browser.signIn(email, 'wrong password');
  await page.goto(`${hub.url}/console/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accesso alla console' })).toBeVisible();
  // The language first, then the e-mail.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Indirizzo e-mail')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(/l'account è bloccato fino alle \d{2}:\d{2}\./);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/console-locked.png', fullPage: true });
});

test('the console speaks English too, and remembers the choice', async ({ page }) => {
  await page.goto(`${hub.url}/console/`);
  await page.getByRole('combobox', { name: 'Lingua' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the console' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Write the e-mail address.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the console' })).toBeVisible();
});

test('a hub admin adds an organisation and switches to it', async ({ page }) => {
  await makeAccount(hub.db, { email: 'it@consorzio.example.it', displayName: 'Paolo Bianchi' });
  await page.goto(`${hub.url}/console/sites`);
  await signIn(page, 'it@consorzio.example.it');
  await expect(page.getByRole('heading', { level: 1, name: 'Sedi' })).toBeVisible();
  await page.getByLabel("Nome dell'organizzazione").fill('Consorzio del Cremasco');
  await page.getByRole('button', { name: "Crea l'organizzazione" }).click();
  await expect(page.getByText('Organizzazione «Consorzio del Cremasco» creata.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organizzazione' })).toContainText('Consorzio del Cremasco');
  await expect(page.getByText('Nessuna sede ancora')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a referente exports Facilita for the organisation from a desk’s synced service, downloads it and marks it uploaded', async ({
  page,
}) => {
  const { desk, citizen } = await reportingDesk(hub);
  await newSession(desk.core, citizen.id, { details: 'assistenza SPID' });
  expect((await desk.sync()).unsent).toBe(0);
  desk.close();
  const email = await newReferente();
  await page.goto(`${hub.url}/console/facilita`);
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Esportazione per Facilita' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A period that ends before it starts is said at its field, and nothing is exported.
  await page.getByLabel('Al', { exact: true }).fill('2000-01-01');
  await page.getByRole('button', { name: 'Esporta' }).click();
  await expect(page.getByText('La fine del periodo viene prima del suo inizio.')).toBeVisible();
  await expect(page.getByLabel('Al', { exact: true })).toBeFocused();
  expect(await hub.db.query('SELECT id FROM facilita_exports')).toEqual([]);

  await page.getByLabel('Dal', { exact: true }).fill(today());
  await page.getByLabel('Al', { exact: true }).fill(today());
  await page.getByLabel('Al', { exact: true }).press('Enter');
  const result = page.getByTestId('facilita-result');
  await expect(page.getByRole('heading', { level: 2, name: "Esito dell'esportazione" })).toBeFocused();
  await expect(result).toContainText('Righe esportate: 1, in file: 1.');
  const download = page.waitForEvent('download');
  await result.getByRole('link', { name: 'CSV 1' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await expect(result.getByRole('link', { name: 'PDF da firmare 1' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/consolefacilita-result.png', fullPage: true });

  const row = page.getByRole('row', { name: /Giulia Rossi/ });
  await expect(row).toContainText('Hub');
  await row.getByRole('button', { name: 'Segna come caricato' }).click();
  await expect(page.getByText('Esportazione segnata come caricata su Facilita.')).toBeVisible();
  await expect(row).toContainText('Caricato il');

  // Again: nothing new in the period, said as the desk says it.
  await page.getByRole('button', { name: 'Esporta' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Niente da esportare' })).toBeFocused();
  await expect(page.getByText("Nel periodo scelto non c'è nessun servizio da esportare")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/consolefacilita-200.png', fullPage: true });
});
