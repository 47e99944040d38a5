import { useEffect, useRef } from 'react';
import { isNinaError } from '../../nina/errors';
import { fetchImage, type ImageRequest, type ImageSource } from '../../nina/api/images';
import { useNinaClient } from '../../nina/api/client-context';
import { LatestImageLoader, type LoadedImage } from '../../lib/latest-image-loader';

export interface ViewerTag {
  request: ImageRequest;
  /** Which frame: the source and, for the live image, the IMAGE-PREPARED it answers. */
  frameKey: string;
  /** Asked for the full frame (no resize). */
  full: boolean;
}

export type ViewerImage = LoadedImage<ViewerTag>;

export interface ViewerImageState {
  image?: ViewerImage;
  loading: boolean;
  error?: unknown;
  /** NINA has prepared no image yet (`/prepared-image` answers 404 "No image", notes §7.6). */
  empty: boolean;
}

/** A served image narrower than asked is already NINA's full frame. */
export function isFullResolution(image: ViewerImage): boolean {
  return image.tag.full || (image.tag.request.size !== undefined && image.widthPx < image.tag.request.size.widthPx);
}

export function frameKeyOf(source: ImageSource, liveSeq: number): string {
  return source.kind === 'live' ? `live:${liveSeq}` : `history:${source.index}`;
}

export const initialViewerImageState: ViewerImageState = { loading: false, empty: false };

/**
 * Loads the viewer's one image: fetched when `key` changes (a new frame, another size, another
 * stretch), decoded off-screen, then handed to `setState`; the previous object URL is revoked once
 * the new one is on screen, so at most one decoded image is held beside the one being prepared.
 * The state lives with the caller, which needs the current image to decide what to ask for next.
 */
export function useViewerImageLoader(
  tag: ViewerTag,
  key: string,
  state: ViewerImageState,
  setState: (update: (previous: ViewerImageState) => ViewerImageState) => void,
): void {
  const { http } = useNinaClient();
  const loader = useRef<LatestImageLoader<ViewerTag> | undefined>(undefined);

  useEffect(() => {
    const current = new LatestImageLoader<ViewerTag>({
      fetch: (requested, signal) => fetchImage(http, requested.request, signal),
      onLoaded: (image) => setState((previous) => ({ ...previous, image, error: undefined, empty: false })),
      onFailed: (failed, error) => {
        if (isNinaError(error) && error.kind === 'aborted') return;
        const noImageYet = failed.request.source.kind === 'live' && isNinaError(error) && error.kind === 'nina' && error.statusCode === 404;
        setState((previous) => (noImageYet ? { ...previous, empty: previous.image === undefined, error: undefined } : { ...previous, error }));
      },
      onBusy: (loading) => setState((previous) => ({ ...previous, loading })),
    });
    loader.current = current;
    return () => {
      current.dispose();
      if (loader.current === current) loader.current = undefined;
    };
  }, [http, setState]);

  useEffect(() => {
    // No key yet: the viewer has not been measured, so there is no width to ask for.
    if (key !== '') loader.current?.request(tag);
    // The key says everything about the tag; a new tag object with the same key is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, http]);

  const url = state.image?.url;
  useEffect(() => {
    if (url === undefined) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);
}
