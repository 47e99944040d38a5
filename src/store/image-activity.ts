import { create } from 'zustand';
import type { ImageStatistics } from '../nina/schemas/events';

/**
 * The frames NINA prepares, as its events tell them (notes §13.3): IMAGE-PREPARED for every frame
 * it shows (API captures, sequence frames, autofocus frames), then API-CAPTURE-FINISHED for an API
 * capture, then IMAGE-SAVE when the frame was saved. Kept in memory only: NINA itself serves the
 * prepared image and the history.
 */

export interface PreparedFrame {
  /** Increases with every IMAGE-PREPARED this page has seen. */
  seq: number;
  preparedAtMs: number;
  /** API-CAPTURE-FINISHED followed: NINA's capture/statistics describe this frame. */
  captureFinishedAtMs?: number;
  /** The IMAGE-SAVE that followed before the next IMAGE-PREPARED: this frame's saved statistics. */
  saved?: ImageStatistics;
}

interface ImageActivityState {
  /** The NINA these frames came from; a view talking to another one ignores them. */
  baseUrl?: string;
  latest?: PreparedFrame;
  /** API-CAPTURE-FINISHED events seen in this page's life; only ever grows. */
  capturesFinished: number;
  prepared: (baseUrl: string, atMs: number) => void;
  captureFinished: (baseUrl: string, atMs: number) => void;
  saved: (baseUrl: string, statistics: ImageStatistics) => void;
}

let nextSeq = 1;

/** The latest frame, unless it came from another NINA than `baseUrl`. */
const latestOf = (state: ImageActivityState, baseUrl: string) => (state.baseUrl === baseUrl ? state.latest : undefined);

export const useImageActivity = create<ImageActivityState>()((set) => ({
  capturesFinished: 0,
  prepared: (baseUrl, preparedAtMs) => set({ baseUrl, latest: { seq: nextSeq++, preparedAtMs } }),
  captureFinished: (baseUrl, atMs) =>
    set((state) => {
      const latest = latestOf(state, baseUrl);
      return {
        baseUrl,
        capturesFinished: state.capturesFinished + 1,
        latest: latest && latest.captureFinishedAtMs === undefined ? { ...latest, captureFinishedAtMs: atMs } : latest,
      };
    }),
  saved: (baseUrl, statistics) =>
    set((state) => {
      const latest = latestOf(state, baseUrl);
      return { baseUrl, latest: latest && !latest.saved ? { ...latest, saved: statistics } : latest };
    }),
}));

/** The frame NINA prepared last, as seen from a view talking to `baseUrl`. */
export function useLatestPreparedFrame(baseUrl: string): PreparedFrame | undefined {
  return useImageActivity((state) => latestOf(state, baseUrl));
}
