import type { Site, SiteInput, SiteUpdate } from '../../../../shared/domain/journal/operators.ts';
import { SITE_LIMITS } from '../../../../shared/domain/journal/options.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { diffFields } from '../audit.ts';
import { refuse, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { findSite, SITE } from '../records/site.ts';
import { refuseHubOwnedChanges } from './hub-site.ts';

/** The site (sede): one row, with the rules the journal applies (dates, minors, idle lock, retention). */
export class SiteStore {
  readonly #context: JournalContext;

  constructor(context: JournalContext) {
    this.#context = context;
  }

  find(): Site | null {
    return findSite(this.#context.db());
  }

  get(): Site {
    const site = this.find();
    if (!site) throw refuse('CONFLICT', 'notSetUp', 'The desk is not set up yet');
    return site;
  }

  idleMinutes(): number {
    return this.find()?.idleMinutes ?? SITE_LIMITS.idleMinutes.default;
  }

  /** Inside the set-up transaction. The province is stored by its full Facilita name (AN12 style). */
  insert(input: SiteInput, actorId: string, demo: boolean): void {
    const id = uuidv7(this.#context.now().getTime());
    const site: Site = {
      ...input,
      province: findProvince(input.province)?.name ?? input.province,
      id,
      version: 1,
      demo,
    };
    writeVersion(this.#context, SITE, {
      id,
      version: 1,
      mode: 'insert',
      payload: site,
      audit: { action: 'create', operatorId: actorId },
    });
  }

  /** On an enrolled desk, a field the organisation sets at the hub is refused at the field (hub-site.ts). */
  update(input: SiteUpdate, actorId: string): Site {
    const current = this.get();
    refuseHubOwnedChanges(this.#context, input);
    if (current.version !== input.baseVersion) throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile');
    const { baseVersion: _base, ...fields } = input;
    const next: Site = {
      ...current,
      ...fields,
      province: findProvince(input.province)?.name ?? input.province,
      version: current.version + 1,
    };
    this.#context.db().transaction(() => {
      writeVersion(this.#context, SITE, {
        id: next.id,
        version: next.version,
        mode: 'update',
        payload: next,
        audit: {
          action: 'edit',
          operatorId: actorId,
          changes: diffFields(
            current as unknown as Record<string, unknown>,
            next as unknown as Record<string, unknown>,
          ),
        },
      });
    })();
    return next;
  }

  markDemo(): void {
    this.#context.db().prepare('UPDATE site SET demo = 1').run();
  }
}
