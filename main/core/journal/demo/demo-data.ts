import type { CitizenData } from '../../../../shared/domain/journal/citizens.ts';
import type { OperatorInput, SiteInput } from '../../../../shared/domain/journal/operators.ts';
import { durationText, OUTCOMES } from '../../../../shared/domain/journal/options.ts';
import type { SessionData } from '../../../../shared/domain/journal/sessions.ts';
import {
  AN10_OCCUPATION,
  AN9_EDUCATION,
  type Se5Competence,
  type Se6ServiceArea,
} from '../../../../shared/facilita/codes.ts';
import { CodiceFiscale } from '../../facilita/codice-fiscale.ts';
import { addDays } from '../journal-context.ts';

/**
 * Realistic fictional data for training new facilitators (demo mode) and for benchmarks (seed
 * script). Names are common Italian names; every codice fiscale is valid but built on a fixed
 * birthplace, so it belongs to nobody real with certainty only by chance — the site is marked demo.
 */

/** A small deterministic PRNG (mulberry32): the same seed gives the same desk. */
export const randomSource = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
};
export type RandomSource = ReturnType<typeof randomSource>;

const FEMALE = [
  'Maria',
  'Anna',
  'Giuseppina',
  'Rosa',
  'Angela',
  'Giovanna',
  'Teresa',
  'Lucia',
  'Carmela',
  'Francesca',
  'Paola',
  'Elena',
];
const MALE = [
  'Giuseppe',
  'Giovanni',
  'Antonio',
  'Mario',
  'Luigi',
  'Francesco',
  'Angelo',
  'Vincenzo',
  'Pietro',
  'Salvatore',
  'Carlo',
  'Franco',
];
const SURNAMES = [
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
];
const PROVINCES = ['Cremona', 'Milano', 'Roma', 'Napoli', 'Torino', 'Bologna', 'Bari', 'Palermo'];
/** Belfiore codes of a few large towns (Roma, Milano, Napoli, Torino, Cremona). */
const BIRTHPLACES = ['H501', 'F205', 'F839', 'L219', 'D150'];
const MONTH_LETTERS = 'ABCDEHLMPRST';

/** What people most often come for, with the competence each usually exercises. */
const COMMON_SERVICES: readonly { area: Se6ServiceArea; competences: Se5Competence[]; details: string }[] = [
  { area: 'A', competences: [6, 9], details: 'Prima installazione di App IO e accesso con CIE' },
  { area: 'B', competences: [6], details: 'Pagamento di un avviso pagoPA della TARI' },
  { area: 'C', competences: [6, 3], details: 'Certificato anagrafico da ANPR scaricato e stampato' },
  { area: 'D', competences: [6, 12], details: 'Consultazione referti sul Fascicolo Sanitario' },
  { area: 'L', competences: [6, 9], details: 'Accesso ai servizi INPS con SPID' },
  { area: 'M', competences: [6], details: 'Prenotazione visita tramite CUP online' },
  { area: 'N', competences: [6, 1], details: 'Dichiarazione precompilata consultata' },
  { area: 'Q', competences: [6], details: 'Abbonamento del trasporto pubblico rinnovato' },
];

export const demoSite = (today: string): SiteInput => ({
  facilitaName: 'Punto Digitale Facile Demo',
  facilitaId: '999001',
  ente: 'Comune di Prova',
  province: 'Cremona',
  projectStart: addDays(today, -730),
  projectEnd: addDays(today, 365),
  cutoffDate: null,
  allowMinors: false,
  backdateDays: 7,
  idleMinutes: 10,
  retentionMonths: 24,
  measure: '1.7.2',
});

/** A valid codice fiscale for a fictional person (name codes, date code, Belfiore code, check letter). */
export const fictionalCodiceFiscale = (person: {
  first: string;
  last: string;
  female: boolean;
  year: number;
  month: number;
  day: number;
  place: string;
}): string => {
  const body = `${CodiceFiscale.surnameCode(person.last)}${CodiceFiscale.nameCode(person.first)}${String(person.year % 100).padStart(2, '0')}${
    MONTH_LETTERS[person.month - 1]
  }${String(person.day + (person.female ? 40 : 0)).padStart(2, '0')}${person.place}`;
  return body + CodiceFiscale.getCheckCode(body);
};

export const demoOperators = (): OperatorInput[] => [
  {
    name: 'Giulia Serra',
    role: 'facilitator',
    facilitaId: fictionalCodiceFiscale({
      first: 'Giulia',
      last: 'Serra',
      female: true,
      year: 1990,
      month: 3,
      day: 14,
      place: 'D150',
    }),
    facilitaName: 'Serra Giulia',
    secretKind: 'pin',
    secret: '1111',
  },
  {
    name: 'Luca Fontana',
    role: 'volunteer',
    facilitaId: fictionalCodiceFiscale({
      first: 'Luca',
      last: 'Fontana',
      female: false,
      year: 2001,
      month: 7,
      day: 2,
      place: 'F205',
    }),
    facilitaName: 'Fontana Luca',
    secretKind: 'pin',
    secret: '2222',
  },
  {
    name: 'Marta Villa',
    role: 'trainer',
    facilitaId: fictionalCodiceFiscale({
      first: 'Marta',
      last: 'Villa',
      female: true,
      year: 1978,
      month: 11,
      day: 23,
      place: 'L219',
    }),
    facilitaName: 'Villa Marta',
    secretKind: 'pin',
    secret: '3333',
  },
];

export const demoCitizen = (random: RandomSource, today: string): CitizenData => {
  const female = random.next() < 0.55;
  const first = random.pick(female ? FEMALE : MALE);
  const last = random.pick(SURNAMES);
  // Mostly older people, as at real desks: 20 to 89 years old.
  const year = Number(today.slice(0, 4)) - random.int(20, 89);
  const codiceFiscale = fictionalCodiceFiscale({
    first,
    last,
    female,
    year,
    month: random.int(1, 12),
    day: random.int(1, 28),
    place: random.pick(BIRTHPLACES),
  });
  return {
    codiceFiscale,
    firstName: first,
    lastName: last,
    education: random.pick(AN9_EDUCATION),
    occupation: year < Number(today.slice(0, 4)) - 66 ? 'G' : random.pick(AN10_OCCUPATION),
    citizenship: random.next() < 0.9 ? 'A' : random.pick(['B', 'C'] as const),
    province: random.pick(PROVINCES),
    email: random.next() < 0.3 ? `${first}.${last}`.toLowerCase().replaceAll(' ', '') + '@example.org' : null,
    phone: random.next() < 0.5 ? `+39 3${random.int(10, 99)} ${random.int(1000000, 9999999)}` : null,
    consentMethod: random.pick(['paper', 'online', 'email'] as const),
    consentDate: today,
  };
};

export const demoSession = (random: RandomSource, citizenId: string | null, date: string): SessionData => {
  const service = random.pick(COMMON_SERVICES);
  return {
    citizenId,
    date,
    duration: durationText(random.pick([10, 15, 20, 30, 45, 60])),
    serviceTypes: ['A'],
    competences: service.competences,
    serviceAreas: [service.area],
    details: `${service.details} (${random.int(1, 9999)})`,
    outcome: random.next() < 0.75 ? 'resolved' : random.pick(OUTCOMES),
    followUp: null,
    experience: null,
    privateNotes: '',
    guideRunIds: [],
    startedAt: null,
    draftId: null,
    confirmDuplicate: true,
    quick: false,
  };
};
