// plain-yaml.ts may only ever answer what the `yaml` library answers (value of a text without
// errors), or step aside. These tests hold it to that on every real pack file, on the edge cases
// of the subset, and on many random edits of real files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../../main/core/guides/plain-yaml.ts';
import { BUNDLED_GUIDES, LINT_FIXTURES, STORE_FIXTURES } from './paths.ts';

const yamlFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });

/** What the reference parser makes of a text: its value, or undefined when it reports errors. */
function reference(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : { value: doc.toJS() as unknown };
}

/** The contract: no answer, or the reference's answer for a text the reference accepts. */
function expectAgreement(text: string): boolean {
  const fast = readPlainYaml(text);
  if (!fast) return false;
  const expected = reference(text);
  expect(expected, `plain reader accepted text the yaml library rejects: ${JSON.stringify(text)}`).toBeDefined();
  expect(fast.value, JSON.stringify(text)).toStrictEqual(expected?.value);
  return true;
}

const EDGE_CASES = [
  'a: 1\nb: 007\nc: 1.0\nd: -1\ne: 0x1F\nf: 0o17\ng: .inf\nh: 1e3\ni: 1234567890123456789',
  'a: yes\nb: No\nc: TRUE\nd: True\ne: tRue\nf: null\ng: ~\nh:\ni: # c\nj: nULL',
  'a: 2026-11-22\nb: 1.0.0\nc: b:c\nd: b #c\ne: b#c\nf: https://x.it/a?b=c',
  'a: b: c',
  'a: "x\\ty"\nb: \'it\'\'s\'\nc: "x\\u00e9"',
  "a: 'x' y",
  'a: [1, b, "c", \'d\']\nb: [ ]\nc: {}\nd: { x: 1, y: [2, 3] }\ne: [https://x.it/a, y]',
  'a: {x:1}',
  'a: [a, b,]',
  'a: [a: b]',
  'a: [x] y',
  'a: >-\n  one\n  two\n\n  three\nb: 2',
  'a: >\n  one\n  two\n',
  'a: |\n  one\n   two\n  three\n\n\nb: 1',
  'a: >-\n  x\n    y',
  'a: >-\n  # not a comment\n  y',
  'a: >+\n  x',
  'a:\n- 1\n- 2\nb: 3',
  'a:\n  - 1\n  - x: 1\n    y: 2\n  -   z: 3\n      w: 4\n  -\n    v: 5',
  'a:\n - x\n  - y',
  'a: 1\na: 2',
  "a: 1\n'a': 2",
  '__proto__: 1',
  "'yes': 1\nyes: 2",
  'true: 1',
  'a: b\n  c',
  'a: b\n  # c\nd: e',
  'a:\n  b: 1\n c: 2',
  '---\na: 1',
  'a: &x 1\nb: *x',
  'a: !!str 1',
  'a:\t1',
  'a: 1\r\nb: 2',
  'a: x\u00a0\nb: \u3000y\nc: [x\u2028, y]',
  'a: "multi\n  line"',
  'a: [1,\n  2]',
  '- a\n- b',
  '',
  '# only a comment',
  `k${'x'.repeat(1100)}: 1`,
];

describe('plain YAML reader', () => {
  it('reads every bundled pack file itself, with the same value as the yaml library', () => {
    const files = yamlFilesUnder(BUNDLED_GUIDES);
    expect(files.length).toBeGreaterThanOrEqual(45);
    // All of them: a pack that needs the full parser still loads, only more slowly.
    for (const file of files) expect(expectAgreement(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('agrees with the yaml library on every test fixture it reads', () => {
    for (const file of [...yamlFilesUnder(LINT_FIXTURES), ...yamlFilesUnder(STORE_FIXTURES)]) {
      expectAgreement(readFileSync(file, 'utf8'));
    }
  });

  it.each(EDGE_CASES)('agrees or steps aside: %j', (text) => {
    expectAgreement(text);
  });

  it('agrees or steps aside on random edits of real pack files', () => {
    const texts = yamlFilesUnder(BUNDLED_GUIDES).map((file) => readFileSync(file, 'utf8'));
    const pieces = [' ', ':', ': ', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '>-', '|', '\n', '\n  '];
    pieces.push('x', '1', '.', '~', '&', '*', '!', '?', 'true', 'null', '\\', '---', '\t', '\u00a0', 'id: ');
    let seed = 20261122;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let accepted = 0;
    for (let run = 0; run < 3000; run += 1) {
      const lines = pick(texts).split('\n');
      const from = Math.floor(random() * lines.length);
      const window = lines.slice(from, from + 1 + Math.floor(random() * 12));
      const indent = Math.min(...window.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
      let text = window.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
      for (let edit = 0; edit < 1 + Math.floor(random() * 3); edit += 1) {
        const at = Math.floor(random() * (text.length + 1));
        text =
          random() < 0.6 ? text.slice(0, at) + pick(pieces) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
      if (expectAgreement(text)) accepted += 1;
    }
    // Enough edited texts are read by the plain reader for the comparison to mean something.
    expect(accepted).toBeGreaterThan(300);
  });
});
