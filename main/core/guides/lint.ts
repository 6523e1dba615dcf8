/**
 * Every rule a guide pack must pass, after each file has been parsed and shape-checked.
 * Each rule reports a stable code (PACK_ERROR_CODES) with the file and line to fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkGuideLink } from '../../../shared/domain/guide-links.ts';
import {
  GUIDE_REVIEW_MAX_AGE_DAYS,
  type GuideMeta,
  type GuideTexts,
  type PackError,
} from '../../../shared/domain/guide.ts';
import { lintGraph } from './lint-graph.ts';
import { lintEndsAs, lintRoutes, lintSheetTexts } from './lint-sheet.ts';
import { lintTexts } from './lint-texts.ts';
import { locate, packError, type YamlSource } from './yaml-source.ts';

export interface ParsedPack {
  dir: string;
  meta: GuideMeta;
  metaSource: YamlSource;
  /** Language files that parsed and passed their schema, by language code. */
  texts: Map<string, { texts: GuideTexts; source: YamlSource }>;
}

export interface LintOptions {
  /** "Today" for the stale-review warning; tests pin it. */
  now?: Date;
}

export function lintPack(pack: ParsedPack, options: LintOptions = {}): PackError[] {
  const { meta, metaSource } = pack;
  const errors: PackError[] = [];
  const folder = basename(pack.dir);
  if (meta.id !== folder) {
    errors.push(
      packError(
        'id-folder-mismatch',
        metaSource.file,
        locate(metaSource, ['id']),
        `id "${meta.id}" must equal the folder name "${folder}"`,
      ),
    );
  }
  errors.push(...lintGraph(meta, metaSource));
  errors.push(...lintRoutes(meta, metaSource), ...lintEndsAs(meta, metaSource));
  errors.push(...lintLinks(meta, metaSource));
  errors.push(...lintImages(pack));
  for (const [lang, { texts, source }] of pack.texts) {
    errors.push(...lintTexts(meta, lang, texts, source), ...lintSheetTexts(meta, lang, texts, source));
  }
  const stale = staleReview(meta, metaSource, options.now ?? new Date());
  if (stale) errors.push(stale);
  return errors;
}

function lintLinks(meta: GuideMeta, source: YamlSource): PackError[] {
  const errors: PackError[] = [];
  meta.links.forEach((link, index) => {
    const check = checkGuideLink(link.url);
    if (check.ok) return;
    const at = locate(source, ['links', index, 'url']);
    if (check.reason === 'host-not-allowed') {
      errors.push(
        packError(
          'link-host-not-allowed',
          source.file,
          at,
          `link "${link.id}": ${check.host ?? ''} is not on the allow-list of official sites (shared/domain/guide-links.ts)`,
        ),
      );
    } else {
      errors.push(
        packError('link-not-https', source.file, at, `link "${link.id}": ${link.url} must be a plain https address`),
      );
    }
  });
  // Sources are for reviewers, not buttons for citizens: any host, but https only.
  meta.sources.forEach((sourceEntry, index) => {
    if (!/^https:\/\/[^\s/]+/.test(sourceEntry.url)) {
      errors.push(
        packError(
          'link-not-https',
          source.file,
          locate(source, ['sources', index, 'url']),
          `source ${sourceEntry.url} must be an https address`,
        ),
      );
    }
  });
  return errors;
}

// An SVG can carry scripts or load remote content; pack images are shown in the app and in
// the citizen window, so only self-contained drawings are accepted.
const UNSAFE_SVG = [
  { pattern: /<script\b/i, what: 'a <script> element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an event handler attribute' },
  { pattern: /<foreignObject\b/i, what: 'a <foreignObject> element' },
  { pattern: /(?:href|src)\s*=\s*["']\s*(?!#)/i, what: 'a reference to another file or address' },
  { pattern: /url\(\s*["']?\s*(?!#)/i, what: 'a CSS url() to another file or address' },
];

function lintImages(pack: ParsedPack): PackError[] {
  const errors: PackError[] = [];
  const { meta, metaSource } = pack;
  meta.steps.forEach((step, index) => {
    if (!step.image) return;
    // Only a problem needs a position (see yaml-source.ts: locating parses the file again).
    const at = () => locate(metaSource, ['steps', index, 'image']);
    const path = join(pack.dir, step.image);
    if (!existsSync(path)) {
      errors.push(
        packError('missing-image', metaSource.file, at(), `step "${step.id}": image ${step.image} is not in the pack`),
      );
      return;
    }
    if (!step.image.endsWith('.svg')) return;
    const svg = readFileSync(path, 'utf8');
    const found = UNSAFE_SVG.find((rule) => rule.pattern.test(svg));
    if (found) {
      errors.push(
        packError('unsafe-image', metaSource.file, at(), `step "${step.id}": ${step.image} contains ${found.what}`),
      );
    }
  });
  return errors;
}

function staleReview(meta: GuideMeta, source: YamlSource, now: Date): PackError | undefined {
  const reviewed = Date.parse(`${meta.lastReviewed}T00:00:00Z`);
  const ageDays = (now.getTime() - reviewed) / 86_400_000;
  if (ageDays <= GUIDE_REVIEW_MAX_AGE_DAYS) return undefined;
  return packError(
    'stale-review',
    source.file,
    locate(source, ['lastReviewed']),
    `last reviewed ${meta.lastReviewed}, more than ${GUIDE_REVIEW_MAX_AGE_DAYS} days ago: check it against the official sites`,
    'warning',
  );
}
