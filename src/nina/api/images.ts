import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { buildUrl, type NinaHttp, type QueryValue } from '../http';
import { plateSolveResultSchema } from '../schemas/camera';
import { imageHistorySchema } from '../schemas/images';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/** A plate solve is awaited by NINA and can take minutes on a slow PC (notes §7.4, §16b). */
const SOLVE_TIMEOUT_MS = 5 * 60_000;
/** A full-resolution frame is tens of megabytes; a screen-sized one a few hundred kilobytes. */
const FULL_IMAGE_TIMEOUT_MS = 120_000;
const SCREEN_IMAGE_TIMEOUT_MS = 30_000;

/**
 * The whole history once, then IMAGE-SAVE events append to this cache (nina/consumers/image-activity),
 * so a night of frames is not downloaded again after every save. A reconnect refetches it.
 */
export const imageHistoryQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.imageHistory(http.baseUrl),
    queryFn: ({ signal }) => http.get('/image-history', imageHistorySchema, { query: { all: true }, signal, timeoutMs: 30_000 }),
    staleTime: 5 * 60_000,
  });

export function useImageHistory() {
  const { http } = useNinaClient();
  return useQuery(imageHistoryQuery(http));
}

/** What the viewer shows: the image NINA prepared last (any source), or a saved frame by history index. */
export type ImageSource = { kind: 'live' } | { kind: 'history'; index: number };

/** NINA's stretch; each value is sent only when set, since NINA tests presence (notes §1.2, §7.4). */
export interface StretchOptions {
  factor?: number;
  blackClipping?: number;
  unlinked?: boolean;
}

export interface ImageRequest {
  source: ImageSource;
  /** Resize to this width in pixels (NINA keeps the aspect ratio); undefined for the full frame. */
  size?: { widthPx: number; heightPx: number };
  /** -1 for PNG, 1–100 for JPEG at that quality (notes §6.1). */
  quality: number;
  stretch?: StretchOptions;
}

export function imageRequestPath(request: ImageRequest): { path: string; query: Record<string, QueryValue> } {
  const query: Record<string, QueryValue> = {
    resize: request.size ? true : undefined,
    size: request.size ? `${request.size.widthPx}x${request.size.heightPx}` : undefined,
    quality: request.quality,
    factor: request.stretch?.factor,
    blackClipping: request.stretch?.blackClipping,
    unlinked: request.stretch?.unlinked,
  };
  if (request.source.kind === 'live') return { path: '/prepared-image', query };
  return { path: `/image/${request.source.index}`, query: { ...query, stream: true } };
}

/** Always the streamed binary image, never base64 in an envelope: a third fewer bytes and no JSON parse. */
export function fetchImage(http: NinaHttp, request: ImageRequest, signal?: AbortSignal): Promise<Blob> {
  const { path, query } = imageRequestPath(request);
  return http.getBlob(path, { query, signal, timeoutMs: request.size ? SCREEN_IMAGE_TIMEOUT_MS : FULL_IMAGE_TIMEOUT_MS });
}

/**
 * A thumbnail's address, for an `<img>` the browser loads lazily and caches itself. NINA keeps one
 * per saved frame while its CreateThumbnails option is on (notes §7.5).
 */
export function thumbnailUrl(http: NinaHttp, index: number): string {
  return buildUrl(http.baseUrl, `/image/thumbnail/${index}`);
}

/** Plate-solve the prepared image or a saved frame; NINA awaits the solve (slow). Never retried. */
export function useSolveImage() {
  const { http } = useNinaClient();
  return useMutation({
    mutationKey: [...ninaKeys.images(http.baseUrl), 'solve'],
    retry: false,
    mutationFn: (source: ImageSource) =>
      http.get(source.kind === 'live' ? '/prepared-image/solve' : `/image/${source.index}/solve`, plateSolveResultSchema, {
        timeoutMs: SOLVE_TIMEOUT_MS,
      }),
  });
}
