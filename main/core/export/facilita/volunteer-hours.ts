import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { formatDay, formatMonth } from '../../../../shared/i18n/format-day.ts';
import { createTranslator } from '../../../../shared/i18n/translator.ts';
import { createPdfDocument } from '../../pdf/pdf-document.ts';

/** One volunteer's month: services given (a session, or a participant of a workshop they led) and hours. */
export interface VolunteerMonth {
  volunteer: string;
  /** yyyy-mm */
  month: string;
  services: number;
  minutes: number;
}

/**
 * Servizio Civile Digitale volunteers report their services and hours per month for their project:
 * live sessions they logged, and closed workshops they led (each checked-in participant a service,
 * the workshop's duration counted once).
 */
const VOLUNTEER_MONTHS_SQL = `
  SELECT volunteer, month, sum(services) AS services, sum(minutes) AS minutes FROM (
    SELECT o.name AS volunteer, substr(s.date, 1, 7) AS month, 1 AS services, s.duration_min AS minutes
      FROM sessions s JOIN operators o ON o.id = s.operator_id
     WHERE o.role = 'volunteer' AND s.deleted_at IS NULL AND s.date BETWEEN @from AND @to
    UNION ALL
    SELECT o.name, substr(w.date, 1, 7),
           (SELECT count(*) FROM workshop_participants p WHERE p.workshop_id = w.id AND p.checked_in_at IS NOT NULL),
           w.duration_min
      FROM workshops w JOIN operators o ON o.id = w.trainer_id
     WHERE o.role = 'volunteer' AND w.deleted_at IS NULL AND w.state = 'closed' AND w.date BETWEEN @from AND @to
  ) GROUP BY volunteer, month ORDER BY volunteer, month`;

export const volunteerMonths = (db: Database, from: string, to: string): VolunteerMonth[] =>
  db.prepare(VOLUNTEER_MONTHS_SQL).all({ from, to }) as VolunteerMonth[];

const hours = (minutes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes / 60);

interface ReportFacts {
  language: string;
  project: string;
  from: string;
  to: string;
}

const table = (rows: readonly VolunteerMonth[], language: string) => {
  const t = createTranslator(language);
  return {
    header: [
      t('facilita:volunteers.volunteer'),
      t('facilita:volunteers.month'),
      t('facilita:volunteers.services'),
      t('facilita:volunteers.hours'),
    ],
    body: rows.map((row) => [row.volunteer, formatMonth(row.month, language), row.services, row.minutes / 60] as const),
  };
};

/** The volunteers' months as a workbook: one sheet, real numbers (hours with one decimal). */
export const volunteerHoursXlsx = async (rows: readonly VolunteerMonth[], facts: ReportFacts): Promise<Buffer> => {
  const t = createTranslator(facts.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PassoPasso';
  const sheet = workbook.addWorksheet(t('facilita:volunteers.sheet').slice(0, 31));
  const { header, body } = table(rows, facts.language);
  sheet.addRow([`${t('facilita:volunteers.title')} – ${facts.project}`]);
  sheet.addRow([`${formatDay(facts.from, facts.language)} – ${formatDay(facts.to, facts.language)}`]);
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow([...row]);
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 20;
  sheet.getColumn(4).numFmt = '0.0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The same as a printable PDF. */
export const volunteerHoursPdf = async (rows: readonly VolunteerMonth[], facts: ReportFacts): Promise<Buffer> => {
  const t = createTranslator(facts.language);
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    margin: 48,
    lang: facts.language,
    info: { Title: t('facilita:volunteers.title'), Creator: 'PassoPasso' },
  });
  doc.font('bold').fontSize(16).text(t('facilita:volunteers.title'));
  doc.font('regular').fontSize(11).text(facts.project);
  doc.text(`${formatDay(facts.from, facts.language)} – ${formatDay(facts.to, facts.language)}`).moveDown(1);
  const widths = [200, 130, 70, 70];
  const line = (cells: readonly string[], bold: boolean) => {
    const y = doc.y;
    let x = 48;
    doc.font(bold ? 'bold' : 'regular').fontSize(10);
    cells.forEach((cell, index) => {
      doc.text(cell, x, y, { width: (widths[index] ?? 60) - 6, lineBreak: false });
      x += widths[index] ?? 60;
    });
    doc.y = y + 16;
  };
  const { header, body } = table(rows, facts.language);
  line(header, true);
  if (body.length === 0) doc.font('regular').text(t('facilita:volunteers.none'), 48);
  for (const row of rows)
    line(
      [row.volunteer, formatMonth(row.month, facts.language), String(row.services), hours(row.minutes, facts.language)],
      false,
    );
  doc.end();
  return await finished;
};
