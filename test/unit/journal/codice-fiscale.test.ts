import { describe, expect, it } from 'vitest';
import { an7Gender, facilitaAge } from '../../../main/core/facilita/codice-fiscale.ts';
import { requireCodiceFiscale } from '../../../main/core/journal/journal-context.ts';
import { fictionalCodiceFiscale } from '../../../main/core/journal/demo/demo-data.ts';
import { ageBandOf } from '../../../shared/facilita/codes.ts';

const issueOf = (text: string) => {
  try {
    requireCodiceFiscale(text);
    return null;
  } catch (error) {
    return (error as { details?: { issues?: { code: string }[] } }).details?.issues?.[0]?.code;
  }
};

describe('codice fiscale (as Facilita checks it, with codice-fiscale-js)', () => {
  it('accepts a valid one and reads birth year, date and sex', () => {
    const facts = requireCodiceFiscale('RSSMRA85T10A562S');
    expect(facts).toEqual({ value: 'RSSMRA85T10A562S', birthYear: 1985, birthDate: '1985-12-10', sex: 'M' });
    expect(an7Gender(facts)).toBe('B');
  });

  it('accepts lower case and stores upper case', () => {
    expect(requireCodiceFiscale('  rssmra85t10a562s ').value).toBe('RSSMRA85T10A562S');
  });

  it('accepts omocodia (digits replaced by letters) with the same birth data', () => {
    for (const code of ['RSSMRA85T10A56NH', 'RSSMRAURTMLARSNL', 'RSSMRA8RT1LA562H']) {
      expect(requireCodiceFiscale(code)).toMatchObject({
        value: code,
        birthYear: 1985,
        birthDate: '1985-12-10',
        sex: 'M',
      });
    }
  });

  it('reads a woman (day + 40) as AN7 A', () => {
    const code = fictionalCodiceFiscale({
      first: 'Maria',
      last: 'Bianchi',
      female: true,
      year: 1950,
      month: 5,
      day: 12,
      place: 'D150',
    });
    const facts = requireCodiceFiscale(code);
    expect(facts).toMatchObject({ birthDate: '1950-05-12' });
    expect(an7Gender(facts)).toBe('A');
  });

  it('names what is wrong: check letter, length, characters, structure', () => {
    expect(issueOf('RSSMRA85T10A562T')).toBe('cf_checksum');
    expect(issueOf('RSSMRA85T10A562')).toBe('cf_length');
    expect(issueOf('RSSMRA85T10A562SS')).toBe('cf_length');
    expect(issueOf('RSSMRA85T10A56?S')).toBe('cf_characters');
    expect(issueOf('RSSMRA85T10A 62S')).toBe('cf_characters');
    expect(issueOf('1SSMRA85T10A562S')).not.toBeNull();
  });
});

describe("age bands (Facilita's rule: current year − birth year)", () => {
  it('uses the year difference, not the birthday, at the year edges', () => {
    // Born 31 December 2007: on 1 January 2025 Facilita counts 18 (band A) though the person is 17.
    expect(ageBandOf(facilitaAge(2007, 2025))).toBe('A');
    expect(ageBandOf(facilitaAge(2007, 2024))).toBe('E');
    expect(ageBandOf(facilitaAge(1995, 2025))).toBe('B');
    expect(ageBandOf(facilitaAge(1996, 2025))).toBe('A');
    expect(ageBandOf(facilitaAge(1970, 2025))).toBe('C');
    expect(ageBandOf(facilitaAge(1971, 2025))).toBe('B');
    expect(ageBandOf(facilitaAge(1950, 2025))).toBe('D');
    expect(ageBandOf(facilitaAge(1951, 2025))).toBe('C');
    expect(ageBandOf(facilitaAge(2011, 2025))).toBe('E');
    expect(ageBandOf(facilitaAge(2012, 2025))).toBeNull();
  });
});
