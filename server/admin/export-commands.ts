import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FacilitaExportRequest } from '../../shared/sync-protocol/admin.ts';
import type { HubDatabase } from '../db/database.ts';
import { createFacilitaExportService } from '../export/export-service.ts';
import { HubFailure } from '../failure.ts';
import { IdParam, parseBody } from '../routes/validate.ts';

const FLAGS = ['--include-exported', '--by=', '--language='] as const;

const writeInto = (folder: string, files: readonly { filename: string; content: string | Buffer }[]) => {
  mkdirSync(folder, { recursive: true });
  return files.map((file) => {
    const path = join(resolve(folder), file.filename);
    writeFileSync(path, file.content);
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
  const language = flags.find((flag) => flag.startsWith('--language='))?.slice('--language='.length);
  return {
    'facilita-export': async () => {
      need('facilita-export', 3);
      const query = parseBody(FacilitaExportRequest, {
        organisationId: arg(0),
        from: arg(1),
        to: arg(2),
        includeExported: flags.includes('--include-exported'),
        ...(by ? { createdBy: by } : {}),
        ...(language ? { language } : {}),
      });
      const { exportId, files, ...result } = await exports.run(query);
      const folder = positional[3] ?? '.';
      // A CSV is in the answer; an Excel file is read back from the registry, byte for byte.
      const contents: { filename: string; content: string | Buffer }[] = [];
      for (const file of files)
        contents.push({
          filename: file.filename,
          content: file.csv ?? (exportId ? (await exports.file(exportId, file.filename)).content : ''),
        });
      const written = writeInto(folder, contents);
      // Each CSV's archive PDF beside it (the file to sign before the upload).
      const archives: string[] = [];
      for (const file of files)
        if (exportId && file.archive)
          archives.push(
            ...writeInto(folder, [{ filename: file.archive, content: await exports.archive(exportId, file.archive) }]),
          );
      return {
        exportId,
        ...result,
        files: files.map(({ csv: _csv, ...file }, index) => ({
          ...file,
          path: written[index],
          archivePath: archives[index],
        })),
      };
    },
    'list-exports': async () => (need('list-exports', 1), exports.list(arg(0))),
    'mark-uploaded': async () => (
      need('mark-uploaded', 1),
      exports.markUploaded(parseBody(IdParam, { id: arg(0) }).id)
    ),
    'export-file': async () => {
      need('export-file', 2);
      const id = parseBody(IdParam, { id: arg(0) }).id;
      if (arg(1).endsWith('.pdf')) {
        const [path] = writeInto(positional[2] ?? '.', [
          { filename: arg(1), content: await exports.archive(id, arg(1)) },
        ]);
        return { path };
      }
      const file = await exports.file(id, arg(1));
      const [path] = writeInto(positional[2] ?? '.', [{ filename: arg(1), content: file.content }]);
      return { path, sha256: file.sha256 };
    },
  };
};
