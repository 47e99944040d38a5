import { beforeEach, describe, expect, it } from 'vitest';
import { stackKey } from '../nina/schemas/livestack';
import { STACK_UPDATE_LIMIT, useLiveStackUpdates } from './livestack-updates';

const state = () => useLiveStackUpdates.getState();
const pair = (target: string, filter = 'L') => ({ Target: target, Filter: filter });

describe('live-stack updates', () => {
  beforeEach(() => useLiveStackUpdates.setState({ baseUrl: undefined, stacks: {} }));

  it('counts the updates of each stack and remembers when the last one came', () => {
    state().stacked('http://a', [pair('M 42'), pair('M 42', 'R')], 10);
    state().stacked('http://a', [pair('M 42')], 20);
    expect(state().stacks[stackKey('M 42', 'L')]).toEqual({ target: 'M 42', filter: 'L', revision: 2, updatedAtMs: 20 });
    expect(state().stacks[stackKey('M 42', 'R')]).toEqual({ target: 'M 42', filter: 'R', revision: 1, updatedAtMs: 10 });
    expect(Object.values(state().stacks).at(-1)).toMatchObject({ filter: 'L' });
  });

  it('starts over for another NINA', () => {
    state().stacked('http://a', [pair('M 42')], 10);
    state().stacked('http://b', [pair('M 31')], 20);
    expect(state().baseUrl).toBe('http://b');
    expect(Object.keys(state().stacks)).toEqual([stackKey('M 31', 'L')]);
  });

  it('keeps a bounded number of stacks, dropping the one updated longest ago', () => {
    for (let i = 0; i <= STACK_UPDATE_LIMIT; i += 1) state().stacked('http://a', [pair(`T${i}`)], i);
    const keys = Object.keys(state().stacks);
    expect(keys).toHaveLength(STACK_UPDATE_LIMIT);
    expect(keys).not.toContain(stackKey('T0', 'L'));
  });
});
