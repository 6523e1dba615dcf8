import type { Role } from '../../../../shared/domain/journal/options.ts';
import { refuse } from '../journal-context.ts';

/**
 * What each role may do. Volunteers record their own work only; the coordinator manages the
 * desk (operators, site, retention, citizens' rights requests) and is the only one who deletes.
 */
export const PERMISSIONS = {
  manageOperators: ['coordinator'],
  manageSite: ['coordinator'],
  runRetention: ['coordinator'],
  citizenRights: ['coordinator'],
  deleteRecords: ['coordinator'],
  fillDemo: ['coordinator'],
  /** The referente's job: exporting for Facilita and marking files uploaded. */
  exportFacilita: ['coordinator'],
  /** Connecting the desk to a hub (or to another one): once the desk is set up, a coordinator's call. */
  enrollDesk: ['coordinator'],
  /** The dashboards' targets (unique citizens, services, milestones). */
  setTargets: ['coordinator'],
  editOthersRecords: ['facilitator', 'trainer', 'coordinator'],
  manageWorkshops: ['facilitator', 'trainer', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

export const requirePermission = (role: Role, permission: Permission): void => {
  if (!can(role, permission))
    throw refuse('FORBIDDEN', 'role', `The role ${role} may not ${permission}`, { permission });
};

/** Editing a record: one's own always; someone else's only with editOthersRecords. */
export const requireEditable = (actor: { id: string; role: Role }, ownerId: string): void => {
  if (actor.id !== ownerId && !can(actor.role, 'editOthersRecords')) {
    throw refuse('FORBIDDEN', 'notOwner', 'This role may not change records of other operators');
  }
};
