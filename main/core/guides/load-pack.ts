/**
 * Reads one guide pack folder and checks it completely. Bad content never throws: it comes
 * back as a list of errors, each pointing at a file and line.
 *
 * Files are read synchronously on purpose: they are a few kilobytes each and checking them is
 * CPU work on this thread anyway. Measured on a cold start, 45 promise reads (open, stat,
 * read, close through the thread pool) cost ~6 ms against ~1 ms for the same sync reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GuideMeta,
  GuideTexts,
  REQUIRED_GUIDE_LANGUAGES,
  type GuidePack,
  type PackError,
} from '../../../shared/domain/guide.ts';
import { lintPack, type LintOptions, type ParsedPack } from './lint.ts';
import { schemaErrors } from './schema-errors.ts';
import { packError, parseYamlSource, START_OF_FILE, type YamlSource } from './yaml-source.ts';

export type LoadPackResult =
  | { ok: true; pack: GuidePack; warnings: PackError[] }
  | { ok: false; errors: PackError[]; warnings: PackError[]; id?: string; version?: string };

const LANGUAGE_FILE = /^([a-z]{2})\.yaml$/;

function readSource(file: string, errors: PackError[]): YamlSource | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    errors.push(packError('file-missing', file, START_OF_FILE, 'file is missing or cannot be read'));
    return undefined;
  }
  const parsed = parseYamlSource(file, text);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return undefined;
  }
  return parsed.source;
}

function languagesIn(dir: string): string[] {
  const found = new Set<string>(REQUIRED_GUIDE_LANGUAGES);
  try {
    for (const name of readdirSync(dir)) {
      const match = LANGUAGE_FILE.exec(name);
      if (match?.[1]) found.add(match[1]);
    }
  } catch {
    // A missing folder shows up as missing files below.
  }
  return [...found].sort();
}

/** Best-effort id and version of a pack that failed, so the store can say which one it rejected. */
function identity(source: YamlSource | undefined): { id?: string; version?: string } {
  const value = source?.value as Record<string, unknown> | null | undefined;
  const out: { id?: string; version?: string } = {};
  if (typeof value?.id === 'string') out.id = value.id;
  if (typeof value?.version === 'string') out.version = value.version;
  return out;
}

export async function loadPack(dir: string, options: LintOptions = {}): Promise<LoadPackResult> {
  const errors: PackError[] = [];
  const metaSource = readSource(join(dir, 'guide.yaml'), errors);
  let meta: GuideMeta | undefined;
  if (metaSource) {
    const result = GuideMeta.safeParse(metaSource.value);
    if (result.success) meta = result.data;
    else errors.push(...schemaErrors(metaSource, result.error));
  }

  const texts: ParsedPack['texts'] = new Map();
  for (const lang of languagesIn(dir)) {
    const source = readSource(join(dir, `${lang}.yaml`), errors);
    if (!source) continue;
    const result = GuideTexts.safeParse(source.value);
    if (result.success) texts.set(lang, { texts: result.data, source });
    else errors.push(...schemaErrors(source, result.error));
  }

  if (meta && metaSource) errors.push(...lintPack({ dir, meta, metaSource, texts }, options));

  const warnings = errors.filter((e) => e.severity === 'warning');
  const blocking = errors.filter((e) => e.severity === 'error');
  if (blocking.length > 0 || !meta) return { ok: false, errors: blocking, warnings, ...identity(metaSource) };
  const textsByLang: Record<string, GuideTexts> = {};
  for (const [lang, entry] of texts) textsByLang[lang] = entry.texts;
  return { ok: true, pack: { meta, texts: textsByLang, dir }, warnings };
}

/** Pack folders directly under a root (those holding a guide.yaml), sorted by name. */
export async function packDirsIn(root: string): Promise<string[]> {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    let names: string[] = [];
    try {
      names = readdirSync(join(root, entry.name));
    } catch {
      // An unreadable folder is simply not a pack.
    }
    if (names.includes('guide.yaml')) dirs.push(join(root, entry.name));
  }
  return dirs.sort();
}
