import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { NinaClientProvider, type NinaClient } from '../nina/api/client-context';
import { eventConsumers } from '../nina/consumers';
import { resolveEndpoints } from '../nina/endpoints';
import { createNinaHttp } from '../nina/http';
import { startEventSync } from '../nina/sockets/events';
import { switchHistoryInstance } from '../store/persistence/session-history';
import { activeRig, useSettingsStore } from '../store/settings';
import { AppLayout } from './layout/AppLayout';
import { createQueryClient } from './query-client';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { ViewRoutes } from './router';

const queryClient = createQueryClient();

export function App() {
  const rig = useSettingsStore(activeRig);
  const client = useMemo<NinaClient>(() => {
    const endpoints = resolveEndpoints(rig.address, window.location);
    return { endpoints, http: createNinaHttp(endpoints.httpBase) };
  }, [rig.address]);
  const rigId = rig.id;

  useEffect(() => {
    // A different NINA is a different night: switching loads that NINA's own saved history.
    let stopSync: (() => void) | undefined;
    let cancelled = false;
    // Saved history loads first, so the first live events add to it instead of overwriting it.
    void switchHistoryInstance(rigId).finally(() => {
      if (cancelled) return;
      stopSync = startEventSync({ http: client.http, socketUrl: `${client.endpoints.socketBase}/v2/socket`, queryClient, consumers: eventConsumers });
    });
    return () => {
      cancelled = true;
      stopSync?.();
    };
  }, [client, rigId]);

  return (
    <QueryClientProvider client={queryClient}>
      <NinaClientProvider client={client}>
        <RouteErrorBoundary>
          <AppLayout>
            <ViewRoutes />
          </AppLayout>
        </RouteErrorBoundary>
      </NinaClientProvider>
    </QueryClientProvider>
  );
}
