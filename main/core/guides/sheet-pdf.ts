/**
 * The take-home sheet: one A4 page in large print wherever the guide allows, in the citizen's
 * language, for a person who will follow it alone at home: what we did today, what to do or
 * expect at home (with dates), what to bring next time, what to keep secret, whom to call and the
 * official sites with their QR codes. Made with pdfkit and Atkinson Hyperlegible (the font the
 * citizen view uses); pdfkit reads its WOFF files directly, so no standard PDF font is used.
 */
import QRCode from 'qrcode';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { createPdfDocument } from '../pdf/pdf-document.ts';

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
  /** One short sentence per step done. */
  done: string[];
  /** What to do or expect at home, in order; `date` already formatted, when the guide gives one. */
  home: { text: string; date: string | null }[];
  /** Steps still ahead, for the next visit. */
  left: string[];
  bringNextTime: string[];
  secrets: string[];
  call: string[];
  links: { label: string; url: string }[];
}

// Large print: body text at 16 pt; a long guide steps down to 14 pt, the floor of large print,
// rather than spill its QR codes onto a second sheet of paper.
const BODY_SIZES = [16, 15, 14] as const;
const sizesFor = (body: number) => ({ title: body + 8, heading: body + 2, body, small: 12 });
type Sizes = ReturnType<typeof sizesFor>;
const MARGIN = 40;
const QR_SIDE = 72;
const LINKS_PER_ROW = 3;

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

/** The official sites side by side, each a QR code with its name and address underneath. */
const drawLinks = (doc: PDFKit.PDFDocument, links: SheetContent['links'], SIZE: Sizes): void => {
  const width = (doc.page.width - MARGIN * 2) / LINKS_PER_ROW;
  for (let first = 0; first < links.length; first += LINKS_PER_ROW) {
    const row = links.slice(first, first + LINKS_PER_ROW);
    if (doc.y + QR_SIDE + 50 > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let bottom = top;
    row.forEach((link, index) => {
      const x = MARGIN + index * width;
      drawQr(doc, link.url, x, top);
      doc
        .font('bold')
        .fontSize(SIZE.small)
        .text(link.label, x, top + QR_SIDE + 2, { width: width - 8 });
      doc
        .font('regular')
        .fontSize(SIZE.small - 1)
        .text(link.url, x, doc.y, { width: width - 8 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = MARGIN;
    doc.y = bottom + 8;
  }
};

/** Lays the sheet out at one body size; returns the finished file and its page count. */
const layout = (content: SheetContent, SIZE: Sizes): { finished: Promise<Buffer>; pages: number } => {
  const t = createTranslator(content.language);
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: content.language,
    bufferPages: true,
    info: { Title: `${t('guides:sheet.title')} – ${content.guideTitle}`, Creator: 'PassoPasso' },
  });
  const textWidth = doc.page.width - MARGIN * 2;

  const heading = (text: string) => {
    doc.moveDown(0.35).font('bold').fontSize(SIZE.heading).text(text, MARGIN, doc.y, { width: textWidth });
  };
  // A hanging indent keeps the mark alone in its column, so each item reads as one block.
  const list = (lines: string[], mark: (index: number) => string) => {
    doc.font('regular').fontSize(SIZE.body);
    const indent = doc.widthOfString('00.') + 6;
    lines.forEach((line, index) => {
      const top = doc.y;
      doc.text(mark(index), MARGIN, top, { width: indent, lineBreak: false });
      doc.text(line, MARGIN + indent, top, { width: textWidth - indent, paragraphGap: 1 });
    });
    doc.x = MARGIN;
  };
  const section = (title: string, lines: string[], numbered = false) => {
    if (lines.length === 0) return;
    heading(title);
    list(lines, (index) => (numbered ? `${index + 1}.` : '•'));
  };

  doc.font('bold').fontSize(SIZE.title).text(t('guides:sheet.title'));
  doc.font('regular').fontSize(SIZE.body);
  if (content.deskName) doc.text(t('guides:sheet.desk', { desk: content.deskName }), { width: textWidth });
  if (content.deskContact) doc.text(t('guides:sheet.contact', { contact: content.deskContact }), { width: textWidth });
  doc.text(t('guides:sheet.date', { date: content.date }));
  doc.moveDown(0.3).font('bold').fontSize(SIZE.heading).text(content.guideTitle);
  doc
    .font('regular')
    .fontSize(SIZE.body)
    .text(t(`guides:sheet.outcome.${content.outcome}`));

  if (content.done.length === 0) {
    heading(t('guides:sheet.doneTitle'));
    list([t('guides:sheet.noneDone')], () => '•');
  } else section(t('guides:sheet.doneTitle'), content.done);
  section(
    t('guides:sheet.homeTitle'),
    content.home.map(({ text, date }) => (date ? `${text} ${t('guides:sheet.around', { date })}` : text)),
    true,
  );
  section(t('guides:sheet.bringTitle'), content.bringNextTime);
  section(t('guides:sheet.leftTitle'), content.left);
  section(t('guides:sheet.secretsTitle'), content.secrets);
  // The desk comes first: it is whom the citizen already knows.
  const desk = content.deskContact ? [t('guides:sheet.callDesk', { contact: content.deskContact })] : [];
  section(t('guides:sheet.callTitle'), [...desk, ...content.call]);

  if (content.links.length > 0) {
    heading(t('guides:sheet.linksTitle'));
    doc.font('regular').fontSize(SIZE.small).text(t('guides:sheet.linksHelp'), MARGIN, doc.y, { width: textWidth });
    doc.moveDown(0.2);
    drawLinks(doc, content.links, SIZE);
  }
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return { finished, pages };
};

export const renderSheet = async (content: SheetContent): Promise<Buffer> => {
  for (const body of BODY_SIZES) {
    const { finished, pages } = layout(content, sizesFor(body));
    if (pages === 1 || body === BODY_SIZES.at(-1)) return finished;
    await finished; // a discarded try still has to finish its stream
  }
  throw new Error('unreachable: the last size always returns');
};
