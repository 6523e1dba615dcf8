/**
 * Fills a data folder with realistic fictional journal data, for benchmarks and for trying the
 * app on a busy desk (see USAGE). The desk is set up first when needed (coordinator PIN 1234).
 */
import { parseArgs } from 'node:util';
import { createAppCore, type AppCore } from '../main/core/app-core.ts';
import { defaultDataDir } from '../main/core/data-dir.ts';
import {
  demoCitizen,
  demoOperators,
  demoSession,
  demoSite,
  randomSource,
} from '../main/core/journal/demo/demo-data.ts';
import { markDemoSince, outboxMark, refuseDemoWhenEnrolled } from '../main/core/journal/demo/demo-records.ts';
import { addDays, localDate } from '../main/core/journal/journal-context.ts';
import { journalContextOf } from '../main/core/journal/handlers.ts';
import { JournalService } from '../main/core/journal/journal-service.ts';
import { confStore } from '../main/core/settings/conf-store.ts';

export const SEED_PIN = '1234';

const USAGE = `usage: npm run seed -- [--sessions N] [--data-dir DIR] [--not-demo]
  --sessions N   how many sessions to add (default 1000)
  --data-dir DIR the data folder (default: the app's own)
  --not-demo     set the desk up as a real one, not a demo, so its data can be exported for
                 Facilita (benchmarks; the people are fictional all the same). A demo desk refuses
                 the export, so fictional people never reach Facilita by mistake.
  --help         this text
`;
const BATCH = 2000;

export const seed = async (
  core: AppCore,
  sessions: number,
  log: (line: string) => void = () => {},
  options: { demo?: boolean } = {},
) => {
  const service = new JournalService(journalContextOf(core.context));
  const today = localDate(new Date());
  const random = randomSource(42);
  // Fictional people, demo or not: never on a desk that sends its records to an organisation.
  refuseDemoWhenEnrolled(core.database.db);
  if (!service.status().setUp) {
    await service.setUp({
      site: { ...demoSite(today), facilitaName: 'Punto Digitale Facile Seed' },
      coordinator: {
        name: 'Coordinatrice Seed',
        role: 'coordinator',
        facilitaId: '900001',
        facilitaName: 'Seed Coordinatrice',
        secretKind: 'pin',
        secret: SEED_PIN,
      },
      demo: options.demo ?? true,
    });
  }
  // Everything written from here is fictional (the coordinator above is the one who removes it).
  const since = outboxMark(core.database.db);
  const coordinator = service.operators.cards().find((card) => card.role === 'coordinator');
  if (!coordinator) throw new Error('no coordinator');
  const actor = { id: coordinator.id, name: coordinator.name, role: coordinator.role };
  const names = new Set(service.operators.cards().map((card) => card.name));
  for (const operator of demoOperators())
    if (!names.has(operator.name)) await service.operators.create(operator, actor.id);
  const operators = service.operators.cards().map((card) => ({ id: card.id, name: card.name, role: card.role }));
  const site = service.site.get();
  const db = core.database.db;

  const citizenIds: string[] = [];
  const citizenCount = Math.max(10, Math.ceil(sessions / 5));
  db.transaction(() => {
    for (let index = 0; index < citizenCount; index += 1) {
      try {
        citizenIds.push(service.citizens.create(demoCitizen(random, today), actor.id, site).id);
      } catch {
        // Same generated codice fiscale twice: skip.
      }
    }
  })();
  log(`citizens: ${citizenIds.length}`);

  const days = Math.max(1, Math.min(700, Math.round((Date.parse(today) - Date.parse(site.projectStart)) / 86_400_000)));
  for (let done = 0; done < sessions; done += BATCH) {
    db.transaction(() => {
      for (let index = done; index < Math.min(sessions, done + BATCH); index += 1) {
        const citizenId = random.next() < 0.92 ? random.pick(citizenIds) : null;
        const input = demoSession(random, citizenId, addDays(today, -random.int(0, days)));
        service.sessions.create(input, random.pick(operators), site, { checkBackdating: false });
      }
    })();
    // Most of a real desk's history has reached the hub already.
    db.prepare(
      'UPDATE sessions SET synced_version = version WHERE synced_version IS NULL AND random() % 10 <> 0',
    ).run();
    log(`sessions: ${Math.min(sessions, done + BATCH)}`);
  }
  if (options.demo ?? true) core.database.db.transaction(() => markDemoSince(core.database.db, since))();
  return { citizens: citizenIds.length, sessions };
};

const main = async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sessions: { type: 'string', default: '1000' },
        'data-dir': { type: 'string' },
        'not-demo': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sessions = Number(values.sessions);
  if (!Number.isInteger(sessions) || sessions < 1) {
    process.stderr.write(`--sessions must be a positive whole number, e.g. --sessions 100000\n${USAGE}`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = createAppCore({ dataDir, mode: 'browser', version: 'seed', storeFactory: confStore });
  const started = Date.now();
  let result;
  try {
    result = await seed(core, sessions, (line) => process.stdout.write(`${line}\n`), { demo: !values['not-demo'] });
  } catch (error) {
    core.close();
    if ((error as { details?: { reason?: string } }).details?.reason !== 'enrolledNoDemo') throw error;
    process.stderr.write(
      'This desk is connected to an organisation: fictional people must never reach it. Seed another data folder (--data-dir).\n',
    );
    process.exit(1);
  }
  core.close();
  process.stdout.write(
    `Seeded ${result.sessions} sessions and ${result.citizens} citizens into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s (coordinator PIN ${SEED_PIN}).\n`,
  );
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
