/**
 * The recovery key on paper: one A4 page, large print, made like the take-home sheet (pdfkit and
 * Atkinson Hyperlegible). Never saved on the desk: the whole point is that it lives elsewhere.
 */
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { createPdfDocument } from '../pdf/pdf-document.ts';

export interface RecoverySheetContent {
  language: string;
  deskName: string;
  recoveryKey: string;
  keyId: string;
  now: Date;
}

const SIZE = { title: 26, key: 22, body: 14 } as const;
const MARGIN = 56;
const GROUPS_PER_LINE = 4;

export const renderRecoverySheet = (content: RecoverySheetContent): Promise<Buffer> => {
  const t = createTranslator(content.language);
  const { doc, finished } = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: content.language,
    info: { Title: t('keys:sheet.title'), Creator: 'PassoPasso' },
  });
  doc.font('bold').fontSize(SIZE.title).text(t('keys:sheet.title'));
  doc.font('regular').fontSize(SIZE.body);
  if (content.deskName) doc.text(t('keys:sheet.desk', { desk: content.deskName }));
  doc.text(
    t('keys:sheet.date', {
      date: new Intl.DateTimeFormat(content.language, { dateStyle: 'long' }).format(content.now),
    }),
  );
  doc.moveDown().text(t('keys:sheet.what'));
  doc.moveDown();
  const groups = content.recoveryKey.split('-');
  for (let start = 0; start < groups.length; start += GROUPS_PER_LINE) {
    doc
      .font('bold')
      .fontSize(SIZE.key)
      .text(groups.slice(start, start + GROUPS_PER_LINE).join('  -  '), { characterSpacing: 2 });
  }
  doc
    .moveDown()
    .font('regular')
    .fontSize(SIZE.body)
    .text(t('keys:sheet.keyId', { keyId: content.keyId }));
  doc.moveDown().font('bold').text(t('keys:sheet.keepTitle'));
  doc.font('regular');
  for (const line of ['keep1', 'keep2', 'keep3'] as const) doc.text(`•  ${t(`keys:sheet.${line}`)}`);
  doc.end();
  return finished;
};
