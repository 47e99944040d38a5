import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { NinaHttp, QueryValue } from '../http';
import { liveStackAvailableSchema, liveStackInfoSchema, liveStackStatusSchema, type LiveStackPair } from '../schemas/livestack';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/**
 * The live stack (notes §11). Nothing here polls: the status, the list of stacks and their counts
 * are read once (and again after a reconnect), then STACK-STATUS and STACK-UPDATED keep them
 * current (nina/consumers/livestack).
 */

/** The plugin renders a stack per request; a full-size one of a big sensor takes a while. */
const SCREEN_IMAGE_TIMEOUT_MS = 30_000;
const FULL_IMAGE_TIMEOUT_MS = 120_000;
/** A stack is a stretched 8-bit picture: JPEG at this quality is a fraction of the PNG and looks the same. */
export const STACK_JPEG_QUALITY = 90;

export const liveStackStatusQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.livestackStatus(http.baseUrl),
    queryFn: ({ signal }) => http.get('/livestack/status', liveStackStatusSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useLiveStackStatus() {
  const { http } = useNinaClient();
  return useQuery(liveStackStatusQuery(http));
}

export const liveStackAvailableQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.livestackAvailable(http.baseUrl),
    queryFn: ({ signal }) => http.get('/livestack/image/available', liveStackAvailableSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useLiveStackAvailable() {
  const { http } = useNinaClient();
  return useQuery(liveStackAvailableQuery(http));
}

/** Target and filter are path segments: spaces and slashes in a target name must be escaped. */
const stackPath = (target: string, filter: string) => `/livestack/image/${encodeURIComponent(target)}/${encodeURIComponent(filter)}`;

export const liveStackInfoQuery = (http: NinaHttp, target: string, filter: string) =>
  queryOptions({
    queryKey: ninaKeys.livestackInfo(http.baseUrl, target, filter),
    queryFn: ({ signal }) => http.get(`${stackPath(target, filter)}/info`, liveStackInfoSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useLiveStackInfo(target: string, filter: string) {
  const { http } = useNinaClient();
  return useQuery(liveStackInfoQuery(http, target, filter));
}

/** The counts of several stacks at once, from the same cache the tiles use. */
export function useLiveStackInfos(stacks: readonly { target: string; filter: string }[]) {
  const { http } = useNinaClient();
  return useQueries({ queries: stacks.map((stack) => liveStackInfoQuery(http, stack.target, stack.filter)) });
}

export interface StackImageRequest {
  target: string;
  filter: string;
  /** Resize to this width in device pixels (NINA keeps the aspect ratio); undefined for the whole stack. */
  size?: { widthPx: number; heightPx: number };
  /** -1 for PNG, 1–100 for JPEG at that quality (notes §6.1). */
  quality: number;
}

export function stackImageRequestPath(request: StackImageRequest): { path: string; query: Record<string, QueryValue> } {
  return {
    path: stackPath(request.target, request.filter),
    query: {
      stream: true,
      resize: request.size ? true : undefined,
      size: request.size ? `${request.size.widthPx}x${request.size.heightPx}` : undefined,
      quality: request.quality,
    },
  };
}

/**
 * The stack's latest picture, streamed as bytes. A stack NINA does not know answers a JSON
 * envelope, 500 "Unknown error" (notes §11), which getBlob turns into a NinaError.
 */
export function fetchStackImage(http: NinaHttp, request: StackImageRequest, signal?: AbortSignal): Promise<Blob> {
  const { path, query } = stackImageRequestPath(request);
  return http.getBlob(path, { query, signal, timeoutMs: request.size ? SCREEN_IMAGE_TIMEOUT_MS : FULL_IMAGE_TIMEOUT_MS });
}

export type LiveStackCommand = 'start' | 'stop';

/**
 * Start or stop: NINA only publishes the request to the plugin and always answers "Live stack
 * started" / "stopped", even without the plugin (notes §11); STACK-STATUS tells what happened.
 */
export function useLiveStackCommand() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.livestack(http.baseUrl), 'command'],
    retry: false,
    mutationFn: (command: LiveStackCommand) => http.get(`/livestack/${command}`, z.string()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.livestackStatus(http.baseUrl) }),
  });
}

/**
 * Drops a stack from the list until NINA lists it again (the next reconnect, or a STACK-UPDATED
 * naming it): for a tile whose stack NINA does not have.
 */
export function useHideStack(): (target: string, filter: string) => void {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return (target, filter) =>
    queryClient.setQueryData<LiveStackPair[]>(ninaKeys.livestackAvailable(http.baseUrl), (pairs) =>
      pairs?.filter((pair) => pair.Target !== target || pair.Filter !== filter),
    );
}
