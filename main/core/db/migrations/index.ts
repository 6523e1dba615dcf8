import type { Migration } from '../migrate.ts';
import { appMeta } from './0010-app-meta.ts';
import { outbox } from './0020-outbox.ts';

/** Every migration, in order. Add a file numbered past the last (0020, 0030, …) and list it here. */
export const MIGRATIONS: readonly Migration[] = [appMeta, outbox];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
