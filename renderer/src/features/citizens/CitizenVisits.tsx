import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { useLoad } from '../../app/use-load.ts';
import { useFormats } from '../../i18n/use-formats.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';

/**
 * A citizen's visits and the workshops they attended, newest first, each opening its record (only
 * those the operator may see).
 */
export const CitizenVisits = ({ citizenId }: { citizenId: string }) => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const visits = useLoad(() => call('history.search', { kind: 'all', citizenId }), [citizenId]);
  const items = visits.value?.items ?? [];
  return (
    <section aria-labelledby="citizen-visits">
      <Typography id="citizen-visits" variant="h2" gutterBottom>
        {t('rights.visits')}
      </Typography>
      <LoadState load={visits} describe={journalError} />
      {visits.value && items.length === 0 && <Typography>{t('rights.noVisits')}</Typography>}
      <List dense>
        {items.map((item) => (
          <ListItem key={item.id} disableGutters>
            {item.kind === 'workshop' ? (
              <Link href={hrefOf('journal/workshop', item.id)}>
                {t('rights.workshop', {
                  date: formats.day(item.date),
                  title: item.title ?? '—',
                  operator: item.operatorName,
                })}
              </Link>
            ) : (
              <Link href={hrefOf('journal/session', item.id)}>
                {t('rights.visit', {
                  date: formats.day(item.date),
                  areas: item.serviceAreas.map((code) => t(`codes.se6.${code}`)).join(', ') || '—',
                  outcome: item.outcome ? t(`outcomes.${item.outcome}`) : '—',
                  operator: item.operatorName,
                })}
              </Link>
            )}
          </ListItem>
        ))}
      </List>
    </section>
  );
};
