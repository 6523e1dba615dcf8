import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { CONSOLE_API } from '../../../../shared/console/names.ts';

const download = (exportId: string, folder: 'files' | 'archives', name: string) =>
  `${CONSOLE_API}/facilita-exports/${exportId}/${folder}/${encodeURIComponent(name)}`;

/**
 * The links to one file of a hub export — the CSV or Excel file and its archive PDF, the hub's very
 * bytes — in the desk's words ("CSV 1", "PDF da firmare 1"). An Excel file ends in .xlsx.
 */
export const FileLinks = ({
  exportId,
  file,
  part,
}: {
  exportId: string;
  file: { filename: string; archive?: string | undefined };
  part: number;
}) => {
  const { t } = useTranslation('facilita');
  return (
    <>
      <Link href={download(exportId, 'files', file.filename)} download>
        {t(file.filename.endsWith('.xlsx') ? 'downloadXlsx' : 'downloadCsv', { part })}
      </Link>
      {file.archive && (
        <>
          {' · '}
          <Link href={download(exportId, 'archives', file.archive)} download>
            {t('downloadPdf', { part })}
          </Link>
        </>
      )}
    </>
  );
};
