import { describe, expect, it } from 'vitest';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import { createTestCore } from '../../support/core.ts';
import { callOk, newCitizen, newSession, setCutoff as enterCutoff, setUpDesk, today } from '../../support/journal.ts';

/** The last day of the month before `day`, computed apart from the exporter's own helper. */
const lastOfPreviousMonth = (day: string) => {
  const [year, month] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 0));
  return `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}-${String(last.getUTCDate()).padStart(2, '0')}`;
};

const desk = async () => {
  const core = createTestCore();
  await setUpDesk(core);
  await enterCutoff(core, null, { backdateDays: 60 });
  return core;
};

const setCutoff = (core: Awaited<ReturnType<typeof desk>>, cutoffDate: string | null) =>
  enterCutoff(core, cutoffDate, { backdateDays: 60 });

describe("Facilita's upload cut-off", () => {
  it('never blocks logging: a session after the cut-off is saved', async () => {
    const core = await desk();
    await setCutoff(core, addDays(today(), -2));
    const citizen = await newCitizen(core);
    const saved = await newSession(core, citizen.id);
    expect(saved.id).toBeTruthy();
    core.close();
  });

  it('defaults to the last day of the previous month, holds the rows after it and says so', async () => {
    const core = await desk();
    const citizen = await newCitizen(core);
    const cutoff = lastOfPreviousMonth(today());
    await newSession(core, citizen.id, { date: cutoff, details: 'sul limite' });
    await newSession(core, citizen.id, { date: today(), details: 'dopo il limite' });
    const preview = await callOk(core, 'facilita.preview', { from: addDays(today(), -40), to: today() });
    expect(preview.cutoff).toEqual({ date: cutoff, origin: { kind: 'default' } });
    expect(preview.valid).toBe(1);
    expect(preview.rejected).toEqual([]);
    expect(preview.held).toEqual([expect.objectContaining({ hold: { reason: 'afterCutoff', date: today() } })]);

    // The held row is not exported, not recorded, and goes out once the cut-off moves past it.
    const first = await callOk(core, 'facilita.export', { from: addDays(today(), -40), to: today() });
    expect(first.files.map((file) => file.rows)).toEqual([1]);
    expect(first.held).toHaveLength(1);
    await setCutoff(core, today());
    const moved = await callOk(core, 'facilita.preview', { from: addDays(today(), -40), to: today() });
    expect(moved.cutoff?.origin).toMatchObject({ kind: 'coordinator', by: 'Anna Coordinatrice' });
    expect(moved.cutoff?.origin.kind === 'coordinator' && moved.cutoff.origin.on.slice(0, 10)).toBe(
      new Date().toISOString().slice(0, 10),
    );
    const second = await callOk(core, 'facilita.export', { from: addDays(today(), -40), to: today() });
    expect(second.files.map((file) => file.rows)).toEqual([1]);
    expect(second.held).toEqual([]);
    core.close();
  });
});
