import { beforeEach, describe, expect, it } from 'vitest';
import { EXPOSURE_KINDS_LIMIT, SAVED_FRAME_STACK_LIMIT, useLiveStackFrames } from './livestack-frames';

const state = () => useLiveStackFrames.getState();
const frame = (target: string, filter: string, exposureS: number, atMs = 0) => ({ pair: { Target: target, Filter: filter }, exposureS, atMs });

describe('live-stack frames', () => {
  beforeEach(() => useLiveStackFrames.setState({ stacks: [] }));

  it('counts frames per exposure length for each target and filter', () => {
    state().record([frame('M 42', 'L', 60), frame('M 42', 'L', 60), frame('M 42', 'L', 120, 5), frame('M 42', 'R', 60)]);
    expect(state().stacks).toEqual([
      { target: 'M 42', filter: 'L', exposures: [{ exposureS: 60, frames: 2 }, { exposureS: 120, frames: 1 }], lastExposureS: 120, lastSavedAtMs: 5 },
      { target: 'M 42', filter: 'R', exposures: [{ exposureS: 60, frames: 1 }], lastExposureS: 60, lastSavedAtMs: 0 },
    ]);
  });

  it('keeps a bounded number of stacks, dropping the one saved to longest ago', () => {
    for (let i = 0; i <= SAVED_FRAME_STACK_LIMIT; i += 1) state().record([frame(`T${i}`, 'L', 60, i)]);
    state().record([frame('T1', 'L', 60, 1_000)]);
    state().record([frame('new', 'L', 60, 1_001)]);
    const targets = state().stacks.map((stack) => stack.target);
    expect(targets).toHaveLength(SAVED_FRAME_STACK_LIMIT);
    expect(targets).not.toContain('T0');
    expect(targets).not.toContain('T2');
    expect(targets).toContain('T1');
    expect(targets.at(-1)).toBe('new');
  });

  it('keeps a bounded number of exposure lengths per stack, dropping the rarest', () => {
    state().record([frame('M 42', 'L', 300), frame('M 42', 'L', 300)]);
    for (let i = 1; i <= EXPOSURE_KINDS_LIMIT; i += 1) state().record([frame('M 42', 'L', i)]);
    const exposures = state().stacks[0]!.exposures;
    expect(exposures).toHaveLength(EXPOSURE_KINDS_LIMIT);
    expect(exposures[0]).toEqual({ exposureS: 300, frames: 2 });
    expect(exposures.some((entry) => entry.exposureS === 1)).toBe(false);
  });

  it('ignores saved state it cannot read', () => {
    const merge = useLiveStackFrames.persist.getOptions().merge!;
    expect(merge({ stacks: 'nonsense' }, state())).toBe(state());
    expect(merge({ stacks: [{ target: 'M 42', filter: 'L', exposures: [], lastExposureS: 1, lastSavedAtMs: 2 }] }, state()).stacks).toHaveLength(1);
  });
});
