import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runFacilitaExport,
  type ExportRequest,
  type FacilitaSource,
} from '../../../main/core/export/facilita/export-service.ts';
import type { FacilitaServiceRecord } from '../../../main/core/export/facilita/record.ts';
import { ExportRegistry } from '../../../main/core/export/facilita/registry.ts';
import { ensureArchive } from '../../../main/core/export/facilita/archive-on-demand.ts';
import { sha256Hex } from '../../../main/core/export/facilita/build-export.ts';
import { createTestCore } from '../../support/core.ts';
import { aRecord, RULES } from '../../support/facilita-records.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { pdfText } from '../../support/pdf-text.ts';

/** A fixed list of services standing in for a period of the journal. */
const listSource = (records: FacilitaServiceRecord[]): FacilitaSource => ({
  period: (from, to) => {
    const inPeriod = records.filter((record) => record.service.date >= from && record.service.date <= to);
    return {
      records: inPeriod,
      total: inPeriod.length,
      rules: RULES,
      site: { id: '1234', name: 'Biblioteca' },
      organisation: 'Comune',
    };
  },
});

const records = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    aRecord({ id: `r${index}`, service: { ...aRecord().service, details: `servizio ${index}` } }),
  );

const setUp = (source: FacilitaSource) => {
  const core = createTestCore();
  const registry = new ExportRegistry(core.database.db, core.context.cipher());
  const folder = join(tempDataDir('export'), 'out');
  const request: ExportRequest = {
    from: '2026-10-01',
    to: '2026-10-31',
    folder,
    includeAlreadyExported: false,
    language: 'it',
    exportedBy: { id: 'op-1', name: 'Bianco Laura' },
  };
  const run = (overrides: Partial<ExportRequest> = {}, options = {}) =>
    runFacilitaExport({ ...request, ...overrides }, { source, registry, now: () => new Date() }, options);
  return { core, registry, folder, run };
};

describe('the Facilita export service', () => {
  it('writes each CSV with its archive PDF, and records the export', async () => {
    const { core, registry, folder, run } = setUp(
      listSource([...records(3), aRecord({ id: 'bad', service: { ...aRecord().service, duration: '00:00' } })]),
    );
    const outcome = await run();
    expect(outcome.rejected.map((rejected) => rejected.recordId)).toEqual(['bad']);
    expect(outcome.files).toHaveLength(1);
    const file = outcome.files[0];
    if (!file) throw new Error('no file');
    const csv = readFileSync(join(folder, file.name), 'utf8');
    expect(sha256Hex(csv)).toBe(file.sha256);
    // The archive PDF is made when first asked for, from the CSV, and kept beside it.
    expect(readdirSync(folder)).toEqual([file.name]);
    const entry = registry.get(outcome.exportId);
    const fileEntry = entry?.files[0];
    if (!entry || !fileEntry) throw new Error('not recorded');
    const archive = await ensureArchive(entry, fileEntry);
    expect(archive).toBe(join(folder, file.archive));
    const archived = pdfText(readFileSync(archive)).text;
    expect(archived.replace(/\s+/g, '')).toContain(file.sha256);
    expect(archived.match(/RSSMRA80A01H501U/g)).toHaveLength(3);
    expect(readdirSync(folder).sort()).toEqual([file.name, file.archive].sort());
    expect(registry.list()).toMatchObject([{ id: outcome.exportId, rowCount: 3, rejectedCount: 1, uploadedAt: null }]);
    expect(registry.markUploaded(outcome.exportId, 'op-1', '2026-11-03T10:00:00Z')).toBe(true);
    expect(registry.markUploaded(outcome.exportId, 'op-1', '2026-11-04T10:00:00Z')).toBe(false);
    expect(registry.get(outcome.exportId)?.uploadedAt).toBe('2026-11-03T10:00:00Z');
    core.close();
  });

  it('does not repeat rows on a second export of the same period, unless asked', async () => {
    const { core, run } = setUp(listSource(records(4)));
    await run();
    await expect(run()).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'nothingToExport', skippedAlreadyExported: 4 },
    });
    const again = await run({ includeAlreadyExported: true });
    expect(again.files[0]?.rows).toBe(4);
    core.close();
  });

  it('an empty period: a clear message and no file', async () => {
    const { core, folder, registry, run } = setUp(listSource(records(2)));
    await expect(run({ from: '2026-01-01', to: '2026-01-31' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'nothingToExport' },
    });
    expect(readdirSync(folder)).toEqual([]);
    expect(registry.list()).toEqual([]);
    core.close();
  });

  it('a folder that cannot be written: a clear error, the registry unchanged', async () => {
    const { core, registry, run } = setUp(listSource(records(2)));
    const blocker = join(tempDataDir('export'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(run({ folder: join(blocker, 'inside') })).rejects.toMatchObject({
      code: 'STORAGE',
      details: { reason: 'folderNotWritable' },
    });
    expect(registry.list()).toEqual([]);
    core.close();
  });

  it('cancelled midway: no file left behind, nothing recorded', async () => {
    const { core, folder, registry, run } = setUp(listSource(records(2000)));
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      run(
        {},
        {
          signal: controller.signal,
          onProgress: ({ done }: { done: number }) => (seen.push(done), controller.abort()),
        },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'cancelled' } });
    expect(seen).toEqual([500]);
    expect(readdirSync(folder)).toEqual([]);
    expect(registry.list()).toEqual([]);
    core.close();
  });

  it('a period that ends before it starts is refused', async () => {
    const { core, run } = setUp(listSource(records(1)));
    await expect(run({ from: '2026-10-31', to: '2026-10-01' })).rejects.toMatchObject({ code: 'VALIDATION' });
    core.close();
  });

  it('refuses to make the archive of a CSV changed after the export (it would attest the wrong file)', async () => {
    const { core, registry, folder, run } = setUp(listSource(records(2)));
    const outcome = await run();
    const entry = registry.get(outcome.exportId);
    const fileEntry = entry?.files[0];
    if (!entry || !fileEntry) throw new Error('not recorded');
    writeFileSync(
      join(folder, fileEntry.name),
      readFileSync(join(folder, fileEntry.name), 'utf8').replace('Mario', 'Marco'),
    );
    await expect(ensureArchive(entry, fileEntry)).rejects.toMatchObject({
      code: 'STORAGE',
      details: { reason: 'csvChanged' },
    });
    expect(readdirSync(folder)).toEqual([fileEntry.name]);
    core.close();
  });

  it('writes every archive PDF with its CSV when asked to (the command line)', async () => {
    const { core, folder, run } = setUp(listSource(records(2)));
    const outcome = await run({}, { archives: 'withExport' });
    expect(readdirSync(folder).sort()).toEqual(outcome.files.flatMap((file) => [file.name, file.archive]).sort());
    core.close();
  });
});
