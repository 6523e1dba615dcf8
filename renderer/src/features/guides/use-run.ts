import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../../shared/contract/methods.ts';
import type { RunDetail } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';

/** Run methods that take a run and answer with the run as it is now. */
export type RunAction =
  | 'guides.run.checklist'
  | 'guides.run.next'
  | 'guides.run.back'
  | 'guides.run.answer'
  | 'guides.run.autonomy'
  | 'guides.run.pause'
  | 'guides.run.resume'
  | 'guides.run.finish';

export interface RunHandle {
  detail: RunDetail | null;
  /** The translated failure of the last request (load or action), if any. */
  error: string | null;
  busy: boolean;
  act<M extends RunAction>(method: M, input: Omit<MethodInput<M>, 'runId'>): Promise<boolean>;
}

/** Loads one run and applies the operator's actions to it; the core's answer replaces the state. */
export const useRun = (runId: string | undefined): RunHandle => {
  const { t } = useTranslation(['guides', 'errors']);
  const loaded = useLoad(runId ? () => client.call('guides.run.get', { runId }) : null, [runId]);
  const { set: setDetail, reload } = loaded;
  const [actionError, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Actions run one after the other, in the order pressed (a mark then "Pause" both count). Buttons
  // stay enabled meanwhile (disabling one would drop keyboard focus); pressing the same action
  // again while it is still waiting is ignored, so a double press does not skip a step.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef<string | null>(null);
  const inFlight = useRef(0);

  // A trainer may move the run from the projector window: follow it here too.
  useEffect(
    () =>
      client.on('guides.run.changed', (payload) => {
        if ((payload as { runId?: string }).runId === runId && inFlight.current === 0) void reload();
      }),
    [runId, reload],
  );

  const act = useCallback(
    <M extends RunAction>(method: M, input: Omit<MethodInput<M>, 'runId'>): Promise<boolean> => {
      const key = `${method} ${JSON.stringify(input)}`;
      if (!runId || waiting.current === key) return Promise.resolve(false);
      waiting.current = key;
      inFlight.current += 1;
      setBusy(true);
      const done = queue.current.then(async () => {
        const result = await client.call(method, { ...input, runId } as MethodInput<M>);
        if (waiting.current === key) waiting.current = null;
        inFlight.current -= 1;
        setBusy(inFlight.current > 0);
        if (!result.ok) {
          setError(describeGuideError(t, result.error));
          return false;
        }
        setError(null);
        setDetail(result.value as RunDetail);
        return true;
      });
      queue.current = done;
      return done;
    },
    [runId, t, setDetail],
  );

  const error = actionError ?? (loaded.error ? describeGuideError(t, loaded.error) : null);
  return { detail: loaded.value, error, busy, act };
};
