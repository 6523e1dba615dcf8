/** zod-free constants of the Facilita export, for the renderer. */
export const REJECTION_CODES = [
  'facilitatorIdMissing',
  'facilitatorNameFormat',
  'siteIdNotNumeric',
  'siteNameMissing',
  'citizenNameMissing',
  'codiceFiscaleInvalid',
  'underFourteen',
  'minorNotAllowed',
  'educationCode',
  'occupationCode',
  'citizenshipCode',
  'provinceUnknown',
  'dateFormat',
  'dateBeforeProject',
  'dateAfterProject',
  'bornBefore1924',
  'durationFormat',
  'durationZero',
  'serviceTypeMissing',
  'serviceTypeCode',
  'competenceMissing',
  'competenceCode',
  'serviceAreaMissing',
  'serviceAreaCode',
  'experienceCode',
  'duplicate',
] as const;

/** Why a valid row waits (see the export's holds). */
export const HOLD_REASONS = ['afterCutoff', 'notYetOfAge'] as const;

/**
 * Why a service the desk gave will never reach Facilita, whatever is corrected in the export: no
 * citizen, a citizen who gave no codice fiscale, of an age the site does not admit, or since erased.
 */
export const NOT_REPORTABLE_REASONS = [
  'noCitizen',
  'noCodiceFiscale',
  'ageNotAdmitted',
  /** Born in 1923 or before: Facilita's server reads the code's two digits as 20yy (server-age.ts). */
  'bornBefore1924',
  'citizenErased',
  /** Registered on arrival with the codice fiscale only: the citizen's page completes the profile. */
  'profileIncomplete',
] as const;
export type NotReportableReason = (typeof NOT_REPORTABLE_REASONS)[number];

/** What Facilita would accept but someone should look at before uploading. */
export const WARNING_CODES = [
  /** The facilitator's Facilita id is a number: the server never matches it, only the name can find them. */
  'facilitatorIdNumeric',
  /** Neither a codice fiscale nor a name shaped "Cognome Nome": the server will not find them. */
  'facilitatorIdentityShape',
  /** A single session longer than any plausible one. */
  'durationLong',
] as const;

export const MEASURES = ['1.7.2', '1.7.1'] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Why Facilita discarded a row, read from the note of its discard report. */
export const DISCARD_REASONS = [
  'facilitatorNotFound',
  'siteNotFound',
  'alreadyLoaded',
  'outsideProject',
  'afterCutoff',
  'citizenData',
  'other',
] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];
