import type { TFunction } from 'i18next';
import type { Dashboard } from '../../../shared/domain/dashboards/dashboard.ts';
import { notReportableSummary, tableTitle } from '../../../shared/domain/dashboards/labels.ts';
import { createPdfDocument } from '../pdf/pdf-document.ts';
import { tableCells } from './table-files.ts';

const MARGIN = 48;
const ROW_HEIGHT = 15;
const KEY_WIDTH = 230;
const VALUE_WIDTH = 70;

/** The printable report for the municipality: period, site, totals, targets and every table. */
export const renderDashboardPdf = async (
  t: TFunction,
  language: string,
  dashboard: Dashboard,
  site: { name: string; organisation: string } | null,
): Promise<Buffer> => {
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: language,
    info: { Title: t('dashboards:pdf.title'), Creator: 'PassoPasso' },
  });
  const ensureRoom = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  const line = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);

  doc.font('bold').fontSize(18).text(t('dashboards:pdf.title'));
  doc.moveDown(0.5).fontSize(11);
  if (site) line(t('dashboards:pdf.site'), `${site.name} – ${site.organisation}`);
  line(t('dashboards:pdf.period'), `${dashboard.from} – ${dashboard.to}`);
  line(t('dashboards:columns.services'), String(dashboard.totals.services));
  line(t('dashboards:columns.citizens'), String(dashboard.totals.citizens));
  line(t('dashboards:notReportable.pdfLabel'), notReportableSummary(t, dashboard.totals, dashboard.notReportable));

  if (dashboard.targets.length > 0) {
    doc.moveDown(1).font('bold').fontSize(13).text(t('dashboards:targets.title'));
    doc.fontSize(10);
    for (const target of dashboard.targets) {
      ensureRoom(ROW_HEIGHT);
      line(
        target.label,
        t('dashboards:targets.progress', {
          achieved: target.achieved,
          value: target.value,
          metric: t(`dashboards:targets.metric.${target.metric}`),
          due: target.due,
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
        ensureRoom(ROW_HEIGHT);
        const y = doc.y;
        doc.font(index === 0 ? 'bold' : 'regular').fontSize(9);
        row.forEach((cell, column) => {
          const x = column === 0 ? MARGIN : MARGIN + KEY_WIDTH + (column - 1) * VALUE_WIDTH;
          const width = column === 0 ? KEY_WIDTH - 6 : VALUE_WIDTH - 6;
          doc.text(String(cell), x, y, { width, lineBreak: false, ellipsis: true, align: column ? 'right' : 'left' });
        });
        doc.x = MARGIN;
        doc.y = y + ROW_HEIGHT;
      });
  }
  doc.end();
  return await finished;
};
