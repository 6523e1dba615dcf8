import { describe, expect, it } from 'vitest';
import { renderArchivePdf } from '../../../main/core/export/facilita/archive-pdf.ts';
import { buildFacilitaExport, sha256Hex } from '../../../main/core/export/facilita/build-export.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { aRecord, RULES } from '../../support/facilita-records.ts';

describe('the archive PDF', () => {
  it('holds the SHA-256 of its CSV, the period, the site and every row', async () => {
    const records = Array.from({ length: 80 }, (_, index) =>
      aRecord({ id: `r${index}`, service: { ...aRecord().service, details: `servizio ${index}` } }),
    );
    const file = buildFacilitaExport(records, RULES).files[0];
    if (!file) throw new Error('no file');
    const pdf = await renderArchivePdf(file, {
      language: 'it',
      fileName: 'facilita-2026-10-part-1.csv',
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      site: { id: '1234', name: 'Biblioteca Civica' },
      organisation: 'Comune di Esempio',
      exportedBy: 'Bianco Laura',
      exportedAt: '2026-11-02 10:00',
      rejectedCount: 2,
    });
    const { text, pages } = pdfText(pdf);
    expect(file.sha256).toBe(sha256Hex(file.csv));
    expect(text.replace(/\s+/g, '')).toContain(file.sha256);
    expect(text).toContain('1° ottobre 2026 – 31 ottobre 2026');
    expect(text).toContain('Biblioteca Civica (1234)');
    expect(text).toContain('Righe esportate: 80');
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/RSSMRA80A01H501U/g)).toHaveLength(80);
  });
});
