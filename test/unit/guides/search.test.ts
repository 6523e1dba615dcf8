import { beforeAll, describe, expect, it } from 'vitest';
import type { GuidePack } from '../../../shared/domain/guide.ts';
import { createPackStore } from '../../../main/core/guides/pack-store.ts';
import { normaliseText, searchGuides, searchTokens } from '../../../main/core/guides/search.ts';
import { BUNDLED_GUIDES, REVIEW_DAY } from './paths.ts';

let packs: GuidePack[] = [];

beforeAll(async () => {
  const store = createPackStore({ bundledDir: BUNDLED_GUIDES, now: REVIEW_DAY });
  await store.load();
  packs = store.list();
});

const top = (query: string, lang = 'it') => searchGuides(packs, query, { lang })[0]?.id;

describe('guide search', () => {
  it('normalises accents, case and apostrophes, and drops stop words', () => {
    expect(normaliseText("Carta d'IDENTITÀ")).toBe('carta d identita');
    expect(searchTokens('devo pagare una multa')).toEqual(['pagar', 'mult']);
  });

  it.each([
    ['devo pagare una multa', 'pagopa-pay-notice'],
    ["ho perso il pin della carta d'identità", 'cie-lost-pin-puk'],
    ['la carta è bloccata, ho sbagliato il PIN', 'cie-lost-pin-puk'],
    ['mi serve il certificato di residenza', 'anpr-certificate'],
    ['vorrei prenotare una visita dal cardiologo con la ricetta', 'cup-booking'],
    ['dove vedo i referti delle analisi', 'fse-access'],
    ['il cedolino della pensione', 'inps-services'],
    ['mi è arrivato un sms strano con un link', 'safe-apps-phishing'],
    ['voglio fare lo spid alla posta', 'spid-posteid'],
    ['ho dimenticato il codice di sblocco di IO', 'app-io-first-access'],
    ['come pago il bollettino della TARI', 'pagopa-pay-notice'],
    ['domicilio digitale con la PEC', 'inad-pec'],
    ['mi serve una email', 'email-account'],
  ])('"%s" → %s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });

  it('searches in English too', () => {
    expect(top('I need to pay a parking fine', 'en')).toBe('pagopa-pay-notice');
    expect(top('I lost the PUK of my identity card', 'en')).toBe('cie-lost-pin-puk');
  });

  it('finds a guide by its title', () => {
    expect(top('Certificato anagrafico online')).toBe('anpr-certificate');
  });

  it('filters by Facilita service area', () => {
    const health = searchGuides(packs, '', { lang: 'it', serviceArea: 'M' });
    expect(health.map((h) => h.id).sort()).toEqual(['cup-booking', 'family-doctor']);
    expect(searchGuides(packs, 'pagare', { lang: 'it', serviceArea: 'D' })).toEqual([]);
  });

  it('returns nothing for words no guide uses', () => {
    expect(searchGuides(packs, 'astronave marziana', { lang: 'it' })).toEqual([]);
  });
});
