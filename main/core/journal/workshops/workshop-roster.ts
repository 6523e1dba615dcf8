import type { z } from 'zod';
import { Email, Phone } from '../../../../shared/domain/journal/citizens.ts';
import { NAME_MAX } from '../../../../shared/domain/journal/options.ts';
import type { ArrivalInput, RosterRow } from '../../../../shared/domain/journal/roster.ts';
import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import type { JournalContext } from '../journal-context.ts';
import { readRosterFile, type RosterLine } from './roster-file.ts';
import type { WorkshopStore } from './workshop-store.ts';

type Problem = RosterRow['problems'][number];

/** A typed codice fiscale as people write it: any case, spaces between groups. */
const normalised = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

/** The field problems of a failure the checks raised (codice fiscale, age), by their codes. */
const problemsOf = (error: unknown): Problem[] => {
  if (!(error instanceof AppFailure) || error.code !== 'VALIDATION') throw error;
  const issues = (error.details?.['issues'] ?? []) as { path: string; code: string }[];
  return issues.map((issue) => ({ field: issue.path, code: issue.code }));
};

/**
 * A workshop's roster built quickly: a roster file previewed row by row then imported at once,
 * and arrivals on the day added by codice fiscale alone. Someone the desk does not know yet is
 * registered with a profile to complete (citizen-store.ts `createPending`), never reportable until
 * the citizen's page completes it.
 */
export class WorkshopRoster {
  readonly #context: JournalContext;
  readonly #citizens: CitizenStore;
  readonly #workshops: WorkshopStore;

  constructor(context: JournalContext, citizens: CitizenStore, workshops: WorkshopStore) {
    this.#context = context;
    this.#citizens = citizens;
    this.#workshops = workshops;
  }

  async preview(file: { workshopId: string; fileName: string; content: string }, actor: SignedIn, site: Site) {
    this.#workshops.requireOpen(file.workshopId, actor);
    const rows = this.#plan(await readRosterFile(file.fileName, file.content), file.workshopId, site);
    return { rows, toImport: rows.filter((row) => row.status === 'new' || row.status === 'known').length };
  }

  /**
   * Every valid row at once, in one transaction: the rows are judged again against the desk as it
   * is now, so a double click or the same file imported again finds everyone known and on the
   * roster and adds no one. Bad rows are left out and listed.
   */
  async import(file: { workshopId: string; fileName: string; content: string }, actor: SignedIn, site: Site) {
    this.#workshops.requireOpen(file.workshopId, actor);
    const lines = await readRosterFile(file.fileName, file.content);
    const rows = this.#context.db().transaction(() => {
      const planned = this.#plan(lines, file.workshopId, site);
      let added = 0;
      planned.forEach((row, index) => {
        const line = lines[index] as RosterLine;
        if (row.status === 'new') {
          const citizenId = this.#citizens.createPending(this.#pendingOf(line, row.codiceFiscale), actor.id, site);
          if (this.#workshops.enrol(file.workshopId, citizenId, actor)) added += 1;
        } else if (row.status === 'known') {
          const known = this.#citizens.byCode(row.codiceFiscale);
          if (known && this.#workshops.enrol(file.workshopId, known.id, actor)) added += 1;
        }
      });
      return { planned, added };
    })();
    return { workshop: this.#workshops.get(file.workshopId, actor, site), added: rows.added, rows: rows.planned };
  }

  /** One arrival: a known citizen is enrolled at once; an unknown one is registered to complete later. */
  addByCodiceFiscale(input: z.output<typeof ArrivalInput>, actor: SignedIn, site: Site) {
    this.#workshops.requireOpen(input.workshopId, actor);
    const code = this.#citizens.checkCode(normalised(input.codiceFiscale), site);
    const added = this.#context.db().transaction(() => {
      const known = this.#citizens.byCode(code);
      const citizenId = known?.id ?? this.#citizens.createPending({ ...input, codiceFiscale: code }, actor.id, site);
      this.#workshops.enrol(input.workshopId, citizenId, actor);
      return { citizenId, registered: !known };
    })();
    return { workshop: this.#workshops.get(input.workshopId, actor, site) as Workshop, added };
  }

  #pendingOf(line: RosterLine, codiceFiscale: string) {
    return {
      codiceFiscale,
      firstName: line.firstName,
      lastName: line.lastName,
      email: line.email || null,
      phone: line.phone || null,
    };
  }

  #plan(lines: RosterLine[], workshopId: string, site: Site): RosterRow[] {
    const seen = new Map<string, number>();
    return lines.map((line) => {
      const code = normalised(line.codiceFiscale);
      const row = { line: line.line, lastName: line.lastName, firstName: line.firstName, codiceFiscale: code };
      const problems = this.#problems(line, code, site);
      if (problems.length > 0) return { ...row, status: 'invalid', problems };
      const earlier = seen.get(code);
      if (earlier !== undefined) return { ...row, status: 'repeated', repeatsLine: earlier, problems };
      seen.set(code, line.line);
      const known = this.#citizens.byCode(code);
      if (!known) return { ...row, status: 'new', problems };
      const name = this.#citizens.displayName(known) ?? code;
      const status = this.#workshops.onRoster(workshopId, known.id) ? 'onRoster' : 'known';
      return { ...row, status, name, problems };
    });
  }

  #problems(line: RosterLine, code: string, site: Site): Problem[] {
    const problems: Problem[] = [];
    if (code === '') problems.push({ field: 'codiceFiscale', code: 'required' });
    else {
      try {
        this.#citizens.checkCode(code, site);
      } catch (error) {
        problems.push(...problemsOf(error));
      }
    }
    if (line.lastName.length > NAME_MAX) problems.push({ field: 'lastName', code: 'too_big' });
    if (line.firstName.length > NAME_MAX) problems.push({ field: 'firstName', code: 'too_big' });
    if (line.email && !Email.safeParse(line.email).success) problems.push({ field: 'email', code: 'invalid_format' });
    if (line.phone && !Phone.safeParse(line.phone).success) problems.push({ field: 'phone', code: 'invalid_format' });
    return problems;
  }
}
