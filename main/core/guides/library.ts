/**
 * The desk's guide library: the pack store (bundled packs under `<appRoot>/resources/guides`,
 * installed ones under `<dataDir>/guides`), loaded once at start-up, plus the content of every
 * guide version a run was started with, kept in the database so a paused run resumes on its
 * own steps even after the library moved to a newer version.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { GuideMeta, GuidePack, GuideTexts, PackError } from '../../../shared/domain/guide.ts';
import type { LibraryStatus, PackProblem } from '../../../shared/domain/guide-views.ts';
import { log } from '../log.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import { createPackStore, type PackStore } from './pack-store.ts';

/** One guide version as a run uses it: structure, texts and images (as data: URLs). */
export interface GuideContent {
  meta: GuideMeta;
  texts: Record<string, GuideTexts>;
  images: Record<string, string>;
}

export interface GuideLibraryOptions {
  bundledDir: string;
  installedDir: string;
  /** Where validated packs are remembered between start-ups (pack-cache.ts). */
  cacheFile?: string;
  database: () => Database;
  now?: Date;
}

const MIME = { svg: 'image/svg+xml', png: 'image/png' } as const;

/** Pack images are checked by the linter (no scripts, no external references) before they get here. */
const readImage = (dir: string, path: string): string => {
  const extension = path.endsWith('.png') ? 'png' : 'svg';
  return `data:${MIME[extension]};base64,${readFileSync(join(dir, path)).toString('base64')}`;
};

export const contentOfPack = (pack: GuidePack): GuideContent => {
  const images: Record<string, string> = {};
  for (const step of pack.meta.steps) {
    if (step.image && !(step.image in images)) images[step.image] = readImage(pack.dir, step.image);
  }
  return { meta: pack.meta, texts: pack.texts, images };
};

export class GuideLibrary {
  readonly #store: PackStore;
  readonly #options: GuideLibraryOptions;
  readonly #versions = new Map<string, GuideContent>();
  #ready: Promise<void>;
  #loadMs = 0;
  #loadedAt: string | null = null;

  constructor(options: GuideLibraryOptions) {
    this.#options = options;
    const storeOptions = {
      bundledDir: options.bundledDir,
      installedDirs: [options.installedDir],
      ...(options.cacheFile ? { cacheFile: options.cacheFile } : {}),
    };
    this.#store = createPackStore(options.now ? { ...storeOptions, now: options.now } : storeOptions);
    this.#ready = this.reload().then(() => undefined);
  }

  /** Loads and validates every pack again; a broken pack is listed as rejected, never thrown. */
  async reload(): Promise<LibraryStatus> {
    try {
      const summary = await this.#store.load();
      this.#loadMs = summary.ms;
      this.#loadedAt = new Date().toISOString();
      log.info('guides.loaded', { loaded: summary.loaded, rejected: summary.rejected, ms: Math.round(summary.ms) });
    } catch (error) {
      // Unreadable folders are already "no packs"; anything else must not stop the desk either.
      log.error('guides.load.failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
    return this.status();
  }

  /** Resolves once the start-up load has finished (handlers wait for it, the core does not). */
  ready(): Promise<void> {
    return this.#ready;
  }

  packs(): GuidePack[] {
    return this.#store.list();
  }

  current(guideId: string): GuidePack | undefined {
    return this.#store.get(guideId);
  }

  /** The current pack of a guide, or a NOT_FOUND the UI can explain. */
  require(guideId: string): GuidePack {
    const pack = this.#store.get(guideId);
    if (!pack) throw new AppFailure('NOT_FOUND', 'No such guide', { reason: 'unknownGuide', guideId });
    return pack;
  }

  status(): LibraryStatus {
    const roots = [
      { dir: this.#options.bundledDir, source: 'bundled' as const },
      { dir: this.#options.installedDir, source: 'installed' as const },
    ];
    const rootOf = (dir: string) => roots.find((root) => dir.startsWith(root.dir + sep)) ?? roots[0];
    // Paths are shown relative to their root: the admin view needs the pack and file, not the disk layout.
    const problem = (error: PackError, base: string): PackProblem => ({
      code: error.code,
      severity: error.severity,
      file: relative(base, error.file).split(sep).join('/'),
      line: error.line,
      column: error.column,
      message: error.message,
    });
    return {
      loaded: this.#store.list().length,
      loadMs: this.#loadMs,
      loadedAt: this.#loadedAt,
      rejected: this.#store.rejected().map((rejected) => {
        const root = rootOf(rejected.dir) ?? { dir: this.#options.bundledDir, source: 'bundled' as const };
        return {
          id: rejected.id,
          version: rejected.version ?? null,
          source: root.source,
          folder: relative(root.dir, rejected.dir).split(sep).join('/'),
          errors: rejected.errors.map((error) => problem(error, root.dir)),
        };
      }),
      warnings: this.#store.warnings().map((warning) => problem(warning, rootOf(warning.file)?.dir ?? '')),
    };
  }

  /**
   * Keeps the current content of a guide version for the runs that use it. Same id and version
   * means the same guide (packs are versioned with semver), so newer content replaces older.
   */
  remember(pack: GuidePack): GuideContent {
    const content = contentOfPack(pack);
    this.#options
      .database()
      .prepare(
        `INSERT INTO guide_versions (guide_id, version, content, stored_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (guide_id, version) DO UPDATE SET content = excluded.content, stored_at = excluded.stored_at`,
      )
      .run(pack.meta.id, pack.meta.version, JSON.stringify(content), new Date().toISOString());
    this.#versions.set(`${pack.meta.id}@${pack.meta.version}`, content);
    return content;
  }

  /** The content a run started with; refuses clearly if it is gone (it never should be). */
  version(guideId: string, version: string): GuideContent {
    const key = `${guideId}@${version}`;
    const cached = this.#versions.get(key);
    if (cached) return cached;
    const row = this.#options
      .database()
      .prepare('SELECT content FROM guide_versions WHERE guide_id = ? AND version = ?')
      .pluck()
      .get(guideId, version) as string | undefined;
    if (row !== undefined) {
      const content = JSON.parse(row) as GuideContent;
      this.#versions.set(key, content);
      return content;
    }
    const pack = this.#store.get(guideId);
    if (pack?.meta.version === version) return contentOfPack(pack);
    throw new AppFailure('CONFLICT', 'This version of the guide is no longer available', {
      reason: 'versionUnavailable',
      guideId,
      version,
    });
  }
}
