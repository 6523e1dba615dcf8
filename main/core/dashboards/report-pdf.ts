import type { TFunction } from 'i18next';
import type { Dashboard } from '../../../shared/domain/dashboards/dashboard.ts';
import { notReportableSummary, tableTitle } from '../../../shared/domain/dashboards/labels.ts';
import { formatDay, formatMoment, formatNumber } from '../../../shared/i18n/format-day.ts';
import { createPdfDocument } from '../pdf/pdf-document.ts';
import { tableCells } from './table-files.ts';

const MARGIN = 48;
const ROW_HEIGHT = 15;
const KEY_WIDTH = 230;
const VALUE_WIDTH = 70;

/** Who and what the report is of: the site (and whether it holds demo data), its author, when it was made. */
export interface ReportHeading {
  site: { name: string; organisation: string; demo: boolean } | null;
  author: { name: string; role: string } | null;
  /** The moment the report is made (ISO timestamp). */
  at: string;
}

/**
 * The printable report for the municipality: site, period, author and date, totals, targets and
 * every table, a page number on every page ("Pagina 2 di 3"), and a demo desk's report saying
 * so at the top and on every page, so a page of made-up figures can never pass for a real one.
 */
export const renderDashboardPdf = async (
  t: TFunction,
  language: string,
  dashboard: Dashboard,
  heading: ReportHeading,
): Promise<Buffer> => {
  const { site, author } = heading;
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: language,
    bufferPages: true,
    info: { Title: t('dashboards:pdf.title'), Creator: 'PassoPasso', ...(author ? { Author: author.name } : {}) },
  });
  const number = (value: number) => formatNumber(value, language);
  const ensureRoom = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  const line = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);

  doc.font('bold').fontSize(18).text(t('dashboards:pdf.title'));
  doc.moveDown(0.5).fontSize(11);
  if (site?.demo) doc.font('bold').text(t('dashboards:pdf.demo')).moveDown(0.5);
  if (site) line(t('dashboards:pdf.site'), `${site.name} – ${site.organisation}`);
  line(t('dashboards:pdf.period'), `${formatDay(dashboard.from, language)} – ${formatDay(dashboard.to, language)}`);
  if (author) line(t('dashboards:pdf.author'), `${author.name} (${t(`journal:roles.${author.role}`)})`);
  line(t('dashboards:pdf.createdAt'), formatMoment(heading.at, language));
  line(t('dashboards:columns.services'), number(dashboard.totals.services));
  line(t('dashboards:columns.citizens'), number(dashboard.totals.citizens));
  line(t('dashboards:notReportable.pdfLabel'), notReportableSummary(t, dashboard.totals, dashboard.notReportable));

  if (dashboard.targets.length > 0) {
    doc.moveDown(1).font('bold').fontSize(13).text(t('dashboards:targets.title'));
    doc.fontSize(10);
    for (const target of dashboard.targets) {
      ensureRoom(ROW_HEIGHT);
      line(
        target.label,
        t('dashboards:targets.progress', {
          achieved: number(target.achieved),
          value: number(target.value),
          metric: t(`dashboards:targets.metric.${target.metric}`),
          due: formatDay(target.due, language),
          status: t(`dashboards:targets.status.${target.status}`),
        }),
      );
    }
  }

  for (const table of dashboard.tables) {
    doc.moveDown(1);
    ensureRoom(ROW_HEIGHT * 3);
    doc.x = MARGIN;
    doc.font('bold').fontSize(13).text(tableTitle(t, table.id));
    const cells = tableCells(t, language, table);
    if (table.rows.length === 0) doc.font('regular').fontSize(10).text(t('dashboards:empty'));
    else
      cells.forEach((row, index) => {
        doc.font(index === 0 ? 'bold' : 'regular').fontSize(9);
        const placed = row.map((cell, column) => ({
          text: typeof cell === 'number' ? number(cell) : cell,
          x: column === 0 ? MARGIN : MARGIN + KEY_WIDTH + (column - 1) * VALUE_WIDTH,
          width: column === 0 ? KEY_WIDTH - 6 : VALUE_WIDTH - 6,
          align: column ? ('right' as const) : ('left' as const),
        }));
        // A header wider than its column ("Percorsi guidati") wraps: the row grows to hold it.
        const height = Math.max(ROW_HEIGHT, ...placed.map((cell) => doc.heightOfString(cell.text, cell) + 4));
        ensureRoom(height);
        const y = doc.y;
        for (const cell of placed) doc.text(cell.text, cell.x, y, { width: cell.width, align: cell.align });
        doc.x = MARGIN;
        doc.y = y + height;
      });
  }
  footers(doc, site?.demo ? t('dashboards:pdf.demo') : null, (page, pages) =>
    t('dashboards:pdf.page', { page, pages }),
  );
  doc.end();
  return await finished;
};

/** Every page's foot: its number of the total and, on a demo desk, the demo notice again. */
const footers = (doc: PDFKit.PDFDocument, demo: string | null, pageOf: (page: number, pages: number) => string) => {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Written in the bottom margin: without lowering it, pdfkit would start a new page for the text.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = [pageOf(index - start + 1, count), demo].filter(Boolean).join(' · ');
    doc.font('regular').fontSize(8);
    doc.text(text, MARGIN, doc.page.height - MARGIN / 2 - 8, {
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
};
