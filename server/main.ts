import { readFileSync } from 'node:fs';
import { buildHub } from './app.ts';
import { COMMANDS, runCommand, USAGE } from './admin/cli.ts';
import { readConfig } from './config.ts';
import { openHubDatabase } from './db/database.ts';
import { migrateHub } from './db/migrations.ts';
import { claimDataDir } from './db/data-dir-lock.ts';

/** The hub: `node server/main.ts` serves; `node server/main.ts <command> …` runs an admin command. */
const main = async () => {
  const config = readConfig();
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  const [command, ...args] = process.argv.slice(2);
  // Help and typos are answered before any database is opened (or created).
  if (command && !(COMMANDS as readonly string[]).includes(command)) {
    const help = command === 'help' || command === '--help';
    (help ? console.log : console.error)(help ? USAGE : `Unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = help ? 0 : 2;
    return;
  }

  // Embedded PGlite is one process's database: only one hub (or command) may hold the folder.
  const release = config.databaseUrl ? () => undefined : claimDataDir(config.dataDir);
  const db = await openHubDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateHub(db);

  if (command) {
    try {
      process.exitCode = await runCommand(db, command, args);
    } finally {
      await db.close();
      release();
    }
    return;
  }

  const app = await buildHub({
    db,
    version,
    adminToken: config.adminToken,
    deviceRateLimit: config.deviceRateLimit,
    enrollRateLimit: config.enrollRateLimit,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    console: { idleMinutes: config.consoleIdleMinutes },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`PassoPasso hub listening on http://${config.host}:${port} (${where})`);
  if (!config.adminToken) console.log('Admin API disabled: set PASSOPASSO_HUB_ADMIN_TOKEN to enable it.');

  const stop = async () => {
    await app.close();
    await db.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

main().catch((error: unknown) => {
  console.error(`PassoPasso hub could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
