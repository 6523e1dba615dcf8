import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { formatDay } from '../../../../shared/i18n/format-day.ts';
import { cutoffText } from '../../../../shared/facilita/cutoff-text.ts';
import { createTranslator } from '../../../../shared/i18n/translator.ts';
import { createPdfDocument } from '../../pdf/pdf-document.ts';
import type { ExportPart } from './build-export.ts';
import type { CutoffInForce } from './cutoff.ts';

export interface ArchiveFacts {
  language: string;
  fileName: string;
  /** yyyy-mm-dd */
  periodFrom: string;
  periodTo: string;
  site: { id: string; name: string };
  organisation: string;
  exportedBy: string;
  exportedAt: string;
  rejectedCount: number;
  /** Absent in archives recorded before the cut-off was stated. */
  heldCount?: number;
  cutoff?: CutoffInForce | null;
  measure?: '1.7.2' | '1.7.1';
}

/** The columns printed in the archive's table: enough to identify each row of the CSV. */
const TABLE_COLUMNS = [
  { index: 20, header: 'SE1', width: 62 },
  { index: 5, header: 'AN2', width: 90 },
  { index: 4, header: 'AN1', width: 80 },
  { index: 6, header: 'AN3', width: 110 },
  { index: 21, header: 'SE2', width: 38 },
  { index: 22, header: 'SE3', width: 40 },
  { index: 24, header: 'SE5', width: 62 },
  { index: 25, header: 'SE6', width: 62 },
  { index: 0, header: 'IDFacilitatore', width: 104 },
  // SE7 as Facilita keeps it (quotes removed, trimmed, cut at 600): the start of it, to recognise the row.
  { index: 26, header: 'SE7', width: 112 },
] as const;

const MARGIN = 36;
const ROW_HEIGHT = 14;
/** Average glyph width at 8 pt, for cutting a cell to its column without pdfkit's (slow) wrapping. */
const CHARACTER_WIDTH = 4.3;

const fit = (text: string, width: number): string => {
  const room = Math.floor((width - 4) / CHARACTER_WIDTH);
  return text.length <= room ? text : `${text.slice(0, Math.max(0, room - 1))}…`;
};

/**
 * The PDF that Facilita's rules ask the organisation to keep, signed digitally, for each uploaded
 * file: period, site, counts, the table of rows and the SHA-256 of the CSV it stands for.
 */
export const renderArchivePdf = async (file: ExportPart & { sha256: string }, facts: ArchiveFacts): Promise<Buffer> => {
  const t = createTranslator(facts.language);
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    lang: facts.language,
    info: { Title: `${t('facilita:archive.title')} – ${facts.fileName}`, Creator: 'PassoPasso' },
  });

  doc.font('bold').fontSize(18).text(t('facilita:archive.title'));
  doc.moveDown(0.5).font('regular').fontSize(11);
  const day = (value: string) => formatDay(value, facts.language);
  const cutoffLine = (): string => (facts.cutoff === undefined ? '–' : cutoffText(t, facts.cutoff, facts.language));
  const lines = [
    [t('facilita:archive.file'), facts.fileName],
    [t('facilita:archive.measure'), t(`facilita:measure.${facts.measure ?? '1.7.2'}`)],
    [t('facilita:archive.period'), `${day(facts.periodFrom)} – ${day(facts.periodTo)}`],
    [t('facilita:archive.cutoff'), cutoffLine()],
    [t('facilita:archive.organisation'), facts.organisation],
    [t('facilita:archive.site'), `${facts.site.name} (${facts.site.id})`],
    [t('facilita:archive.rows'), String(file.rows.length)],
    [t('facilita:archive.rejected'), String(facts.rejectedCount)],
    [t('facilita:archive.held'), String(facts.heldCount ?? 0)],
    [t('facilita:archive.exportedBy'), `${facts.exportedBy}, ${facts.exportedAt}`],
    [t('facilita:archive.sha256'), file.sha256],
  ];
  for (const [label, value] of lines)
    doc
      .font('bold')
      .text(`${label}: `, { continued: true })
      .font('regular')
      .text(value ?? '');

  const drawHeader = () => {
    let x = MARGIN;
    doc.font('bold').fontSize(8);
    const y = doc.y;
    for (const column of TABLE_COLUMNS) {
      doc.text(column.header, x, y, { width: column.width - 4, lineBreak: false });
      x += column.width;
    }
    doc
      .moveTo(MARGIN, y + ROW_HEIGHT - 3)
      .lineTo(x, y + ROW_HEIGHT - 3)
      .stroke();
    doc.y = y + ROW_HEIGHT;
  };

  doc.moveDown(1);
  drawHeader();
  doc.font('regular').fontSize(8);
  for (const row of file.rows) {
    if (doc.y + ROW_HEIGHT > doc.page.height - MARGIN) {
      doc.addPage();
      drawHeader();
      doc.font('regular').fontSize(8);
      // A page at a time, so a 9,000-row table never holds the event loop for long.
      await yieldToEventLoop();
    }
    let x = MARGIN;
    const y = doc.y;
    for (const column of TABLE_COLUMNS) {
      doc.text(fit(row[column.index] ?? '', column.width), x, y, { lineBreak: false });
      x += column.width;
    }
    doc.y = y + ROW_HEIGHT;
  }
  doc.end();
  return await finished;
};
