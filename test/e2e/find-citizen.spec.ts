import { cf, sessionInput, workshopInput } from '../support/journal.ts';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('a returning citizen is found by surname and name; history and their page (visits and workshops) lead to each other', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  const lucia = await createCitizenOver(host, {
    codiceFiscale: cf({ first: 'Lucia', last: "D'Angelo Rossi" }),
    firstName: 'Lucìa',
    lastName: "D'Angelo Rossi",
  });
  await createCitizenOver(host, {
    codiceFiscale: cf({ first: 'Giorgio', last: 'Rossi', female: false }),
    firstName: 'Giorgio',
    lastName: 'Rossi',
  });
  const visit = await rpc<{ id: string }>(host, 'sessions.create', sessionInput(lucia.id));
  // Lucia also came to a workshop (checked in): her attendance is found on her page.
  const workshop = await rpc<{ id: string }>(host, 'workshops.create', workshopInput());
  const roster = await rpc<{ participants: { id: string }[] }>(host, 'workshops.addParticipant', {
    workshopId: workshop.id,
    citizenId: lucia.id,
  });
  await rpc(host, 'workshops.checkIn', {
    workshopId: workshop.id,
    participantId: roster.participants[0]?.id,
    checkedIn: true,
  });

  // The picker: the words of a name, in any order, without the accent or the apostrophe typed.
  await openJournal(page, host, 'journal/session');
  const box = page.getByLabel('Codice fiscale del cittadino, o cognome e nome');
  await box.fill("lucia d'angelo");
  await box.press('Enter');
  const match = page.getByRole('alert').filter({ hasText: "D'Angelo Rossi Lucìa" });
  await expect(match).toContainText('è già venuto 1 volta');
  await expect(match).toContainText(`codice fiscale ${cf({ first: 'Lucia', last: "D'Angelo Rossi" })}, Cremona`);
  await expect(page.getByRole('button', { name: 'Usa', exact: true })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await box.fill('Rossi');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(page.getByRole('button', { name: 'Usa', exact: true })).toHaveCount(2);
  await box.fill('Verdi');
  await box.press('Enter');
  await expect(page.getByText('Nessun cittadino registrato con questo nome.')).toBeVisible();
  await box.fill("lucia d'angelo");
  await box.press('Enter');
  await page.getByRole('button', { name: 'Usa', exact: true }).click();
  await expect(page.getByTestId('picked-citizen')).toHaveText(/D'Angelo Rossi Lucìa/);

  // History: the name opens the citizen, whose page lists the visit, which opens the session.
  await page.goto(`${host.url}/#/journal/history`);
  await page.getByRole('link', { name: "D'Angelo Rossi Lucìa" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dati del cittadino e diritti');
  const visits = page.getByRole('region', { name: 'Le sue assistenze e i laboratori frequentati' });
  await expect(visits.getByRole('link')).toHaveCount(2);
  await expect(visits.getByRole('link', { name: /laboratorio «SPID per tutti» · presente/ })).toHaveAttribute(
    'href',
    `#/journal/workshop/${workshop.id}`,
  );
  await expectNoAxeViolations(page);
  await visits.getByRole('link').filter({ hasNotText: 'laboratorio' }).click();
  await expect(page).toHaveURL(new RegExp(`#/journal/session/${visit.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Assistenza del /);
});
