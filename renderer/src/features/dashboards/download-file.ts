import type { MethodInput } from '../../../../shared/contract/methods.ts';
import { client } from '../../api/client.ts';
import { downloadBase64 } from '../facilita/download.ts';

/** Asks the core for a dashboard file (CSV, XLSX, PDF) and offers it as a download; the error code otherwise. */
export const downloadDashboardFile = async (request: MethodInput<'dashboards.file'>): Promise<string | null> => {
  const file = await client.call('dashboards.file', request);
  if (!file.ok) return file.error.code;
  downloadBase64(file.value.name, file.value.mimeType, file.value.base64);
  return null;
};
