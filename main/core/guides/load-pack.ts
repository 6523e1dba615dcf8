/**
 * Reads one guide pack folder and checks it completely. Bad content never throws: it comes
 * back as a list of errors, each pointing at a file and line.
 */
import { readdir, readFile } from 'node:fs/promises';
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

async function readSource(file: string, errors: PackError[]): Promise<YamlSource | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
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

async function languagesIn(dir: string): Promise<string[]> {
  const found = new Set<string>(REQUIRED_GUIDE_LANGUAGES);
  try {
    for (const name of await readdir(dir)) {
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
  const metaSource = await readSource(join(dir, 'guide.yaml'), errors);
  let meta: GuideMeta | undefined;
  if (metaSource) {
    const result = GuideMeta.safeParse(metaSource.value);
    if (result.success) meta = result.data;
    else errors.push(...schemaErrors(metaSource, result.error));
  }

  const texts: ParsedPack['texts'] = new Map();
  for (const lang of await languagesIn(dir)) {
    const source = await readSource(join(dir, `${lang}.yaml`), errors);
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
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const names = await readdir(join(root, entry.name)).catch(() => [] as string[]);
    if (names.includes('guide.yaml')) dirs.push(join(root, entry.name));
  }
  return dirs.sort();
}
