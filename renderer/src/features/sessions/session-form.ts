import type { Outcome } from '../../../../shared/domain/journal/options.ts';
import type { Experience, Session, SessionInput } from '../../../../shared/domain/journal/sessions.ts';
import { noCitizenTyping, type CitizenTyping } from '../citizens/citizen-typing.ts';
import type { PickedCitizen } from '../citizens/CitizenPicker.tsx';

/** The session form as typed: what a draft holds, so everything can be put back after a crash. */
export interface SessionForm {
  citizen: PickedCitizen | null;
  /** The codice fiscale and the new citizen's form typed before the citizen was chosen. */
  citizenTyping: CitizenTyping;
  date: string;
  duration: string;
  serviceTypes: string[];
  competences: number[];
  serviceAreas: string[];
  details: string;
  outcome: Outcome | null;
  followUpWanted: boolean;
  followUpDate: string;
  followUpReason: string;
  experience: Experience | null;
  privateNotes: string;
  guideRunIds: string[];
  startedAt: string;
}

export const emptyExperience = (): Experience => ({ es1: null, es2: null, es3: [], es4: '', es5: [], es6: null });

export const emptySessionForm = (today: string): SessionForm => ({
  citizen: null,
  citizenTyping: noCitizenTyping(),
  date: today,
  duration: '',
  serviceTypes: ['A'],
  competences: [],
  serviceAreas: [],
  details: '',
  outcome: null,
  followUpWanted: false,
  followUpDate: '',
  followUpReason: '',
  experience: null,
  privateNotes: '',
  guideRunIds: [],
  startedAt: new Date().toISOString(),
});

/** Minutes since the timer started, as `hh:mm` (at least one minute). */
export const elapsedDuration = (startedAt: string, now = Date.now()): string => {
  const minutes = Math.max(1, Math.ceil((now - Date.parse(startedAt)) / 60_000));
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

export const toSessionInput = (form: SessionForm, draftId: string | null): SessionInput => ({
  citizenId: form.citizen?.id ?? null,
  date: form.date,
  duration: form.duration.trim() === '' ? elapsedDuration(form.startedAt) : form.duration.trim(),
  serviceTypes: form.serviceTypes as SessionInput['serviceTypes'],
  competences: form.competences as SessionInput['competences'],
  serviceAreas: form.serviceAreas as SessionInput['serviceAreas'],
  details: form.details,
  outcome: (form.outcome ?? '') as Outcome,
  followUp: form.followUpWanted ? { dueDate: form.followUpDate, reason: form.followUpReason } : null,
  experience: form.experience,
  privateNotes: form.privateNotes,
  guideRunIds: form.guideRunIds,
  startedAt: form.startedAt,
  draftId,
});

export const fromSession = (session: Session): SessionForm => ({
  citizen: session.citizenId
    ? { id: session.citizenId, name: session.citizenName ?? '—', reportable: session.reportable }
    : null,
  citizenTyping: noCitizenTyping(),
  date: session.date,
  duration: session.duration,
  serviceTypes: session.serviceTypes,
  competences: session.competences,
  serviceAreas: session.serviceAreas,
  details: session.details,
  outcome: session.outcome,
  followUpWanted: session.followUp !== null && !session.followUp.done,
  followUpDate: session.followUp?.dueDate ?? '',
  followUpReason: session.followUp?.reason ?? '',
  experience: session.experience,
  privateNotes: session.privateNotes,
  guideRunIds: session.guideRunIds,
  startedAt: new Date().toISOString(),
});
