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

const show = (value: unknown, empty: string): string =>
  value === undefined || value === null || value === ''
    ? empty
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** One rejected or conflicting change: its reason, and the way to retry or resolve it. */
export const ProblemCard = ({
  problem,
  onChanged,
}: {
  problem: SyncProblem;
  onChanged: (next: SyncProblem[]) => void;
}) => {
  const { t } = useTranslation('sync');
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
    ? t(`reason.${problem.reason.code}`)
    : t('reason.other', { code: problem.reason.code });

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
          {t(problem.kind === 'rejected' ? 'problems.rejected' : 'problems.conflict')}:{' '}
          {t('problems.record', { entity: problem.entity, id: problem.recordId })}
        </Typography>
        <Typography>{t('problems.reason', { reason })}</Typography>
        {conflict && (
          <Table size="small" aria-labelledby={titleId}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {t('problems.field')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('problems.mine', { version: conflict.mine.version })}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('problems.theirs', { version: conflict.theirs.version })}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {conflict.differingFields.map((field) => (
                <TableRow key={field}>
                  <TableCell component="th" scope="row">
                    {field}
                  </TableCell>
                  <TableCell>
                    {conflict.mine.op === 'delete'
                      ? t('problems.deleted')
                      : show(conflict.mine.payload[field], t('problems.empty'))}
                  </TableCell>
                  <TableCell>
                    {conflict.theirs.op === 'delete'
                      ? t('problems.deleted')
                      : show(conflict.theirs.payload[field], t('problems.empty'))}
                  </TableCell>
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
                aria-label={t('problems.choose', { field })}
                value={fields[field] ?? 'theirs'}
                onChange={(event) => setFields({ ...fields, [field]: event.target.value as 'mine' | 'theirs' })}
              >
                <Typography sx={{ minWidth: '10rem', alignSelf: 'center' }}>{field}</Typography>
                <FormControlLabel
                  value="mine"
                  control={<Radio />}
                  label={t('problems.mine', { version: conflict.mine.version })}
                />
                <FormControlLabel
                  value="theirs"
                  control={<Radio />}
                  label={t('problems.theirs', { version: conflict.theirs.version })}
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
              {t('actions.retry')}
            </Button>
          )}
          {conflict && !choosing && (
            <>
              <Button variant="contained" onClick={() => resolve('mine')}>
                {t('actions.keepMine')}
              </Button>
              <Button variant="outlined" onClick={() => resolve('theirs')}>
                {t('actions.keepTheirs')}
              </Button>
              {bothEdits && (
                <Button variant="outlined" onClick={() => setChoosing(true)}>
                  {t('actions.fieldByField')}
                </Button>
              )}
            </>
          )}
          {choosing && (
            <>
              <Button variant="contained" onClick={() => resolve('fields')}>
                {t('actions.applyFields')}
              </Button>
              <Button variant="outlined" onClick={() => setChoosing(false)}>
                {t('actions.cancel')}
              </Button>
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
};
