import { HubFailure } from '../failure.ts';

/**
 * The seam for the Facilita export across every desk of an organisation (issue of the reports
 * engineer). The exporter will read the organisation's `records` (entity 'session', 'workshop',
 * 'citizen', latest version, not deleted) — the same payloads the desks hold — and reuse the
 * desk-side CSV writer. Until it lands this answers 501-like NOT_FOUND with a clear message.
 */
export interface FacilitaExporter {
  (organisationId: string): Promise<{ filename: string; csv: string }>;
}

let exporter: FacilitaExporter | null = null;

/** Called once by the reports module at start-up. */
export const useFacilitaExporter = (implementation: FacilitaExporter): void => {
  exporter = implementation;
};

export const facilitaExport = async (organisationId: string) => {
  if (!exporter) throw new HubFailure('NOT_FOUND', 'The Facilita export is not available on this hub yet');
  return exporter(organisationId);
};
