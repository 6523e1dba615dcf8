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

/** The programme's rules in force for this export (from the site set-up). */
export interface ExportRules {
  projectStart: string;
  projectEnd: string;
  /** Facilita's current upload cut-off: no service after it may be uploaded. */
  cutoff: string;
  minorsAllowed: boolean;
  /** For the age band: Facilita computes it with the year of the upload. */
  currentYear: number;
}
