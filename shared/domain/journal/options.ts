/**
 * The journal's allowed values and limits without zod, so the renderer can list them without
 * bundling it (see shared/domain/settings-options.ts).
 */
export const ROLES = ['facilitator', 'volunteer', 'trainer', 'coordinator'] as const;
/** The Facilita measures a site can report under, the default first: 1.7.2 network of Punti Digitale Facile, 1.7.1 Servizio Civile Digitale. */
export const FACILITA_MEASURES = ['1.7.2', '1.7.1'] as const;
/** Each measure's name under `journal:site.measures.*` (a translation key cannot hold its dots). */
export const MEASURE_LABEL_KEY: Record<(typeof FACILITA_MEASURES)[number], string> = {
  '1.7.2': 'network',
  '1.7.1': 'servizioCivile',
};
export type Role = (typeof ROLES)[number];

export const SECRET_KINDS = ['pin', 'password'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];
export const PIN_LENGTH = { min: 4, max: 8 } as const;
export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/** Wrong secrets in a row before an operator is locked out, and for how long. */
export const MAX_SIGN_IN_FAILURES = 5;
export const LOCKOUT_MINUTES = 5;

export const OUTCOMES = ['resolved', 'partial', 'notResolved', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CONSENT_METHODS = ['paper', 'online', 'email'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** SE7 and ES4: Facilita cuts free text past this length; we refuse it instead. */
export const DETAILS_MAX = 600;
export const NOTES_MAX = 2000;
export const FOLLOW_UP_REASON_MAX = 300;
export const NAME_MAX = 80;
export const DELETE_REASON_MAX = 300;

/** `hh:mm`, exactly five characters (Facilita's SE2). */
export const DURATION_PATTERN = /^\d{2}:[0-5]\d$/;

/** Workshops are group services: Facilita's SE3 B (group facilitation), C (in-person) or D (online training). */
export const WORKSHOP_SERVICE_TYPES = ['B', 'C', 'D'] as const;

export const SITE_LIMITS = {
  backdateDays: { min: 0, max: 60, default: 7 },
  idleMinutes: { min: 1, max: 120, default: 10 },
  retentionMonths: { min: 6, max: 120, default: 24 },
} as const;

/** Durations offered as one-click buttons in the quick log, in minutes. */
export const QUICK_DURATIONS = [10, 15, 30, 45, 60] as const;
export const QUICK_DEFAULT_DURATION = 15;

export const HISTORY_PAGE_SIZE = 50;

/**
 * Why a journal request failed, in `details.reason`, so the UI can say exactly what to fix (who may
 * call at all — signed out, idle, role — is shared/contract/access.ts ACCESS_REFUSALS).
 */
export const JOURNAL_ERROR_REASONS = [
  'notSetUp',
  'alreadySetUp',
  'wrongSecret',
  'tooManyAttempts',
  'inactiveOperator',
  'notOwner',
  'othersRecord',
  'duplicate',
  'staleVersion',
  'citizenExists',
  'runUnavailable',
  'workshopClosed',
  'workshopNotClosed',
  'workshopExported',
  'workshopRunsFull',
  'erased',
  'lastCoordinator',
  'secretRequired',
  'questionnaireFinished',
  'demoData',
  'enrolledNoDemo',
  'demoInUse',
  'rosterCoordinator',
  'notInRoster',
] as const;
/** The guides one workshop may hold (its synced payload's cap): far more than a day's teaching. */
export const WORKSHOP_RUNS_MAX = 200;

export type JournalErrorReason = (typeof JOURNAL_ERROR_REASONS)[number];

/**
 * A duration as people type it, in Facilita's `hh:mm`: "10" and "90" are minutes ("00:10",
 * "01:30"), "0:10" gets its leading zero. Anything else is left as typed, for the pattern to refuse.
 */
export const typedDuration = (text: string): string => {
  const trimmed = text.trim();
  if (/^\d{1,3}$/.test(trimmed)) return durationText(Number(trimmed));
  if (/^\d:[0-5]\d$/.test(trimmed)) return `0${trimmed}`;
  return trimmed;
};

/** "01:30" → 90; null when not `hh:mm`. */
export const minutesOf = (text: string): number | null => {
  if (!DURATION_PATTERN.test(text)) return null;
  const [hours, minutes] = text.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** 90 → "01:30" (Facilita's SE2). */
export const durationText = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
