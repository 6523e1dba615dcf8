import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryQuery } from '../../../../shared/domain/journal/history.ts';
import { OUTCOMES } from '../../../../shared/domain/journal/options.ts';
import { SE6_SERVICE_AREAS } from '../../../../shared/facilita/codes.ts';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { useFormats } from '../../i18n/use-formats.ts';
import { DayField } from '../../app/DayField.tsx';

interface Filters {
  kind: 'all' | 'sessions' | 'workshops';
  from: string;
  to: string;
  operatorId: string;
  serviceArea: string;
  outcome: string;
  reportable: '' | 'yes' | 'no';
  unsynced: boolean;
  codiceFiscale: string;
}

const EMPTY: Filters = {
  kind: 'all',
  from: '',
  to: '',
  operatorId: '',
  serviceArea: '',
  outcome: '',
  reportable: '',
  unsynced: false,
  codiceFiscale: '',
};

const toQuery = (filters: Filters): HistoryQuery => ({
  kind: filters.kind,
  from: filters.from || null,
  to: filters.to || null,
  operatorId: filters.operatorId || null,
  serviceArea: (filters.serviceArea || null) as HistoryQuery['serviceArea'],
  outcome: (filters.outcome || null) as HistoryQuery['outcome'],
  reportable: filters.reportable === '' ? null : filters.reportable === 'yes',
  unsynced: filters.unsynced,
  ...citizenFilter(filters.codiceFiscale),
});

/**
 * One box finds a citizen as the desk knows them: a codice fiscale (16 letters and digits, spaces
 * ignored), or else surname and name, which the core looks up in its blind index.
 */
const citizenFilter = (typed: string): Pick<HistoryQuery, 'codiceFiscale' | 'citizenName'> => {
  const text = typed.trim();
  if (text === '') return { codiceFiscale: null, citizenName: null };
  const compact = text.replace(/\s+/g, '');
  return /^[A-Za-z0-9]{16}$/.test(compact) && /\d/.test(compact)
    ? { codiceFiscale: compact, citizenName: null }
    : { codiceFiscale: null, citizenName: text };
};

/** Sessions and workshops, newest first, with filters; pages of 50 ("show more"). */
const History = () => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const { status } = useOperator();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  // The filters searched with: the form's values once "Search" is pressed.
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const found = useLoad(() => call('history.search', { ...toQuery(applied), cursor: null }), [applied]);
  // A failed search shows no results rather than the previous search's.
  const items = found.error ? [] : (found.value?.items ?? []);
  const next = found.value?.next ?? null;
  const [moreError, setMoreError] = useState<string | null>(null);
  const failure = found.error ? journalError(t, found.error) : moreError;
  const cfError = found.error ? journalFieldMessages(t, found.error)['codiceFiscale'] : undefined;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setMoreError(null);
    if (JSON.stringify(filters) === JSON.stringify(applied)) void found.reload();
    else setApplied(filters);
  };
  const showMore = async () => {
    const result = await call('history.search', { ...toQuery(applied), cursor: next });
    if (!result.ok) return setMoreError(journalError(t, result.error));
    setMoreError(null);
    found.set({ items: [...items, ...result.value.items], next: result.value.next });
  };
  const select = (
    field: 'kind' | 'operatorId' | 'serviceArea' | 'outcome' | 'reportable',
    options: { value: string; label: string }[],
  ) => (
    <TextField
      select
      id={`history-${field}`}
      label={t(`history.filters.${field}`)}
      value={filters[field]}
      onChange={(event) => setFilters({ ...filters, [field]: event.target.value })}
      sx={{ minWidth: '12rem' }}
    >
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
  const any = { value: '', label: t('history.filters.any') };

  return (
    <>
      <ScreenTitle>{t('history.title')}</ScreenTitle>
      <Box
        component="form"
        onSubmit={onSubmit}
        noValidate
        role="search"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'center' }}
      >
        {select(
          'kind',
          ['all', 'sessions', 'workshops'].map((value) => ({ value, label: t(`history.kinds.${value}`) })),
        )}
        <DayField
          id="history-from"
          label={t('history.filters.from')}
          value={filters.from}
          onChange={(event) => setFilters({ ...filters, from: event.target.value })}
        />
        <DayField
          id="history-to"
          label={t('history.filters.to')}
          value={filters.to}
          onChange={(event) => setFilters({ ...filters, to: event.target.value })}
        />
        {select('operatorId', [
          any,
          ...(status?.operators ?? []).map((operator) => ({ value: operator.id, label: operator.name })),
        ])}
        {select('serviceArea', [
          any,
          ...SE6_SERVICE_AREAS.map((code) => ({ value: code, label: t(`codes.se6.${code}`) })),
        ])}
        {select('outcome', [any, ...OUTCOMES.map((code) => ({ value: code, label: t(`outcomes.${code}`) }))])}
        {select('reportable', [
          any,
          { value: 'yes', label: t('history.reportableYes') },
          { value: 'no', label: t('history.reportableNo') },
        ])}
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.unsynced}
              onChange={(event) => setFilters({ ...filters, unsynced: event.target.checked })}
            />
          }
          label={t('history.filters.unsynced')}
        />
        <TextField
          id="history-cf"
          label={t('history.filters.codiceFiscale')}
          helperText={cfError ?? t('history.filters.citizenHelp')}
          error={cfError !== undefined}
          value={filters.codiceFiscale}
          onChange={(event) => setFilters({ ...filters, codiceFiscale: event.target.value })}
        />
        <Button type="submit" variant="contained">
          {t('history.search')}
        </Button>
      </Box>
      <div role="status" aria-live="polite">
        {failure ? <Alert severity="error">{failure}</Alert> : t('history.count', { count: items.length })}
      </div>
      <Table size="small" aria-label={t('history.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('history.columns.date')}</TableCell>
            <TableCell>{t('history.columns.what')}</TableCell>
            <TableCell>{t('history.columns.areas')}</TableCell>
            <TableCell>{t('history.columns.operator')}</TableCell>
            <TableCell>{t('history.columns.duration')}</TableCell>
            <TableCell>{t('history.columns.outcome')}</TableCell>
            <TableCell>{t('history.columns.state')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={`${item.kind}-${item.id}`}>
              <TableCell>
                {/* The day opens the record; the citizen's name opens the citizen (their data and visits). */}
                <Link
                  href={
                    item.kind === 'session' ? hrefOf('journal/session', item.id) : hrefOf('journal/workshop', item.id)
                  }
                >
                  {formats.day(item.date, 'short')}
                </Link>
              </TableCell>
              <TableCell>
                {item.kind === 'workshop' ? (
                  t('history.workshop', { title: item.title, count: item.participants ?? 0 })
                ) : item.citizenId ? (
                  <Link href={hrefOf('journal/citizen', item.citizenId)}>{item.citizenName ?? '—'}</Link>
                ) : (
                  t('history.noCitizen')
                )}
              </TableCell>
              <TableCell>{item.serviceAreas.map((code) => t(`codes.se6.${code}`)).join(', ')}</TableCell>
              <TableCell>{item.operatorName}</TableCell>
              <TableCell>{item.duration}</TableCell>
              <TableCell>{item.outcome ? t(`outcomes.${item.outcome}`) : '—'}</TableCell>
              <TableCell>
                {[
                  item.reportable ? t('history.reportableYes') : t('history.reportableNo'),
                  item.synced ? t('history.synced') : t('history.notSynced'),
                ].join(' · ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {next && (
        <Button sx={{ mt: 2 }} onClick={() => void showMore()}>
          {t('history.more')}
        </Button>
      )}
    </>
  );
};

export const HistoryScreen = History;
