import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, ACCESS_REFUSALS, levelOf } from '../../../shared/contract/access.ts';
import { citizenViewMayCall, citizenViewOf } from '../../../shared/contract/citizen-view.ts';
import { methods } from '../../../shared/contract/methods.ts';
import { CITIZEN_VIEW_METHODS, METHOD_NAMES } from '../../../shared/contract/names.ts';
import { resources } from '../../../shared/i18n/resources.ts';

const RUN = '0190a8c4-0000-7000-8000-000000000001';
const OTHER = '0190a8c4-0000-7000-8000-000000000002';

describe('access levels', () => {
  it('every method declares one of the levels', () => {
    for (const method of METHOD_NAMES) expect(ACCESS_LEVELS, method).toContain(levelOf(methods[method].access));
  });

  for (const language of ['it', 'en'] as const) {
    it(`every refusal for who called has a sentence (${language})`, () => {
      for (const reason of ACCESS_REFUSALS) expect(resources[language].errors.access[reason], reason).toBeTruthy();
    });
  }
});

describe("the citizen window's narrow preload", () => {
  it('lets through only the public methods and its own run’s, for that run only', () => {
    const own = citizenViewOf(['electron', '.', `--passopasso-view=run:${RUN}`]);
    expect(own).toEqual({ view: 'run', id: RUN });
    const passed = METHOD_NAMES.filter((method) => citizenViewMayCall(own, method, { runId: RUN, id: RUN }));
    expect(passed.sort()).toEqual([...CITIZEN_VIEW_METHODS.public, ...CITIZEN_VIEW_METHODS.run].sort());
    expect(citizenViewMayCall(own, 'guides.run.citizen', { runId: OTHER })).toBe(false);
    expect(citizenViewMayCall(own, 'guides.run.citizen', 'not an input')).toBe(false);
  });

  it('a questionnaire window reaches only its questionnaire; a window with no view only the public methods', () => {
    const own = citizenViewOf([`--passopasso-view=questionnaire:${RUN}`]);
    expect(citizenViewMayCall(own, 'questionnaire.answer', { id: RUN, answers: {} })).toBe(true);
    expect(citizenViewMayCall(own, 'questionnaire.answer', { id: OTHER, answers: {} })).toBe(false);
    expect(citizenViewMayCall(own, 'guides.run.citizen', { runId: RUN })).toBe(false);
    const none = citizenViewOf([]);
    expect(METHOD_NAMES.filter((method) => citizenViewMayCall(none, method, { id: RUN, runId: RUN })).sort()).toEqual(
      [...CITIZEN_VIEW_METHODS.public].sort(),
    );
  });
});
