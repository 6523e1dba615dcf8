import type { RejectionCode } from '../../../../shared/domain/facilita-export/facilita-export-options.ts';

export {
  REJECTION_CODES,
  type RejectionCode,
} from '../../../../shared/domain/facilita-export/facilita-export-options.ts';

/** Why Facilita would reject a row; each code has a translated sentence (facilita:reason.<code>). */
export interface Rejection {
  code: RejectionCode;
  /** The Facilita column concerned, e.g. 'AN3' or 'SE1'. */
  column: string;
}
