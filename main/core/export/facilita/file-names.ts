/**
 * The names of one export's files, on a desk and at the hub alike: site, period and the export's
 * time, so two exports of one period never share a name, then the part (Facilita takes at most
 * 9,000 rows a file) and the kind — the CSV (or the Servizio Civile Excel), or its archive PDF.
 */
export const exportFileName = (
  { siteId, from, to, at }: { siteId: string; from: string; to: string; at: Date },
  part: number,
  extension: 'csv' | 'xlsx' | 'pdf',
): string => {
  const stamp = at
    .toISOString()
    .replaceAll(':', '')
    .replace(/\.\d+Z$/, 'Z');
  return `facilita_${siteId}_${from}_${to}_${stamp}_part-${part}.${extension}`;
};
