/**
 * Validated packs remembered between start-ups. Parsing and linting fifteen YAML packs costs
 * some 35 ms on a cold process (plain-yaml.ts; it was ~300 ms with the full `yaml` parser);
 * a pack whose files have not changed since it last passed every check is taken from here
 * instead, for a few milliseconds. The fingerprint is every file's path, size and
 * modification time; an entry is also dropped on a new day (the stale-review warning depends on
 * the date) and whenever the checker itself changes (CHECKER_VERSION).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { GuidePack, PackError } from '../../../shared/domain/guide.ts';

/** Bump whenever the schema or a lint rule changes, so every cached pack is checked again. */
export const CHECKER_VERSION = 3;

interface CacheEntry {
  fingerprint: string;
  pack: GuidePack;
  warnings: PackError[];
}

interface CacheFile {
  checker: number;
  day: string;
  entries: Record<string, CacheEntry>;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

export const fingerprintOf = (dir: string): string =>
  filesUnder(dir)
    .sort()
    .map((file) => {
      const stat = statSync(file);
      return `${relative(dir, file)}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');

export class PackCache {
  readonly #file: string;
  readonly #day: string;
  #entries: Record<string, CacheEntry> = {};
  #dirty = false;

  constructor(file: string, now: Date) {
    this.#file = file;
    this.#day = now.toISOString().slice(0, 10);
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.checker === CHECKER_VERSION && parsed.day === this.#day) this.#entries = parsed.entries;
    } catch {
      // No cache yet, or an unreadable one: every pack is simply checked again.
    }
  }

  lookup(dir: string, fingerprint: string): { pack: GuidePack; warnings: PackError[] } | undefined {
    const entry = this.#entries[dir];
    return entry && entry.fingerprint === fingerprint ? { pack: entry.pack, warnings: entry.warnings } : undefined;
  }

  remember(dir: string, fingerprint: string, pack: GuidePack, warnings: PackError[]): void {
    this.#entries[dir] = { fingerprint, pack, warnings };
    this.#dirty = true;
  }

  /** Written under a temporary name and renamed: a crash never leaves half a cache. */
  save(): void {
    if (!this.#dirty) return;
    try {
      mkdirSync(dirname(this.#file), { recursive: true });
      const content: CacheFile = { checker: CHECKER_VERSION, day: this.#day, entries: this.#entries };
      writeFileSync(`${this.#file}.partial`, JSON.stringify(content));
      renameSync(`${this.#file}.partial`, this.#file);
      this.#dirty = false;
    } catch {
      // A cache that cannot be written only costs time at the next start.
    }
  }
}
