import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useActivityStore } from '../../store/activity';
import type { NinaHttp } from '../http';
import { deviceListSchema, type DeviceKind } from '../schemas/equipment';
import { equipmentSnapshotSchema } from '../schemas/equipment-snapshot';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/**
 * Socket events keep the snapshot fresh; this slow poll only refreshes figures that change without
 * an event (temperatures, coordinates). It pauses while the tab is hidden.
 */
export const EQUIPMENT_POLL_MS = 2_500;

/** NINA awaits connect/disconnect (notes §3.9); real drivers can take a while. */
const CONNECT_TIMEOUT_MS = 120_000;

export const equipmentInfoQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.equipmentInfo(http.baseUrl),
    queryFn: ({ signal }) => http.get('/equipment/info', equipmentSnapshotSchema, { signal }),
    refetchInterval: EQUIPMENT_POLL_MS,
    refetchIntervalInBackground: false,
    // The next poll is the retry: a failure shows at once instead of after hidden retries.
    retry: false,
  });

export function useEquipmentInfo() {
  const { http } = useNinaClient();
  return useQuery(equipmentInfoQuery(http));
}

export const deviceListQuery = (http: NinaHttp, kind: DeviceKind) =>
  queryOptions({
    queryKey: ninaKeys.deviceList(http.baseUrl, kind),
    queryFn: ({ signal }) => http.get(`/equipment/${kind}/list-devices`, deviceListSchema, { signal, timeoutMs: 30_000 }),
    staleTime: 60_000,
  });

export function useDeviceList(kind: DeviceKind, enabled: boolean) {
  const { http } = useNinaClient();
  return useQuery({ ...deviceListQuery(http, kind), enabled });
}

/** Connect or disconnect one device. A command: never retried, pending → done or NINA's error. */
export function useDeviceConnection(kind: DeviceKind) {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.equipment(http.baseUrl), kind, 'connection'],
    retry: false,
    mutationFn: ({ action, deviceId }: { action: 'connect' | 'disconnect'; deviceId?: string }) => {
      // A disconnect the user asked for here is no surprise worth an alert.
      useActivityStore.getState().expectDisconnect(kind, action === 'disconnect');
      return http.get(`/equipment/${kind}/${action}`, z.string(), {
        query: action === 'connect' ? { to: deviceId } : undefined,
        timeoutMs: CONNECT_TIMEOUT_MS,
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.equipment(http.baseUrl) }),
  });
}
