import type { HubDatabase } from '../db/database.ts';
import { CloseConflict, ConflictQuery, PutOperator } from '../../shared/sync-protocol/admin.ts';
import { HubFailure } from '../failure.ts';
import { IdParam, parseBody } from '../routes/validate.ts';
import { consoleCommands } from '../console/cli.ts';
import { createConflictAdmin } from './conflicts.ts';
import { exportCommands } from './export-commands.ts';
import { packFromFolder } from './guide-pack.ts';
import { createAdminService } from './service.ts';

export const USAGE = `Usage: npm run hub -- <command> [arguments]

  create-org <name>                          a new organisation (ente)
  create-site <organisation-id> <name>       a new site (sede)
  site-settings <site-id> <json>             replace a site's settings (sent to its desks)
  issue-code <site-id> [minutes]             a one-time desk enrollment code (default 1440 minutes)
  list-desks <organisation-id>               desks: last contact, last push, backlog, app version
  revoke-desk <device-id>                    the desk's token stops working at once (a fresh code
                                             connects it again, with its unsent work)
  unrevoke-desk <device-id>                  undo a revocation: the desk's token works again
  list-codes <organisation-id>               enrollment codes and their state (never the code)
  revoke-code <code-id>                      an enrollment code not used yet stops working
  list-conflicts <organisation-id> [open|closed|all]  conflicts per desk and record (never the data)
  close-conflict <change-id> <reason…> [--by=<name>]  close a conflict the desks cannot settle
  add-operator <organisation-id> <name> [role] [site-id]
                                             role: facilitator (default), volunteer, trainer, coordinator
  publish-guide <organisation-id> <folder>   publish a guide pack folder to every desk
  summary <organisation-id>                  records, conflicts and backlog per site and desk
  facilita-export <organisation-id> <from> <to> [folder] [--include-exported] [--by=<name>] [--language=it|en]
                                             Facilita files and their archive PDFs across desks, into
                                             folder (default .), leaving out rows of earlier exports
                                             (the hub's and the desks') unless --include-exported
  list-exports <organisation-id>             past Facilita exports, newest first
  mark-uploaded <export-id>                  mark an export as uploaded to Facilita
  export-file <export-id> <filename> [folder]  a past export's file (CSV or archive PDF) again, byte for byte
  create-admin <email> <name>                a hub admin of the console (password typed, or piped
                                             on standard input: at least 12 characters)
  migrate                                    apply database migrations and exit`;

export const COMMANDS = [
  'create-org',
  'create-site',
  'site-settings',
  'issue-code',
  'list-desks',
  'revoke-desk',
  'unrevoke-desk',
  'list-codes',
  'revoke-code',
  'list-conflicts',
  'close-conflict',
  'add-operator',
  'publish-guide',
  'summary',
  'facilita-export',
  'list-exports',
  'mark-uploaded',
  'export-file',
  'create-admin',
  'migrate',
] as const;

/** The admin command line: same operations as the admin API, printed as JSON. Returns the exit code. */
export const runCommand = async (db: HubDatabase, command: string, argv: string[]): Promise<number> => {
  const admin = createAdminService(db);
  const conflicts = createConflictAdmin(db);
  const args = argv.filter((value) => !value.startsWith('--'));
  const need = (count: number) => {
    if (args.length < count) throw new HubFailure('VALIDATION', `${command} needs ${count} argument(s)`);
  };
  const arg = (index: number) => args[index] as string;
  const commands: Record<string, () => Promise<unknown>> = {
    'create-org': async () => (need(1), admin.createOrganisation(arg(0))),
    'create-site': async () => (need(2), admin.createSite(arg(0), arg(1))),
    'site-settings': async () => (need(2), admin.setSiteSettings(arg(0), JSON.parse(arg(1)) as unknown)),
    'issue-code': async () => (need(1), admin.issueCode(arg(0), args[1] ? Number(args[1]) : undefined)),
    'list-desks': async () => (need(1), admin.listDesks(arg(0))),
    'revoke-desk': async () => (need(1), admin.revokeDesk(arg(0))),
    'unrevoke-desk': async () => (need(1), admin.unrevokeDesk(arg(0))),
    'list-codes': async () => (need(1), admin.listCodes(arg(0))),
    'revoke-code': async () => (need(1), admin.revokeCode(arg(0))),
    'list-conflicts': async () => {
      need(1);
      const query = parseBody(ConflictQuery, { organisationId: arg(0), state: args[1] ?? 'open' });
      return conflicts.list(query.organisationId, query.state);
    },
    'close-conflict': async () => {
      need(2);
      const by = argv.find((value) => value.startsWith('--by='))?.slice('--by='.length) ?? 'command line';
      const body = parseBody(CloseConflict, { closedBy: by, reason: args.slice(1).join(' ') });
      return conflicts.close(parseBody(IdParam, { id: arg(0) }).id, body.closedBy, body.reason);
    },
    'add-operator': async () => {
      need(2);
      // The same schema as the API: a role the desks do not have is refused here too.
      const { organisationId, ...operator } = parseBody(PutOperator, {
        organisationId: arg(0),
        displayName: arg(1),
        role: args[2] ?? 'facilitator',
        active: true,
        siteId: args[3] ?? null,
      });
      return admin.putOperator(organisationId, operator);
    },
    'publish-guide': async () => (need(2), admin.publishGuidePack(arg(0), packFromFolder(arg(1)))),
    summary: async () => (need(1), admin.summary(arg(0))),
    ...exportCommands(
      db,
      args,
      argv.filter((value) => value.startsWith('--')),
    ),
    ...consoleCommands(db, args),
    migrate: async () => ({ migrated: true }),
  };
  const run = commands[command];
  if (!run) {
    console.error(command === 'help' || command === '--help' ? USAGE : `Unknown command "${command}".\n\n${USAGE}`);
    return command === 'help' || command === '--help' ? 0 : 2;
  }
  try {
    console.log(JSON.stringify(await run(), null, 2));
    return 0;
  } catch (error) {
    const issues =
      error instanceof HubFailure ? (error.issues ?? []).map((issue) => `\n  ${issue.path}: ${issue.message}`) : [];
    console.error(
      error instanceof HubFailure || error instanceof SyntaxError ? error.message + issues.join('') : String(error),
    );
    return 1;
  }
};
