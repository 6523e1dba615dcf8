import type { SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { addDays, localDate } from '../journal-context.ts';
import type { JournalService } from '../journal-service.ts';
import { demoCitizen, demoOperators, demoSession, randomSource } from './demo-data.ts';
import { markDemo, markDemoSince, outboxMark, refuseDemoWhenEnrolled } from './demo-records.ts';

/**
 * Fills the desk with fictional operators, citizens, sessions and a workshop so new facilitators
 * can practise on realistic data. The site is marked demo (the export will refuse it). Sessions
 * are spread over the backdating window so they can be opened and edited like real ones. Every
 * record it writes is listed as demo data (demo-records.ts); a desk enrolled with an organisation
 * refuses it, so fictional people never reach the organisation.
 */
export const fillDemo = async (service: JournalService, actor: SignedIn, sessionCount: number) => {
  const { context } = service;
  const site = service.site.get();
  refuseDemoWhenEnrolled(context.db());
  const today = localDate(context.now());
  const random = randomSource(Date.now() % 100_000);
  const existing = new Set(service.operators.cards().map((card) => card.name));
  for (const operator of demoOperators()) {
    if (existing.has(operator.name)) continue;
    const { id } = await service.operators.create(operator, actor.id);
    markDemo(context.db(), 'operator', id);
  }
  const citizenIds: string[] = [];
  const citizenCount = Math.max(5, Math.ceil(sessionCount / 3));
  context.db().transaction(() => {
    const since = outboxMark(context.db());
    service.site.markDemo();
    for (let index = 0; index < citizenCount; index += 1) {
      try {
        citizenIds.push(service.citizens.create(demoCitizen(random, today), actor.id, site).id);
      } catch {
        // A generated codice fiscale that already exists: skip it, the next one will do.
      }
    }
    for (let index = 0; index < sessionCount; index += 1) {
      const date = addDays(today, -random.int(0, site.backdateDays));
      const citizenId = random.next() < 0.9 ? random.pick(citizenIds) : null;
      service.sessions.create(demoSession(random, citizenId, date), actor, site);
    }
    const workshop = service.workshops.create(
      {
        title: 'Primi passi con lo SPID',
        date: today,
        place: 'Sala civica',
        duration: '02:00',
        serviceTypes: ['C'],
        competences: [9, 11],
        serviceAreas: ['S'],
        details: 'Laboratorio di gruppo',
      },
      actor,
      site,
    );
    for (const citizenId of citizenIds.slice(0, 6))
      service.workshops.addParticipant(workshop.id, citizenId, actor, site);
    markDemoSince(context.db(), since);
  })();
  return { citizens: citizenIds.length, sessions: sessionCount, workshops: 1 };
};
