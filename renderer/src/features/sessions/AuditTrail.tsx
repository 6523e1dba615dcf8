import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/journal/sessions.ts';
import { useFormats } from '../../i18n/use-formats.ts';

const shown = (value: unknown): string =>
  value === null || value === undefined || value === ''
    ? '—'
    : Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/** Who did what, when, and what changed (each edit is a new version). */
export const AuditTrail = ({ entries }: { entries: AuditEntry[] }) => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  return (
    <section aria-labelledby="audit-title">
      <Typography id="audit-title" variant="h2" gutterBottom>
        {t('audit.title')}
      </Typography>
      <List dense data-testid="audit-trail">
        {entries.map((entry) => (
          <ListItem key={`${entry.version}-${entry.action}-${entry.at}`} disableGutters>
            <ListItemText
              primary={t('audit.entry', {
                version: entry.version,
                action: t(`audit.actions.${entry.action}`),
                name: entry.operatorName || '—',
                at: formats.moment(entry.at),
              })}
              secondary={
                [
                  ...Object.entries(entry.changes).map(([field, [before, after]]) =>
                    t('audit.change', {
                      field: t(`audit.fields.${field}`, { defaultValue: field }),
                      before: shown(before),
                      after: shown(after),
                    }),
                  ),
                  ...(entry.reason ? [t('audit.reason', { reason: entry.reason })] : []),
                ].join(' · ') || undefined
              }
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
};
