import { launchHost } from '../support/host-process.ts';
import { COORDINATOR_PIN, cf, sessionInput } from '../support/journal.ts';
import {
  chooseOptions,
  registerGiuseppeRusso,
  createCitizenOver,
  insertFinishedRun,
  openJournal,
  rpc,
  setUpDeskOver,
} from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

/** A session's title reads its day as Italians write it ("Assistenza del 1° dicembre 2026"), never ISO. */
const ITALIAN_DAY_TITLE =
  /^Assistenza del \d{1,2}°? (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \d{4}$/;

test('first start: the coordinator sets up the desk, locks it and signs in again', async ({ page, host }) => {
  await page.goto(`${host.openUrl}#/journal`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prima configurazione');
  await expectNoAxeViolations(page);
  await page.getByLabel('Nome della sede su Facilita').fill('Punto Digitale Facile Cremona Centro');
  await page.getByLabel('ID della sede su Facilita').fill('12345');
  await page.getByLabel('Ente').fill('Comune di Cremona');
  await page.getByLabel('Provincia').fill('CR');
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.getByLabel('Nome e cognome').fill('Anna Verdi');
  await page
    .getByLabel('ID su Facilita (codice fiscale)')
    .fill(cf({ first: 'Anna', last: 'Verdi', year: 1980 }).toLowerCase());
  await page.getByLabel('Nominativo su Facilita').fill('Verdi Anna');
  await page.getByLabel('PIN', { exact: true }).fill(COORDINATOR_PIN);
  await page.getByRole('button', { name: 'Avanti' }).click();

  // Step 3: the recovery key, typed back in part before set-up may finish.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Passo 3 di 3: la chiave di recupero');
  const recoveryKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scarica il PDF da stampare' }).click();
  expect((await download).suggestedFilename()).toMatch(/^passopasso-recovery-key-.*\.pdf$/);
  const confirm = page.getByLabel('Scriva gli ultimi 2 gruppi della chiave');
  await confirm.fill(recoveryKey.slice(0, 9));
  await page.getByRole('button', { name: 'Completa la configurazione' }).click();
  await expect(page.getByText('Questi non sono gli ultimi gruppi della chiave')).toBeVisible();
  await confirm.fill(recoveryKey.slice(-9).toLowerCase());
  await page.getByRole('button', { name: 'Completa la configurazione' }).click();
  await expect(page.getByTestId('signed-in-operator')).toHaveText('Operatore: Anna Verdi (Coordinatore)');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registro delle assistenze');

  await page.getByRole('button', { name: 'Blocca' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accesso operatore');
  await expectNoAxeViolations(page);
  await page.getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: 'Entra' }).click();
  await expect(page.getByRole('status')).toContainText('PIN o password sbagliati. Tentativi rimasti: 4.');
  await page.getByLabel('PIN').fill(COORDINATOR_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-operator')).toBeVisible();
});

test('a full session with a guide run: new citizen, pre-filled codes, saved and reportable', async ({ page, host }) => {
  await setUpDeskOver(host);
  const runId = '01900000-0000-7000-8000-0000000000aa';
  insertFinishedRun(host, runId);
  await openJournal(page, host);
  await page.getByRole('link', { name: 'Nuova assistenza' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuova assistenza');
  await expectNoAxeViolations(page);

  const code = cf({ first: 'Giuseppe', last: 'Russo', female: false, year: 1948 });
  await page.getByLabel('Codice fiscale del cittadino').fill(code);
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(page.getByRole('group', { name: 'Nuovo cittadino' })).toBeVisible();
  await registerGiuseppeRusso(page);
  await expect(page.getByTestId('picked-citizen')).toHaveText(/Russo Giuseppe/);

  await page.getByLabel(/Primo accesso ad App IO/).check();
  await expect(page.getByRole('checkbox', { name: 'App IO', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Identità digitale (SPID, CIE, CNS)' })).toBeChecked();
  await page.getByLabel('Durata (hh:mm)').fill('00:40');
  await page.getByLabel('Dettagli del servizio').fill('Primo accesso ad App IO con la CIE');
  await expect(page.getByText('34 di 600 caratteri')).toBeVisible();
  await page.getByRole('radio', { name: 'Risolto', exact: true }).check();
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ITALIAN_DAY_TITLE);
  await expect(page.getByTestId('audit-trail')).toContainText('Versione 1: creata da Anna Coordinatrice');
  await expectNoAxeViolations(page);
  const page1 = await rpc<{ items: { reportable: boolean; citizenName: string }[] }>(host, 'history.search', {});
  expect(page1.items[0]).toMatchObject({ reportable: true, citizenName: 'Russo Giuseppe' });
  expect(await rpc(host, 'sessions.guideRuns')).toEqual([]);
});

test('quick log: area, outcome, save and new — three interactions', async ({ page, host }) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/quick');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrazione rapida');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Pagamenti pagoPA' }).click();
  await page.getByRole('button', { name: 'Risolto in parte' }).click();
  await page.getByRole('button', { name: 'Salva e nuova' }).click();
  await expect(page.getByRole('status')).toContainText('Salvata: Pagamenti pagoPA, del ');
  await expect(page.getByRole('status')).toContainText('1 registrazione');
  await expect(page.getByRole('button', { name: 'Pagamenti pagoPA' })).toHaveAttribute('aria-pressed', 'false');
  const history = await rpc<{ items: { serviceAreas: string[]; outcome: string; duration: string }[] }>(
    host,
    'history.search',
    {},
  );
  expect(history.items).toEqual([
    expect.objectContaining({ serviceAreas: ['B'], outcome: 'partial', duration: '00:15' }),
  ]);
});

test('a workshop with five participants: roster, check-in, close after a confirmation, reopen', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  const codes = [1, 2, 3, 4, 5].map((day) => cf({ day, first: 'Lucia', last: 'Gallo' }));
  for (const [index, code] of codes.entries())
    await createCitizenOver(host, { codiceFiscale: code, firstName: `Lucia${'abcde'[index]}`, lastName: 'Gallo' });
  await openJournal(page, host, 'journal/workshops');
  await expectNoAxeViolations(page);
  await page.getByLabel('Titolo').fill('SPID per tutti');
  await page.getByLabel('Luogo').fill('Biblioteca civica');
  await page.getByRole('checkbox', { name: 'Nessuno di questi' }).check();
  await page.getByRole('checkbox', { name: 'Identità digitale (SPID, CIE, CNS)' }).check();
  await page.getByRole('button', { name: 'Programma il laboratorio' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SPID per tutti');
  for (const code of codes) {
    await page.getByLabel('Codice fiscale del cittadino').fill(code);
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByRole('button', { name: 'Usa', exact: true }).click();
    await expect(page.getByLabel('Codice fiscale del cittadino')).toHaveValue('');
  }
  await expect(page.getByRole('heading', { name: 'Partecipanti (5)' })).toBeVisible();
  await expectNoAxeViolations(page);
  for (const letter of 'abcde') {
    const box = page.getByRole('checkbox', { name: `Gallo Lucia${letter} presente` });
    await box.click();
    await expect(box).toBeChecked();
  }
  const close = page.getByRole('button', { name: 'Chiudi il laboratorio' });
  await close.click();
  const asked = page.getByRole('dialog', { name: 'Chiudere il laboratorio?' });
  await expect(asked).toContainText(
    'Risultano presenti 5 persone su 5. Chiudendo si preparano 5 righe per Facilita. Potrà riaprirlo finché non lo esporta.',
  );
  await expectNoAxeViolations(page);
  await asked.getByRole('button', { name: 'Annulla' }).click();
  await expect(asked).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Gallo Luciaa presente' })).toBeEnabled();
  await close.click();
  await asked.getByRole('button', { name: 'Sì, chiudi' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Laboratorio chiuso: 5 righe per Facilita.' })).toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'Gallo Luciaa presente' })).toBeDisabled();
  // Closed by mistake: reopened, the roster can be changed again.
  await page.getByRole('button', { name: 'Riapri il laboratorio' }).click();
  await expect(close).toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'Gallo Luciaa presente' })).toBeEnabled();
});

test('the duplicate warning appears before saving a row Facilita would reject', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  await rpc(host, 'sessions.create', sessionInput(citizen.id));
  await openJournal(page, host, 'journal/session');
  await page.getByLabel('Codice fiscale del cittadino').fill(cf());
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(page.getByText(/è già venuto 1 volta/)).toContainText(/l'ultima il \d{1,2}°? [a-z]+ \d{4}/);
  await page.getByRole('button', { name: 'Usa', exact: true }).click();
  await page.getByLabel('Durata (hh:mm)').fill('00:30');
  await page.getByRole('checkbox', { name: 'App IO', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Cittadinanza digitale (servizi pubblici, pagamenti)' }).check();
  await page.getByRole('checkbox', { name: 'Identità digitale (SPID, CIE, CNS)' }).check();
  await page.getByLabel('Dettagli del servizio').fill('Attivazione App IO con CIE');
  await page.getByRole('radio', { name: 'Risolto', exact: true }).check();
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Possibile doppione' });
  await expect(dialog).toBeVisible();
  // It names the session it matches.
  await expect(dialog).toContainText('registrata da Anna Coordinatrice');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Torna a modificare' }).click();
  await page.getByLabel('Durata (hh:mm)').fill('1:5');
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(
    page.getByText('Scriva la durata come hh:mm (ad esempio 00:30) o in minuti (ad esempio 30).'),
  ).toBeVisible();
  await page.getByLabel('Durata (hh:mm)').fill('00:30');
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await dialog.getByRole('button', { name: 'Salva comunque' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ITALIAN_DAY_TITLE);
});

test('an edit makes a new version with its audit entry; every journal screen passes axe', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  const saved = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(citizen.id));
  await openJournal(page, host, `journal/session/${saved.id}`);
  await page.getByLabel('Durata (hh:mm)').fill('00:45');
  await page.getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(page.getByRole('status')).toContainText('Assistenza salvata.');
  await expect(page.getByTestId('audit-trail')).toContainText('Versione 2: modificata da Anna Coordinatrice');
  await expect(page.getByTestId('audit-trail')).toContainText('durata: 00:30 → 00:45');

  for (const [route, title] of [
    ['journal', 'Registro delle assistenze'],
    ['journal/history', 'Storico'],
    ['journal/admin', 'Operatori e sede'],
    [`journal/citizen/${citizen.id}`, 'Dati del cittadino e diritti'],
  ] as const) {
    await page.goto(`${host.url}/#/${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('signed-in-operator')).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dati del cittadino e diritti');
  await page.getByRole('button', { name: 'Esporta in PDF' }).click();
  await expect(page.getByRole('status')).toContainText('.pdf');
});

test('at 200% text the journal screens do not overflow; a citizen can be corrected', async ({ page, host }) => {
  await setUpDeskOver(host);
  const citizen = await createCitizenOver(host);
  await rpc(host, 'settings.set', { textScale: 200 });
  await openJournal(page, host);
  for (const route of [
    'journal',
    'journal/session',
    'journal/quick',
    'journal/history',
    'journal/workshops',
    'journal/admin',
  ]) {
    await page.goto(`${host.url}/#/${route}`);
    await expect(page.getByTestId('signed-in-operator')).toBeVisible();
    await expect(page.locator('html')).toHaveCSS('font-size', '32px');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
  await rpc(host, 'settings.set', { textScale: 100 });
  await page.goto(`${host.url}/#/journal/citizen/${citizen.id}`);
  await page.getByRole('button', { name: 'Correggi i dati' }).click();
  await page.getByLabel('Nome', { exact: true }).fill('Mariangela');
  await page.getByRole('button', { name: 'Salva le correzioni' }).click();
  await expect(page.getByText('Dati del cittadino corretti.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Mariangela' })).toBeVisible();
});

test('kill -9 while a session is being typed: never reported saved, nothing lost, offered back after a restart', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await openJournal(page, host, 'journal/session');
  const code = cf({ first: 'Giuseppe', last: 'Russo', female: false, year: 1948 });
  await page.getByLabel('Codice fiscale del cittadino').fill(code);
  await page.getByRole('button', { name: 'Cerca' }).click();
  await page.getByLabel('Nome', { exact: true }).fill('Giuseppe');
  await page.getByLabel('Cognome', { exact: true }).fill('Russo');
  await chooseOptions(page, [['Titolo di studio', 'Licenza media']]);
  await page.getByLabel('Dettagli del servizio').fill('Recupero PUK della CIE: manca la lettera');
  await page.getByRole('checkbox', { name: 'Pagamenti pagoPA' }).check();
  await expect(page.getByText('Bozza salvata automaticamente.')).toBeVisible();
  // The draft holds the picker's codice fiscale and the new citizen's form too; then the desk dies.
  await expect
    .poll(async () => JSON.stringify(await rpc<{ form: unknown }[]>(host, 'drafts.list')))
    .toMatch(new RegExp(`${code}.*Russo|Russo.*${code}`));
  await host.kill9();

  // Typing goes on: the form says the draft is not saved, and what to do in browser mode.
  await page.getByLabel('Note private').fill('Tornerà giovedì');
  const unsaved = page.getByRole('alert').filter({ hasText: 'La bozza non è salvata' });
  await expect(unsaved).toContainText('npm start');
  await expect(unsaved).not.toContainText('Riprovi tra poco');
  await expect(page.getByText('Bozza salvata automaticamente.')).toBeHidden();
  await expect(page.getByLabel('Note private')).toHaveValue('Tornerà giovedì');
  await expectNoAxeViolations(page);
  // The page's own copy is encrypted: nothing the citizen said is in the browser's storage in clear.
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(stored).not.toBe('{}');
  for (const clear of ['Russo', 'Giuseppe', code, 'giovedì', 'PUK']) expect(stored).not.toContain(clear);

  // Restarted (browser mode comes back on the same address), the last words typed are offered back.
  const again = await launchHost({ dataDir: host.dataDir, port: host.port });
  try {
    await openJournal(page, again);
    await expect(page.getByText(/non è stata salvata/)).toHaveCount(1);
    await page.getByRole('link', { name: 'Riprendi' }).click();
    await expect(page.getByLabel('Dettagli del servizio')).toHaveValue('Recupero PUK della CIE: manca la lettera');
    await expect(page.getByLabel('Note private')).toHaveValue('Tornerà giovedì');
    await expect(page.getByRole('checkbox', { name: 'Pagamenti pagoPA' })).toBeChecked();
    await expect(page.getByLabel('Codice fiscale del cittadino')).toHaveValue(code);
    await expect(page.getByLabel('Nome', { exact: true })).toHaveValue('Giuseppe');
    await expect(page.getByLabel('Cognome', { exact: true })).toHaveValue('Russo');
    await expect(page.getByLabel('Titolo di studio')).toHaveText('Licenza media');
    await chooseOptions(page, [
      ['Condizione lavorativa', 'Pensionato'],
      ['Provincia di domicilio', 'Cremona'],
    ]);
    await page.getByRole('button', { name: 'Registra il cittadino' }).click();
    await expect(page.getByTestId('picked-citizen')).toHaveText(/Russo Giuseppe/);
  } finally {
    await again.stop();
  }
});
