import { queryOptions, useIsMutating, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { NinaError, isNinaError } from '../errors';
import type { NinaHttp } from '../http';
import { guiderInfoSchema } from '../schemas/equipment';
import { guideGraphSchema } from '../schemas/guider';
import { useNinaClient } from './client-context';
import { useGuidingRmsHistory } from '../../store/guiding-rms-history';
import { mergeGuideGraph, stepsAddedSince, type GuideHistory } from './guide-history';
import { ninaKeys } from './keys';

/**
 * The guider's state has no events between Looping, Calibrating, Guiding and LostLock (notes §9),
 * so the Guiding view reads it on a slow timer; GUIDER-* events refresh it at once.
 */
export const GUIDER_INFO_POLL_MS = 2_000;

/** PHD2 takes an exposure every 1–4 s; once a second never misses a step for long. */
export const GUIDE_GRAPH_POLL_MS = 1_000;

/**
 * `guider/start` is awaited by NINA through calibration and settling (notes §9, §16b): minutes.
 * Skydeck's own proxy waits 15 minutes for NINA, so the browser waits as long.
 */
const START_GUIDING_TIMEOUT_MS = 15 * 60_000;
const STOP_GUIDING_TIMEOUT_MS = 60_000;

export const guiderInfoQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.deviceInfo(http.baseUrl, 'guider'),
    queryFn: ({ signal }) => http.get('/equipment/guider/info', guiderInfoSchema, { signal }),
    refetchInterval: GUIDER_INFO_POLL_MS,
    refetchIntervalInBackground: false,
    // The next poll is the retry: a failure shows at once instead of after hidden retries.
    retry: false,
  });

export function useGuiderInfo() {
  const { http } = useNinaClient();
  return useQuery(guiderInfoQuery(http));
}

/**
 * NINA's guide graph, merged into what earlier polls kept (see guide-history.ts). Polled only
 * when `poll` (PHD2 is guiding and a graph is on screen); otherwise read once and again when a
 * GUIDER-* event invalidates it. A reply with an unchanged ChangeId keeps the same data object,
 * so the chart does not redraw.
 */
export const guideHistoryQuery = (http: NinaHttp, poll: boolean) =>
  queryOptions({
    queryKey: ninaKeys.guiderGraph(http.baseUrl),
    queryFn: async ({ signal, client, queryKey }): Promise<GuideHistory> => {
      const graph = await http.get('/equipment/guider/graph', guideGraphSchema, { signal });
      const previous = client.getQueryData<GuideHistory>(queryKey);
      const next = mergeGuideGraph(previous, graph);
      useGuidingRmsHistory.getState().addSteps(stepsAddedSince(previous, next), next.pixelScaleArcsecPerPx ?? null, Date.now());
      return next;
    },
    refetchInterval: poll ? GUIDE_GRAPH_POLL_MS : false,
    refetchIntervalInBackground: false,
    retry: false,
    // The kept steps outlive a short visit to another view.
    gcTime: 30 * 60_000,
  });

export function useGuideHistory({ poll }: { poll: boolean }) {
  const { http } = useNinaClient();
  return useQuery(guideHistoryQuery(http, poll));
}

export type GuiderCommand = { kind: 'stop' } | { kind: 'clear-calibration' };

export const guiderCommandKey = (baseUrl: string) => [...ninaKeys.device(baseUrl, 'guider'), 'command'] as const;
const startGuidingKey = (baseUrl: string) => [...guiderCommandKey(baseUrl), 'start'] as const;

async function sendGuiderCommand(http: NinaHttp, command: GuiderCommand): Promise<string> {
  if (command.kind === 'stop') return http.get('/equipment/guider/stop', z.string(), { timeoutMs: STOP_GUIDING_TIMEOUT_MS });
  try {
    return await http.get('/equipment/guider/clear-calibration', z.string());
  } catch (error) {
    // A refusal is Success:false with StatusCode 200 and the Response still "Calibration cleared" (notes §2.1).
    if (isNinaError(error) && error.kind === 'nina' && error.statusCode === 200) {
      throw new NinaError(
        { kind: 'nina', path: error.path, statusCode: error.statusCode, response: error.response, message: 'The guider did not clear its calibration (NINA answered “Calibration cleared” with Success false)' },
        { cause: error },
      );
    }
    throw error;
  }
}

/** Stop guiding or clear the calibration: never retried; resolves with NINA's own Response text. */
export function useGuiderCommand() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: guiderCommandKey(http.baseUrl),
    retry: false,
    mutationFn: (command: GuiderCommand) => sendGuiderCommand(http, command),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'guider') }),
  });
}

export interface StartGuidingResult {
  /** NINA's Response: always "Guiding started", whether or not PHD2 started (notes §16a.23). */
  reply: string;
  /** PHD2's state read right after NINA answered, which tells whether it did; undefined if unreadable. */
  stateAfter?: string;
}

/**
 * `guider/start`, optionally forcing a new calibration. NINA holds the request until PHD2 guides
 * and has settled, minutes when it calibrates, and then claims success whatever happened; the
 * state read back afterwards is the real answer.
 */
export function useStartGuiding() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: startGuidingKey(http.baseUrl),
    retry: false,
    mutationFn: async ({ calibrate }: { calibrate: boolean }): Promise<StartGuidingResult> => {
      const reply = await http.get('/equipment/guider/start', z.string(), { query: { calibrate }, timeoutMs: START_GUIDING_TIMEOUT_MS });
      const info = await http.get('/equipment/guider/info', guiderInfoSchema).catch(() => undefined);
      return { reply, stateAfter: info?.Connected === false ? 'not connected' : info?.State };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'guider') }),
  });
}

/** A `guider/start` from this page is still waiting for NINA, even one sent before the view was reopened. */
export function useGuidingStartPending(): boolean {
  const { http } = useNinaClient();
  return useIsMutating({ mutationKey: startGuidingKey(http.baseUrl) }) > 0;
}

/** Whether this page sent `guider/stop` to this NINA within `withinMs`: a stop the user asked for is no alarm. */
export function stopRequestedRecently(queryClient: QueryClient, baseUrl: string, nowMs: number, withinMs: number): boolean {
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey: guiderCommandKey(baseUrl) })
    .some((mutation) => (mutation.state.variables as GuiderCommand | undefined)?.kind === 'stop' && nowMs - mutation.state.submittedAt <= withinMs);
}
