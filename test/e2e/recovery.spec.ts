import { randomBytes } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { recoveryKeyOf } from '../../main/core/keys/recovery-key.ts';
import { sha256Of, writeFutureDatabase } from '../support/files.ts';
import { rpc, setUpDeskOver } from '../support/journal-e2e.ts';
import { launchHost, tempDataDir, type HostProcess } from '../support/host-process.ts';
import { expect, expectNoAxeViolations } from './fixtures.ts';

const test = base;

const withHost = async (dataDir: string, body: (host: HostProcess) => Promise<void>) => {
  const host = await launchHost({ dataDir });
  try {
    await body(host);
  } finally {
    await host.stop();
  }
};

test('a corrupt settings file: defaults restored, the file kept aside, a notice the person can dismiss', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  writeFileSync(join(dataDir, 'settings.json'), '{ "language": ');
  await withHost(dataDir, async (host) => {
    await page.goto(host.openUrl);
    const notice = page.getByRole('region', { name: 'Avvisi' });
    await expect(notice).toContainText('Il file delle impostazioni era danneggiato');
    await expect(notice).toContainText(join(dataDir, 'settings.json.invalid-'));
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Ho capito' }).click();
    await expect(page.getByRole('region', { name: 'Avvisi' })).toHaveCount(0);
  });
});

test('a database from a newer version: the error screen, the file untouched', async ({ page }) => {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'passopasso.sqlite');
  writeFutureDatabase(file, 99_999);
  const before = sha256Of(file);
  await withHost(dataDir, async (host) => {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archivio di una versione più recente');
    await expect(page.getByText('schema 99999')).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
  expect(sha256Of(file)).toBe(before);
});

test('a damaged database: the recovery screen, then a fresh start with the damaged file kept aside', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  writeFileSync(join(dataDir, 'passopasso.sqlite'), 'not a database '.repeat(500));
  await withHost(dataDir, async (host) => {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("L'archivio è danneggiato");
    await expect(page.getByText('Non ci sono copie di sicurezza.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ricomincia con un archivio vuoto' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuto in PassoPasso');
    await expect(page.getByRole('region', { name: 'Avvisi' })).toContainText(join(dataDir, 'damaged'));
  });
});

test('a journal made on another machine: the key screen takes its recovery key, refusing another', async ({ page }) => {
  const madeOn = tempDataDir();
  let recoveryKey = '';
  await withHost(madeOn, async (host) => {
    recoveryKey = (await rpc<{ recoveryKey: string }>(host, 'keys.recoveryKey')).recoveryKey;
    await setUpDeskOver(host);
  });
  const newMachine = tempDataDir();
  copyFileSync(join(madeOn, 'passopasso.sqlite'), join(newMachine, 'passopasso.sqlite'));

  await withHost(newMachine, async (host) => {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Questo registro è stato creato su un altro computer',
    );
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expectNoAxeViolations(page);
    const field = page.getByLabel('Chiave di recupero');
    await field.fill(recoveryKeyOf(randomBytes(32)));
    await page.getByRole('button', { name: 'Apri il registro' }).click();
    await expect(page.getByText('Questa chiave è valida ma non è quella di questo registro')).toBeVisible();
    await field.fill(recoveryKey.slice(0, -1));
    await page.getByRole('button', { name: 'Apri il registro' }).click();
    await expect(page.getByText('La chiave non è scritta correttamente')).toBeVisible();
    await field.fill(recoveryKey.replaceAll('-', ' ').toLowerCase());
    await page.getByRole('button', { name: 'Apri il registro' }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
  });
});
