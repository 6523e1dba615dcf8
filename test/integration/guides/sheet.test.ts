import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDetail, SheetFile } from '../../../shared/domain/guide-views.ts';
import { signedInCore } from '../../support/journal.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { value } from './helpers.ts';

const cores: { close(): void }[] = [];
afterEach(() => {
  for (const created of cores.splice(0)) created.close();
});

describe('the take-home sheet', () => {
  it('is a PDF in the citizen’s language with the steps done, what is left, what to bring and the desk', async () => {
    const app = await signedInCore();
    cores.push(app);
    await value(app, 'settings.set', {
      deskName: 'Punto Digitale Facile – Centro',
      deskContact: 'Tel. 0372 407 000, lun–ven 9–13',
    });
    const { run } = await value<RunDetail>(app, 'guides.run.start', {
      guideId: 'cie-activate-credentials',
      language: 'en',
    });
    await value(app, 'guides.run.checklist', { runId: run.id, missing: ['puk-receipt'] });
    await value(app, 'guides.run.answer', { runId: run.id, answerId: 'yes' });
    await value(app, 'guides.run.answer', { runId: run.id, answerId: 'yes' });
    await value(app, 'guides.run.autonomy', { runId: run.id, stepId: 'open-site', autonomy: 'citizen' });
    await value(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.finish', { runId: run.id, outcome: 'partial', reason: 'missingDocument' });

    const sheet = await value<SheetFile>(app, 'guides.run.sheet', { runId: run.id });
    expect(sheet.path).toBe(join(app.dataDir, 'sheets', sheet.fileName));
    expect(existsSync(sheet.path)).toBe(true);
    const bytes = readFileSync(sheet.path);
    expect(Buffer.from(sheet.base64, 'base64').equals(bytes)).toBe(true);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const { text } = pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Take-home sheet',
      'Desk: Punto Digitale Facile – Centro',
      'Contact: Tel. 0372 407 000, lun–ven 9–13',
      'CIE - activate the credentials',
      'Today we did part of this service.',
      'What we did today',
      'The mobile number given to the comune',
      'The receipt with the first half of the PUK',
      "Open the Ministry's website (you did it alone)",
      'What is left to do',
      'Tax code and card number',
      'What to bring next time',
      "Come back with the comune's receipt showing the first half of the PIN and PUK.",
      'https://www.cartaidentita.interno.gov.it/',
    ]) {
      expect(flat).toContain(expected);
    }
    // Nothing for the operator's eyes only.
    expect(flat).not.toContain('Check that the address ends with interno.gov.it');
  });

  it('for a run not yet started lists no step done and the whole way ahead', async () => {
    const app = await signedInCore();
    cores.push(app);
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'pagopa-pay-notice', language: 'it' });
    const sheet = await value<SheetFile>(app, 'guides.run.sheet', { runId: run.id });
    const flat = pdfText(readFileSync(sheet.path)).text.replace(/\s+/g, ' ');
    expect(flat).toContain('Oggi non abbiamo ancora fatto nessun passo.');
    expect(flat).toContain('Questa pratica è ancora in corso.');
  });

  it('printing saves the sheet and asks the desktop app to open that file (and only that)', async () => {
    const app = await signedInCore();
    cores.push(app);
    const requests: unknown[] = [];
    app.events.subscribe((name, payload) => name === 'guides.sheet.printRequested' && requests.push(payload));
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'pagopa-pay-notice', language: 'it' });
    const sheet = await value<SheetFile>(app, 'guides.run.sheet.print', { runId: run.id });
    expect(requests).toEqual([{ path: sheet.path }]);
    expect(existsSync(sheet.path)).toBe(true);
    expect(
      await app.dispatcher.call('guides.run.sheet.print', { runId: '01890000-0000-7000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(requests).toHaveLength(1);
  });
});
