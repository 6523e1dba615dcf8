import { z } from 'zod';
import { EntityName, RecordId, Uuid } from './common.ts';
import { TheirVersion } from './push.ts';

/**
 * A desk asks for the hub's current version of one record before a person settles a conflict on
 * it: the resolution is made on the latest version, so it applies instead of breeding a new conflict.
 */
export const CurrentRecordRequest = z.object({ deviceId: Uuid, entity: EntityName, recordId: RecordId }).strict();
export type CurrentRecordRequest = z.infer<typeof CurrentRecordRequest>;

/** `record` null: the hub has no version of it. */
export const CurrentRecordResponse = z.object({ record: TheirVersion.nullable() });
export type CurrentRecordResponse = z.infer<typeof CurrentRecordResponse>;
