import { expect, it } from 'vitest';
import { expectedBy, statusOf } from '../../../main/core/dashboards/targets.ts';

// Where the count should be today: the trend chart's marker and the status share one rule.
it('a target expects the share of its value its elapsed days stand for', () => {
  const target = { value: 12, from: '2026-01-01', due: '2026-12-31' };
  expect(expectedBy(target, '2025-12-31')).toBe(0);
  expect(expectedBy(target, '2026-07-02')).toBe(6);
  expect(expectedBy(target, '2027-01-10')).toBe(12);
  expect(statusOf(target, 6, '2026-07-02')).toBe('onTrack');
  expect(statusOf(target, 5, '2026-07-02')).toBe('behind');
});
