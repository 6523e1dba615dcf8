import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/domain/sync/status.ts';
import { client } from '../../api/client.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useMayUse } from '../operators/OperatorProvider.tsx';
import { ProblemCard } from './ProblemCard.tsx';

/** Every rejected or conflicting change, one card per record, with what a person can do about it. */
export const ProblemList = ({ status }: { status: SyncStatus | null }) => {
  const { t } = useTranslation('sync');
  // Rejected and conflicting changes hold citizens' data of every operator: the coordinator's to see and settle.
  const settles = useMayUse()('coordinator');
  // Loaded again whenever the count of rejected or conflicting changes moves, and after each sync.
  const loaded = useLoad(settles ? () => client.call('sync.problems', {}) : null, [
    settles,
    status?.rejected,
    status?.conflicts,
    status?.lastSuccessAt,
  ]);
  const problems = settles ? loaded.value : null;
  return (
    <Stack spacing={2} component="section" aria-labelledby="problems-title" sx={{ minWidth: 0 }}>
      <Typography id="problems-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
        {t('problems.title')}
      </Typography>
      {!settles && <Typography>{t('problems.coordinatorOnly')}</Typography>}
      <LoadState load={loaded} />
      {problems?.length === 0 && <Typography>{t('problems.none')}</Typography>}
      {problems?.map((problem) => (
        <ProblemCard key={problem.changeId} problem={problem} onChanged={loaded.set} />
      ))}
    </Stack>
  );
};
