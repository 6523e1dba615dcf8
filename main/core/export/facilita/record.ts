import type { Site } from '../../../../shared/domain/journal/operators.ts';

/**
 * One service as the exporter receives it from the journal (a session, or one participant of a
 * workshop): everything a Facilita row needs, in clear, in memory only while exporting.
 */
export interface FacilitaServiceRecord {
  /** The journal record this row comes from (a link to fix it, and the export registry's key). */
  recordId: string;
  recordKind: 'session' | 'workshopParticipant';
  /** For a workshop participant, the workshop (what the person opens to fix the row). */
  parentId?: string;
  facilitator: { id: string; name: string };
  site: { id: string; name: string };
  citizen: {
    firstName: string;
    lastName: string;
    codiceFiscale: string;
    education: string;
    occupation: string;
    citizenship: string;
    province: string;
    email?: string;
    phone?: string;
    /** The birth year the desk recorded (tells a centenarian from a child with the same two digits). */
    birthYear?: number | null;
  };
  service: {
    /** yyyy-mm-dd */
    date: string;
    /** hh:mm */
    duration: string;
    types: readonly string[];
    competences: readonly number[];
    areas: readonly string[];
    details: string;
  };
  experience?: {
    es1?: readonly string[];
    es2?: readonly string[];
    es3?: readonly string[];
    es4?: string;
    es5?: readonly string[];
    es6?: number;
  };
}

/**
 * The measure a site reports under: 1.7.2 (the facilitation network) uploads CSV with a monthly
 * cut-off; 1.7.1 (Servizio Civile Digitale) uploads Excel, without cut-off.
 */
export type FacilitaMeasure = Site['measure'];

/** Where the cut-off in force came from, for the export screen and the archive PDF. */
/** `on`: when the coordinator set it (a timestamp, or the day when the trail does not say). */
export type CutoffOrigin =
  | { kind: 'default' }
  | { kind: 'coordinator'; on: string; by: string }
  /** Set for the site at the organisation's hub (the referente's export). */
  | { kind: 'hub' };

/** The programme's rules in force for this export (from the site set-up). */
export interface ExportRules {
  projectStart: string;
  projectEnd: string;
  /** Facilita's current upload cut-off: services after it are held until Facilita moves it (1.7.2 only). */
  cutoff: string;
  cutoffOrigin?: CutoffOrigin;
  minorsAllowed: boolean;
  /** For the age band (AN8, which Facilita recomputes): the year of the upload. */
  currentYear: number;
  /** yyyy-mm-dd, the day the file is made and uploaded: Facilita's server checks the exact age on it. */
  uploadDay?: string;
  /** 1.7.2 unless the site says otherwise. */
  measure?: FacilitaMeasure;
  /** The organisation (ente): part of the duplicate rule's key. */
  organisation?: string;
}
