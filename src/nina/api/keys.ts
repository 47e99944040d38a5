import type { DeviceKind } from '../schemas/equipment';

/**
 * Query keys, always scoped by the NINA base URL so two rigs never share a cache entry.
 * Mutations invalidate with these factories, never with retyped arrays.
 */
export const ninaKeys = {
  all: (baseUrl: string) => ['nina', baseUrl] as const,
  versions: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'versions'] as const,
  equipment: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'equipment'] as const,
  equipmentInfo: (baseUrl: string) => [...ninaKeys.equipment(baseUrl), 'info'] as const,
  deviceList: (baseUrl: string, kind: DeviceKind) => [...ninaKeys.equipment(baseUrl), kind, 'list'] as const,
  device: (baseUrl: string, kind: DeviceKind) => [...ninaKeys.equipment(baseUrl), kind] as const,
  deviceInfo: (baseUrl: string, kind: DeviceKind) => [...ninaKeys.device(baseUrl, kind), 'info'] as const,
};
