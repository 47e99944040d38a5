import { describe, expect, it } from 'vitest';
import { isLiveStackRunning, liveStackInfoSchema, stackCountsOf, stackPairOfFrame } from './livestack';

describe('live stack schemas', () => {
  it('reads the status whatever its case: "stopped" at first, then "Running" / "Stopped" (notes §11)', () => {
    expect(isLiveStackRunning('stopped')).toBe(false);
    expect(isLiveStackRunning('Running')).toBe(true);
    expect(isLiveStackRunning('running')).toBe(true);
    expect(isLiveStackRunning('Stopped')).toBe(false);
    expect(isLiveStackRunning(undefined)).toBe(false);
  });

  it('reads a mono stack’s count and a colour stack’s channel counts, with the null counts omitted', () => {
    const mono = liveStackInfoSchema.parse({ IsMonochrome: true, StackCount: 12, Filter: 'L', Target: 'M 42' });
    expect(stackCountsOf(mono)).toEqual({ kind: 'mono', frames: 12 });
    const color = liveStackInfoSchema.parse({ IsMonochrome: false, RedStackCount: 4, GreenStackCount: 3, BlueStackCount: 5, Filter: 'RGB', Target: 'M 42', Extra: 1 });
    expect(stackCountsOf(color)).toEqual({ kind: 'color', red: 4, green: 3, blue: 5 });
    expect(stackCountsOf(liveStackInfoSchema.parse({ IsMonochrome: true }))).toBeUndefined();
  });

  it('files frames without a target or filter as the plugin does', () => {
    expect(stackPairOfFrame('M 42', 'Ha')).toEqual({ Target: 'M 42', Filter: 'Ha' });
    expect(stackPairOfFrame('  ', undefined)).toEqual({ Target: 'No_target', Filter: 'No_filter' });
  });
});
