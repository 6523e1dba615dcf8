import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n/resources.ts';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const valuesOf = (value: unknown): unknown[] =>
  typeof value === 'object' && value !== null ? Object.values(value).flatMap(valuesOf) : [value];

describe('translations', () => {
  for (const namespace of Object.keys(resources.it) as (keyof typeof resources.it)[]) {
    it(`English has exactly the keys of Italian in "${namespace}"`, () => {
      expect(keysOf(resources.en[namespace]).sort()).toEqual(keysOf(resources.it[namespace]).sort());
    });
    it(`no string is empty in "${namespace}"`, () => {
      for (const language of ['it', 'en'] as const) {
        for (const text of valuesOf(resources[language][namespace])) expect(String(text).trim()).not.toBe('');
      }
    });
  }
});
