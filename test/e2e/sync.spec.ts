import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FieldCipher } from '../../main/core/crypto/field-cipher.ts';
import { fileKeyVault } from '../../main/core/keys/key-vault.ts';
import { recordChange } from '../../main/core/outbox/outbox.ts';
import { enrollDevice, GENERIC_ENTITY, hubPost, makeChange, startTestHub, type TestHub } from '../support/hub.ts';
import { signInOver } from '../support/journal-e2e.ts';
import { expect, expectNoAxeViolations, openApp, test } from './fixtures.ts';

let hub: TestHub;
test.beforeAll(async () => {
  hub = await startTestHub('pglite');
});
test.afterAll(() => hub?.close());

/** Writes changes into the running desk's own database, as the journal would (same transaction, encrypted payload). */
const writeOnDesk = (
  dataDir: string,
  changes: { recordId: string; version: number; payload: Record<string, unknown> }[],
) => {
  const db = new Database(join(dataDir, 'passopasso.sqlite'));
  const read = fileKeyVault(dataDir).readNow();
  if (read.kind !== 'key') throw new Error('The desk has no key file');
  const cipher = new FieldCipher(read.key);
  db.transaction(() => {
    for (const change of changes) {
      recordChange(db, cipher, {
        entity: GENERIC_ENTITY,
        recordId: change.recordId,
        op: 'upsert',
        version: change.version,
        baseVersion: change.version > 1 ? change.version - 1 : null,
        payload: change.payload,
      });
    }
  })();
  db.close();
};

test('enroll in Settings, see status in the status bar, fix a rejected and a conflicting change on the Sync screen', async ({
  page,
  host,
}) => {
  // Sync problems hold citizens' data: the Sync screen is behind sign-in, and settling them is the coordinator's.
  await signInOver(host);
  await openApp(page, host);
  const statusBar = page.getByTestId('sync-status');
  await expect(statusBar).toContainText('non collegata');

  await page.goto(`${host.url}/#/settings`);
  await page.getByLabel('Indirizzo dell’hub').or(page.getByLabel("Indirizzo dell'hub")).fill('http://hub.example.org');
  await page.getByLabel('Codice di collegamento').fill('ABCD-EFGH-JKLM');
  await page.getByRole('button', { name: 'Collega la postazione' }).click();
  await expect(page.getByTestId('enroll-feedback')).toContainText('https://');

  await page.getByLabel("Indirizzo dell'hub").fill(hub.url);
  await page.getByLabel('Codice di collegamento').fill(await hub.issueCode());
  await page.getByRole('button', { name: 'Collega la postazione' }).click();
  await expect(page.getByText('Postazione collegata a Comune di Prova – Biblioteca civica.')).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByTestId('sync-online')).toHaveText('In linea');

  // Another desk already changed "shared" to version 2; this desk edits version 1 too, and writes an oversized record.
  const other = await enrollDevice(hub);
  await hubPost(hub, '/push', other.token, {
    deviceId: other.deviceId,
    previousSeq: 0,
    backlog: 0,
    changes: [makeChange(1, 'shared', 1, { name: 'Rosa' }), makeChange(2, 'shared', 2, { name: 'Rosa Bianchi' })],
  });
  writeOnDesk(host.dataDir, [
    { recordId: 'shared', version: 2, payload: { name: 'Rosa B.', phone: '333' } },
    { recordId: 'huge', version: 1, payload: { notes: 'x'.repeat(300 * 1024) } },
  ]);

  await statusBar.getByRole('link', { name: 'Sincronizzazione' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Sincronizzazione con l'hub");
  await page.getByRole('button', { name: 'Sincronizza ora' }).click();
  const problems = page.getByTestId('sync-problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.filter({ hasText: 'Rifiutata' })).toContainText('il record è troppo grande');
  await expect(problems.filter({ hasText: 'In conflitto' })).toContainText('Rosa Bianchi');
  await expect(page.getByTestId('sync-unsent')).toHaveText('Da inviare: 2');
  // "Sync now" is enabled again (no fade: the e2e browser asks for reduced motion): check contrast.
  await expect(page.getByRole('button', { name: 'Sincronizza ora' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Sincronizza ora' })).toHaveCSS('transition-property', 'none');
  await expectNoAxeViolations(page);

  // Keyboard only: reach "Tieni la mia versione" and press Enter.
  const keepMine = page.getByRole('button', { name: 'Tieni la mia versione' });
  await keepMine.focus();
  await page.keyboard.press('Enter');
  await expect(problems).toHaveCount(1);
  await page.getByRole('button', { name: 'Sincronizza ora' }).click();
  await expect(page.getByTestId('sync-unsent')).toHaveText('Da inviare: 1');
  expect((await hub.records()).get(`${GENERIC_ENTITY}/shared`)?.payload).toEqual({ name: 'Rosa B.', phone: '333' });

  // English is complete too.
  await page.goto(`${host.url}/#/settings`);
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await page.getByTestId('sync-status').getByRole('link', { name: 'Sync' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sync with the hub');
  await expect(page.getByTestId('sync-problem')).toContainText('the record is too large');
});
