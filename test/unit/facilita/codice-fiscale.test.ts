import codiceFiscaleModule from 'codice-fiscale-js';
import { describe, expect, it } from 'vitest';
import { readCodiceFiscale } from '../../../main/core/facilita/codice-fiscale.ts';
import { CF } from '../../support/facilita-records.ts';

const library = (codiceFiscaleModule as unknown as { CodiceFiscale: typeof codiceFiscaleModule }).CodiceFiscale;

describe('the codice fiscale, as Facilita reads it', () => {
  it('accepts valid codes, in either case, and reads birth year and gender', () => {
    expect(readCodiceFiscale(CF.rossi)).toMatchObject({ value: CF.rossi, birthYear: 1980, sex: 'M' });
    expect(readCodiceFiscale(` ${CF.bianchi.toLowerCase()} `)).toMatchObject({
      value: CF.bianchi,
      birthYear: 1950,
      sex: 'F',
    });
  });

  it('accepts every omocodia variant and reads the same facts from it', () => {
    for (const variant of library.getOmocodie(CF.rossi)) {
      expect(readCodiceFiscale(variant)).toMatchObject({ birthYear: 1980, sex: 'M' });
    }
  });

  it('refuses a wrong check character, a wrong length and foreign characters', () => {
    expect(readCodiceFiscale('RSSMRA80A01H501V')).toBeNull();
    expect(readCodiceFiscale('RSSMRA80A01H501')).toBeNull();
    expect(readCodiceFiscale('RSSMRA80A01H501UX')).toBeNull();
    expect(readCodiceFiscale('RSSMRA80A01H50-U')).toBeNull();
    expect(readCodiceFiscale('')).toBeNull();
  });

  it('agrees with the library’s own reverse() on birth year and gender', () => {
    for (const code of [CF.rossi, CF.bianchi, CF.minor, CF.child, ...library.getOmocodie(CF.bianchi).slice(0, 20)]) {
      const reversed = library.computeInverse(code);
      expect(readCodiceFiscale(code)).toMatchObject({ birthYear: reversed.year, sex: reversed.gender });
    }
  });

  it('puts a two-digit year in the 1900s when the 2000s would be in the future', () => {
    expect(readCodiceFiscale(CF.minor, new Date('2026-06-01'))?.birthYear).toBe(2010);
    expect(readCodiceFiscale(CF.minor, new Date('2009-06-01'))?.birthYear).toBe(1910);
  });
});
