import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/domain/sync/status.ts';
import { client } from '../../api/client.ts';

/** The sync status, kept current from the core's `sync.status` events. */
export const useSyncStatus = (): SyncStatus | null => {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let alive = true;
    void client.call('sync.status', {}).then((result) => {
      if (alive && result.ok) setStatus(result.value);
    });
    const off = client.on('sync.status', (payload) => setStatus(payload as SyncStatus));
    return () => {
      alive = false;
      off();
    };
  }, []);
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
  iso === null ? null : new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
