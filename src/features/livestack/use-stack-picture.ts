import { useCallback, useEffect, useRef, useState } from 'react';
import { useNinaClient } from '../../nina/api/client-context';
import { fetchStackImage, STACK_JPEG_QUALITY } from '../../nina/api/livestack';
import { isNinaError } from '../../nina/errors';
import { LatestImageLoader, type LoadedImage } from '../../lib/latest-image-loader';

/** A picture at least this much narrower than its place is fetched again when the place grows. */
const GROWTH_BEFORE_REFETCH = 1.2;
/** Until the first picture tells the real shape: most astro cameras are about 3:2. */
export const DEFAULT_STACK_ASPECT = 3 / 2;

export interface PictureTag {
  /** Which state of the stack (its update and counts). */
  version: string;
  /** The width asked for in device pixels; undefined for the whole stack. */
  widthPx?: number;
  /** NINA reads only the width and keeps the aspect ratio; the height is sent for completeness. */
  heightPx: number;
  attempt: number;
}

export type StackPicture = LoadedImage<PictureTag>;

export interface StackPictureState {
  picture?: StackPicture;
  loading: boolean;
  error?: unknown;
  /** The request that failed, so it is not sent again until something changes. */
  failedKey?: string;
}

/** NINA sent fewer pixels than asked: that is the whole stack, it never enlarges (notes §6.1). */
export function isWholeStack(picture: StackPicture): boolean {
  return picture.tag.widthPx === undefined || picture.widthPx < picture.tag.widthPx;
}

/** Whether the picture on screen already shows this state of the stack at this size. */
export function pictureCovers(picture: StackPicture | undefined, version: string, widthPx: number | undefined): boolean {
  if (!picture || picture.tag.version !== version) return false;
  if (isWholeStack(picture)) return true;
  return widthPx !== undefined && (picture.tag.widthPx ?? 0) * GROWTH_BEFORE_REFETCH >= widthPx;
}

export interface StackPictureOptions {
  target: string;
  filter: string;
  /** Undefined until it is known which state of the stack to ask for. */
  version: string | undefined;
  /** Device pixels; undefined asks for the whole stack. */
  widthPx: number | undefined;
  /** Off while the place is off screen or covered: the newest state is fetched once it shows again. */
  enabled: boolean;
}

/**
 * One stack's latest picture for one place on screen: fetched when the stack changes (a new
 * version) or its place grows, never on a timer. A failed request stays failed until the stack
 * changes again or `retry` is called.
 */
export function useStackPicture({ target, filter, version, widthPx, enabled }: StackPictureOptions): {
  state: StackPictureState;
  retry: () => void;
} {
  const { http } = useNinaClient();
  const [state, setState] = useState<StackPictureState>({ loading: false });
  const [attempt, setAttempt] = useState(0);
  const loader = useRef<LatestImageLoader<PictureTag> | undefined>(undefined);

  useEffect(() => {
    const current = new LatestImageLoader<PictureTag>({
      fetch: (tag, signal) =>
        fetchStackImage(
          http,
          { target, filter, size: tag.widthPx === undefined ? undefined : { widthPx: tag.widthPx, heightPx: tag.heightPx }, quality: STACK_JPEG_QUALITY },
          signal,
        ),
      onLoaded: (picture) => setState((previous) => ({ ...previous, picture, error: undefined, failedKey: undefined })),
      onFailed: (tag, error) => {
        if (isNinaError(error) && error.kind === 'aborted') return;
        setState((previous) => ({ ...previous, error, failedKey: keyOf(tag) }));
      },
      onBusy: (loading) => setState((previous) => ({ ...previous, loading })),
    });
    loader.current = current;
    return () => {
      current.dispose();
      if (loader.current === current) loader.current = undefined;
    };
  }, [http, target, filter]);

  const aspect = state.picture ? state.picture.widthPx / state.picture.heightPx : DEFAULT_STACK_ASPECT;
  const heightPx = widthPx === undefined ? 0 : Math.max(1, Math.round(widthPx / aspect));
  const wanted: PictureTag | undefined =
    enabled && version !== undefined && (widthPx === undefined || widthPx > 0) && !pictureCovers(state.picture, version, widthPx)
      ? { version, widthPx, heightPx, attempt }
      : undefined;
  const wantedKey = wanted ? keyOf(wanted) : '';
  const failed = wantedKey !== '' && wantedKey === state.failedKey;

  useEffect(() => {
    if (wanted && !failed) loader.current?.request(wanted);
    // The key says everything about the request; a new object with the same key is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedKey, failed]);

  const url = state.picture?.url;
  useEffect(() => {
    if (url === undefined) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}

function keyOf(tag: PictureTag): string {
  return `${tag.version}|${tag.widthPx ?? 'whole'}|${tag.attempt}`;
}
