import { useCallback } from 'react';
import type { MethodInput, MethodOutput } from '../../../../shared/contract/methods.ts';
import type { MethodName } from '../../../../shared/contract/names.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { client } from '../../api/client.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';

/**
 * The contract client for journal screens: a call refused because the desk locked itself (idle,
 * or signed out in another window) sends the person back to the sign-in form, nothing lost.
 */
export const useJournalCall = () => {
  const { refresh } = useOperator();
  return useCallback(
    async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
      const result = await client.call(method, input);
      if (!result.ok && result.error.code === 'LOCKED' && result.error.details?.['reason'] !== 'tooManyAttempts') {
        void refresh();
      }
      return result;
    },
    [refresh],
  );
};
