/** Folders the guide tests read: real files only, no mocks. */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BUNDLED_GUIDES = fileURLToPath(new URL('../../../resources/guides/', import.meta.url));
export const LINT_FIXTURES = fileURLToPath(new URL('../../fixtures/guides/lint/', import.meta.url));
export const STORE_FIXTURES = fileURLToPath(new URL('../../fixtures/guides/store/', import.meta.url));

/** "Today" for the stale-review warning, so the tests do not start failing as time passes. */
export const REVIEW_DAY = new Date('2026-11-22T12:00:00Z');
