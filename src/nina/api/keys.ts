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
  /** Under the guider's key, so GUIDER-* events (a dither marker, a stop) refetch the graph at once. */
  guiderGraph: (baseUrl: string) => [...ninaKeys.device(baseUrl, 'guider'), 'graph'] as const,
  /** Not under the focuser's key: focuser events and moves must not refetch NINA's AF report. */
  lastAutofocus: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'autofocus', 'last-af'] as const,
  /** NINA's clock against this browser's, for times NINA sends such as ExposureEndTime. */
  clockOffset: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'clock-offset'] as const,
  images: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'images'] as const,
  imageHistory: (baseUrl: string) => [...ninaKeys.images(baseUrl), 'history'] as const,
  /** Statistics of one prepared frame (by its sequence number in this page), fetched once. */
  captureStatistics: (baseUrl: string, frameSeq: number) => [...ninaKeys.images(baseUrl), 'capture-statistics', frameSeq] as const,
  livestack: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'livestack'] as const,
  livestackStatus: (baseUrl: string) => [...ninaKeys.livestack(baseUrl), 'status'] as const,
  livestackAvailable: (baseUrl: string) => [...ninaKeys.livestack(baseUrl), 'available'] as const,
  livestackInfo: (baseUrl: string, target: string, filter: string) => [...ninaKeys.livestack(baseUrl), 'info', target, filter] as const,
  sequence: (baseUrl: string) => [...ninaKeys.all(baseUrl), 'sequence'] as const,
  sequenceTree: (baseUrl: string) => [...ninaKeys.sequence(baseUrl), 'json'] as const,
  sequenceList: (baseUrl: string) => [...ninaKeys.sequence(baseUrl), 'list-available'] as const,
};
