import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolveInput, SyncProblem } from '../../../../shared/domain/sync/status.ts';
import { client } from '../../api/client.ts';
import { CONFLICT_NAMESPACES, fieldLabel, fieldValue, recordTitle } from './conflict-text.ts';

/** Long values (details, notes, an email) wrap inside their cell: the page never scrolls sideways. */
const WRAP = { overflowWrap: 'anywhere', wordBreak: 'break-word', verticalAlign: 'top' } as const;

/** One rejected or conflicting change: its reason, and the way to retry or resolve it. */
export const ProblemCard = ({
  problem,
  onChanged,
}: {
  problem: SyncProblem;
  onChanged: (next: SyncProblem[]) => void;
}) => {
  const { t, i18n } = useTranslation(CONFLICT_NAMESPACES);
  const [choosing, setChoosing] = useState(false);
  const [fields, setFields] = useState<Record<string, 'mine' | 'theirs'>>({});
  const titleId = `problem-${problem.changeId}`;
  const conflict = problem.conflict;
  const known = [
    'TOO_LARGE',
    'SEQ_REUSED',
    'FORBIDDEN',
    'INVALID_PAYLOAD',
    'SECRET_IN_PAYLOAD',
    'staleBase',
    'sameVersionOtherContent',
  ];
  const reason = known.includes(problem.reason.code)
    ? t(`sync:reason.${problem.reason.code}`)
    : t('sync:reason.other', { code: problem.reason.code });
  const value = (version: NonNullable<typeof conflict>['mine'], field: string) =>
    version.op === 'delete'
      ? t('sync:problems.deleted')
      : fieldValue(t, i18n.language, field, version.payload[field], problem.names);

  const act = async (call: Promise<{ ok: true; value: SyncProblem[] } | { ok: false }>) => {
    const result = await call;
    if (result.ok) onChanged(result.value);
  };
  const resolve = (choice: ResolveInput['choice']) =>
    void act(
      client.call('sync.resolve', { changeId: problem.changeId, choice, ...(choice === 'fields' ? { fields } : {}) }),
    );
  const bothEdits = conflict?.mine.op === 'upsert' && conflict.theirs.op === 'upsert';

  return (
    <Paper variant="outlined" component="article" aria-labelledby={titleId} sx={{ p: 2 }} data-testid="sync-problem">
      <Stack spacing={1}>
        <Typography id={titleId} variant="h3" sx={{ fontSize: '1.1rem' }}>
          {t(problem.kind === 'rejected' ? 'sync:problems.rejected' : 'sync:problems.conflict')}:{' '}
          {recordTitle(t, i18n.language, problem)}
        </Typography>
        <Typography>{t('sync:problems.reason', { reason })}</Typography>
        {conflict?.differingFields.length === 0 && <Typography>{t('sync:problems.onlyHidden')}</Typography>}
        {conflict && conflict.differingFields.length > 0 && (
          <Table size="small" aria-labelledby={titleId} sx={{ tableLayout: 'fixed', width: '100%' }}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col" sx={WRAP}>
                  {t('sync:problems.field')}
                </TableCell>
                <TableCell component="th" scope="col" sx={WRAP}>
                  {t('sync:problems.mine', { version: conflict.mine.version })}
                </TableCell>
                <TableCell component="th" scope="col" sx={WRAP}>
                  {t('sync:problems.theirs', { version: conflict.theirs.version })}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {conflict.differingFields.map((field) => (
                <TableRow key={field}>
                  <TableCell component="th" scope="row" sx={WRAP}>
                    {fieldLabel(t, field)}
                  </TableCell>
                  <TableCell sx={WRAP}>{value(conflict.mine, field)}</TableCell>
                  <TableCell sx={WRAP}>{value(conflict.theirs, field)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {choosing && conflict && (
          <Stack spacing={1}>
            {conflict.differingFields.map((field) => (
              <RadioGroup
                key={field}
                row
                aria-label={t('sync:problems.choose', { field: fieldLabel(t, field) })}
                value={fields[field] ?? 'theirs'}
                onChange={(event) => setFields({ ...fields, [field]: event.target.value as 'mine' | 'theirs' })}
              >
                <Typography sx={{ minWidth: '10rem', alignSelf: 'center', ...WRAP }}>{fieldLabel(t, field)}</Typography>
                <FormControlLabel
                  value="mine"
                  control={<Radio />}
                  label={t('sync:problems.mine', { version: conflict.mine.version })}
                />
                <FormControlLabel
                  value="theirs"
                  control={<Radio />}
                  label={t('sync:problems.theirs', { version: conflict.theirs.version })}
                />
              </RadioGroup>
            ))}
          </Stack>
        )}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {problem.kind === 'rejected' && (
            <Button
              variant="contained"
              onClick={() => void act(client.call('sync.retry', { changeId: problem.changeId }))}
            >
              {t('sync:actions.retry')}
            </Button>
          )}
          {conflict && !choosing && (
            <>
              <Button variant="contained" onClick={() => resolve('mine')}>
                {t('sync:actions.keepMine')}
              </Button>
              <Button variant="outlined" onClick={() => resolve('theirs')}>
                {t('sync:actions.keepTheirs')}
              </Button>
              {bothEdits && (
                <Button variant="outlined" onClick={() => setChoosing(true)}>
                  {t('sync:actions.fieldByField')}
                </Button>
              )}
            </>
          )}
          {choosing && (
            <>
              <Button variant="contained" onClick={() => resolve('fields')}>
                {t('sync:actions.applyFields')}
              </Button>
              <Button variant="outlined" onClick={() => setChoosing(false)}>
                {t('sync:actions.cancel')}
              </Button>
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
};
