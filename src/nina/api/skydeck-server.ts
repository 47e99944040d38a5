import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

/**
 * Skydeck's own LAN server describes itself at `/skydeck/config.json`: demo (in-process
 * simulator) or proxy to a real NINA. Without it (the Vite dev server, a static host) the
 * answer is `null` and Skydeck just talks to the configured address.
 */
const serverConfigSchema = z.object({
  mode: z.enum(['demo', 'proxy']),
  nina: z.object({ url: z.string() }),
  version: z.string().optional(),
});
export type SkydeckServerConfig = z.infer<typeof serverConfigSchema>;

export const skydeckServerQuery = queryOptions({
  queryKey: ['skydeck', 'server-config'] as const,
  queryFn: async ({ signal }): Promise<SkydeckServerConfig | null> => {
    const response = await fetch('/skydeck/config.json', { signal, headers: { Accept: 'application/json' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
    const parsed = serverConfigSchema.safeParse(await response.json());
    if (!parsed.success) {
      console.warn('[skydeck] unreadable /skydeck/config.json', z.prettifyError(parsed.error));
      return null;
    }
    return parsed.data;
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: 1,
});

export function useSkydeckServer() {
  return useQuery(skydeckServerQuery);
}
