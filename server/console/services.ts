import { createAdminService } from '../admin/service.ts';
import type { HubDatabase } from '../db/database.ts';
import { createAccounts } from './accounts.ts';
import { createAudit } from './audit.ts';
import { createConsoleFacilita } from './facilita.ts';
import { createSessions } from './sessions.ts';
import { createConsoleSites } from './sites.ts';

/** Everything the console's routes use: the admin service it shares with the API and the command line, and its own stores. */
export const createConsoleServices = (db: HubDatabase, idleMinutes: number) => ({
  db,
  admin: createAdminService(db),
  accounts: createAccounts(db),
  sessions: createSessions(db, idleMinutes),
  audit: createAudit(db),
  sites: createConsoleSites(db),
  facilita: createConsoleFacilita(db),
});

export type ConsoleServices = ReturnType<typeof createConsoleServices>;
