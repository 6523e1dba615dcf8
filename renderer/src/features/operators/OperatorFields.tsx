import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ROLES, SECRET_KINDS, type Role, type SecretKind } from '../../../../shared/domain/journal/options.ts';

export interface OperatorForm {
  name: string;
  role: Role;
  facilitaId: string;
  facilitaName: string;
  secretKind: SecretKind;
  secret: string;
}

export const emptyOperator = (role: Role = 'facilitator'): OperatorForm => ({
  name: '',
  role,
  facilitaId: '',
  facilitaName: '',
  secretKind: 'pin',
  secret: '',
});

/** The kind of secret (PIN or password) and the new secret, with the rule of its kind as help. */
export const SecretFields = ({
  value,
  onChange,
  id,
  error,
  help,
}: {
  value: { secretKind: SecretKind; secret: string };
  onChange: (next: { secretKind: SecretKind; secret: string }) => void;
  id: string;
  error: string | undefined;
  help?: string | undefined;
}) => {
  const { t } = useTranslation('journal');
  return (
    <>
      <RadioGroup
        row
        aria-label={t('operator.secretKind')}
        value={value.secretKind}
        onChange={(event) => onChange({ ...value, secretKind: event.target.value as SecretKind })}
      >
        {SECRET_KINDS.map((kind) => (
          <FormControlLabel key={kind} value={kind} control={<Radio />} label={t(`operator.secretKinds.${kind}`)} />
        ))}
      </RadioGroup>
      <TextField
        id={id}
        label={value.secretKind === 'pin' ? t('signIn.pin') : t('signIn.password')}
        type="password"
        autoComplete="new-password"
        value={value.secret}
        onChange={(event) => onChange({ ...value, secret: event.target.value })}
        error={error !== undefined}
        helperText={error ?? help ?? t(`operator.secretHelp.${value.secretKind}`)}
      />
    </>
  );
};

/** An operator's fields; `fixedRole` for the first coordinator, `managedName` (who manages it) for one from the hub's roster: the name read-only. */
export const OperatorFields = ({
  value,
  onChange,
  errors,
  prefix,
  fixedRole = false,
  managedName,
  secretOptional = false,
}: {
  value: OperatorForm;
  onChange: (next: OperatorForm) => void;
  errors: Record<string, string>;
  prefix: string;
  fixedRole?: boolean;
  managedName?: string | undefined;
  secretOptional?: boolean;
}) => {
  const { t } = useTranslation('journal');
  const error = (field: string) => errors[prefix ? `${prefix}.${field}` : field];
  const field = (name: 'name' | 'facilitaId' | 'facilitaName', help?: string, readOnly = false) => (
    <TextField
      id={`${prefix || 'operator'}-${name}`}
      label={t(`operator.${name}`)}
      value={value[name]}
      onChange={(event) => onChange({ ...value, [name]: event.target.value })}
      error={error(name) !== undefined}
      helperText={error(name) ?? help}
      slotProps={readOnly ? { input: { readOnly: true } } : {}}
    />
  );
  return (
    <Stack spacing={2}>
      {field('name', managedName, managedName !== undefined)}
      {!fixedRole && (
        <TextField
          select
          id={`${prefix || 'operator'}-role`}
          label={t('operator.role')}
          value={value.role}
          onChange={(event) => onChange({ ...value, role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <MenuItem key={role} value={role}>
              {t(`roles.${role}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {field('facilitaId', t('operator.facilitaIdHelp'))}
      {field('facilitaName', t('operator.facilitaNameHelp'))}
      <SecretFields
        value={value}
        onChange={(secret) => onChange({ ...value, ...secret })}
        id={`${prefix || 'operator'}-secret`}
        error={error('secret')}
        help={secretOptional ? t('operator.secretKeep') : undefined}
      />
    </Stack>
  );
};
