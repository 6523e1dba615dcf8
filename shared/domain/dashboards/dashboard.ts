import { z } from 'zod';
import { NOT_REPORTABLE_REASONS } from '../facilita-export/facilita-export-options.ts';
import { IsoDate } from '../journal/common.ts';
import {
  DASHBOARD_COLUMNS,
  DASHBOARD_FILE_FORMATS,
  DASHBOARD_TABLES,
  TARGET_METRICS,
  TARGET_STATUSES,
} from './dashboard-options.ts';

export const DashboardPeriod = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((period) => period.from <= period.to, { path: ['to'], message: 'the period ends before it starts' });

export const DashboardRow = z.object({
  /** A Facilita code, a month (yyyy-mm), an operator id, a prerequisite id, a visit number or 'unknown'. */
  key: z.string(),
  /** A name to show when the key is an id (operators). */
  label: z.string().optional(),
  /** One number per column of the table. */
  values: z.array(z.number()),
});

export const DashboardTable = z.object({
  id: z.enum(DASHBOARD_TABLES),
  columns: z.array(z.enum(DASHBOARD_COLUMNS)),
  rows: z.array(DashboardRow),
});

export const TargetInput = z
  .strictObject({
    id: z.string().min(1).optional(),
    label: z.string().trim().min(1).max(120),
    metric: z.enum(TARGET_METRICS),
    value: z.number().int().min(1),
    /** The milestone counts from this date to its due date. */
    from: IsoDate,
    due: IsoDate,
  })
  .refine((target) => target.from <= target.due, { path: ['due'], message: 'the target ends before it starts' });

export const TargetProgress = z.object({
  id: z.string(),
  label: z.string(),
  metric: z.enum(TARGET_METRICS),
  value: z.number().int(),
  from: IsoDate,
  due: IsoDate,
  achieved: z.number().int(),
  /** Where the count should be today to meet the target on time (its elapsed share of the value). */
  expected: z.number().int(),
  status: z.enum(TARGET_STATUSES),
});

export const Dashboard = z.object({
  from: IsoDate,
  to: IsoDate,
  totals: z.object({ services: z.number().int(), citizens: z.number().int() }),
  /** Of the totals' services, those that will never reach Facilita, by reason (only reasons that occur). */
  notReportable: z.object({
    services: z.number().int(),
    reasons: z.array(z.object({ reason: z.enum(NOT_REPORTABLE_REASONS), services: z.number().int() })),
  }),
  tables: z.array(DashboardTable),
  targets: z.array(TargetProgress),
});

export const DashboardFileRequest = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  format: z.enum(DASHBOARD_FILE_FORMATS),
  /** One table (CSV, XLSX); without it the whole report (XLSX: a sheet per table; PDF). */
  table: z.enum(DASHBOARD_TABLES).optional(),
});

export type DashboardRow = z.infer<typeof DashboardRow>;
export type DashboardTable = z.infer<typeof DashboardTable>;
export type Dashboard = z.infer<typeof Dashboard>;
export type TargetInput = z.infer<typeof TargetInput>;
export type TargetProgress = z.infer<typeof TargetProgress>;
export type DashboardFileRequest = z.infer<typeof DashboardFileRequest>;
