import { cf, COORDINATOR_PIN } from '../support/journal.ts';
import { chooseOptions, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { focused } from '../support/keyboard.ts';
import { expect, openApp, test } from './fixtures.ts';

test('focus goes where the work continues: sign-in, new session, new citizen, save, start a guide', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await rpc(host, 'journal.signOut');
  await openApp(page, host);
  await page.goto(`${host.url}/#/journal`);
  await page.getByLabel('PIN').fill(COORDINATOR_PIN);
  await page.getByLabel('PIN').press('Enter');
  await expect.poll(() => focused(page)).toBe('h1: Registro delle assistenze');

  await page.getByRole('link', { name: 'Nuova assistenza' }).click();
  await expect.poll(() => focused(page)).toMatch(/^input: Codice fiscale del cittadino/);
  await page.keyboard.type(cf({ first: 'Giuseppe', last: 'Russo', female: false, year: 1948 }));
  await page.keyboard.press('Enter');
  await page.getByLabel('Nome', { exact: true }).fill('Giuseppe');
  await page.getByLabel('Cognome', { exact: true }).fill('Russo');
  await chooseOptions(page, [
    ['Titolo di studio', 'Licenza media'],
    ['Condizione lavorativa', 'Pensionato'],
    ['Provincia di domicilio', 'Cremona'],
  ]);
  await page.getByRole('button', { name: 'Registra il cittadino' }).click();
  await expect.poll(() => focused(page)).toMatch(/^p: Cittadino: Russo Giuseppe/);

  await page.getByRole('checkbox', { name: 'App IO', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Identità digitale (SPID, CIE, CNS)' }).check();
  await page.getByLabel('Durata (hh:mm)').fill('00:30');
  await page.getByLabel('Dettagli del servizio').fill('Primo accesso ad App IO');
  await page.getByRole('radio', { name: 'Risolto', exact: true }).check();
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect.poll(() => focused(page)).toMatch(/^h1: Assistenza del /);

  await openJournal(page, host, 'guides');
  await page
    .getByRole('button', { name: /^Inizia la guida: / })
    .first()
    .click();
  await expect.poll(() => focused(page)).not.toBe('body');
});
