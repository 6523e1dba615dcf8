import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDetail, SheetFile } from '../../../shared/domain/guide-views.ts';
import { createTestCore } from '../../support/core.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { value } from './helpers.ts';

const cores: { close(): void }[] = [];
afterEach(() => {
  for (const created of cores.splice(0)) created.close();
});

const core = () => {
  const app = createTestCore();
  cores.push(app);
  return app;
};

const sheetOf = async (app: ReturnType<typeof core>, runId: string) => {
  const sheet = await value<SheetFile>(app, 'guides.run.sheet', { runId });
  const { text, pages } = pdfText(readFileSync(sheet.path));
  return { sheet, pages, flat: text.replace(/\s+/g, ' ') };
};

/** The calendar day `days` after an ISO timestamp, counting Monday–Friday only when `working`. */
const dayAfter = (iso: string, days: number, working: boolean): Date => {
  const day = new Date(iso);
  let left = days;
  while (left > 0) {
    day.setDate(day.getDate() + 1);
    if (!working || (day.getDay() !== 0 && day.getDay() !== 6)) left -= 1;
  }
  return day;
};

describe('the take-home sheet', () => {
  it('tells a citizen who got SPID at the post office what was done, what follows, what to keep secret and whom to call, on one page', async () => {
    const app = core();
    await value(app, 'settings.set', {
      deskName: 'Punto Digitale Facile – Centro',
      deskContact: 'Tel. 0372 407 000, lun–ven 9–13',
    });
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'spid-posteid', language: 'it' });
    // No NFC phone: only the app route needs one, and the citizen goes to the post office.
    await value(app, 'guides.run.checklist', { runId: run.id, missing: ['nfc-phone'] });
    await value(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.answer', { runId: run.id, answerId: 'post-office' });
    await value(app, 'guides.run.autonomy', { runId: run.id, stepId: 'register-online', autonomy: 'citizen' });
    let detail = await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    while (!detail.step?.isEnd) detail = await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.finish', { runId: run.id, outcome: 'completed' });

    const { sheet, pages, flat } = await sheetOf(app, run.id);
    expect(sheet.path).toBe(join(app.dataDir, 'sheets', sheet.fileName));
    expect(existsSync(sheet.path)).toBe(true);
    expect(Buffer.from(sheet.base64, 'base64').equals(readFileSync(sheet.path))).toBe(true);
    expect(pages).toBe(1);
    for (const expected of [
      'Promemoria da portare a casa',
      'Sportello: Punto Digitale Facile – Centro',
      'Contatti: Tel. 0372 407 000, lun–ven 9–13',
      'SPID con Poste Italiane (PosteID)',
      'Oggi abbiamo completato questa pratica.',
      'Cosa abbiamo fatto oggi',
      'Abbiamo fatto il riconoscimento in ufficio postale.',
      'Cosa fare a casa',
      'Da tenere segreto',
      'Non dica a nessuno la password e il codice PosteID',
      'Chi chiamare',
      'Questo sportello: Tel. 0372 407 000, lun–ven 9–13',
      'Poste Italiane, assistenza PosteID: 06 977 977 77',
      'Siti ufficiali',
      'https://posteid.poste.it/',
    ]) {
      expect(flat).toContain(expected);
    }
    // An over-75 is told plainly there is nothing to pay.
    expect(flat).toContain('Chi ha 75 anni o più non paga niente');
    // Not the file's words: no step titles with who did them, no questions, no route not taken.
    for (const unwanted of ["l'ha fatto", 'fatto insieme', 'da solo', 'App o ufficio postale?', 'Torni con', 'NFC']) {
      expect(flat).not.toContain(unwanted);
    }
    expect(flat).not.toContain('Cosa portare la prossima volta');
  });

  it('dates what follows from the day the step was done, in the citizen’s language', async () => {
    const app = core();
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'cie-appointment', language: 'en' });
    await value(app, 'guides.run.checklist', { runId: run.id, missing: [] });
    let detail = await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    while (!detail.step?.isEnd) {
      detail = detail.step?.question
        ? await value<RunDetail>(app, 'guides.run.answer', {
            runId: run.id,
            answerId: detail.step.question.answers[0]?.id,
          })
        : await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    }
    await value(app, 'guides.run.finish', { runId: run.id, outcome: 'completed' });
    const visit = detail.run.steps.find((entry) => entry.stepId === 'at-the-comune');
    expect(visit).toBeDefined();
    const { flat } = await sheetOf(app, run.id);
    const expectedDate = new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(
      dayAfter(visit?.at ?? '', 6, true),
    );
    expect(flat).toContain('What to do at home');
    expect(flat).toContain(expectedDate);
    expect(flat).toMatch(/The card arrives by registered post/);
  });

  it('prints nothing left to do when a guide ends partly done on its last step', async () => {
    const app = core();
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'spid-posteid', language: 'it' });
    await value(app, 'guides.run.checklist', { runId: run.id, missing: [] });
    await value(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.answer', { runId: run.id, answerId: 'post-office' });
    let detail = await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    while (!detail.step?.isEnd) detail = await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.finish', { runId: run.id, outcome: 'partial', reason: 'other' });
    const { flat } = await sheetOf(app, run.id);
    expect(flat).not.toContain('Cosa resta da fare');
    expect(flat).not.toMatch(/•\s*Fatto/);
  });

  it('lists a missing document only when the route taken needed it', async () => {
    const app = core();
    const start = async (answerId: string) => {
      const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'spid-posteid', language: 'it' });
      await value(app, 'guides.run.checklist', { runId: run.id, missing: ['nfc-phone', 'health-card'] });
      await value(app, 'guides.run.next', { runId: run.id });
      await value(app, 'guides.run.next', { runId: run.id });
      await value(app, 'guides.run.answer', { runId: run.id, answerId });
      return (
        await value<RunDetail>(app, 'guides.run.finish', {
          runId: run.id,
          outcome: 'notCompleted',
          reason: 'missingDocument',
        })
      ).run;
    };
    const office = await start('post-office');
    expect(office.missingPrerequisites).toEqual(['health-card']);
    const appRoute = await start('app');
    expect(appRoute.missingPrerequisites.sort()).toEqual(['health-card', 'nfc-phone']);
    const { flat } = await sheetOf(app, office.id);
    expect(flat).toContain('Cosa portare la prossima volta');
    expect(flat).toContain('Torni con la tessera sanitaria.');
    expect(flat).not.toContain('NFC');
  });

  it('does not tell a citizen who will pay later in a shop that the notice is paid', async () => {
    const app = core();
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'pagopa-pay-notice', language: 'it' });
    await value(app, 'guides.run.checklist', { runId: run.id, missing: ['email'] });
    await value(app, 'guides.run.next', { runId: run.id });
    await value(app, 'guides.run.answer', { runId: run.id, answerId: 'single' });
    await value(app, 'guides.run.answer', { runId: run.id, answerId: 'in-person' });
    const end = await value<RunDetail>(app, 'guides.run.next', { runId: run.id });
    expect(end.step).toMatchObject({ isEnd: true, endsAs: 'partial' });
    expect(end.blockers).toEqual([]); // the e-mail is needed only to pay on the pagoPA website
    await value(app, 'guides.run.finish', { runId: run.id, outcome: 'partial', reason: 'other' });
    const { flat } = await sheetOf(app, run.id);
    expect(flat).toContain("L'avviso è pronto da pagare di persona.");
    expect(flat).toContain('prima della scadenza');
    expect(flat).not.toContain('Il pagamento è fatto');
    expect(flat).not.toContain('Cosa portare la prossima volta');
  });

  it('for a run not yet started lists no step done and the whole way ahead without questions', async () => {
    const app = core();
    const { run } = await value<RunDetail>(app, 'guides.run.start', { guideId: 'pagopa-pay-notice', language: 'it' });
    const { flat } = await sheetOf(app, run.id);
    expect(flat).toContain('Oggi non abbiamo ancora fatto nessun passo.');
    expect(flat).toContain('Questa pratica è ancora in corso.');
    expect(flat).not.toContain('?');
  });

  it('printing saves the sheet and asks the desktop app to open that file (and only that)', async () => {
    const app = core();
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
