import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/contract/result.ts';

/** zod issues → field issues the UI can translate (code + path), without echoing the input values. */
export const toFieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => {
    const fieldIssue: FieldIssue = { path: issue.path.map(String).join('.'), code: issue.code, message: issue.message };
    if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')) {
      fieldIssue.minimum = issue.minimum;
    }
    if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')) {
      fieldIssue.maximum = issue.maximum;
    }
    return fieldIssue;
  });
