/** Turns zod issues into pack errors at the right line, with the dedicated codes the linter promises. */
import type { z } from 'zod';
import type { PackError, PackErrorCode } from '../../../shared/domain/guide.ts';
import { locate, packError, type YamlSource } from './yaml-source.ts';

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))
    .join('')
    .replace(/^\./, '');
}

function codeFor(issue: z.core.$ZodIssue, value: unknown): PackErrorCode {
  const [first, second] = issue.path;
  if (issue.path.length === 1 && first === 'lastReviewed') {
    const raw = (value as Record<string, unknown> | null)?.lastReviewed;
    if (raw === undefined || raw === null || raw === '') return 'missing-last-reviewed';
  }
  if (issue.path.length === 2 && typeof second === 'number' && issue.code === 'invalid_value') {
    if (first === 'serviceAreas') return 'unknown-se6';
    if (first === 'competences') return 'unknown-se5';
  }
  return 'schema';
}

export function schemaErrors(source: YamlSource, error: z.ZodError): PackError[] {
  const errors: PackError[] = [];
  for (const issue of error.issues) {
    const code = codeFor(issue, source.value);
    if (issue.code === 'unrecognized_keys') {
      // Point at each unknown key: usually a typo such as `instrution:`.
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        errors.push(packError(code, source.file, locate(source, path), `${dotted(path)}: unknown field`));
      }
      continue;
    }
    const where = issue.path.length > 0 ? `${dotted(issue.path)}: ` : '';
    const message =
      code === 'missing-last-reviewed'
        ? 'lastReviewed is required (the date the guide was last checked against the official site, YYYY-MM-DD)'
        : code === 'unknown-se5'
          ? `${where}not a Facilita SE5 competence code (1-13)`
          : code === 'unknown-se6'
            ? `${where}not a Facilita SE6 service-area code (A-S)`
            : `${where}${issue.message}`;
    errors.push(packError(code, source.file, locate(source, issue.path), message));
  }
  return errors;
}
