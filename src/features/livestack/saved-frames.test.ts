import { describe, expect, it } from 'vitest';
import type { ImageHistoryItem } from '../../nina/schemas/images';
import { stackKey } from '../../nina/schemas/livestack';
import type { SavedFrames } from '../../store/livestack-frames';
import { mergeSavedFrames, savedFramesFromHistory } from './saved-frames';

const item = (fields: Partial<ImageHistoryItem>) => ({ ImageType: 'LIGHT', ExposureTime: 60, TargetName: 'M 42', Filter: 'L', ...fields }) as ImageHistoryItem;

describe('saved frames from the image history', () => {
  it('groups light frames by target and filter, with their exposures, and skips flats and darks', () => {
    const saved = savedFramesFromHistory([
      item({}),
      item({ ExposureTime: 120 }),
      item({}),
      item({ Filter: 'Ha', ExposureTime: 300 }),
      item({ ImageType: 'FLAT', ExposureTime: 0.5 }),
      item({ ImageType: 'DARK' }),
      item({ TargetName: '', Filter: '' }),
    ]);
    expect(saved.get(stackKey('M 42', 'L'))?.exposures).toEqual([
      { exposureS: 60, frames: 2 },
      { exposureS: 120, frames: 1 },
    ]);
    expect(saved.get(stackKey('M 42', 'Ha'))?.exposures).toEqual([{ exposureS: 300, frames: 1 }]);
    expect(saved.get(stackKey('No_target', 'No_filter'))?.exposures).toEqual([{ exposureS: 60, frames: 1 }]);
    expect(saved.size).toBe(3);
  });

  it('prefers whichever record saw more frames of a stack', () => {
    const entry = (frames: number): SavedFrames => ({ target: 'M 42', filter: 'L', exposures: [{ exposureS: 60, frames }], lastExposureS: 60, lastSavedAtMs: 0 });
    const key = stackKey('M 42', 'L');
    const other = stackKey('M 42', 'R');
    expect(mergeSavedFrames(new Map([[key, entry(5)]]), new Map([[key, entry(3)]])).get(key)).toEqual(entry(5));
    expect(mergeSavedFrames(new Map([[key, entry(2)]]), new Map([[key, entry(7)]])).get(key)).toEqual(entry(7));
    expect(mergeSavedFrames(new Map(), new Map([[other, entry(1)]])).has(other)).toBe(true);
  });
});
