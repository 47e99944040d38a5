import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { NinaClientProvider, type NinaClient } from '../nina/api/client-context';
import { resolveEndpoints } from '../nina/endpoints';
import { createNinaHttp } from '../nina/http';
import { startEventSync } from '../nina/sockets/events';
import { useEventLogStore } from '../store/event-log';
import { useSettingsStore } from '../store/settings';
import { createQueryClient } from './query-client';
import { router } from './router';

const queryClient = createQueryClient();

export function App() {
  const address = useSettingsStore((state) => state.ninaAddress);
  const client = useMemo<NinaClient>(() => {
    const endpoints = resolveEndpoints(address, window.location);
    return { endpoints, http: createNinaHttp(endpoints.httpBase) };
  }, [address]);

  useEffect(() => {
    // A different NINA is a different night: its events do not belong in this log.
    useEventLogStore.getState().clear();
    return startEventSync({ http: client.http, socketUrl: `${client.endpoints.socketBase}/v2/socket`, queryClient });
  }, [client]);

  return (
    <QueryClientProvider client={queryClient}>
      <NinaClientProvider client={client}>
        <RouterProvider router={router} />
      </NinaClientProvider>
    </QueryClientProvider>
  );
}
