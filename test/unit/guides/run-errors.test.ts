import { describe, expect, it } from 'vitest';
import { GUIDE_ERROR_REASONS } from '../../../shared/domain/guide-run.ts';
import { resources } from '../../../shared/i18n/resources.ts';

describe('guide error reasons', () => {
  it('each reason the core sends has its sentence in every language, and no sentence is orphaned', () => {
    for (const language of ['it', 'en'] as const) {
      expect(Object.keys(resources[language].guides.errors).sort()).toEqual([...GUIDE_ERROR_REASONS].sort());
    }
  });
});
