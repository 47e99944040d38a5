import { useMemo } from 'react';
import { isPresent } from '../../lib/format';
import { useImageHistory } from '../../nina/api/images';
import type { ImageHistoryItem } from '../../nina/schemas/images';
import { isStackedImageType, stackKey, stackPairOfFrame } from '../../nina/schemas/livestack';
import { savedFramesByStack, useLiveStackFrames, type SavedFrames } from '../../store/livestack-frames';

/**
 * The exposures of each stack's frames as NINA's image history lists them: the frames saved
 * before Skydeck was open (or in another browser) count towards integration time too.
 */
export function savedFramesFromHistory(items: readonly ImageHistoryItem[]): Map<string, SavedFrames> {
  const byKey = new Map<string, SavedFrames>();
  for (const item of items) {
    if (!isStackedImageType(item.ImageType) || !isPresent(item.ExposureTime)) continue;
    const pair = stackPairOfFrame(item.TargetName, item.Filter);
    const key = stackKey(pair.Target, pair.Filter);
    const entry = byKey.get(key) ?? { target: pair.Target, filter: pair.Filter, exposures: [], lastExposureS: item.ExposureTime, lastSavedAtMs: 0 };
    const same = entry.exposures.find((exposure) => exposure.exposureS === item.ExposureTime);
    if (same) same.frames += 1;
    else entry.exposures.push({ exposureS: item.ExposureTime, frames: 1 });
    entry.lastExposureS = item.ExposureTime;
    byKey.set(key, entry);
  }
  return byKey;
}

const frameCount = (saved: SavedFrames | undefined) => saved?.exposures.reduce((sum, entry) => sum + entry.frames, 0) ?? 0;

/** Per stack, whichever record has seen more frames: the events Skydeck heard, or NINA's history. */
export function mergeSavedFrames(heard: ReadonlyMap<string, SavedFrames>, history: ReadonlyMap<string, SavedFrames>): Map<string, SavedFrames> {
  const merged = new Map(heard);
  for (const [key, fromHistory] of history) {
    if (frameCount(fromHistory) > frameCount(merged.get(key))) merged.set(key, fromHistory);
  }
  return merged;
}

/** The saved frames of every stack, by stack key. */
export function useSavedFrames(): ReadonlyMap<string, SavedFrames> {
  const stacks = useLiveStackFrames((state) => state.stacks);
  const history = useImageHistory().data;
  return useMemo(() => mergeSavedFrames(savedFramesByStack(stacks), savedFramesFromHistory(history ?? [])), [stacks, history]);
}
