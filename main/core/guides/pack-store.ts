/**
 * All guide packs the desk can use: those bundled with the app plus those installed later
 * (from the hub or by a trainer) in the data folder.
 *
 * For each guide id the newest valid version wins. A pack that fails any check is rejected
 * with its reasons and never replaces a working version: a bad update must not take a guide
 * away from a desk in the middle of a morning of appointments.
 */
import { performance } from 'node:perf_hooks';
import type { GuidePack, PackError } from '../../../shared/domain/guide.ts';
import { loadPack, packDirsIn } from './load-pack.ts';
import { fingerprintOf, PackCache } from './pack-cache.ts';
import { compareSemver } from './semver.ts';
import type { LintOptions } from './lint.ts';

export interface RejectedPack {
  dir: string;
  /** From guide.yaml when it could be read, otherwise the folder name. */
  id: string;
  version?: string;
  errors: PackError[];
}

export interface PackStoreOptions extends LintOptions {
  /** Packs shipped with the app (resources/guides). */
  bundledDir: string;
  /**
   * Further roots, e.g. `<dataDir>/guides`; each holds `<guide-id>/` folders. On an equal
   * version the earlier root wins, so the bundled copy is kept.
   */
  installedDirs?: readonly string[];
  /** A file where packs that passed every check are remembered (see pack-cache.ts); none when absent. */
  cacheFile?: string;
}

export interface LoadSummary {
  loaded: number;
  rejected: number;
  /** Wall time of the whole load, for the startup budget. */
  ms: number;
}

export interface PackStore {
  load(): Promise<LoadSummary>;
  /** The winning pack of every guide, sorted by id. */
  list(): GuidePack[];
  get(id: string): GuidePack | undefined;
  rejected(): RejectedPack[];
  /** Non-blocking findings (e.g. stale reviews) of the packs in use. */
  warnings(): PackError[];
}

export function createPackStore(options: PackStoreOptions): PackStore {
  let packs = new Map<string, GuidePack>();
  let rejectedPacks: RejectedPack[] = [];
  let warningList: PackError[] = [];

  async function load(): Promise<LoadSummary> {
    const started = performance.now();
    const roots = [options.bundledDir, ...(options.installedDirs ?? [])];
    const nextPacks = new Map<string, GuidePack>();
    const nextRejected: RejectedPack[] = [];
    const nextWarnings = new Map<string, PackError[]>();

    const cache = options.cacheFile ? new PackCache(options.cacheFile, options.now ?? new Date()) : undefined;
    const loadChecked = async (dir: string) => {
      const fingerprint = cache ? fingerprintOf(dir) : '';
      const cached = cache?.lookup(dir, fingerprint);
      if (cached) return { ok: true as const, ...cached };
      const result = await loadPack(dir, options);
      if (result.ok) cache?.remember(dir, fingerprint, result.pack, result.warnings);
      return result;
    };

    for (const root of roots) {
      const dirs = await packDirsIn(root);
      const results = await Promise.all(dirs.map(loadChecked));
      results.forEach((result, index) => {
        const dir = dirs[index] as string;
        if (!result.ok) {
          const folder = dir.split(/[\\/]/).pop() ?? dir;
          const entry: RejectedPack = { dir, id: result.id ?? folder, errors: result.errors };
          if (result.version !== undefined) entry.version = result.version;
          nextRejected.push(entry);
          return;
        }
        const { pack } = result;
        const current = nextPacks.get(pack.meta.id);
        if (!current || compareSemver(pack.meta.version, current.meta.version) > 0) {
          nextPacks.set(pack.meta.id, pack);
          nextWarnings.set(pack.meta.id, result.warnings);
        }
      });
    }

    // A guide whose every copy now fails keeps the version already in memory (it passed when
    // it was loaded) rather than vanishing from the desk.
    for (const [id, previous] of packs) {
      if (!nextPacks.has(id) && nextRejected.some((r) => r.id === id)) nextPacks.set(id, previous);
    }
    cache?.save();
    // Ids are kebab-case ASCII (the schema), where code-unit order is the alphabetical one;
    // localeCompare would load the ICU collator, ~6 ms of a cold start, for the same order.
    packs = new Map([...nextPacks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    rejectedPacks = nextRejected;
    warningList = [...nextWarnings.values()].flat();
    return { loaded: packs.size, rejected: rejectedPacks.length, ms: performance.now() - started };
  }

  return {
    load,
    list: () => [...packs.values()],
    get: (id) => packs.get(id),
    rejected: () => [...rejectedPacks],
    warnings: () => [...warningList],
  };
}
