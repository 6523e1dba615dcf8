/**
 * Code tables of the Facilita bulk-upload CSV (see docs/facilita-format.md, taken from
 * Facilita's operating guide and its open-source front end, ResponseCodeMappings.ts).
 *
 * Only the codes live here: people-facing labels belong to the i18n files, so the same code
 * can be shown in Italian or English. The English comments are for developers.
 */

/** The header row Facilita requires: all 33 columns, in this order, with these exact names. */
export const FACILITA_COLUMNS = [
  'IDFacilitatore',
  'NominativoFacilitatore',
  'IDSede',
  'NominativoSede',
  'AN1',
  'AN2',
  'AN3',
  'AN4',
  'AN5',
  'AN6',
  'AN7',
  'AN8',
  'AN9',
  'AN10',
  'AN11',
  'AN12',
  'AN14',
  'AN17',
  'PR1',
  'PR2',
  'SE1',
  'SE2',
  'SE3',
  'SE4',
  'SE5',
  'SE6',
  'SE7',
  'ES1',
  'ES2',
  'ES3',
  'ES4',
  'ES5',
  'ES6',
] as const;
export type FacilitaColumn = (typeof FACILITA_COLUMNS)[number];

/** Facilita refuses files with more data rows than this; bigger exports must be split. */
export const FACILITA_MAX_ROWS = 9000;

/** Multiple answers in one field are joined with this, with no spaces (e.g. `A:B`). */
export const FACILITA_MULTI_SEPARATOR = ':';

/** Free-text fields (SE7, ES4) are cut by Facilita past this length. */
export const FACILITA_MAX_TEXT = 600;

/**
 * AN7 gender. Facilita derives it from the codice fiscale and ignores the value, but the
 * column must not be empty. A female · B male · C non-binary · D prefers not to say.
 */
export const AN7_GENDER = ['A', 'B', 'C', 'D'] as const;
export type An7Gender = (typeof AN7_GENDER)[number];

/**
 * AN8 age band. Also derived from the codice fiscale (current year minus birth year, not the
 * exact birthday) and ignored, but required non-empty. E (14–17) only where the programme
 * admits minors. `max: null` means no upper bound.
 */
export const AN8_AGE_BANDS = {
  A: { min: 18, max: 29 },
  B: { min: 30, max: 54 },
  C: { min: 55, max: 74 },
  D: { min: 75, max: null },
  E: { min: 14, max: 17 },
} as const;
export type An8AgeBand = keyof typeof AN8_AGE_BANDS;
export const AN8_AGE_BAND_CODES = Object.keys(AN8_AGE_BANDS) as An8AgeBand[];

/** The band Facilita would compute for an age in whole years (year difference); null if under 14. */
export function ageBandOf(age: number): An8AgeBand | null {
  for (const code of AN8_AGE_BAND_CODES) {
    const band = AN8_AGE_BANDS[code];
    if (age >= band.min && (band.max === null || age <= band.max)) return code;
  }
  return null;
}

/**
 * AN9 education. A primary school · B lower secondary · C upper secondary diploma ·
 * D post-secondary non-tertiary · E vocational qualification · F IFTS certificate ·
 * G ITS diploma · H bachelor's / short university diploma · I master's / old-system degree ·
 * J post-graduate master · K doctorate · L not known / not given / other.
 */
export const AN9_EDUCATION = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
export type An9Education = (typeof AN9_EDUCATION)[number];

/**
 * AN10 occupation. A employee · B entrepreneur · C self-employed professional ·
 * D not employed · E student / in training · F homemaker · G retired · H other.
 */
export const AN10_OCCUPATION = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type An10Occupation = (typeof AN10_OCCUPATION)[number];

/** AN11 citizenship. A Italian · B another EU country · C a non-EU country. */
export const AN11_CITIZENSHIP = ['A', 'B', 'C'] as const;
export type An11Citizenship = (typeof AN11_CITIZENSHIP)[number];

/**
 * SE3 service type (multiple). A individual facilitation · B group facilitation ·
 * C in-person training · D online training · E other.
 */
export const SE3_SERVICE_TYPE = ['A', 'B', 'C', 'D', 'E'] as const;
export type Se3ServiceType = (typeof SE3_SERVICE_TYPE)[number];

/**
 * SE4 DigComp 2.2 first-level area (multiple; Facilita recomputes it from SE5).
 * A information and data literacy · B communication and collaboration ·
 * C digital content creation · D safety · E problem solving.
 */
export const SE4_DIGCOMP_AREA = ['A', 'B', 'C', 'D', 'E'] as const;
export type Se4DigCompArea = (typeof SE4_DIGCOMP_AREA)[number];

/**
 * SE5 competences (DigComp 2.2 second level, multiple) with the SE4 area each belongs to.
 * 1 browse/search/filter information · 2 evaluate information · 3 manage data and content ·
 * 4 interact (messaging, video calls) · 5 share (PEC, digital domicile) · 6 citizenship
 * (public digital services, shopping, banking, payments) · 7 collaborate · 8 netiquette ·
 * 9 manage digital identity (SPID, CNS, CIE) · 10 content creation · 11 protect devices
 * (passwords, phishing) · 12 protect personal data and privacy · 13 solve technical problems.
 */
export const SE5_TO_SE4 = {
  1: 'A',
  2: 'A',
  3: 'A',
  4: 'B',
  5: 'B',
  6: 'B',
  7: 'B',
  8: 'B',
  9: 'B',
  10: 'C',
  11: 'D',
  12: 'D',
  13: 'E',
} as const satisfies Record<number, Se4DigCompArea>;
export type Se5Competence = keyof typeof SE5_TO_SE4;
export const SE5_COMPETENCES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const satisfies readonly Se5Competence[];

export function isSe5Competence(value: unknown): value is Se5Competence {
  return typeof value === 'number' && Object.hasOwn(SE5_TO_SE4, value);
}

/** The SE4 area of one SE5 competence (Facilita's own mapping). */
export function digCompAreaOf(se5: Se5Competence): Se4DigCompArea {
  return SE5_TO_SE4[se5];
}

/** The SE4 value for a set of SE5 competences: distinct areas, in table order. */
export function digCompAreasOf(se5: readonly Se5Competence[]): Se4DigCompArea[] {
  const areas = new Set(se5.map(digCompAreaOf));
  return SE4_DIGCOMP_AREA.filter((area) => areas.has(area));
}

/**
 * SE6 public-service areas (multiple). A App IO · B pagoPA · C registry services via ANPR ·
 * D Fascicolo Sanitario Elettronico · E electronic invoicing · F culture and tourism ·
 * G school services · H education and training · I sport · J employment services ·
 * K business (SUAP) · L pensions and welfare (INPS, immigration) · M health services other
 * than FSE (CUP booking, family doctor) · N tax obligations · O local taxes and fines ·
 * P urban planning and building · Q mobility · R participation platforms · S none of these.
 */
export const SE6_SERVICE_AREAS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
] as const;
export type Se6ServiceArea = (typeof SE6_SERVICE_AREAS)[number];

export function isSe6ServiceArea(value: unknown): value is Se6ServiceArea {
  return typeof value === 'string' && (SE6_SERVICE_AREAS as readonly string[]).includes(value);
}

/**
 * ES1 how the citizen heard of the service. A desk · B phone · C website · D social media ·
 * E TV · F radio · G newspaper · H online event · I in-person event · J event of the national
 * digital-skills week · K printed material · L word of mouth · M facilitator/trainer.
 */
export const ES1_DISCOVERY = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'] as const;
export type Es1Discovery = (typeof ES1_DISCOVERY)[number];

/**
 * ES2 reason for booking. A study · B job search · C improve at work · D change job ·
 * E culture and personal growth · F more at ease with digital services · G solve a specific
 * public-service problem · H solve an online purchase/payment problem · I likes coming here ·
 * J no particular reason · K recover a missed earlier service · L other.
 */
export const ES2_REASON = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
export type Es2Reason = (typeof ES2_REASON)[number];

/**
 * ES3 would come back (multiple). A yes, for facilitation · B yes, for training ·
 * C don't know · D no, no need · E no, sees the need but does not benefit from coming back.
 */
export const ES3_WOULD_REPEAT = ['A', 'B', 'C', 'D', 'E'] as const;
export type Es3WouldRepeat = (typeof ES3_WOULD_REPEAT)[number];

/**
 * ES5 what helps most with digital problems (multiple). A family and friends · B colleagues ·
 * C facilitation point · D online facilitation · E free in-person courses · F paid in-person
 * courses · G online courses · H the "ACCEDI" platform · I search engines · J videos ·
 * K podcasts · L blogs and forums · M chat and chatbots · N printed material · O online material.
 */
export const ES5_HELP_SOURCES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O'] as const;
export type Es5HelpSource = (typeof ES5_HELP_SOURCES)[number];

/** ES6 overall rating, 1 (worst) to 5 (best). */
export const ES6_RATING = [1, 2, 3, 4, 5] as const;
export type Es6Rating = (typeof ES6_RATING)[number];
