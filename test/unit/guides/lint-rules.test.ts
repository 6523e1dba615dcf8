import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackErrorCode } from '../../../shared/domain/guide.ts';
import { loadPack } from '../../../main/core/guides/load-pack.ts';
import { LINT_FIXTURES, REVIEW_DAY } from './paths.ts';

interface Case {
  fixture: string;
  code: PackErrorCode;
  file: string;
  line: number;
  /** Whether this is the only problem the fixture has. */
  only?: boolean;
}

// One deliberately broken pack per rule (test/fixtures/guides/lint/<fixture>), each built from
// the same small valid pack with a single change.
const CASES: Case[] = [
  { fixture: 'yaml-syntax', code: 'yaml-syntax', file: 'guide.yaml', line: 5 },
  { fixture: 'schema-type', code: 'schema', file: 'guide.yaml', line: 4 },
  { fixture: 'schema-unknown-key', code: 'schema', file: 'it.yaml', line: 11, only: false },
  { fixture: 'file-missing', code: 'file-missing', file: 'en.yaml', line: 1 },
  { fixture: 'missing-last-reviewed', code: 'missing-last-reviewed', file: 'guide.yaml', line: 1 },
  { fixture: 'id-folder-mismatch', code: 'id-folder-mismatch', file: 'guide.yaml', line: 1 },
  { fixture: 'unknown-se5', code: 'unknown-se5', file: 'guide.yaml', line: 7 },
  { fixture: 'unknown-se6', code: 'unknown-se6', file: 'guide.yaml', line: 6 },
  { fixture: 'duplicate-id', code: 'duplicate-id', file: 'guide.yaml', line: 24 },
  { fixture: 'step-next-and-question', code: 'step-next-and-question', file: 'guide.yaml', line: 19 },
  { fixture: 'broken-target', code: 'broken-target', file: 'guide.yaml', line: 22 },
  { fixture: 'unknown-link', code: 'unknown-link', file: 'guide.yaml', line: 17 },
  { fixture: 'unreachable-step', code: 'unreachable-step', file: 'guide.yaml', line: 24 },
  { fixture: 'cycle', code: 'cycle', file: 'guide.yaml', line: 22 },
  { fixture: 'path-too-long', code: 'path-too-long', file: 'guide.yaml', line: 34 },
  { fixture: 'missing-text', code: 'missing-text', file: 'en.yaml', line: 8 },
  { fixture: 'missing-text-answer', code: 'missing-text', file: 'it.yaml', line: 17 },
  { fixture: 'extra-text', code: 'extra-text', file: 'it.yaml', line: 23 },
  { fixture: 'link-not-https', code: 'link-not-https', file: 'guide.yaml', line: 12 },
  { fixture: 'link-host-not-allowed', code: 'link-host-not-allowed', file: 'guide.yaml', line: 12 },
  { fixture: 'missing-image', code: 'missing-image', file: 'guide.yaml', line: 17 },
  { fixture: 'unsafe-image', code: 'unsafe-image', file: 'guide.yaml', line: 17 },
  { fixture: 'citizen-text', code: 'citizen-text', file: 'it.yaml', line: 12 },
  { fixture: 'broken-route', code: 'broken-target', file: 'guide.yaml', line: 10 },
  { fixture: 'ends-as-not-end', code: 'ends-as-not-end', file: 'guide.yaml', line: 17 },
];

describe('guide pack lint rules', () => {
  it('accepts the valid base every broken fixture is derived from', async () => {
    const result = await loadPack(join(LINT_FIXTURES, 'valid-minimal'), { now: REVIEW_DAY });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(CASES)('$fixture → [$code] at $file:$line', async ({ fixture, code, file, line, only }) => {
    const dir = join(LINT_FIXTURES, fixture);
    const result = await loadPack(dir, { now: REVIEW_DAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.errors.map((e) => `${relative(dir, e.file)}:${e.line} [${e.code}]`);
    expect(found).toContain(`${file}:${line} [${code}]`);
    if (only !== false) expect(found).toEqual([`${file}:${line} [${code}]`]);
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(5);
  });

  it('names the unknown key when a field name has a typo', async () => {
    const result = await loadPack(join(LINT_FIXTURES, 'schema-unknown-key'), { now: REVIEW_DAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).toContain('steps.first.instrution: unknown field');
  });

  it('warns, without rejecting, when the review is more than a year old', async () => {
    const result = await loadPack(join(LINT_FIXTURES, 'valid-minimal'), { now: new Date('2028-01-01T00:00:00Z') });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.severity, w.line])).toEqual([['stale-review', 'warning', 3]]);
  });

  it('reports a pack folder that does not exist as missing files, without throwing', async () => {
    const result = await loadPack(join(LINT_FIXTURES, 'no-such-pack'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(new Set(result.errors.map((e) => e.code))).toEqual(new Set(['file-missing']));
  });
});
