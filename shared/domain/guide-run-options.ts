/** The allowed values of a guide run's fields, without zod, so the renderer can list them without bundling it. */
export const AUTONOMY_MARKS = ['operator', 'together', 'citizen'] as const;
export const RUN_STATES = ['checklist', 'running', 'paused', 'finished'] as const;
export const RUN_OUTCOMES = ['completed', 'partial', 'notCompleted'] as const;
export const OUTCOME_REASONS = [
  'missingDocument',
  'noPhoneOrSim',
  'noEmail',
  'serviceDown',
  'citizenDeclined',
  'other',
] as const;
