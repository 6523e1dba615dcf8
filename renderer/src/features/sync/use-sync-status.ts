import { useEffect } from 'react';
import type { SyncStatus } from '../../../../shared/domain/sync/status.ts';
import { client } from '../../api/client.ts';
import { useLoad, type Load } from '../../app/use-load.ts';
import { formatMoment } from '../../../../shared/i18n/format-day.ts';

/** The sync status, kept current from the core's `sync.status` events (an event is newer than a load's answer). */
export const useSyncStatus = (): Load<SyncStatus> => {
  const status = useLoad(() => client.call('sync.status', {}), []);
  const { set } = status;
  useEffect(() => client.on('sync.status', (payload) => set(payload as SyncStatus)), [set]);
  return status;
};

/** Tells the core what the OS says about the network (navigator.onLine), now and on every change. */
export const useOnlineReporter = (): void => {
  useEffect(() => {
    const report = () => void client.call('sync.reportOnline', { online: navigator.onLine });
    report();
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, []);
};

export const formatWhen = (iso: string | null, language: string): string | null =>
  iso === null ? null : formatMoment(iso, language, 'short');
