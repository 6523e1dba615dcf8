import type { OrganisationView } from '../../../../shared/domain/journal/organisation.ts';
import { client } from '../../api/client.ts';
import { useLoad, type Load } from '../../app/use-load.ts';
import { useSyncStatus } from '../sync/use-sync-status.ts';
import type { ManagedSiteFields } from './SiteFields.tsx';

/**
 * What the organisation's hub decides for this desk (site fields, roster's coordinators), loaded
 * again after each sync that reached the hub and on enrolling: the hub's settings arrive by pull.
 */
export const useOrganisation = (): Load<OrganisationView> => {
  const status = useSyncStatus().value;
  return useLoad(() => client.call('journal.organisation', {}), [status?.enrolled, status?.lastSuccessAt]);
};

/** The site form's read-only fields for this view (none on a desk that is not enrolled). */
export const managedSiteFields = (view: OrganisationView | null): ManagedSiteFields | null =>
  view?.organisationName ? { organisation: view.organisationName, fields: view.hubOwned } : null;
