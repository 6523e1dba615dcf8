import { cf, COORDINATOR_PIN } from '../support/journal.ts';
import { openJournal, registerGiuseppeRusso, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
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
  await registerGiuseppeRusso(page);
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

test('a group of options is one tab stop: arrows move inside it, Space ticks, Tab goes on to the next group', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/session');
  const duration = page.getByLabel('Durata (hh:mm)');
  await duration.focus();

  // Tabs from the duration to the outcome: the session's 37 checkboxes were 37 stops of them.
  const onOutcome = () =>
    page.evaluate(() => {
      const group = document.activeElement?.closest('[role="radiogroup"]');
      const label = group?.getAttribute('aria-labelledby');
      return label ? document.getElementById(label)?.textContent === 'Esito' : false;
    });
  let tabs = 0;
  while (!(await onOutcome()) && tabs < 80) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  console.log(`Tabs from the duration to the outcome: ${tabs}`);
  expect(tabs).toBeLessThan(12);

  const areas = page.getByRole('group', { name: 'Servizi pubblici digitali' });
  const first = areas.getByRole('checkbox').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = areas.getByRole('checkbox').nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('Space');
  await expect(second).toBeChecked();
  await expect(first).not.toBeChecked();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  // The group is entered again where the person left it.
  await expect(second).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('group', { name: 'Competenze digitali' }).getByRole('checkbox').first()).toBeFocused();
});
