import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRows, csvField } from '../../../main/core/export/facilita/csv.ts';
import { FACILITA_COLUMNS } from '../../../shared/facilita/codes.ts';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  newCitizen,
  newSession,
  sessionInput,
  setCutoff,
  setUpDesk,
  today,
} from '../../support/journal.ts';

/** A discard report as Facilita makes it: numeroRiga, note, then the row's fields with AN3 blanked. */
const discardReport = (
  rows: readonly (readonly string[])[],
  lines: readonly { index: number; note: string }[],
  numberOf: (index: number) => number,
) =>
  [
    ['numeroRiga', 'note', ...FACILITA_COLUMNS],
    ...lines.map(({ index, note }) => {
      const cells = [...(rows[index] ?? [])];
      cells[6] = '';
      return [String(numberOf(index)), note, ...cells];
    }),
  ]
    .map((cells) => cells.map(csvField).join(';'))
    .join('\n');

const exportedDesk = async () => {
  const core = createTestCore();
  await setUpDesk(core);
  await setCutoff(core, today());
  const ids: string[] = [];
  for (const [index, year] of [1950, 1960, 1970].entries()) {
    const citizen = await newCitizen(core, { codiceFiscale: cf({ year }), firstName: `Persona${index}` });
    ids.push((await newSession(core, citizen.id, { details: `servizio ${index}` })).id);
  }
  const result = await callOk(core, 'facilita.export', { from: today(), to: today() });
  const file = result.files[0];
  if (!file) throw new Error('no file');
  const rows = readCsvRows(readFileSync(join(result.folder, file.name), 'utf8'));
  return { core, ids, result, file, rows };
};

describe("Facilita's discard report and the rectification file", () => {
  it('matches rows by number and fields (numbering found, not assumed), marks them, reconciles and rectifies', async () => {
    const { core, ids, result, file, rows } = await exportedDesk();
    const sessionOfRow = (index: number) => ids.find((id) => rows[index]?.[26] === `servizio ${ids.indexOf(id)}`);
    // 1-based and counting the header row: the first data row is number 2.
    const report = discardReport(
      rows,
      [
        { index: 1, note: 'Dati del cittadino errati. Ricontrollare' },
        { index: 2, note: "Il facilitatore non e' presente su Facilita" },
      ],
      (index) => index + 2,
    );
    const imported = await callOk(core, 'facilita.importDiscards', {
      exportId: result.exportId,
      fileName: file.name,
      report,
    });
    expect(imported).toMatchObject({ matched: 2, unmatched: [], firstDataRowNumber: 2 });
    expect(imported.discards.map((row) => [row.recordId, row.reason, row.fixed])).toEqual([
      [sessionOfRow(1), 'citizenData', false],
      [sessionOfRow(2), 'facilitatorNotFound', false],
    ]);
    expect(imported.reconciliation).toEqual({ sent: 3, loaded: 1, discarded: 2, fixed: 0, sentAgain: 0 });

    // The citizen's data is corrected: that row is fixed; the facilitator one is fixed in Facilita.
    const fixedId = sessionOfRow(1) ?? '';
    const session = await callOk(core, 'sessions.get', { id: fixedId });
    await callOk(core, 'sessions.update', {
      ...sessionInput(session.citizenId, { details: 'servizio 1, corretto' }),
      id: fixedId,
      baseVersion: session.version,
    } as MethodInput<'sessions.update'>);
    const rectification = await callOk(core, 'facilita.exportRectification', { exportId: result.exportId });
    const resent = readCsvRows(readFileSync(join(rectification.folder, rectification.files[0]?.name ?? ''), 'utf8'));
    expect(resent.map((cells) => cells[26]).sort()).toEqual(['servizio 1, corretto', 'servizio 2']);
    const after = await callOk(core, 'facilita.discards', { exportId: result.exportId });
    expect(after.reconciliation).toEqual({ sent: 3, loaded: 1, discarded: 2, fixed: 1, sentAgain: 2 });
    const registry = await callOk(core, 'facilita.list', {});
    expect(registry.find((entry) => entry.id === rectification.exportId)?.rectifies).toBe(result.exportId);
    expect(await callError(core, 'facilita.exportRectification', { exportId: result.exportId })).toMatchObject({
      details: { reason: 'nothingToRectify' },
    });
    core.close();
  });

  it('finds 0-based numbering too; a report of another file changes nothing; a report of no row says all loaded', async () => {
    const { core, result, file, rows } = await exportedDesk();
    const zeroBased = discardReport(
      rows,
      [{ index: 0, note: "Cittadino gia' presente per il servizio" }],
      (index) => index,
    );
    expect(
      await callOk(core, 'facilita.importDiscards', {
        exportId: result.exportId,
        fileName: file.name,
        report: zeroBased,
      }),
    ).toMatchObject({ matched: 1, firstDataRowNumber: 0, discards: [{ reason: 'alreadyLoaded' }] });

    const otherRows = rows.map((cells) => cells.map((cell, index) => (index === 26 ? `${cell} altro` : cell)));
    const other = discardReport(otherRows, [{ index: 1, note: 'x' }], (index) => index + 1);
    expect(
      await callError(core, 'facilita.importDiscards', {
        exportId: result.exportId,
        fileName: file.name,
        report: other,
      }),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'report', code: 'discardReportMismatch' }] } });
    expect((await callOk(core, 'facilita.discards', { exportId: result.exportId })).discards).toHaveLength(1);

    const none = await callOk(core, 'facilita.importDiscards', {
      exportId: result.exportId,
      fileName: file.name,
      report: discardReport(rows, [], (index) => index),
    });
    // A later report of the same file replaces the earlier one.
    expect(none.reconciliation).toMatchObject({ sent: 3, loaded: 3, discarded: 0 });
    expect(
      await callError(core, 'facilita.importDiscards', {
        exportId: result.exportId,
        fileName: file.name,
        report: 'a,b\n1,2',
      }),
    ).toMatchObject({ details: { issues: [{ code: 'notDiscardReport' }] } });
    core.close();
  });
});
