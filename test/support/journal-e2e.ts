import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HostProcess } from './host-process.ts';
import { citizenInput, COORDINATOR_PIN, setUpInput, siteInput } from './journal.ts';

/** Calls the running host's contract over HTTP (as the renderer does), returning the value or throwing. */
export const rpc = async <T = unknown>(host: HostProcess, method: string, input: unknown = {}): Promise<T> => {
  const response = await fetch(`${host.url}/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
};

/** A desk set up with its coordinator signed in (the core's sign-in is shared by every window). */
export const setUpDeskOver = async (host: HostProcess) =>
  rpc<{ id: string; name: string }>(host, 'journal.setUp', setUpInput());

/** Facilita's cut-off entered for the site over HTTP, as `setCutoff` does through the core. */
export const setCutoffOver = async (host: HostProcess, cutoffDate: string) => {
  const site = await rpc<{ version: number }>(host, 'site.get', {});
  await rpc(host, 'site.update', { ...siteInput({ cutoffDate }), baseVersion: site.version });
};

/** The coordinator signed in over HTTP, setting the desk up first when it is not (guides, sync: operators' screens). */
export const signInOver = async (host: HostProcess) => {
  const status = await rpc<{ setUp: boolean; operators: { id: string; role: string }[] }>(host, 'journal.status');
  const coordinator = status.operators.find((operator) => operator.role === 'coordinator');
  if (!status.setUp || !coordinator) return setUpDeskOver(host);
  return rpc<{ id: string; name: string }>(host, 'journal.signIn', {
    operatorId: coordinator.id,
    secret: COORDINATOR_PIN,
  });
};

export const createCitizenOver = async (host: HostProcess, overrides: Record<string, unknown> = {}) =>
  rpc<{ id: string }>(host, 'citizens.create', citizenInput(overrides));

/** A finished guide run as the guides issue stores it, written straight into the desk's database. */
export const insertFinishedRun = (host: HostProcess, runId: string) => {
  const db = new Database(join(host.dataDir, 'passopasso.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const content = JSON.stringify({
      meta: { serviceAreas: ['A'], competences: [6, 9] },
      texts: { it: { title: 'Primo accesso ad App IO' }, en: { title: 'First access to App IO' } },
      images: {},
    });
    const now = new Date().toISOString();
    db.prepare(
      "INSERT OR IGNORE INTO guide_versions (guide_id, version, content, stored_at) VALUES ('app-io-first-access', '9.9.9', ?, ?)",
    ).run(content, now);
    db.prepare(
      `INSERT INTO guide_runs (id, guide_id, guide_version, language, state, outcome, started_at, updated_at, ended_at)
       VALUES (?, 'app-io-first-access', '9.9.9', 'it', 'finished', 'completed', ?, ?, ?)`,
    ).run(runId, now, now, now);
  } finally {
    db.close();
  }
};

/** Opens a journal screen; signs in through the form when the desk is locked. */
export const openJournal = async (page: Page, host: HostProcess, route = 'journal') => {
  await page.goto(`${host.openUrl}#/${route}`);
  const signIn = page.getByRole('heading', { level: 1, name: 'Accesso operatore' });
  const bar = page.getByTestId('signed-in-operator');
  await signIn.or(bar).first().waitFor();
  if (await signIn.isVisible()) {
    await page.getByLabel('PIN').fill(COORDINATOR_PIN);
    await page.getByRole('button', { name: 'Entra' }).click();
    await bar.waitFor();
  }
};

/** Picks an option in each of the form's drop-down lists, by the list's label and the option's name. */
export const chooseOptions = async (page: Page, choices: readonly (readonly [label: string, option: string])[]) => {
  for (const [label, option] of choices) {
    await page.getByLabel(label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
};

/** Fills the picker's new-citizen form as Giuseppe Russo (a pensioner from Cremona) and registers him. */
export const registerGiuseppeRusso = async (page: Page) => {
  await page.getByLabel('Nome', { exact: true }).fill('Giuseppe');
  await page.getByLabel('Cognome', { exact: true }).fill('Russo');
  await chooseOptions(page, [
    ['Titolo di studio', 'Licenza media'],
    ['Condizione lavorativa', 'Pensionato'],
    ['Provincia di domicilio', 'Cremona'],
  ]);
  await page.getByRole('button', { name: 'Registra il cittadino' }).click();
};
