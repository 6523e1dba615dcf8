import { z } from 'zod';
import {
  Dashboard,
  DashboardFileRequest,
  DashboardPeriod,
  TargetInput,
  TargetProgress,
} from '../../../domain/dashboards/dashboard.ts';
import { defineMethod, type EventSpec, type MethodSpec } from '../../define.ts';
import type { DASHBOARDS_EVENT_NAMES, DASHBOARDS_METHOD_NAMES } from './names.ts';

export const dashboardsMethods = {
  'dashboards.get': defineMethod({
    access: 'operator',
    input: DashboardPeriod,
    output: Dashboard,
    summary: "A period's dashboards: services and citizens by month, area, competence, person, operator, outcome…",
  }),
  'dashboards.file': defineMethod({
    access: 'operator',
    input: DashboardFileRequest,
    output: z.object({ name: z.string(), mimeType: z.string(), base64: z.string() }),
    summary: 'A table as CSV or XLSX, every table as XLSX, or the printable PDF report, to download',
  }),
  'dashboards.targets.save': defineMethod({
    access: 'coordinator',
    input: TargetInput,
    output: z.array(TargetProgress),
    summary: 'Add or change a target (coordinators only); returns every target with its progress',
  }),
  'dashboards.targets.delete': defineMethod({
    access: 'coordinator',
    input: z.strictObject({ id: z.string().min(1) }),
    output: z.array(TargetProgress),
    summary: 'Remove a target (coordinators only); returns the targets left',
  }),
} satisfies Record<(typeof DASHBOARDS_METHOD_NAMES)[number], MethodSpec>;

export const dashboardsEvents = {} satisfies Record<(typeof DASHBOARDS_EVENT_NAMES)[number], EventSpec>;
