import type { Site, SiteInput, SiteUpdate } from '../../../../shared/domain/journal/operators.ts';
import { SITE_LIMITS } from '../../../../shared/domain/journal/options.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { uuidv7 } from '../../ids/uuid7.ts';
import { writeAudit } from '../audit.ts';
import { writeChange } from '../changes.ts';
import { diffFields } from '../audit.ts';
import { refuse, type JournalContext } from '../journal-context.ts';

interface SiteRow {
  id: string;
  version: number;
  facilita_name: string;
  facilita_id: string;
  ente: string;
  province: string;
  project_start: string;
  project_end: string;
  cutoff_date: string | null;
  allow_minors: number;
  backdate_days: number;
  idle_minutes: number;
  retention_months: number;
  demo: number;
}

const toSite = (row: SiteRow): Site => ({
  id: row.id,
  version: row.version,
  facilitaName: row.facilita_name,
  facilitaId: row.facilita_id,
  ente: row.ente,
  province: row.province,
  projectStart: row.project_start,
  projectEnd: row.project_end,
  cutoffDate: row.cutoff_date,
  allowMinors: Boolean(row.allow_minors),
  backdateDays: row.backdate_days,
  idleMinutes: row.idle_minutes,
  retentionMonths: row.retention_months,
  demo: Boolean(row.demo),
});

/** The site (sede): one row, with the rules the journal applies (dates, minors, idle lock, retention). */
export class SiteStore {
  readonly #context: JournalContext;

  constructor(context: JournalContext) {
    this.#context = context;
  }

  find(): Site | null {
    const row = this.#context.db().prepare('SELECT * FROM site').get() as SiteRow | undefined;
    return row ? toSite(row) : null;
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
    this.#write(site, 'insert');
    writeChange(this.#context, 'site', id, 1, site);
    writeAudit(this.#context, { entity: 'site', recordId: id, version: 1, action: 'create', operatorId: actorId });
  }

  update(input: SiteUpdate, actorId: string): Site {
    const current = this.get();
    if (current.version !== input.baseVersion) throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile');
    const { baseVersion: _base, ...fields } = input;
    const next: Site = {
      ...current,
      ...fields,
      province: findProvince(input.province)?.name ?? input.province,
      version: current.version + 1,
    };
    this.#context.db().transaction(() => {
      this.#write(next, 'update');
      writeChange(this.#context, 'site', next.id, next.version, next);
      writeAudit(this.#context, {
        entity: 'site',
        recordId: next.id,
        version: next.version,
        action: 'edit',
        operatorId: actorId,
        changes: diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>),
      });
    })();
    return next;
  }

  markDemo(): void {
    this.#context.db().prepare('UPDATE site SET demo = 1').run();
  }

  #write(site: Site, mode: 'insert' | 'update'): void {
    const values = [
      site.version,
      site.facilitaName,
      site.facilitaId,
      site.ente,
      site.province,
      site.projectStart,
      site.projectEnd,
      site.cutoffDate,
      site.allowMinors ? 1 : 0,
      site.backdateDays,
      site.idleMinutes,
      site.retentionMonths,
      site.demo ? 1 : 0,
      this.#context.now().toISOString(),
    ];
    const db = this.#context.db();
    if (mode === 'insert') {
      db.prepare(
        `INSERT INTO site (version, facilita_name, facilita_id, ente, province, project_start, project_end, cutoff_date,
           allow_minors, backdate_days, idle_minutes, retention_months, demo, updated_at, id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, site.id);
    } else {
      db.prepare(
        `UPDATE site SET version = ?, facilita_name = ?, facilita_id = ?, ente = ?, province = ?, project_start = ?,
           project_end = ?, cutoff_date = ?, allow_minors = ?, backdate_days = ?, idle_minutes = ?, retention_months = ?,
           demo = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, site.id);
    }
  }
}
