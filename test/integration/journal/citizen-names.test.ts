import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import { callOk, cf, newCitizen, newSession, setUpDesk } from '../../support/journal.ts';

const search = async (core: ReturnType<typeof createTestCore>, citizenName: string) =>
  (await callOk(core, 'history.search', { kind: 'sessions', citizenName })).items.map((item) => item.citizenName);

// A returning citizen is found by surname and name through a keyed blind index: no name is stored
// or searched in clear.
describe('finding citizens by name', () => {
  it('finds them by surname, name, either part of a double surname, with or without accents', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const niccolo = await newCitizen(core, {
      codiceFiscale: cf({ first: 'Niccolo', last: 'Deluca', female: false, year: 1946 }),
      firstName: 'Niccolò',
      lastName: "D'Angelo De Luca",
    });
    const maria = await newCitizen(core, { firstName: 'Maria', lastName: 'Rossi' });
    await newSession(core, niccolo.id);
    await newSession(core, maria.id);

    for (const typed of ['de luca', "D'ANGELO niccolo", 'niccolo dangelodeluca', 'Luca']) {
      expect(await search(core, typed), typed).toEqual(["D'Angelo De Luca Niccolò"]);
    }
    expect(await search(core, 'rossi maria')).toEqual(['Rossi Maria']);
    expect(await search(core, 'rossi niccolo')).toEqual([]);
    expect(await search(core, 'Bianchi')).toEqual([]);

    // The index holds hashes only: the database file never holds the typed words in clear.
    core.database.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(join(core.dataDir, 'passopasso.sqlite')).toString('latin1').toLowerCase();
    for (const word of ['niccol', 'angelo', 'deluca', 'rossi']) expect(bytes.includes(word), word).toBe(false);
    core.close();
  });

  it('indexes citizens registered before the index existed, once, at the first search', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const gino = await newCitizen(core, {
      codiceFiscale: cf({ first: 'Gino', last: 'Verdi', female: false, year: 1950 }),
      firstName: 'Gino',
      lastName: 'Verdi',
    });
    await newSession(core, gino.id);
    core.database.db.exec(
      "DELETE FROM citizen_name_tokens; DELETE FROM app_meta WHERE key = 'citizen_name_tokens_built'",
    );
    expect(await search(core, 'verdi')).toEqual(['Verdi Gino']);
    core.close();
  });

  it('forgets an erased citizen’s name tokens', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const anna = await newCitizen(core, {
      codiceFiscale: cf({ first: 'Anna', last: 'Neri', year: 1952 }),
      firstName: 'Anna',
      lastName: 'Neri',
    });
    await callOk(core, 'citizens.erase', { id: anna.id, reason: 'richiesta della cittadina' });
    const left = core.database.db.prepare('SELECT count(*) FROM citizen_name_tokens WHERE citizen_id = ?').pluck();
    expect(left.get(anna.id)).toBe(0);
    core.close();
  });

  it("the picker's look-up by name answers returning citizens with their visits, never an erased one", async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const maria = await newCitizen(core, { firstName: 'Maria', lastName: 'Rossi' });
    const giorgio = await newCitizen(core, {
      codiceFiscale: cf({ first: 'Giorgio', last: 'Rossi', female: false }),
      firstName: 'Giorgio',
      lastName: 'Rossi',
    });
    await newSession(core, maria.id);
    const found = await callOk(core, 'citizens.lookupByName', { name: 'rossi' });
    expect(found.map((match) => [match.citizen.firstName, match.visits]).sort()).toEqual([
      ['Giorgio', 0],
      ['Maria', 1],
    ]);
    await callOk(core, 'citizens.erase', { id: giorgio.id, reason: 'Richiesta del cittadino' });
    expect((await callOk(core, 'citizens.lookupByName', { name: 'Rossi' })).map((match) => match.citizen.id)).toEqual([
      maria.id,
    ]);
    core.close();
  });
});
