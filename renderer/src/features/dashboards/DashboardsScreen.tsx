import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/domain/dashboards/dashboard.ts';
import { notReportableSummary } from '../../../../shared/domain/dashboards/labels.ts';
import { client } from '../../api/client.ts';
import { fieldMessages } from '../../app/errors.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { DashboardPanel } from './DashboardPanel.tsx';
import { downloadDashboardFile } from './download-file.ts';
import { TargetsPanel } from './TargetsPanel.tsx';
import { PeriodFields } from '../../app/PeriodFields.tsx';

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Charts of a period (each with its table view and downloads), the targets and the printable report. */
const Dashboards = () => {
  const { t } = useTranslation(['dashboards', 'errors']);
  const { status } = useOperator();
  const today = isoDay(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  // The period shown: the fields' values once "Show" is pressed.
  const [shown, setShown] = useState({ from, to });
  const loaded = useLoad(() => client.call('dashboards.get', shown), [shown]);
  const { value: dashboard, error } = loaded;
  const [message, setMessage] = useState<string | null>(null);
  const show = () => (shown.from === from && shown.to === to ? void loaded.reload() : setShown({ from, to }));

  const download = async (request: { format: 'csv' | 'xlsx' | 'pdf'; table?: Dashboard['tables'][number]['id'] }) => {
    const failed = await downloadDashboardFile({ from, to, ...request });
    setMessage(failed ? t(`errors:code.${failed}`) : null);
  };
  const fields = error ? fieldMessages(t, error) : {};

  return (
    <>
      <ScreenTitle>{t('title')}</ScreenTitle>
      <Typography sx={{ mb: 2, maxWidth: '50rem' }}>{t('intro')}</Typography>
      <Stack spacing={3} sx={{ maxWidth: '60rem' }}>
        <Paper component="section" aria-labelledby="dashboard-period" sx={{ p: 2 }}>
          <Typography id="dashboard-period" variant="h2" sx={{ mb: 2 }}>
            {t('periodTitle')}
          </Typography>
          <Stack
            component="form"
            direction="row"
            spacing={2}
            sx={{ flexWrap: 'wrap', rowGap: 2 }}
            onSubmit={(event) => {
              event.preventDefault();
              show();
            }}
          >
            <PeriodFields
              from={from}
              to={to}
              labels={{ from: t('from'), to: t('to') }}
              errors={fields}
              onFrom={setFrom}
              onTo={setTo}
            />
            <Button type="submit" variant="contained">
              {t('show')}
            </Button>
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 2, flexWrap: 'wrap', rowGap: 1 }}>
            <Button variant="outlined" onClick={() => void download({ format: 'pdf' })}>
              {t('downloadPdf')}
            </Button>
            <Button variant="outlined" onClick={() => void download({ format: 'xlsx' })}>
              {t('downloadAllXlsx')}
            </Button>
          </Stack>
        </Paper>

        <div role="status" aria-live="polite">
          {error && <Alert severity="error">{t(`errors:code.${error.code}`)}</Alert>}
          {message && <Alert severity="error">{message}</Alert>}
          {!dashboard && !error && <Typography>{t('loading')}</Typography>}
          {dashboard && (
            <>
              <Typography variant="h2" component="p">
                {t('totals', dashboard.totals)}
              </Typography>
              <Typography data-testid="not-reportable-figure" sx={{ mt: 1 }}>
                {notReportableSummary(t, dashboard.totals, dashboard.notReportable)}
              </Typography>
            </>
          )}
        </div>

        {dashboard && (
          <>
            <TargetsPanel
              targets={dashboard.targets}
              canEdit={status?.signedIn?.role === 'coordinator'}
              defaults={{ from, due: `${today.slice(0, 4)}-12-31` }}
              onChanged={(targets) => loaded.set({ ...dashboard, targets })}
              onError={(code) => setMessage(t(`errors:code.${code}`))}
            />
            {dashboard.tables.map((table) => (
              <DashboardPanel
                key={table.id}
                table={table}
                targets={dashboard.targets}
                today={today}
                onDownload={(format) => void download({ format, table: table.id })}
              />
            ))}
          </>
        )}
      </Stack>
    </>
  );
};

export const DashboardsScreen = Dashboards;
