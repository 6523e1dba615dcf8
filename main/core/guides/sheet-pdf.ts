/**
 * The take-home sheet: one or two A4 pages in large print, in the citizen's language, saying
 * what was done today, what is left, what to bring next time, and the official sites as QR
 * codes. Made with pdfkit and Atkinson Hyperlegible (the font the citizen view uses); pdfkit
 * reads its WOFF files directly, so the standard PDF fonts (and their data files) are never used.
 */
import QRCode from 'qrcode';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { createPdfDocument } from '../pdf/pdf-document.ts';
import type { Autonomy } from '../../../shared/domain/guide-run.ts';

export interface SheetContent {
  language: string;
  deskName: string;
  /** Phone, e-mail or hours of the desk, as the coordinator wrote them in Settings. */
  deskContact: string;
  /** Already formatted for the citizen's language. */
  date: string;
  guideTitle: string;
  /** 'inProgress' for a run that has not ended. */
  outcome: 'completed' | 'partial' | 'notCompleted' | 'inProgress';
  done: { title: string; autonomy: Autonomy | null }[];
  left: string[];
  bringNextTime: string[];
  links: { label: string; url: string }[];
}

const SIZE = { title: 28, heading: 20, body: 16, small: 13 } as const;
const MARGIN = 56;
const QR_SIDE = 96;

/** Draws a QR code as filled squares: vector, sharp on any printer, no image decoding. */
const drawQr = (doc: PDFKit.PDFDocument, url: string, x: number, y: number): void => {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = QR_SIDE / (modules.size + quiet * 2);
  doc.save().fillColor('black');
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
};

export const renderSheet = (content: SheetContent): Promise<Buffer> => {
  const t = createTranslator(content.language);
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: content.language,
    info: { Title: `${t('guides:sheet.title')} – ${content.guideTitle}`, Creator: 'PassoPasso' },
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(SIZE.heading).text(text).moveDown(0.3);
  };
  const bullets = (lines: string[], empty: string) => {
    doc.font('regular').fontSize(SIZE.body);
    if (lines.length === 0) doc.text(empty);
    for (const line of lines) doc.text(`•  ${line}`, { indent: 0, paragraphGap: 4 });
  };

  doc.font('bold').fontSize(SIZE.title).text(t('guides:sheet.title'));
  doc.font('regular').fontSize(SIZE.body);
  if (content.deskName) doc.text(t('guides:sheet.desk', { desk: content.deskName }));
  if (content.deskContact) doc.text(t('guides:sheet.contact', { contact: content.deskContact }));
  doc.text(t('guides:sheet.date', { date: content.date }));
  doc.moveDown(0.6).font('bold').fontSize(SIZE.heading).text(content.guideTitle);
  doc
    .font('regular')
    .fontSize(SIZE.body)
    .text(t(`guides:sheet.outcome.${content.outcome}`));

  heading(t('guides:sheet.doneTitle'));
  bullets(
    content.done.map((step) =>
      step.autonomy ? `${step.title} (${t(`guides:sheet.autonomy.${step.autonomy}`)})` : step.title,
    ),
    t('guides:sheet.noneDone'),
  );
  heading(t('guides:sheet.leftTitle'));
  bullets(content.left, t('guides:sheet.nothingLeft'));
  if (content.bringNextTime.length > 0) {
    heading(t('guides:sheet.bringTitle'));
    bullets(content.bringNextTime, '');
  }

  if (content.links.length > 0) {
    heading(t('guides:sheet.linksTitle'));
    doc.font('regular').fontSize(SIZE.small).text(t('guides:sheet.linksHelp')).moveDown(0.5);
    for (const link of content.links) {
      if (doc.y + QR_SIDE > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      drawQr(doc, link.url, MARGIN, top);
      const textX = MARGIN + QR_SIDE + 16;
      const width = doc.page.width - MARGIN - textX;
      doc
        .font('bold')
        .fontSize(SIZE.body)
        .text(link.label, textX, top + 8, { width });
      doc
        .font('regular')
        .fontSize(SIZE.small)
        .text(link.url, textX, doc.y + 2, { width });
      doc.x = MARGIN;
      doc.y = Math.max(doc.y, top + QR_SIDE) + 12;
    }
  }
  doc.end();
  return finished;
};
