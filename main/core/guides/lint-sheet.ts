/**
 * Rules on the take-home sheet's texts, which an elderly citizen reads alone at home: every
 * step says in one sentence what was done, every sentence is short, and none uses the desk's
 * own words ("operatore", "checklist") that mean nothing to the citizen. Also checks that a
 * prerequisite's route (`neededOn`) names real steps and that home tasks have their words.
 */
import {
  MAX_CITIZEN_SENTENCE_WORDS,
  type GuideMeta,
  type GuideTexts,
  type PackError,
} from '../../../shared/domain/guide.ts';
import { locate, packError, type YamlSource } from './yaml-source.ts';

/** Words of the desk, not of the citizen, per language (lower case, whole words). */
const DESK_JARGON: Record<string, readonly string[]> = {
  it: [
    'operatore',
    'operatrice',
    'facilitatore',
    'facilitatrice',
    'prerequisito',
    'prerequisiti',
    'checklist',
    'esito',
    'autonomia',
    'run',
    'step',
    'blocker',
  ],
  en: [
    'operator',
    'facilitator',
    'prerequisite',
    'prerequisites',
    'checklist',
    'outcome',
    'autonomy',
    'run',
    'blocker',
  ],
};

// One pattern per language, built once: every text of every pack is matched against it.
const JARGON_PATTERN: Record<string, RegExp> = Object.fromEntries(
  Object.entries(DESK_JARGON).map(([lang, words]) => [
    lang,
    new RegExp(`(?<!\\p{L})(${words.join('|')})(?!\\p{L})`, 'u'),
  ]),
);

/** Forms that say the citizen's gender, which the sheet does not know (it would guess wrong half the time). */
const GENDERED: Record<string, readonly string[]> = {
  it: ['da solo', 'da sola', 'solo soletto', 'lui stesso', 'lei stessa'],
};

// A sentence ends at . ! ? followed by a space or the end; "posteid.poste.it" is one word.
const SENTENCE_END = /[.!?]+(?:\s+|$)/;

export const sentencesOf = (text: string): string[] =>
  text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);

const wordsOf = (sentence: string): string[] => sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

/** What is wrong with one citizen text, or undefined. */
export const citizenTextProblem = (text: string, lang: string, oneSentence: boolean): string | undefined => {
  const sentences = sentencesOf(text);
  if (oneSentence && sentences.length > 1) return `must be one sentence, it has ${sentences.length}`;
  const long = sentences.find((sentence) => wordsOf(sentence).length > MAX_CITIZEN_SENTENCE_WORDS);
  if (long !== undefined) {
    return `"${long.slice(0, 40)}…" has ${wordsOf(long).length} words; keep sentences to ${MAX_CITIZEN_SENTENCE_WORDS}`;
  }
  const lower = text.toLowerCase();
  const found = JARGON_PATTERN[lang]?.exec(lower)?.[1];
  if (found !== undefined) return `uses "${found}", a word of the desk: say it as the citizen would`;
  const gendered = (GENDERED[lang] ?? []).find((phrase) => lower.includes(phrase));
  if (gendered !== undefined) return `says "${gendered}", which assumes the citizen's gender: say it without`;
  return undefined;
};

export function lintSheetTexts(meta: GuideMeta, lang: string, texts: GuideTexts, source: YamlSource): PackError[] {
  const errors: PackError[] = [];
  const check = (text: string, path: PropertyKey[], what: string, oneSentence = false) => {
    const problem = citizenTextProblem(text, lang, oneSentence);
    if (problem)
      errors.push(packError('citizen-text', source.file, locate(source, path), `${lang}: ${what} ${problem}`));
  };
  for (const step of meta.steps) {
    const words = texts.steps[step.id];
    if (!words) continue; // reported as missing-text
    const stepPath = ['steps', step.id];
    if (words.done !== undefined) check(words.done, [...stepPath, 'done'], `step "${step.id}" done:`, true);
    else if (!step.question) {
      errors.push(
        packError(
          'missing-sheet-text',
          source.file,
          locate(source, stepPath),
          `${lang}: step "${step.id}" has no "done" sentence for the take-home sheet (its title is printed instead)`,
          'warning',
        ),
      );
    }
    const taskIds = new Set((step.home ?? []).map((task) => task.id));
    for (const id of taskIds) {
      const text = words.home[id];
      if (text === undefined) {
        errors.push(
          packError(
            'missing-text',
            source.file,
            locate(source, stepPath),
            `${lang}: no text for home task "${id}" of step "${step.id}"`,
          ),
        );
      } else check(text, [...stepPath, 'home', id], `home task "${id}":`);
    }
    for (const id of Object.keys(words.home)) {
      if (!taskIds.has(id)) {
        errors.push(
          packError(
            'extra-text',
            source.file,
            locate(source, [...stepPath, 'home', id]),
            `${lang}: text for home task "${id}" of step "${step.id}", which guide.yaml does not have`,
          ),
        );
      }
    }
  }
  texts.sheet.secrets.forEach((text, index) => check(text, ['sheet', 'secrets', index], 'secret:'));
  texts.sheet.call.forEach((text, index) => check(text, ['sheet', 'call', index], 'help line:'));
  return errors;
}

/** `endsAs` describes an end; on a step that leads on it would never be read. */
export function lintEndsAs(meta: GuideMeta, source: YamlSource): PackError[] {
  return meta.steps.flatMap((step, index) =>
    step.endsAs !== undefined && (step.next !== undefined || step.question !== undefined)
      ? [
          packError(
            'ends-as-not-end',
            source.file,
            locate(source, ['steps', index, 'endsAs']),
            `step "${step.id}" leads on, so "endsAs" (for end steps) does not apply`,
          ),
        ]
      : [],
  );
}

/** A route condition must name steps of this guide, or the prerequisite could never be needed. */
export function lintRoutes(meta: GuideMeta, source: YamlSource): PackError[] {
  const stepIds = new Set(meta.steps.map((step) => step.id));
  return meta.prerequisites.flatMap((prerequisite, index) =>
    (prerequisite.neededOn ?? [])
      .map((stepId, position) => ({ stepId, position }))
      .filter(({ stepId }) => !stepIds.has(stepId))
      .map(({ stepId, position }) =>
        packError(
          'broken-target',
          source.file,
          locate(source, ['prerequisites', index, 'neededOn', position]),
          `prerequisite "${prerequisite.id}" is needed on "${stepId}", which is not a step`,
        ),
      ),
  );
}
