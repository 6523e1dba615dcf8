import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FacilitaExportRequest } from '../../shared/sync-protocol/admin.ts';
import type { HubDatabase } from '../db/database.ts';
import { createFacilitaExportService } from '../export/export-service.ts';
import { HubFailure } from '../failure.ts';
import { IdParam, parseBody } from '../routes/validate.ts';

const FLAGS = ['--include-exported', '--by='] as const;

const writeInto = (folder: string, files: readonly { filename: string; csv: string }[]) => {
  mkdirSync(folder, { recursive: true });
  return files.map((file) => {
    const path = join(resolve(folder), file.filename);
    writeFileSync(path, file.csv, 'utf8');
    return path;
  });
};

/**
 * The Facilita export commands of `npm run hub --`: the files go to a folder (the JSON printed is the
 * answer without the CSV text). Recorded before the files are written: a failed write is repaired
 * with `export-file`, which gives the same bytes again.
 */
export const exportCommands = (db: HubDatabase, positional: string[], flags: string[]) => {
  const exports = createFacilitaExportService(db);
  const unknown = flags.find(
    (flag) => !FLAGS.some((known) => flag === known || (known.endsWith('=') && flag.startsWith(known))),
  );
  const need = (command: string, count: number) => {
    if (unknown) throw new HubFailure('VALIDATION', `Unknown option ${unknown}`);
    if (positional.length < count) throw new HubFailure('VALIDATION', `${command} needs ${count} argument(s)`);
  };
  const arg = (index: number) => positional[index] as string;
  const by = flags.find((flag) => flag.startsWith('--by='))?.slice('--by='.length);
  return {
    'facilita-export': async () => {
      need('facilita-export', 3);
      const query = parseBody(FacilitaExportRequest, {
        organisationId: arg(0),
        from: arg(1),
        to: arg(2),
        includeExported: flags.includes('--include-exported'),
        ...(by ? { createdBy: by } : {}),
      });
      const { files, ...result } = await exports.run(query);
      const written = writeInto(positional[3] ?? '.', files);
      return { ...result, files: files.map(({ csv: _csv, ...file }, index) => ({ ...file, path: written[index] })) };
    },
    'list-exports': async () => (need('list-exports', 1), exports.list(arg(0))),
    'mark-uploaded': async () => (
      need('mark-uploaded', 1),
      exports.markUploaded(parseBody(IdParam, { id: arg(0) }).id)
    ),
    'export-file': async () => {
      need('export-file', 2);
      const file = await exports.file(parseBody(IdParam, { id: arg(0) }).id, arg(1));
      const [path] = writeInto(positional[2] ?? '.', [{ filename: arg(1), csv: file.csv }]);
      return { path, sha256: file.sha256 };
    },
  };
};
