import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { createTestCore } from '../../support/core.ts';
import { callOk, cf, citizenInput, sessionInput, setUpDesk, today } from '../../support/journal.ts';
import { addDays } from '../../../main/core/journal/journal-context.ts';

describe('personal data at rest', () => {
  it("the database file and its WAL hold no citizen's codice fiscale, name, email, phone or notes in clear", async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const secrets = {
      codiceFiscale: cf({ first: 'Ermenegilda', last: 'Zanzibarini' }),
      firstName: 'Ermenegilda',
      lastName: 'Zanzibarini',
      email: 'ermenegilda.zanzibarini@example.org',
      phone: '+39 347 9876543',
    };
    const citizen = await callOk(core, 'citizens.create', citizenInput(secrets) as MethodInput<'citizens.create'>);
    const notes = 'Nota privatissima sul signor Quarantotto';
    const details = 'Dettaglio con parola unica Xilofonoblu';
    await callOk(
      core,
      'sessions.create',
      sessionInput(citizen.id, {
        privateNotes: notes,
        details,
        followUp: { dueDate: addDays(today(), 5), reason: 'Richiamo Pappagallorosso' },
      }) as MethodInput<'sessions.create'>,
    );
    await callOk(core, 'drafts.save', { id: null, form: { privateNotes: 'Bozza Ornitorinco' } });
    await callOk(core, 'citizens.lookup', { codiceFiscale: secrets.codiceFiscale });

    const files = readdirSync(core.dataDir).filter((name) => name.startsWith('passopasso.sqlite'));
    expect(files).toContain('passopasso.sqlite-wal');
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(core.dataDir, name))));
    for (const value of [
      ...Object.values(secrets),
      notes,
      details,
      'Pappagallorosso',
      'Ornitorinco',
      secrets.codiceFiscale.toLowerCase(),
    ]) {
      expect(bytes.includes(Buffer.from(value)), value).toBe(false);
    }
    core.close();
    const after = Buffer.concat(
      readdirSync(core.dataDir)
        .filter((name) => name.startsWith('passopasso.sqlite'))
        .map((name) => readFileSync(join(core.dataDir, name))),
    );
    for (const value of Object.values(secrets)) expect(after.includes(Buffer.from(value)), value).toBe(false);
  });
});
