import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_LIMITS } from '../../../../shared/domain/journal/options.ts';
import { client } from '../../api/client.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { keyFieldMessage } from '../keys/key-errors.ts';
import { RecoveryKeyStep } from '../keys/RecoveryKeyStep.tsx';
import { emptyOperator, OperatorFields, type OperatorForm } from './OperatorFields.tsx';
import { useOperator } from './OperatorProvider.tsx';
import { EnrollmentForm } from '../sync/EnrollmentForm.tsx';
import { RosterPick } from './RosterPick.tsx';
import { SiteFields, siteToInput, type SiteForm } from './SiteFields.tsx';
import { managedSiteFields, useOrganisation } from './use-organisation.ts';

const defaultSite = (): SiteForm => {
  const year = new Date().getFullYear();
  return {
    facilitaName: '',
    facilitaId: '',
    ente: '',
    province: '',
    projectStart: `${year}-01-01`,
    projectEnd: `${year + 1}-12-31`,
    cutoffDate: '',
    allowMinors: false,
    measure: '1.7.2',
    backdateDays: SITE_LIMITS.backdateDays.default,
    idleMinutes: SITE_LIMITS.idleMinutes.default,
    retentionMonths: SITE_LIMITS.retentionMonths.default,
  };
};

type Step = 1 | 2 | 3;
const STEP_TITLES = { 1: 'setUp.stepSite', 2: 'setUp.stepCoordinator', 3: 'setUp.stepKey' } as const;

/**
 * First start: step 1 the site as registered in Facilita, step 2 the coordinator who manages the
 * desk, step 3 the journal's recovery key, which must be typed back in part before set-up finishes.
 * A desk connected to its organisation first takes the hub's site fields (read-only) and picks the
 * coordinator from the hub's roster, setting only their Facilita identity and PIN here.
 */
export const SetUpWizard = () => {
  const { t } = useTranslation('journal');
  const { refresh } = useOperator();
  const organisation = useOrganisation().value;
  const [step, setStep] = useState<Step>(1);
  const [keyPart, setKeyPart] = useState('');
  const [keyPartError, setKeyPartError] = useState<string | undefined>(undefined);
  const [site, setSite] = useState<SiteForm>(defaultSite);
  const [coordinator, setCoordinator] = useState<OperatorForm>(() => emptyOperator('coordinator'));
  const [rosterId, setRosterId] = useState('');
  const [demo, setDemo] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const enrolled = Boolean(organisation?.organisationName);
  const roster = organisation?.coordinators ?? [];
  const fromRoster = roster.length > 0;

  // The hub's settings, as they arrive (a pull after enrolling), replace what the form holds.
  useEffect(() => {
    if (!organisation) return;
    const { cutoffDate, ...settings } = organisation.settings;
    setSite((current) => ({
      ...current,
      ...settings,
      cutoffDate: cutoffDate === undefined ? current.cutoffDate : (cutoffDate ?? ''),
    }));
  }, [organisation]);

  const pick = (id: string) => {
    setRosterId(id);
    setCoordinator((current) => ({ ...current, name: roster.find((entry) => entry.id === id)?.name ?? '' }));
  };

  const submitSetUp = () =>
    fromRoster
      ? client.call('journal.setUpFromRoster', {
          site: siteToInput(site),
          coordinator: {
            operatorId: rosterId,
            facilitaId: coordinator.facilitaId,
            facilitaName: coordinator.facilitaName,
            secretKind: coordinator.secretKind,
            secret: coordinator.secret,
          },
        })
      : client.call('journal.setUp', { site: siteToInput(site), coordinator, demo });

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (step !== 3) return setStep(step === 1 ? 2 : 3);
    const confirmed = await client.call('keys.recoveryKey.confirm', { part: keyPart });
    if (!confirmed.ok)
      return setKeyPartError(keyFieldMessage(t, confirmed.error, 'part') ?? journalError(t, confirmed.error));
    setKeyPartError(undefined);
    const result = await submitSetUp();
    if (result.ok) {
      if (demo && !fromRoster) await client.call('journal.fillDemo', { sessions: 60 });
      return void refresh();
    }
    const fields = journalFieldMessages(t, result.error);
    setErrors(fields);
    setMessage(journalError(t, result.error));
    if (Object.keys(fields).some((path) => path.startsWith('site.'))) setStep(1);
    else if (Object.keys(fields).some((path) => path.startsWith('coordinator.'))) setStep(2);
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: '40rem' }}>
      <ScreenTitle>{t('setUp.title')}</ScreenTitle>
      <Typography>{t('setUp.intro')}</Typography>
      {step === 1 && !enrolled && (
        <Stack spacing={1} data-testid="set-up-connect">
          <Typography>{t('setUp.connectFirst')}</Typography>
          <EnrollmentForm />
        </Stack>
      )}
      {enrolled && (
        <Typography data-testid="set-up-organisation">
          {t('setUp.connected', { organisation: organisation?.organisationName, site: organisation?.siteName })}
        </Typography>
      )}
      <Stack component="form" spacing={3} onSubmit={(event) => void onSubmit(event)} noValidate>
        <Typography variant="h2">{t(STEP_TITLES[step])}</Typography>
        {step === 1 && (
          <SiteFields value={site} onChange={setSite} errors={errors} managed={managedSiteFields(organisation)} />
        )}
        {step === 3 && <RecoveryKeyStep part={keyPart} onPartChange={setKeyPart} partError={keyPartError} />}
        {step === 2 && fromRoster && (
          <RosterPick coordinators={roster} value={rosterId} onChange={pick} error={errors['coordinator.operatorId']} />
        )}
        {step === 2 && (!fromRoster || rosterId !== '') && (
          <OperatorFields
            value={coordinator}
            onChange={setCoordinator}
            errors={errors}
            prefix="coordinator"
            fixedRole
            managedName={fromRoster ? t('site.managedBy', { organisation: organisation?.organisationName }) : undefined}
          />
        )}
        {step === 2 && !enrolled && (
          <FormControlLabel
            control={<Checkbox checked={demo} onChange={(event) => setDemo(event.target.checked)} />}
            label={t('setUp.demo')}
          />
        )}
        <Stack direction="row" spacing={2}>
          {step !== 1 && (
            <Button variant="outlined" onClick={() => setStep(step === 3 ? 2 : 1)}>
              {t('setUp.back')}
            </Button>
          )}
          <Button type="submit" variant="contained">
            {t(step === 3 ? 'setUp.finish' : 'setUp.next')}
          </Button>
        </Stack>
        <div role="status" aria-live="polite">
          {message && <Alert severity="error">{message}</Alert>}
        </div>
      </Stack>
    </Stack>
  );
};
