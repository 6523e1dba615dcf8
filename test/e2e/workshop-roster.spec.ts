import { cf, today, workshopInput } from '../support/journal.ts';
import { createCitizenOver, openJournal, rpc, setCutoffOver, setUpDeskOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const mario = cf({ first: 'Mario', last: 'Rossi', female: false, day: 3 });
const anna = cf({ first: 'Anna', last: 'Neri', day: 4 });
const lia = cf({ first: 'Lia', last: 'Nuova', day: 9 });

/** The trainer's spreadsheet as Italian Excel saves it: `;`, a BOM, one known citizen, one bad code. */
const rosterCsv = () =>
  '\uFEFF' +
  [
    'Cognome;Nome;Codice fiscale;Telefono;Email',
    `Rossi;Mario;${mario};333 1112223;mario.rossi@example.org`,
    `Bianchi;Maria;${cf()};;`,
    'Verdi;Luigi;RSSMRA80A01H50;;',
    `Neri;Anna;${anna};;`,
  ].join('\r\n');

test('a trainer imports the roster from a CSV, then adds an arrival by codice fiscale with the keyboard', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await setCutoffOver(host, today());
  await createCitizenOver(host);
  const workshop = await rpc<{ id: string }>(host, 'workshops.create', workshopInput());
  await openJournal(page, host, `journal/workshop/${workshop.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Partecipanti (0)' })).toBeVisible();

  // The file input, then the preview: each row with what will happen, nothing saved yet.
  await page
    .getByLabel("Scegli il file dell'elenco (CSV o Excel)")
    .setInputFiles({ name: 'iscritti.csv', mimeType: 'text/csv', buffer: Buffer.from(rosterCsv()) });
  const preview = page.getByRole('table', { name: /Cosa succederà a ogni riga/ });
  await expect(preview.getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('heading', { name: 'Anteprima: 4 righe' })).toBeFocused();
  await expect(preview).toContainText('Nuovo cittadino: registrato con il profilo da completare e aggiunto');
  await expect(preview).toContainText('Già registrato come Bianchi Maria: aggiunto');
  await expect(preview).toContainText('Codice fiscale non valido: controlli le 16 lettere e cifre.');
  await expect(page.getByRole('heading', { level: 2, name: 'Partecipanti (0)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/roster-preview.png', fullPage: true });

  await page.getByRole('button', { name: 'Importa 3 partecipanti' }).click();
  await expect(page.getByRole('heading', { name: "3 partecipanti aggiunti all'elenco." })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Partecipanti (3)' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Righe non importate/ })).toContainText('RSSMRA80A01H50');
  await expect(page.getByRole('link', { name: /completi il profilo di Rossi Mario/ })).toBeVisible();

  // An arrival on the day: the code only, Enter, and back into the empty field for the next one.
  const code = page.getByLabel('Codice fiscale', { exact: true });
  await code.focus();
  await page.keyboard.type(lia);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'registrato e aggiunto' })).toContainText(
    `${lia} registrato e aggiunto all'elenco: profilo da completare.`,
  );
  await expect(code).toBeFocused();
  await expect(code).toHaveValue('');
  await expect(page.getByRole('heading', { level: 2, name: 'Partecipanti (4)' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `${lia} presente` })).toBeVisible();

  // A bad code is said at the field, and nothing is added.
  await page.keyboard.type('XYZ');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Il codice fiscale ha 16 caratteri.').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Partecipanti (4)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/roster-arrival.png', fullPage: true });

  // The citizen's page says the profile is to complete.
  await page.getByRole('link', { name: new RegExp(`completi il profilo di ${lia}`) }).click();
  await expect(page.getByText(/Profilo da completare: questa persona/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/roster-citizen.png', fullPage: true });

  // At 200% text the roster screen keeps to the window's width.
  await rpc(host, 'settings.set', { textScale: 200 });
  await page.goto(`${host.url}/#/journal/workshop/${workshop.id}`);
  await expect(page.locator('html')).toHaveCSS('font-size', '32px');
  await expect(page.getByRole('heading', { level: 2, name: 'Partecipanti (4)' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await rpc(host, 'settings.set', { textScale: 100 });

  // Checked in and closed, the arrival is listed in the export preview with whose profile to complete.
  const roster = await rpc<{ participants: { id: string; name: string }[] }>(host, 'workshops.get', {
    id: workshop.id,
  });
  const arrival = roster.participants.find((participant) => participant.name === lia);
  await rpc(host, 'workshops.checkIn', { workshopId: workshop.id, participantId: arrival?.id, checkedIn: true });
  await rpc(host, 'workshops.close', { id: workshop.id });
  await openJournal(page, host, 'facilita');
  await page.getByLabel('Dal', { exact: true }).fill(today());
  await page.getByLabel('Al', { exact: true }).fill(today());
  await page.getByRole('button', { name: 'Controlla' }).click();
  const apart = page.getByRole('region', { name: 'Servizi che non arriveranno mai a Facilita' });
  await expect(apart.getByRole('link', { name: `Completi il profilo di ${lia}` })).toBeVisible();
  await expect(apart.getByRole('row', { name: /Profilo da completare/ })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/roster-facilita.png', fullPage: true });
});
