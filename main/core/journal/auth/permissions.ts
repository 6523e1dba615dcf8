import { SEES_OTHERS } from '../../../../shared/contract/access.ts';
import type { Role } from '../../../../shared/domain/journal/options.ts';
import { refuse } from '../journal-context.ts';

/**
 * The record-level rules the method levels (shared/contract/access.ts) cannot say: only the
 * coordinator deletes, and workshops are run by every role but volunteers. Which methods a role
 * may call at all is each method's declared access, checked by the dispatcher.
 */
export const PERMISSIONS = {
  deleteRecords: ['coordinator'],
  manageWorkshops: ['facilitator', 'trainer', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

export const requirePermission = (role: Role, permission: Permission): void => {
  if (!can(role, permission))
    throw refuse('FORBIDDEN', 'role', `The role ${role} may not ${permission}`, { permission });
};

type RecordKind = keyof (typeof SEES_OTHERS)[Role];

/** May this actor change a record of `kind` owned by `ownerId`? Their own always; others' when their role sees them. */
export const mayEdit = (actor: { id: string; role: Role }, ownerId: string, kind: RecordKind): boolean =>
  actor.id === ownerId || SEES_OTHERS[actor.role][kind];

export const requireEditable = (actor: { id: string; role: Role }, ownerId: string, kind: RecordKind): void => {
  if (!mayEdit(actor, ownerId, kind)) {
    throw refuse('FORBIDDEN', 'notOwner', 'This role may not change records of other operators');
  }
};
