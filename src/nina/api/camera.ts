import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { NinaError } from '../errors';
import type { NinaHttp, QueryValue } from '../http';
import { captureStatisticsSchema } from '../schemas/camera';
import { cameraInfoSchema, filterWheelInfoSchema, type CameraInfo } from '../schemas/equipment';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/** While an exposure runs the progress bar needs the camera about once a second (notes §3.2). */
export const CAMERA_EXPOSING_POLL_MS = 1_000;
/** Otherwise a slow refresh is enough for the temperature and cooler; events cover the rest. */
export const CAMERA_IDLE_POLL_MS = 5_000;

/** NINA waits for the filter wheel only inside its own sequences; here Skydeck waits before capturing. */
const FILTER_CHANGE_TIMEOUT_MS = 60_000;
const FILTER_POLL_MS = 250;

/** CameraStates in which the sensor is busy with a frame. */
const busyStates: ReadonlySet<string> = new Set(['Exposing', 'Waiting', 'Reading', 'Download']);

export function cameraBusy(info: CameraInfo | undefined): boolean {
  return Boolean(info?.IsExposing) || (info?.CameraState !== undefined && busyStates.has(info.CameraState));
}

export const cameraInfoQuery = (http: NinaHttp, fastPoll = false) =>
  queryOptions({
    queryKey: ninaKeys.deviceInfo(http.baseUrl, 'camera'),
    queryFn: ({ signal }) => http.get('/equipment/camera/info', cameraInfoSchema, { signal }),
    refetchInterval: (query) => (fastPoll || cameraBusy(query.state.data) ? CAMERA_EXPOSING_POLL_MS : CAMERA_IDLE_POLL_MS),
    refetchIntervalInBackground: false,
  });

/** The camera, polled once a second while it exposes (or `fastPoll`), every 5 s otherwise. */
export function useCameraInfo(fastPoll = false) {
  const { http } = useNinaClient();
  return useQuery(cameraInfoQuery(http, fastPoll));
}

/** The wheel changes only through commands and FILTERWHEEL-* events, which refresh this query. */
export const filterWheelInfoQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.deviceInfo(http.baseUrl, 'filterwheel'),
    queryFn: ({ signal }) => http.get('/equipment/filterwheel/info', filterWheelInfoSchema, { signal }),
    staleTime: 30_000,
  });

export function useFilterWheelInfo() {
  const { http } = useNinaClient();
  return useQuery(filterWheelInfoQuery(http));
}

/**
 * NINA's clock minus this browser's, in ms, from `GET /time` (notes §15) halfway through the
 * round trip. NINA's own times (ExposureEndTime) are read through it, so a PC clock that is a
 * few seconds off does not make the progress bar lie.
 */
export const clockOffsetQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.clockOffset(http.baseUrl),
    queryFn: async ({ signal }) => {
      const sentAtMs = Date.now();
      const text = await http.get('/time', z.string(), { signal });
      const receivedAtMs = Date.now();
      const ninaMs = Date.parse(text);
      if (Number.isNaN(ninaMs)) throw new NinaError({ kind: 'schema', path: '/time', message: `NINA's time "${text}" is not a date` });
      return ninaMs - (sentAtMs + receivedAtMs) / 2;
    },
    staleTime: 10 * 60_000,
  });

export function useNinaClockOffsetMs(): number {
  const { http } = useNinaClient();
  return useQuery(clockOffsetQuery(http)).data ?? 0;
}

/**
 * `capture/statistics` reloads NINA's preview of the last API capture and detects stars on every
 * call (notes §6.2), so it is asked once per frame and never polled.
 */
export const captureStatisticsQuery = (http: NinaHttp, frameSeq: number) =>
  queryOptions({
    queryKey: ninaKeys.captureStatistics(http.baseUrl, frameSeq),
    queryFn: ({ signal }) => http.get('/equipment/camera/capture/statistics', captureStatisticsSchema, { signal, timeoutMs: 60_000 }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export function useCaptureStatistics(frameSeq: number | undefined) {
  const { http } = useNinaClient();
  return useQuery({ ...captureStatisticsQuery(http, frameSeq ?? -1), enabled: frameSeq !== undefined });
}

export const IMAGE_TYPES = ['LIGHT', 'SNAPSHOT', 'DARK', 'FLAT', 'BIAS'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export interface CaptureRequest {
  durationS: number;
  /** Undefined: the camera's default gain. NINA cannot be asked for 0 (notes §6.1). */
  gain?: number;
  /** "XxY" as NINA names its binning modes. */
  binning: string;
  /** The profile filter position to expose through; undefined keeps the wheel where it is. */
  filterId?: number;
  imageType: ImageType;
  save: boolean;
  targetName: string;
}

export type CaptureStep = 'filter' | 'binning' | 'capture';

/**
 * Filter and binning are not capture parameters: NINA exposes through whatever is set (notes §6.1).
 * So the wheel is turned first and awaited (change-filter returns before it moves, §3.6), then the
 * binning is set, then the capture starts. Each step fails with NINA's own error text.
 */
export async function startCapture(
  http: NinaHttp,
  request: CaptureRequest,
  options: { signal?: AbortSignal; onStep?: (step: CaptureStep) => void } = {},
): Promise<string> {
  const { signal, onStep } = options;
  if (request.filterId !== undefined) {
    const wheel = await http.get('/equipment/filterwheel/info', filterWheelInfoSchema, { signal });
    if (wheel.SelectedFilter?.Id !== request.filterId || wheel.IsMoving) {
      onStep?.('filter');
      await http.get('/equipment/filterwheel/change-filter', z.string(), { query: { filterId: request.filterId }, signal });
      await waitForFilter(http, request.filterId, signal);
    }
  }
  onStep?.('binning');
  await http.get('/equipment/camera/set-binning', z.string(), { query: { binning: request.binning }, signal });
  onStep?.('capture');
  const query: Record<string, QueryValue> = {
    duration: request.durationS,
    gain: request.gain !== undefined && request.gain > 0 ? request.gain : undefined,
    save: request.save,
    imageType: request.imageType,
    targetName: request.targetName.trim() || undefined,
  };
  return http.get('/equipment/camera/capture', z.string(), { query, signal });
}

async function waitForFilter(http: NinaHttp, filterId: number, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + FILTER_CHANGE_TIMEOUT_MS;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, FILTER_POLL_MS));
    if (signal?.aborted) throw new NinaError({ kind: 'aborted', path: '/equipment/filterwheel/info', message: 'The capture was cancelled' });
    const wheel = await http.get('/equipment/filterwheel/info', filterWheelInfoSchema, { signal });
    if (!wheel.Connected) throw new NinaError({ kind: 'nina', path: '/equipment/filterwheel/info', message: 'Filterwheel not connected' });
    if (!wheel.IsMoving && wheel.SelectedFilter?.Id === filterId) return;
    if (Date.now() > deadline) {
      throw new NinaError({
        kind: 'timeout',
        path: '/equipment/filterwheel/info',
        message: `The filter wheel did not reach the filter within ${FILTER_CHANGE_TIMEOUT_MS / 1000} s`,
      });
    }
  }
}

/** Starts one capture (filter, binning, exposure); never retried. Resolves with NINA's "Capture started". */
export function useStartCapture() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.device(http.baseUrl, 'camera'), 'capture'],
    retry: false,
    mutationFn: ({ request, signal, onStep }: { request: CaptureRequest; signal?: AbortSignal; onStep?: (step: CaptureStep) => void }) =>
      startCapture(http, request, { signal, onStep }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'camera') });
      void queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'filterwheel') });
      void queryClient.invalidateQueries({ queryKey: ninaKeys.clockOffset(http.baseUrl) });
    },
  });
}

export type CameraCommand =
  | { kind: 'cool'; temperatureC: number; durationMin: number }
  | { kind: 'warm'; durationMin: number }
  | { kind: 'cancel-cooling' }
  | { kind: 'cancel-warming' }
  | { kind: 'abort-exposure' };

function commandRequest(command: CameraCommand): { path: string; query?: Record<string, QueryValue> } {
  switch (command.kind) {
    case 'cool':
      // Always send minutes: omitted it binds to 0, which cools at once (notes §6.2, §16a.25).
      return { path: '/equipment/camera/cool', query: { temperature: command.temperatureC, minutes: command.durationMin } };
    case 'warm':
      return { path: '/equipment/camera/warm', query: { minutes: command.durationMin } };
    case 'cancel-cooling':
      return { path: '/equipment/camera/cool', query: { cancel: true } };
    case 'cancel-warming':
      return { path: '/equipment/camera/warm', query: { cancel: true } };
    case 'abort-exposure':
      return { path: '/equipment/camera/abort-exposure' };
  }
}

/** Cool, warm, cancel, abort: never retried; resolves with NINA's own Response text. */
export function useCameraCommand() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.device(http.baseUrl, 'camera'), 'command'],
    retry: false,
    mutationFn: (command: CameraCommand) => {
      const { path, query } = commandRequest(command);
      return http.get(path, z.string(), { query });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'camera') }),
  });
}
