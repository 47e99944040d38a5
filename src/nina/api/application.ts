import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { NinaHttp } from '../http';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

export interface NinaVersions {
  /** Advanced API plugin version, e.g. "2.2.15.0". */
  plugin: string;
  /** NINA's version, e.g. "3.2.0.9001". */
  nina: string;
}

/** While NINA cannot be reached, ask again this often; the connection screen shows the countdown. */
export const UNREACHABLE_RETRY_MS = 5_000;

/**
 * The two version calls double as the reachability probe: they are cheap, need no device, and a
 * reply that is not an Advanced API envelope means we are talking to something else.
 */
export const versionsQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.versions(http.baseUrl),
    queryFn: async ({ signal }): Promise<NinaVersions> => {
      const [plugin, nina] = await Promise.all([
        http.get('/version', z.string(), { signal, timeoutMs: 5_000 }),
        http.get('/version/nina', z.string(), { signal, timeoutMs: 5_000 }),
      ]);
      return { plugin, nina };
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchInterval: (query) => (query.state.status === 'error' ? UNREACHABLE_RETRY_MS : false),
  });

export function useNinaVersions() {
  const { http } = useNinaClient();
  return useQuery(versionsQuery(http));
}
