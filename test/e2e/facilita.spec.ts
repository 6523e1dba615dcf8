import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readCodiceFiscale } from '../../main/core/facilita/codice-fiscale.ts';
import { FACILITA_COLUMNS } from '../../shared/facilita/codes.ts';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { addDays } from '../../main/core/journal/journal-context.ts';
import { csvField } from '../../main/core/export/facilita/csv.ts';
import { sessionInput, siteInput } from '../support/journal.ts';
import { pdfText } from '../support/pdf-text.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const localToday = () => {
  const today = new Date();
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
};

const setSite = async (host: Parameters<typeof rpc>[0], overrides: Record<string, unknown>) => {
  const site = await rpc<{ version: number }>(host, 'site.get', {});
  await rpc(host, 'site.update', { ...siteInput(overrides), baseVersion: site.version });
};

test('export for Facilita from the UI: check, export, download, every row follows the format', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
  await setSite(host, { cutoffDate: localToday() });
  const citizen = await createCitizenOver(host);
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { details: 'Pagamento avviso, con "PagoPA"' }));
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { duration: '01:15', serviceAreas: ['B', 'A'] }));

  await openJournal(page, host, 'facilita');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Esportazione per Facilita');
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Dal', { exact: true }).fill(iso);
  await page.getByLabel('Al', { exact: true }).fill(iso);
  await page.getByRole('button', { name: 'Controlla' }).click();
  await expect(page.getByText('Pronti per Facilita: 2')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Esporta', exact: true }).click();
  await expect(page.getByText('Righe esportate: 2, in file: 1.')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV 1' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(FACILITA_COLUMNS.join(','));
  expect(lines).toHaveLength(3);
  // Quotes removed, as Facilita stores the field.
  expect(csv).toContain('"Pagamento avviso, con PagoPA"');
  for (const line of lines.slice(1)) {
    expect(readCodiceFiscale(line.split(',')[6] ?? '')).not.toBeNull();
    expect(line).toMatch(new RegExp(`,${iso},(00:30|01:15),`));
  }

  // The PDF to sign is made on request and states the CSV's SHA-256.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF da firmare 1' }).click();
  const pdf = pdfText(readFileSync(await (await pdfDownload).path())).text.replace(/\s+/g, '');
  expect(pdf).toContain(createHash('sha256').update(csv).digest('hex'));

  await page.getByRole('button', { name: 'Segna come caricato' }).click();
  await expect(page.getByText(/Caricato il \d{1,2}°? \p{L}+ \d{4}/u)).toBeVisible();
  await expectNoAxeViolations(page);

  // Exporting the period again: nothing new, and the screen says which went out, when and by whom.
  await page.getByRole('button', { name: 'Esporta', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'già esportati' });
  await expect(notice).toHaveText(/2 servizi già esportati il \d{1,2}°? \p{L}+ \d{4} da .+: includerli di nuovo\?/u);
  await expectNoAxeViolations(page);
  await notice.getByRole('button', { name: 'Includi di nuovo' }).click();
  await expect(page.getByText('Righe esportate: 2, in file: 1.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /già esportat/ })).toBeChecked();
});

test('the cut-off, held rows, the discard report and the rectification file, in the UI', async ({ page, host }) => {
  await setUpDeskOver(host);
  await setSite(host, { backdateDays: 60 });
  const today = localToday();
  const [year, month] = today.split('-').map(Number);
  const lastOfPrevious = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 0)).toISOString().slice(0, 10);
  const citizen = await createCitizenOver(host);
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { date: lastOfPrevious, details: 'sul limite' }));
  await rpc(host, 'sessions.create', sessionInput(citizen.id, { date: today, details: 'dopo il limite' }));

  await openJournal(page, host, 'facilita');
  await page.getByLabel('Dal', { exact: true }).fill(addDays(today, -40));
  await page.getByLabel('Al', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Controlla' }).click();
  await expect(page.getByText('Pronti per Facilita: 1', { exact: false })).toBeVisible();
  const monthName = new Intl.DateTimeFormat('it', { month: 'long', year: 'numeric' }).format(
    new Date(`${today}T12:00:00`),
  );
  const cutoffText = new Intl.DateTimeFormat('it', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${lastOfPrevious}T12:00:00Z`),
  );
  await expect(page.getByText(`${cutoffText}: ultimo giorno del mese precedente`, { exact: false })).toBeVisible();
  await expect(
    page.getByText(`1 servizio di ${monthName} diventa caricabile quando Facilita sposta la data limite`),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/facilita-held.png', fullPage: true });

  await page.getByRole('button', { name: 'Esporta', exact: true }).click();
  await expect(page.getByText('Righe esportate: 1, in file: 1.', { exact: false })).toBeVisible();
  await expect(page.getByText('Inviate 1; report delle righe scartate non ancora importato.')).toBeVisible();

  // Facilita discards the row: its report, numbered from 1 with the header counted.
  const [entry] = await rpc<{ id: string; files: { name: string }[] }[]>(host, 'facilita.list', {});
  const file = await rpc<{ base64: string }>(host, 'facilita.file', {
    exportId: entry?.id,
    name: entry?.files[0]?.name,
  });
  const [, row] = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n');
  const cells = (row ?? '').split(',');
  cells[6] = '';
  const report = `numeroRiga;note;${FACILITA_COLUMNS.join(';')}\n2;Il facilitatore non e' presente su Facilita;${cells.map(csvField).join(';')}\n`;
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'report-righe-scartate.csv', mimeType: 'text/csv', buffer: Buffer.from(report) });
  await expect(
    page.getByText('Report importato: 1 righe riconosciute, 0 non riconosciute.', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('Inviate 1 · caricate 0 · scartate 1 · corrette 0 · rimandate 0')).toBeVisible();
  await page.getByRole('button', { name: 'Mostra le righe scartate' }).click();
  await expect(page.getByRole('cell', { name: 'Facilita non trova il facilitatore.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/facilita-discards.png', fullPage: true });

  await page.getByRole('button', { name: 'Esporta il file di rettifica' }).click();
  await expect(page.getByText('File di rettifica esportato: 1 riga.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Annulla' })).toBeHidden();
  await expect(page.getByText('file di rettifica', { exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'rimandata' })).toBeVisible();
  await page.screenshot({ path: 'test-results/facilita-rectified.png', fullPage: true });
  // No raw ids on the screen.
  expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
});
