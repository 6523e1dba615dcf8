import { describe, expect, it } from 'vitest';
import { formatDay, formatMoment, formatMonth, formatNumber, formatTime } from '../../../shared/i18n/format-day.ts';

describe("people's dates and numbers (shared/i18n/format-day.ts)", () => {
  it('writes a day as Italians do, the first of the month with its degree sign', () => {
    expect(formatDay('2026-12-01', 'it')).toBe('1° dicembre 2026');
    expect(formatDay('2026-11-30', 'it')).toBe('30 novembre 2026');
    expect(formatDay('2026-12-01', 'it', 'full')).toBe('martedì 1° dicembre 2026');
    expect(formatDay('2026-12-01', 'it', 'short')).toBe('01/12/26');
    expect(formatDay('2026-12-01', 'en')).toBe('December 1, 2026');
    expect(formatMonth('2026-12', 'it')).toBe('dicembre 2026');
  });

  it('gives a moment its time in the 24-hour clock in Italian, never en-US', () => {
    const at = '2026-12-01T09:05:00Z';
    for (const text of [formatMoment(at, 'it'), formatMoment(at, 'it', 'short'), formatTime(at, 'it')]) {
      expect(text).toMatch(/\b\d{2}:05\b/);
      expect(text).not.toMatch(/AM|PM|\d{4}-\d{2}-\d{2}|December/);
    }
    expect(formatMoment(at, 'en')).toMatch(/December 1, 2026 at \d{1,2}:05\s?[AP]M/);
  });

  it('groups thousands with a dot in Italian, from four digits on', () => {
    expect(formatNumber(1000, 'it')).toBe('1.000');
    expect(formatNumber(12_345.5, 'it')).toBe('12.345,5');
    expect(formatNumber(1000, 'en')).toBe('1,000');
  });

  it('leaves what is not a date as it was, rather than printing "Invalid Date"', () => {
    expect(formatDay('presto', 'it')).toBe('presto');
    expect(formatMoment('', 'it')).toBe('');
  });
});
