import { describe, expect, it } from 'vitest';
import { alreadyExportedSentence, mainEarlierExport } from '../../../shared/facilita/already-exported.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';

/** "Nothing to export" says why, in the person's language, with the date as Intl writes it. */
describe('the already-exported sentence', () => {
  const earlier = [
    { origin: 'here' as const, at: '2026-11-20T10:00:00Z', by: 'Anna Bianchi', services: 2 },
    { origin: 'hub' as const, at: '2026-12-01T09:30:00Z', by: 'Giulia Rossi', services: 11 },
  ];

  it('names the export holding most of the services, when and by whom, in Italian and English', () => {
    const main = mainEarlierExport(earlier);
    expect(main?.origin).toBe('hub');
    expect(alreadyExportedSentence(createTranslator('it'), 'it', 13, main)).toBe(
      "13 servizi già esportati il 1° dicembre 2026 dall'hub (Giulia Rossi): includerli di nuovo?",
    );
    expect(alreadyExportedSentence(createTranslator('en'), 'en', 13, main)).toBe(
      '13 services already exported on December 1, 2026 by the hub (Giulia Rossi): include them again?',
    );
  });

  it('says this desk, another desk, or the operator, and one service in the singular', () => {
    const t = createTranslator('it');
    expect(alreadyExportedSentence(t, 'it', 1, { ...earlier[0], services: 1 } as never)).toBe(
      '1 servizio già esportato il 20 novembre 2026 da Anna Bianchi: includerlo di nuovo?',
    );
    expect(
      alreadyExportedSentence(t, 'it', 4, { origin: 'desk', at: '2026-11-30', by: 'Sportello B', services: 4 }),
    ).toBe('4 servizi già esportati il 30 novembre 2026 dallo sportello «Sportello B»: includerli di nuovo?');
    expect(alreadyExportedSentence(t, 'it', 4, { origin: 'here', at: '2026-11-30', by: null, services: 4 })).toContain(
      'da questo sportello',
    );
  });
});
