import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/navigation.ts';

/** The session or workshop behind a Facilita row, as a link a person can follow to correct it. */
export const RecordLink = ({
  row,
}: {
  row: { recordKind: 'session' | 'workshopParticipant'; recordId: string; parentId?: string | undefined };
}) => {
  const { t } = useTranslation('facilita');
  return (
    <Link
      href={
        row.recordKind === 'session'
          ? hrefOf('journal/session', row.recordId)
          : hrefOf('journal/workshop', row.parentId ?? row.recordId)
      }
    >
      {t(row.recordKind === 'session' ? 'openSession' : 'openWorkshop')}
    </Link>
  );
};
