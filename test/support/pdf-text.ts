import * as mupdf from 'mupdf';

// MuPDF compiled to WebAssembly: a complete PDF reader with no native or per-platform binaries
// (pdfjs-dist pulls a canvas binary per platform that this registry lacks; old pdf.js builds cannot
// read pdfkit's output).

/** The text of a PDF, page after page, as a reader would copy it: for asserting what a generated PDF says. */
export const pdfText = (pdf: Buffer | Uint8Array): { text: string; pages: number } => {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  const pages = document.countPages();
  const texts: string[] = [];
  for (let index = 0; index < pages; index += 1) {
    texts.push(document.loadPage(index).toStructuredText('preserve-whitespace').asText());
  }
  return { text: texts.join('\n'), pages };
};
