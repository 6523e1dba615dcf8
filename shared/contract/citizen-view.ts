import { namesOwnView, type CitizenView } from './access.ts';
import { CITIZEN_VIEW_METHODS } from './names.ts';

/**
 * What the citizen window's narrow preload lets through (zod-free): the public methods, and its own
 * view's methods for its own run or questionnaire only. The core checks the same against each
 * method's declared access (main/core/rpc/access-gate.ts); methods.ts checks the lists agree.
 */
export const citizenViewMayCall = (
  own: { view: CitizenView; id: string } | null,
  method: string,
  rawInput: unknown,
): boolean => {
  if ((CITIZEN_VIEW_METHODS.public as readonly string[]).includes(method)) return true;
  if (!own || !(CITIZEN_VIEW_METHODS[own.view] as readonly string[]).includes(method)) return false;
  return namesOwnView(own.view, own.id, rawInput);
};

/** The window's own view, from its `--passopasso-view=<run|questionnaire>:<id>` argument (null without one). */
export const citizenViewOf = (argv: readonly string[]): { view: CitizenView; id: string } | null => {
  const arg = argv.find((candidate) => candidate.startsWith('--passopasso-view=')) ?? '';
  const match = /^--passopasso-view=(run|questionnaire):(.+)$/.exec(arg);
  return match ? { view: match[1] as CitizenView, id: match[2] as string } : null;
};
