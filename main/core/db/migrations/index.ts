import type { Migration } from '../migrate.ts';
import { appMeta } from './0010-app-meta.ts';
import { outbox } from './0020-outbox.ts';
import { guideRuns } from './0030-guide-runs.ts';
import { operatorsSite } from './0040-operators-site.ts';
import { citizens } from './0050-citizens.ts';
import { sessions } from './0060-sessions.ts';
import { workshops } from './0070-workshops.ts';
import { auditDrafts } from './0080-audit-drafts.ts';
import { sync } from './0100-sync.ts';
import { facilitaExports } from './0200-facilita-exports.ts';
import { dashboardTargets } from './0210-dashboard-targets.ts';
import { dashboardRollup } from './0220-dashboard-rollup.ts';
import { siteMeasure } from './0300-site-measure.ts';
import { auditResolve } from './0301-audit-resolve.ts';
import { citizenNameTokens } from './0302-citizen-name-tokens.ts';
import { facilitaDiscards } from './0310-facilita-discards.ts';
import { demoRecords } from './0340-demo-records.ts';
import { oneFacilitaRegistry } from './0350-one-facilita-registry.ts';
import { notReportableIndexes } from './0370-not-reportable-indexes.ts';
import { bornBefore1924 } from './0380-born-before-1924.ts';
import { workshopGuideRuns } from './0395-workshop-guide-runs.ts';
import { citizenProfilePending } from './0396-citizen-profile-pending.ts';

/** Every migration, in order. Add a file numbered past the last (0020, 0030, …) and list it here. */
export const MIGRATIONS: readonly Migration[] = [
  appMeta,
  outbox,
  guideRuns,
  operatorsSite,
  citizens,
  sessions,
  workshops,
  auditDrafts,
  sync,
  facilitaExports,
  dashboardTargets,
  dashboardRollup,
  siteMeasure,
  auditResolve,
  citizenNameTokens,
  facilitaDiscards,
  demoRecords,
  oneFacilitaRegistry,
  notReportableIndexes,
  bornBefore1924,
  workshopGuideRuns,
  citizenProfilePending,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
