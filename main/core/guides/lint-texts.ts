/**
 * Rules that compare a language file with guide.yaml: every step, question, answer,
 * prerequisite and link has its text, and nothing is left over from an older version of the
 * structure (an extra text usually means a renamed id that the guide no longer uses).
 */
import type { GuideMeta, GuideTexts, PackError } from '../../../shared/domain/guide.ts';
import { locate, packError, type YamlSource } from './yaml-source.ts';

function compareKeys(
  expected: readonly string[],
  actual: Record<string, unknown>,
  mapPath: PropertyKey[],
  describe: (id: string) => string,
  source: YamlSource,
  lang: string,
  optional = false,
): PackError[] {
  const errors: PackError[] = [];
  const expectedSet = new Set(expected);
  for (const id of expected) {
    // Not built at all when optional: locating a problem parses the file again (yaml-source.ts).
    if (!optional && !Object.hasOwn(actual, id)) {
      errors.push(
        packError('missing-text', source.file, locate(source, mapPath), `${lang}: no text for ${describe(id)}`),
      );
    }
  }
  for (const id of Object.keys(actual)) {
    if (!expectedSet.has(id)) {
      errors.push(
        packError(
          'extra-text',
          source.file,
          locate(source, [...mapPath, id]),
          `${lang}: text for ${describe(id)}, which guide.yaml does not have`,
        ),
      );
    }
  }
  return errors;
}

export function lintTexts(meta: GuideMeta, lang: string, texts: GuideTexts, source: YamlSource): PackError[] {
  const errors: PackError[] = [];
  const prerequisiteIds = meta.prerequisites.map((p) => p.id);
  errors.push(
    ...compareKeys(
      prerequisiteIds,
      texts.prerequisites,
      ['prerequisites'],
      (id) => `prerequisite "${id}"`,
      source,
      lang,
    ),
  );
  // comeBackWith is optional per prerequisite, so only leftovers are errors.
  errors.push(
    ...compareKeys(
      prerequisiteIds,
      texts.comeBackWith,
      ['comeBackWith'],
      (id) => `prerequisite "${id}"`,
      source,
      lang,
      true,
    ),
  );
  errors.push(
    ...compareKeys(
      meta.links.map((l) => l.id),
      texts.links,
      ['links'],
      (id) => `link "${id}"`,
      source,
      lang,
    ),
  );
  errors.push(
    ...compareKeys(
      meta.steps.map((s) => s.id),
      texts.steps,
      ['steps'],
      (id) => `step "${id}"`,
      source,
      lang,
    ),
  );

  for (const step of meta.steps) {
    const stepTexts = texts.steps[step.id];
    if (!stepTexts) continue;
    const stepPath = ['steps', step.id];
    if (step.question && !stepTexts.question) {
      errors.push(
        packError(
          'missing-text',
          source.file,
          locate(source, stepPath),
          `${lang}: step "${step.id}" asks a question but has no question text`,
        ),
      );
    } else if (!step.question && stepTexts.question) {
      errors.push(
        packError(
          'extra-text',
          source.file,
          locate(source, [...stepPath, 'question']),
          `${lang}: step "${step.id}" has a question text but no question in guide.yaml`,
        ),
      );
    } else if (step.question && stepTexts.question) {
      const answerIds = step.question.answers.map((a) => a.id);
      errors.push(
        ...compareKeys(
          answerIds,
          stepTexts.question.answers,
          [...stepPath, 'question', 'answers'],
          (id) => `answer "${id}" of step "${step.id}"`,
          source,
          lang,
        ),
      );
    }
  }
  return errors;
}
