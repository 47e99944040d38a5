import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { NinaHttp, QueryValue } from '../http';
import { mountInfoSchema } from '../schemas/equipment';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/** The Mount view refreshes its position once a second while visible (paused when hidden). */
export const MOUNT_POLL_MS = 1_000;

/** `mount/slew?waitForResult` and sync without coordinates block while NINA works (notes §16b). */
const LONG_COMMAND_TIMEOUT_MS = 10 * 60_000;

export const mountInfoQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.deviceInfo(http.baseUrl, 'mount'),
    queryFn: ({ signal }) => http.get('/equipment/mount/info', mountInfoSchema, { signal }),
    refetchInterval: MOUNT_POLL_MS,
    refetchIntervalInBackground: false,
    // The next poll is the retry: a failure shows at once instead of after hidden retries.
    retry: false,
  });

export function useMountInfo() {
  const { http } = useNinaClient();
  return useQuery(mountInfoQuery(http));
}

/**
 * NINA's tracking modes and the numbers `mount/tracking?mode=` takes (notes §4). Custom cannot be
 * set; Stopped is sent as 5, which NINA maps to Stopped directly.
 */
export const trackingModeNumbers: Readonly<Record<string, number>> = { Sidereal: 0, Lunar: 1, Solar: 2, King: 3, Stopped: 5 };

export type MountCommand =
  | { kind: 'slew'; raDeg: number; decDeg: number; center: boolean }
  | { kind: 'stop-slew' }
  | { kind: 'park' }
  | { kind: 'unpark' }
  | { kind: 'home' }
  | { kind: 'flip' }
  | { kind: 'tracking'; mode: string }
  | { kind: 'sync'; raDeg?: number; decDeg?: number };

function request(command: MountCommand): { path: string; query?: Record<string, QueryValue>; timeoutMs?: number } {
  switch (command.kind) {
    case 'slew':
      // Degrees, J2000, even though mount info reports RA in hours (notes §4).
      return { path: '/equipment/mount/slew', query: { ra: command.raDeg, dec: command.decDeg, center: command.center } };
    case 'stop-slew':
      return { path: '/equipment/mount/slew/stop' };
    case 'park':
      return { path: '/equipment/mount/park' };
    case 'unpark':
      return { path: '/equipment/mount/unpark' };
    case 'home':
      return { path: '/equipment/mount/home' };
    case 'flip':
      return { path: '/equipment/mount/flip' };
    case 'tracking': {
      const mode = trackingModeNumbers[command.mode];
      if (mode === undefined) throw new RangeError(`NINA cannot set the tracking mode ${command.mode}`);
      return { path: '/equipment/mount/tracking', query: { mode } };
    }
    case 'sync':
      // Without both coordinates NINA takes an exposure and plate-solves (notes §4): slow.
      return { path: '/equipment/mount/sync', query: { ra: command.raDeg, dec: command.decDeg }, timeoutMs: LONG_COMMAND_TIMEOUT_MS };
  }
}

/** One mount command: never retried; resolves with NINA's own Response text. */
export function useMountCommand() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.device(http.baseUrl, 'mount'), 'command'],
    retry: false,
    mutationFn: (command: MountCommand) => {
      const { path, query, timeoutMs } = request(command);
      return http.get(path, z.string(), { query, timeoutMs });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'mount') }),
  });
}
