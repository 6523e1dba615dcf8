import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readCodiceFiscale } from '../../main/core/facilita/codice-fiscale.ts';
import { FACILITA_COLUMNS } from '../../shared/facilita/codes.ts';
import { createCitizenOver, openJournal, rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { sessionInput } from '../support/journal.ts';
import { pdfText } from '../support/pdf-text.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('export for Facilita from the UI: check, export, download, every row follows the format', async ({
  page,
  host,
}) => {
  await setUpDeskOver(host);
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
  await expect(page.getByText('Esportate 2 righe in 1 file.')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV 1' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(FACILITA_COLUMNS.join(','));
  expect(lines).toHaveLength(3);
  expect(csv).toContain('"Pagamento avviso, con ""PagoPA"""');
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
  await expect(page.getByText(/Caricato il \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expectNoAxeViolations(page);
});
