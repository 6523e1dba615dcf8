import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const moduleRequire = createRequire(import.meta.url);
const fontFile = (weight: 400 | 700) =>
  moduleRequire.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`);

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Atkinson Hyperlegible, read once: pdfkit embeds the WOFF files directly, so no standard PDF font is used. */
export const atkinsonFonts = (): { regular: Buffer; bold: Buffer } =>
  (fonts ??= { regular: readFileSync(fontFile(400)), bold: readFileSync(fontFile(700)) });

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole file once `doc.end()` has been called. */
  finished: Promise<Buffer>;
}

/**
 * A pdfkit document with the app's fonts registered as 'regular' and 'bold', collected in memory.
 * Every PDF the core makes (take-home sheet, Facilita archive, dashboards report) starts here.
 */
export const createPdfDocument = (options: PDFKit.PDFDocumentOptions): PdfDocument => {
  const { regular, bold } = atkinsonFonts();
  const doc = new PDFDocument({ ...options, font: regular as unknown as string });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
};
