import type { JOURNAL_METHOD_NAMES } from '../../../shared/contract/domains/journal/names.ts';
import type { CoreContext } from '../core-context.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import { requirePermission } from './auth/permissions.ts';
import { fillDemo } from './demo/fill-demo.ts';
import { searchHistory } from './history/history-query.ts';
import type { JournalContext } from './journal-context.ts';
import { JournalService } from './journal-service.ts';
import { createQuestionnaireHandlers } from './questionnaire/handlers.ts';
import { exportCitizen } from './rights/citizen-export.ts';
import { eraseCitizen } from './rights/erasure.ts';
import { runRetention } from './rights/retention.ts';
import { availableRuns } from './sessions/guide-runs.ts';

const DONE = { done: true } as const;

export const journalContextOf = (context: CoreContext, now: () => Date = () => new Date()): JournalContext => ({
  db: () => context.database.db,
  cipher: context.cipher,
  now,
  dataDir: context.dataDir,
});

/** The journal's slice of the handler table: operators, site, citizens, sessions, workshops, rights. */
export const createJournalHandlers = (
  context: CoreContext,
  service = new JournalService(journalContextOf(context)),
): Pick<Handlers, (typeof JOURNAL_METHOD_NAMES)[number]> => ({
  'journal.status': () => service.status(),
  'journal.setUp': (input) => service.setUp(input),
  'journal.signIn': ({ operatorId, secret }) => service.signIn(operatorId, secret),
  'journal.signOut': () => {
    service.auth.signOut();
    return DONE;
  },
  'journal.fillDemo': ({ sessions }) => {
    const { actor } = service.requireCoordinatorAction('fillDemo');
    return fillDemo(service, actor, sessions);
  },

  'operators.list': () => {
    service.requireCoordinatorAction('manageOperators');
    return service.operators.list();
  },
  'operators.create': (input) => {
    const { actor } = service.requireCoordinatorAction('manageOperators');
    return service.operators.create(input, actor.id);
  },
  'operators.update': async (input) => {
    const { actor } = service.requireCoordinatorAction('manageOperators');
    const row = await service.operators.update(input, actor.id);
    service.auth.refresh({ id: row.id, name: row.name, role: row.role, active: Boolean(row.active) });
    return { id: row.id, version: row.version };
  },
  'operators.changeOwnSecret': async (input) => {
    const { actor } = service.actor();
    await service.operators.changeOwnSecret(actor.id, input);
    return DONE;
  },
  'site.get': () => service.actor().site,
  'site.update': (input) => {
    const { actor } = service.requireCoordinatorAction('manageSite');
    return service.site.update(input, actor.id);
  },

  'citizens.lookup': ({ codiceFiscale }) => service.citizens.lookup(codiceFiscale, service.actor().site),
  'citizens.create': (input) => {
    const { actor, site } = service.actor();
    return service.citizens.create(input, actor.id, site);
  },
  'citizens.update': (input) => {
    const { actor, site } = service.actor();
    return service.citizens.update(input, actor.id, site);
  },
  'citizens.get': ({ id }) => service.citizens.get(id, service.actor().site),
  'citizens.export': (input) => {
    const { actor, site } = service.requireCoordinatorAction('citizenRights');
    return exportCitizen(service.context, service, input, actor, site);
  },
  'citizens.erase': ({ id, reason }) => {
    const { actor } = service.requireCoordinatorAction('citizenRights');
    eraseCitizen(service.context, id, reason, actor);
    return DONE;
  },

  'sessions.create': (input) => service.createSession(input),
  'sessions.update': (input) => service.updateSession(input),
  'sessions.delete': (input) => {
    service.sessions.delete(input, service.actor().actor);
    return DONE;
  },
  'sessions.get': ({ id }) => service.sessions.get(id, service.actor().actor, context.settings.get().language),
  'sessions.guideRuns': () => {
    service.actor();
    return availableRuns(service.context, context.settings.get().language);
  },
  'history.search': (query) => {
    service.actor();
    return searchHistory(service.context, service.citizens, query);
  },
  'followUps.list': () => {
    service.actor();
    return service.sessions.followUps.open();
  },
  'followUps.done': ({ id }) => {
    service.sessions.followUps.done(id, service.actor().actor.id);
    return DONE;
  },
  'drafts.list': () => {
    service.actor();
    return service.drafts.list();
  },
  'drafts.save': ({ id, form }) => ({ id: service.drafts.save(id, form, service.actor().actor) }),
  'drafts.discard': ({ id }) => {
    service.actor();
    service.drafts.discard(id);
    return DONE;
  },

  'workshops.create': (input) => {
    const { actor, site } = service.actor();
    return service.workshops.create(input, actor, site);
  },
  'workshops.update': (input) => {
    const { actor, site } = service.actor();
    return service.workshops.update(input, actor, site);
  },
  'workshops.get': ({ id }) => {
    const { actor, site } = service.actor();
    return service.workshops.get(id, actor, site);
  },
  'workshops.addParticipant': ({ workshopId, citizenId }) => {
    const { actor, site } = service.actor();
    return service.workshops.addParticipant(workshopId, citizenId, actor, site);
  },
  'workshops.checkIn': ({ workshopId, participantId, checkedIn }) => {
    const { actor, site } = service.actor();
    return service.workshops.checkIn(workshopId, participantId, checkedIn, actor, site);
  },
  'workshops.close': ({ id }) => {
    const { actor, site } = service.actor();
    return service.workshops.close(id, actor, site);
  },
  'workshops.delete': (input) => {
    const { actor } = service.actor();
    requirePermission(actor.role, 'deleteRecords');
    service.workshops.delete(input, actor);
    return DONE;
  },
  'retention.run': () => {
    const { actor, site } = service.requireCoordinatorAction('runRetention');
    return runRetention(service.context, site, actor);
  },
  ...createQuestionnaireHandlers(context, service),
});
