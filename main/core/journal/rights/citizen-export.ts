import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { createPdfDocument } from '../../pdf/pdf-document.ts';
import { writeAudit } from '../audit.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import { localDate, type JournalContext } from '../journal-context.ts';
import type { SessionStore } from '../sessions/session-store.ts';
import type { WorkshopRow } from '../records/workshop.ts';

/**
 * Everything the desk holds about one citizen (GDPR art. 15): their data, every session with its
 * follow-ups, the workshops they were on. Written to `<dataDir>/exports/` (never sent anywhere);
 * the person downloads or prints it from there. The export itself is recorded in the audit trail.
 */
export const collectCitizenData = (
  context: JournalContext,
  stores: { citizens: CitizenStore; sessions: SessionStore },
  citizenId: string,
  actor: SignedIn,
  site: Site,
) => {
  const citizen = stores.citizens.get(citizenId, site);
  const sessionIds = context
    .db()
    .prepare('SELECT id FROM sessions WHERE citizen_id = ? AND deleted_at IS NULL ORDER BY date')
    .pluck()
    .all(citizenId) as string[];
  const sessions = sessionIds.map((id) => {
    const { audit: _audit, canEdit: _canEdit, canDelete: _canDelete, ...session } = stores.sessions.get(id, actor);
    return session;
  });
  const workshops = context
    .db()
    .prepare(
      `SELECT w.title, w.date, w.place, p.checked_in_at AS checkedInAt FROM workshop_participants p
       JOIN workshops w ON w.id = p.workshop_id WHERE p.citizen_id = ? AND w.deleted_at IS NULL ORDER BY w.date`,
    )
    .all(citizenId) as (Pick<WorkshopRow, 'title' | 'date' | 'place'> & { checkedInAt: string | null })[];
  return {
    exportedAt: context.now().toISOString(),
    site: { name: site.facilitaName, ente: site.ente },
    citizen,
    sessions,
    workshops,
  };
};

/** A readable print-out; the app's PDF helper embeds its own font, so it works inside the bundle too. */
const writePdf = async (data: ReturnType<typeof collectCitizenData>, file: string): Promise<number> => {
  const { doc, finished } = createPdfDocument({ size: 'A4', margin: 50, info: { Title: 'PassoPasso' } });
  const { citizen } = data;
  doc.font('bold').fontSize(18).text(`${citizen.lastName} ${citizen.firstName}`);
  doc.font('regular').fontSize(10).text(`${data.site.ente} — ${data.site.name} — ${data.exportedAt}`);
  doc.moveDown();
  for (const [key, value] of Object.entries(citizen)) doc.text(`${key}: ${value === null ? '—' : String(value)}`);
  for (const session of data.sessions) {
    doc.moveDown().font('bold').fontSize(12).text(`${session.date} — ${session.duration} — ${session.operatorName}`);
    doc.font('regular').fontSize(10);
    doc.text(
      `SE3 ${session.serviceTypes.join(':')} · SE5 ${session.competences.join(':')} · SE6 ${session.serviceAreas.join(':')}`,
    );
    if (session.details) doc.text(session.details);
    if (session.privateNotes) doc.text(session.privateNotes);
    if (session.followUp) doc.text(`${session.followUp.dueDate}: ${session.followUp.reason}`);
  }
  for (const workshop of data.workshops) {
    doc.moveDown().text(`${workshop.date} — ${workshop.title} — ${workshop.place}`);
  }
  doc.end();
  const bytes = await finished;
  writeFileSync(file, bytes, { mode: 0o600 });
  return bytes.length;
};

export const exportCitizen = async (
  context: JournalContext,
  stores: { citizens: CitizenStore; sessions: SessionStore },
  input: { id: string; format: 'json' | 'pdf' },
  actor: SignedIn,
  site: Site,
): Promise<{ file: string; bytes: number }> => {
  const data = collectCitizenData(context, stores, input.id, actor, site);
  const dir = join(context.dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `citizen-${input.id}-${localDate(context.now())}.${input.format}`);
  let bytes: number;
  if (input.format === 'json') {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    writeFileSync(file, text, { mode: 0o600 });
    bytes = Buffer.byteLength(text);
  } else {
    bytes = await writePdf(data, file);
  }
  const version = context.db().prepare('SELECT version FROM citizens WHERE id = ?').pluck().get(input.id) as number;
  context.db().transaction(() => {
    writeAudit(context, {
      entity: 'citizen',
      recordId: input.id,
      version,
      action: 'export',
      operatorId: actor.id,
      reason: input.format,
    });
  })();
  return { file, bytes };
};
