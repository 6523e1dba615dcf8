import type { Outcome } from '../../../../shared/domain/journal/options.ts';

export interface SessionRow {
  id: string;
  version: number;
  quick: number;
  operator_id: string;
  citizen_id: string | null;
  date: string;
  duration_min: number;
  se3: string;
  se5: string;
  se6: string;
  details_enc: string | null;
  details_hash: string;
  outcome: Outcome;
  reportable: number;
  experience_enc: string | null;
  notes_enc: string | null;
  guide_run_ids: string;
  started_at: string | null;
  created_by: string;
  deleted_at: string | null;
  exported_at: string | null;
  synced_version: number | null;
}

export const sessionContext = (field: string, id: string) => `sessions.${field}:${id}`;
