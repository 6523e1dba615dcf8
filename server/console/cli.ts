import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Email } from '../../shared/console/protocol.ts';
import type { HubDatabase } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { parseBody } from '../routes/validate.ts';
import { createAccounts } from './accounts.ts';
import { createAudit } from './audit.ts';

/** Typed at a terminal (not shown), or the first line of standard input when it is piped (for scripts). */
export const readPassword = async (prompt: string): Promise<string> => {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const mutable = lines as unknown as { _writeToOutput: (text: string) => void };
  let prompting = true;
  mutable._writeToOutput = (text) => void (prompting ? process.stdout.write(text) : undefined);
  try {
    return await new Promise<string>((done) => {
      lines.question(prompt, done);
      prompting = false;
    });
  } finally {
    process.stdout.write('\n');
    lines.close();
  }
};

const AdminArguments = z.object({ email: Email, displayName: z.string().trim().min(1).max(120) }).strict();

/** `create-admin <email> <name…>`: the first hub admin, made where the hub runs (as other servers do). */
export const consoleCommands = (db: HubDatabase, args: string[], password = readPassword) => ({
  'create-admin': async () => {
    if (args.length < 2) throw new HubFailure('VALIDATION', 'create-admin needs an e-mail and a name');
    const input = parseBody(AdminArguments, { email: args[0], displayName: args.slice(1).join(' ') });
    const account = await createAccounts(db).create({
      ...input,
      role: 'hubAdmin',
      organisationId: null,
      siteId: null,
      password: await password('Password (at least 12 characters): '),
    });
    await createAudit(db).record(null, { organisationId: null, action: 'createAdmin', target: account.id });
    return account;
  },
});
