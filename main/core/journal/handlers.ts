import { ownRecordsOnly } from '../../../shared/contract/access.ts';
import type { JOURNAL_METHOD_NAMES } from '../../../shared/contract/domains/journal/names.ts';
import type { SignedIn } from '../../../shared/domain/journal/operators.ts';
import type { CoreContext } from '../core-context.ts';
import type { CitizenPasses } from '../rpc/caller.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import { removeDemoData } from './demo/demo-records.ts';
import { fillDemo } from './demo/fill-demo.ts';
import { searchHistory } from './history/history-query.ts';
import { refuse, type JournalContext } from './journal-context.ts';
import { organisationView } from './operators/hub-site.ts';
import type { JournalService } from './journal-service.ts';
import { createQuestionnaireHandlers } from './questionnaire/handlers.ts';
import { recentCitizens } from './citizens/recent-citizens.ts';
import { exportCitizen } from './rights/citizen-export.ts';
import { eraseCitizen } from './rights/erasure.ts';
import { runRetention } from './rights/retention.ts';
import { availableRuns } from './sessions/guide-runs.ts';

const DONE = { done: true } as const;

/** Starts a guide run for the projector, on its first step, and answers with its id (the guides domain's). */
export type ProjectorRunStarter = (guideId: string, language: string) => Promise<string>;

export const journalContextOf = (context: CoreContext, now: () => Date = () => new Date()): JournalContext => ({
  db: () => context.database.db,
  cipher: context.cipher,
  now,
  dataDir: context.dataDir,
});

/**
 * The journal's slice of the handler table: operators, site, citizens, sessions, workshops, rights.
 * Who may call each method (signed in, which role) is its declared access, checked by the
 * dispatcher before the handler runs; the handlers keep the record-level rules (whose records an
 * actor sees or edits: shared/contract/access.ts SEES_OTHERS, auth/permissions.ts).
 */
export const createJournalHandlers = (
  context: CoreContext,
  service: JournalService,
  passes: CitizenPasses,
  startProjectorRun: ProjectorRunStarter,
): Pick<Handlers, (typeof JOURNAL_METHOD_NAMES)[number]> => {
  const site = () => service.site.get();
  /** Volunteers and trainers see their own sessions only (data minimisation). */
  const seesSession = (actor: SignedIn, operatorId: string) => {
    const only = ownRecordsOnly(actor, 'sessions');
    if (only !== null && only !== operatorId)
      throw refuse('FORBIDDEN', 'othersRecord', 'This role sees only its own sessions');
  };
  return {
    'journal.status': () => service.status(),
    'journal.setUp': (input) => service.setUp(input),
    'journal.setUpFromRoster': (input) => service.setUpFromRoster(input),
    'journal.organisation': () => organisationView(service.context),
    'journal.signIn': ({ operatorId, secret }) => service.signIn(operatorId, secret),
    'journal.signOut': () => {
      service.auth.signOut();
      return DONE;
    },
    'journal.fillDemo': ({ sessions }, { actor }) => fillDemo(service, actor, sessions),
    'journal.removeDemo': (_input, { actor }) => removeDemoData(service.context, actor.id),

    'operators.list': () => service.operators.list(),
    'operators.create': (input, { actor }) => service.operators.create(input, actor.id),
    'operators.update': async (input, { actor }) => {
      const row = await service.operators.update(input, actor.id);
      service.auth.refresh({ id: row.id, name: row.name, role: row.role, active: Boolean(row.active) });
      return { id: row.id, version: row.version };
    },
    'operators.changeOwnSecret': async (input, { actor }) => {
      await service.operators.changeOwnSecret(actor.id, input);
      return DONE;
    },
    'site.get': () => site(),
    'site.update': (input, { actor }) => service.site.update(input, actor.id),

    'citizens.lookup': ({ codiceFiscale }) => service.citizens.lookup(codiceFiscale, site()),
    'citizens.recent': (_input, { actor }) =>
      recentCitizens(service.context, service.citizens, site(), ownRecordsOnly(actor, 'sessions')),
    'citizens.lookupByName': ({ name }) => service.citizens.lookupByName(name, site()),
    'citizens.create': (input, { actor }) => service.citizens.create(input, actor.id, site()),
    'citizens.update': (input, { actor }) => service.citizens.update(input, actor.id, site()),
    'citizens.get': ({ id }) => service.citizens.get(id, site()),
    'citizens.export': (input, { actor }) => exportCitizen(service.context, service, input, actor, site()),
    'citizens.erase': ({ id, reason }, { actor }) => {
      eraseCitizen(service.context, id, reason, actor);
      return DONE;
    },

    'sessions.create': (input, { actor }) => service.sessions.create(input, actor, site()),
    'sessions.update': (input, { actor }) => service.sessions.update(input, actor, site()),
    'sessions.delete': (input, { actor }) => {
      service.sessions.delete(input, actor);
      return DONE;
    },
    'sessions.get': ({ id }, { actor }) => {
      seesSession(actor, service.sessions.row(id).operator_id);
      return service.sessions.get(id, actor, context.settings.get().language);
    },
    'sessions.guideRuns': () => availableRuns(service.context, context.settings.get().language),
    'history.search': (query, { actor }) =>
      searchHistory(service.context, service.citizens, query, {
        sessionsOf: ownRecordsOnly(actor, 'sessions'),
        workshopsOf: ownRecordsOnly(actor, 'workshops'),
      }),
    'followUps.list': (_input, { actor }) => service.sessions.followUps.open(ownRecordsOnly(actor, 'sessions')),
    'followUps.done': ({ id }, { actor }) => {
      service.sessions.followUps.done(id, actor.id);
      return DONE;
    },
    // A draft holds a citizen's data as typed: each operator is offered their own.
    'drafts.list': (_input, { actor }) => service.drafts.list().filter((draft) => draft.operatorId === actor.id),
    'drafts.save': ({ id, form }, { actor }) => ({ id: service.drafts.save(id, form, actor) }),
    'drafts.discard': ({ id }) => {
      service.drafts.discard(id);
      return DONE;
    },
    'drafts.pageCopyKey': (_input, { actor }) => ({ key: service.context.cipher().pageCopyKey(actor.id) }),

    'workshops.create': (input, { actor }) => service.workshops.create(input, actor, site()),
    'workshops.update': (input, { actor }) => service.workshops.update(input, actor, site()),
    'workshops.get': ({ id }, { actor }) => service.workshops.get(id, actor, site()),
    'workshops.addParticipant': ({ workshopId, citizenId }, { actor }) =>
      service.workshops.addParticipant(workshopId, citizenId, actor, site()),
    'workshops.previewRoster': (input, { actor }) => service.roster.preview(input, actor, site()),
    'workshops.importRoster': (input, { actor }) => service.roster.import(input, actor, site()),
    'workshops.addByCodiceFiscale': (input, { actor }) => service.roster.addByCodiceFiscale(input, actor, site()),
    'workshops.checkIn': ({ workshopId, participantId, checkedIn }, { actor }) =>
      service.workshops.checkIn(workshopId, participantId, checkedIn, actor, site()),
    'workshops.close': ({ id }, { actor }) => service.workshops.close(id, actor, site()),
    'workshops.reopen': ({ id }, { actor }) => service.workshops.reopen(id, actor, site()),
    'workshops.startGuide': async ({ workshopId, guideId, language }, { actor }) => {
      // Checked first, so a refused workshop starts no run.
      service.workshops.requireRoomForRun(workshopId, actor);
      const runId = await startProjectorRun(guideId, language ?? context.settings.get().language);
      return { runId, workshop: service.workshops.attachRun(workshopId, runId, actor, site()) };
    },
    'workshops.delete': (input, { actor }) => {
      service.workshops.delete(input, actor);
      return DONE;
    },
    'retention.run': (_input, { actor }) => runRetention(service.context, site(), actor),
    ...createQuestionnaireHandlers(context, service, passes),
  };
};
