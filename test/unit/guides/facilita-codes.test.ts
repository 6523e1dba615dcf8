import { describe, expect, it } from 'vitest';
import {
  AN8_AGE_BANDS,
  FACILITA_COLUMNS,
  FACILITA_MAX_ROWS,
  SE5_COMPETENCES,
  SE6_SERVICE_AREAS,
  ageBandOf,
  digCompAreaOf,
  digCompAreasOf,
} from '../../../shared/facilita/codes.ts';
import { PROVINCES, findProvince } from '../../../shared/facilita/provinces.ts';
import { checkGuideLink } from '../../../shared/domain/guide-links.ts';
import { compareSemver } from '../../../main/core/guides/semver.ts';

describe('Facilita code tables', () => {
  it('has the 33 columns in order and the row limit', () => {
    expect(FACILITA_COLUMNS).toHaveLength(33);
    expect(FACILITA_COLUMNS.slice(0, 5)).toEqual([
      'IDFacilitatore',
      'NominativoFacilitatore',
      'IDSede',
      'NominativoSede',
      'AN1',
    ]);
    expect(FACILITA_COLUMNS.slice(14, 18)).toEqual(['AN11', 'AN12', 'AN14', 'AN17']);
    expect(FACILITA_COLUMNS.at(-1)).toBe('ES6');
    expect(FACILITA_MAX_ROWS).toBe(9000);
  });

  it('maps SE5 competences to SE4 areas as Facilita does', () => {
    expect(SE5_COMPETENCES).toHaveLength(13);
    expect(digCompAreaOf(9)).toBe('B');
    expect(digCompAreaOf(11)).toBe('D');
    expect(digCompAreaOf(13)).toBe('E');
    expect(digCompAreasOf([11, 6, 9, 1])).toEqual(['A', 'B', 'D']);
    expect(SE6_SERVICE_AREAS).toHaveLength(19);
  });

  it('computes age bands', () => {
    expect(ageBandOf(17)).toBe('E');
    expect(ageBandOf(18)).toBe('A');
    expect(ageBandOf(54)).toBe('B');
    expect(ageBandOf(74)).toBe('C');
    expect(ageBandOf(92)).toBe('D');
    expect(ageBandOf(12)).toBeNull();
    expect(AN8_AGE_BANDS.D.max).toBeNull();
  });
});

describe('provinces', () => {
  it('lists 107 provinces with unique sigle and names', () => {
    expect(PROVINCES).toHaveLength(107);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(107);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(107);
  });

  it('finds a province by sigla, official name or everyday spelling', () => {
    expect(findProvince('cr')?.name).toBe('Cremona');
    expect(findProvince('Reggio Emilia')?.name).toBe("Reggio nell'Emilia");
    expect(findProvince('monza e della brianza')?.code).toBe('MB');
    expect(findProvince('Bolzano')?.name).toBe('Bolzano/Bozen');
    expect(findProvince('Forli-Cesena')?.code).toBe('FC');
    expect(findProvince('Sud Sardegna')?.code).toBe('SU');
    expect(findProvince('Atlantide')).toBeUndefined();
  });
});

describe('guide link allow-list', () => {
  it('accepts official https addresses only', () => {
    expect(checkGuideLink('https://checkout.pagopa.it/').ok).toBe(true);
    expect(checkGuideLink('https://www.cartaidentita.interno.gov.it/').ok).toBe(true);
    expect(checkGuideLink('http://www.inps.it/')).toMatchObject({ ok: false, reason: 'not-https' });
    expect(checkGuideLink('https://inps.it.example.com/')).toMatchObject({ ok: false, reason: 'host-not-allowed' });
    expect(checkGuideLink('https://gov.it.evil.com/')).toMatchObject({ ok: false, reason: 'host-not-allowed' });
    expect(checkGuideLink('https://user@www.inps.it/')).toMatchObject({ ok: false, reason: 'credentials-or-port' });
    expect(checkGuideLink('not a url')).toMatchObject({ ok: false, reason: 'invalid-url' });
  });
});

describe('semantic versions', () => {
  it('orders versions as semver does', () => {
    expect(compareSemver('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareSemver('1.0.0', '1.0.0-beta')).toBeGreaterThan(0);
    expect(compareSemver('1.0.0-alpha', '1.0.0-alpha.1')).toBeLessThan(0);
    expect(compareSemver('1.0.0-2', '1.0.0-10')).toBeLessThan(0);
    expect(compareSemver('2.0.0+build', '2.0.0')).toBe(0);
  });
});
