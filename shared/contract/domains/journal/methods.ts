import { z } from 'zod';
import {
  Citizen,
  CitizenExport,
  CitizenExportInput,
  CitizenInput,
  CitizenLookup,
  CitizenNameLookup,
  CitizenUpdate,
  EraseInput,
  RecentCitizen,
  ReturningCitizen,
} from '../../../domain/journal/citizens.ts';
import { RecordId } from '../../../domain/journal/common.ts';
import { HistoryPage, HistoryQuery } from '../../../domain/journal/history.ts';
import {
  JournalStatus,
  OperatorDetail,
  OperatorInput,
  OperatorUpdate,
  OwnSecretChange,
  RosterSetUpInput,
  SetUpInput,
  SignedIn,
  SignInInput,
  Site,
  SiteUpdate,
} from '../../../domain/journal/operators.ts';
import {
  DeleteInput,
  Draft,
  DraftSave,
  FollowUp,
  GuideRunChoice,
  Session,
  SessionInput,
  SessionSaved,
  SessionUpdate,
} from '../../../domain/journal/sessions.ts';
import {
  ArrivalAdded,
  ArrivalInput,
  RosterFile,
  RosterImported,
  RosterPreview,
} from '../../../domain/journal/roster.ts';
import { OrganisationView } from '../../../domain/journal/organisation.ts';
import { QuestionnaireAnswer, QuestionnaireStart, QuestionnaireView } from '../../../domain/journal/questionnaire.ts';
import {
  CheckInInput,
  ParticipantInput,
  RetentionResult,
  Workshop,
  WorkshopGuideStart,
  WorkshopInput,
  WorkshopRef,
} from '../../../domain/journal/workshops.ts';
import { defineEvent, defineMethod, NoInput, type EventSpec, type MethodSpec } from '../../define.ts';
import type { JOURNAL_EVENT_NAMES, JOURNAL_METHOD_NAMES } from './names.ts';

const ById = z.strictObject({ id: RecordId });
const Saved = z.strictObject({ id: RecordId, version: z.int() });
const Done = z.strictObject({ done: z.literal(true) });

export const journalMethods = {
  'journal.status': defineMethod({
    access: 'desk',
    input: NoInput,
    output: JournalStatus,
    summary: 'Set up? Who may sign in, who is signed in',
  }),
  'journal.setUp': defineMethod({
    access: 'desk',
    input: SetUpInput,
    output: SignedIn,
    summary: 'First start: the site and its coordinator',
  }),
  'journal.setUpFromRoster': defineMethod({
    access: 'desk',
    input: RosterSetUpInput,
    output: SignedIn,
    summary: "First start on a desk enrolled first: the site and the roster's coordinator (their PIN here)",
  }),
  'journal.organisation': defineMethod({
    access: 'desk',
    input: NoInput,
    output: OrganisationView,
    summary: "The organisation's say on this desk: its name, the hub-owned site fields, the roster's coordinators",
  }),
  'journal.signIn': defineMethod({
    access: 'desk',
    input: SignInInput,
    output: SignedIn,
    summary: 'Sign in (or switch) with PIN or password',
  }),
  'journal.signOut': defineMethod({
    access: 'desk',
    input: NoInput,
    output: Done,
    summary: 'Lock the desk (sign out)',
  }),
  'journal.fillDemo': defineMethod({
    access: 'coordinator',
    input: z.strictObject({ sessions: z.int().min(1).max(2000).default(60) }),
    output: z.strictObject({ citizens: z.int(), sessions: z.int(), workshops: z.int() }),
    summary: 'Coordinator: fill the desk with realistic fictional data for training (not once enrolled)',
  }),
  'journal.removeDemo': defineMethod({
    access: 'coordinator',
    input: NoInput,
    output: z.strictObject({ citizens: z.int(), sessions: z.int(), workshops: z.int(), operators: z.int() }),
    summary: 'Coordinator: delete the demo data (and only it), so the desk may join an organisation',
  }),
  'operators.list': defineMethod({
    access: 'coordinator',
    input: NoInput,
    output: z.array(OperatorDetail),
    summary: 'Coordinator: every operator',
  }),
  'operators.create': defineMethod({
    access: 'coordinator',
    input: OperatorInput,
    output: Saved,
    summary: 'Coordinator: add an operator',
  }),
  'operators.update': defineMethod({
    access: 'coordinator',
    input: OperatorUpdate,
    output: Saved,
    summary: 'Coordinator: change an operator',
  }),
  'operators.changeOwnSecret': defineMethod({
    access: 'operator',
    input: OwnSecretChange,
    output: Done,
    summary: 'The signed-in operator changes their own PIN or password (the current one first)',
  }),
  'site.get': defineMethod({
    access: 'operator',
    input: NoInput,
    output: Site,
    summary: 'The site (sede) and its rules',
  }),
  'site.update': defineMethod({
    access: 'coordinator',
    input: SiteUpdate,
    output: Site,
    summary: 'Coordinator: change the site and its rules',
  }),
  'citizens.lookup': defineMethod({
    access: 'operator',
    input: CitizenLookup,
    output: ReturningCitizen.nullable(),
    summary: 'Recognise a returning citizen by the keyed hash of the codice fiscale',
  }),
  'citizens.recent': defineMethod({
    access: 'operator',
    input: NoInput,
    output: z.array(RecentCitizen),
    summary: "Today's and recent citizens, most recent first (a volunteer's or trainer's own only)",
  }),
  'citizens.lookupByName': defineMethod({
    access: 'operator',
    input: CitizenNameLookup,
    output: z.array(ReturningCitizen),
    summary: 'Find returning citizens by surname and name through the blind name index',
  }),
  'citizens.create': defineMethod({
    access: 'operator',
    input: CitizenInput,
    output: Citizen,
    summary: 'Register a citizen',
  }),
  'citizens.update': defineMethod({
    access: 'operator',
    input: CitizenUpdate,
    output: Citizen,
    summary: "Correct a citizen's data",
  }),
  'citizens.get': defineMethod({
    access: 'operator',
    input: ById,
    output: Citizen,
    summary: 'One citizen',
  }),
  'citizens.export': defineMethod({
    access: 'coordinator',
    input: CitizenExportInput,
    output: CitizenExport,
    summary: 'Coordinator: everything held about a citizen, as JSON or PDF, into the exports folder',
  }),
  'citizens.erase': defineMethod({
    access: 'coordinator',
    input: EraseInput,
    output: Done,
    summary: "Coordinator: erase a citizen's identifying data",
  }),
  'sessions.create': defineMethod({
    access: 'operator',
    input: SessionInput,
    output: SessionSaved,
    summary: 'Save an assisted session',
  }),
  'sessions.update': defineMethod({
    access: 'operator',
    input: SessionUpdate,
    output: SessionSaved,
    summary: 'Edit a session (a new version)',
  }),
  'sessions.delete': defineMethod({
    access: 'coordinator',
    input: DeleteInput,
    output: Done,
    summary: 'Coordinator: delete a session (tombstone)',
  }),
  'sessions.get': defineMethod({
    access: 'operator',
    input: ById,
    output: Session,
    summary: 'One session with its audit trail',
  }),
  'sessions.guideRuns': defineMethod({
    access: 'operator',
    input: NoInput,
    output: z.array(GuideRunChoice),
    summary: 'Finished guide runs not yet attached to a session',
  }),
  'history.search': defineMethod({
    access: 'operator',
    input: HistoryQuery,
    output: HistoryPage,
    summary: 'Sessions and workshops, filtered',
  }),
  'followUps.list': defineMethod({
    access: 'operator',
    input: NoInput,
    output: z.array(FollowUp),
    summary: 'Open follow-up tasks',
  }),
  'followUps.done': defineMethod({
    access: 'operator',
    input: ById,
    output: Done,
    summary: 'Mark a follow-up done',
  }),
  'drafts.list': defineMethod({
    access: 'operator',
    input: NoInput,
    output: z.array(Draft),
    summary: 'Sessions being typed (resume after a crash)',
  }),
  'drafts.save': defineMethod({
    access: 'operator',
    input: DraftSave,
    output: z.strictObject({ id: RecordId }),
    summary: 'Save the form as typed',
  }),
  'drafts.discard': defineMethod({
    access: 'operator',
    input: ById,
    output: Done,
    summary: 'Throw a draft away',
  }),
  'drafts.pageCopyKey': defineMethod({
    access: 'operator',
    input: NoInput,
    output: z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
    summary: "The key (base64url, AES-256) a form's page encrypts its own copy of a draft with",
  }),
  'workshops.create': defineMethod({
    access: 'staff',
    input: WorkshopInput,
    output: Saved,
    summary: 'Schedule a workshop',
  }),
  'workshops.update': defineMethod({
    access: 'staff',
    input: WorkshopInput.extend({ id: RecordId, baseVersion: z.int().min(1) }),
    output: Saved,
    summary: 'Change a scheduled workshop',
  }),
  'workshops.get': defineMethod({
    access: 'staff',
    input: ById,
    output: Workshop,
    summary: 'A workshop with its roster',
  }),
  'workshops.addParticipant': defineMethod({
    access: 'staff',
    input: ParticipantInput,
    output: Workshop,
    summary: 'Add a citizen to the roster',
  }),
  'workshops.previewRoster': defineMethod({
    access: 'staff',
    input: RosterFile,
    output: RosterPreview,
    summary: 'What importing a roster file (CSV or XLSX) would do to each row, saving nothing',
  }),
  'workshops.importRoster': defineMethod({
    access: 'staff',
    input: RosterFile,
    output: RosterImported,
    summary: 'Add the valid rows of a roster file at once (no one twice); bad rows change nothing',
  }),
  'workshops.addByCodiceFiscale': defineMethod({
    access: 'staff',
    input: ArrivalInput,
    output: ArrivalAdded,
    summary: 'Add an arrival by codice fiscale: a known citizen, or a new one with a profile to complete',
  }),
  'workshops.checkIn': defineMethod({
    access: 'staff',
    input: CheckInInput,
    output: Workshop,
    summary: 'Check a participant in or out',
  }),
  'workshops.close': defineMethod({
    access: 'staff',
    input: WorkshopRef,
    output: Workshop,
    summary: 'Close: one Facilita row per participant',
  }),
  'workshops.reopen': defineMethod({
    access: 'staff',
    input: WorkshopRef,
    output: Workshop,
    summary: 'Undo a close, until the workshop is exported',
  }),
  'workshops.startGuide': defineMethod({
    access: 'staff',
    input: WorkshopGuideStart,
    output: z.strictObject({ runId: RecordId, workshop: Workshop }),
    summary: 'Start a guide on the projector for a workshop: the run is the workshop’s, on its first step',
  }),
  'workshops.delete': defineMethod({
    access: 'coordinator',
    input: DeleteInput,
    output: Done,
    summary: 'Coordinator: delete a workshop (tombstone)',
  }),
  'retention.run': defineMethod({
    access: 'coordinator',
    input: NoInput,
    output: RetentionResult,
    summary: 'Coordinator: erase identifying fields of old records already exported and synced',
  }),
  'questionnaire.start': defineMethod({
    access: 'operator',
    input: QuestionnaireStart,
    output: QuestionnaireView,
    summary: 'Start the experience questions ES1–ES6 for the citizen to answer on the citizen view',
  }),
  'questionnaire.get': defineMethod({
    access: { citizen: 'questionnaire' },
    input: ById,
    output: QuestionnaireView,
    summary: 'A questionnaire and its answers',
  }),
  'questionnaire.answer': defineMethod({
    access: { citizen: 'questionnaire' },
    input: QuestionnaireAnswer,
    output: QuestionnaireView,
    summary: 'The citizen’s answers so far (Facilita codes only)',
  }),
  'questionnaire.finish': defineMethod({
    access: { citizen: 'questionnaire' },
    input: ById,
    output: QuestionnaireView,
    summary: 'The citizen has answered: the questionnaire is closed',
  }),
  'questionnaire.citizenWindow.open': defineMethod({
    access: 'operator',
    input: ById,
    output: z.strictObject({ requested: z.literal(true), pass: z.string().min(1) }),
    summary:
      'Ask the desktop app to open the questionnaire on the citizen window, with its own pass (only this questionnaire)',
  }),
} satisfies Record<(typeof JOURNAL_METHOD_NAMES)[number], MethodSpec>;

export const journalEvents = {
  'questionnaire.changed': defineEvent({
    payload: QuestionnaireView,
    summary: 'The citizen answered (or finished): the operator’s form mirrors the answers',
  }),
  'questionnaire.citizenWindow.requested': defineEvent({
    payload: z.strictObject({ id: RecordId, pass: z.string().min(1) }),
    summary: 'The operator asked for the questionnaire on the citizen window (the Electron binding opens it)',
  }),
} satisfies Record<(typeof JOURNAL_EVENT_NAMES)[number], EventSpec>;
