import type { HubClient } from './hub-client.ts';
import type { ExportReports } from './synced-tables.ts';

/**
 * Tells the hub of each Facilita export this desk made that it has not answered for yet (oldest
 * first, one request each), and keeps each answer: recorded, or a conflict with an export the hub
 * recorded first. Reporting again is harmless (the hub answers by export id), so a lost answer is
 * simply asked again at the next sync.
 */
export const reportExports = async (
  client: HubClient,
  deviceId: string,
  exports: ExportReports | undefined,
): Promise<{ reported: number; conflicts: number }> => {
  let reported = 0;
  let conflicts = 0;
  for (const report of exports?.unreported() ?? []) {
    const answer = await client.reportExport({ deviceId, ...report });
    exports?.reported(answer);
    reported += 1;
    if (answer.outcome === 'conflict') conflicts += 1;
  }
  return { reported, conflicts };
};
