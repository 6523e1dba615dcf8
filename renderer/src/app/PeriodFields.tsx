import { DayField } from './DayField.tsx';

/** The "from"/"to" date pair of every screen that works on a period, with each field's own error. */
export const PeriodFields = ({
  from,
  to,
  labels,
  errors,
  onFrom,
  onTo,
}: {
  from: string;
  to: string;
  labels: { from: string; to: string };
  errors: Record<string, string>;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}) => (
  <>
    <DayField
      label={labels.from}
      value={from}
      onChange={(event) => onFrom(event.target.value)}
      error={'from' in errors}
      helperText={errors['from']}
    />
    <DayField
      label={labels.to}
      value={to}
      onChange={(event) => onTo(event.target.value)}
      error={'to' in errors}
      helperText={errors['to']}
    />
  </>
);
