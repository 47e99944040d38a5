import { describe, expect, it } from 'vitest';
import { stackKey } from '../../nina/schemas/livestack';
import { compareFilters, groupStacks } from './stack-groups';

describe('groupStacks', () => {
  it('groups by target, filters in wheel order with the colour combination first', () => {
    const groups = groupStacks(
      [
        { Target: 'M 42', Filter: 'Ha' },
        { Target: 'M 42', Filter: 'B' },
        { Target: 'M 42', Filter: 'L' },
        { Target: 'M 42', Filter: 'RGB' },
        { Target: 'M 42', Filter: 'Dual band' },
        { Target: 'M 42', Filter: 'R' },
      ],
      {},
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.stacks.map((stack) => stack.filter)).toEqual(['RGB', 'L', 'R', 'B', 'Ha', 'Dual band']);
    expect(groups[0]!.stacks[0]!.key).toBe(stackKey('M 42', 'RGB'));
  });

  it('puts the target stacked to most recently first, else the one NINA lists last', () => {
    const pairs = [
      { Target: 'M 42', Filter: 'L' },
      { Target: 'NGC 7000', Filter: 'Ha' },
      { Target: 'M 31', Filter: 'L' },
    ];
    expect(groupStacks(pairs, {}).map((group) => group.target)).toEqual(['M 31', 'NGC 7000', 'M 42']);
    const updates = {
      [stackKey('M 42', 'L')]: { target: 'M 42', filter: 'L', revision: 3, updatedAtMs: 2_000 },
      [stackKey('NGC 7000', 'Ha')]: { target: 'NGC 7000', filter: 'Ha', revision: 1, updatedAtMs: 1_000 },
    };
    expect(groupStacks(pairs, updates).map((group) => group.target)).toEqual(['M 42', 'NGC 7000', 'M 31']);
  });

  it('shows a stack once even if NINA lists it twice', () => {
    const groups = groupStacks(
      [
        { Target: 'M 42', Filter: 'L' },
        { Target: 'M 42', Filter: 'L' },
      ],
      {},
    );
    expect(groups[0]!.stacks).toHaveLength(1);
  });

  it('orders filter names it does not know alphabetically after the usual ones', () => {
    expect(['Zeta', 'oiii', 'Alpha', 'Lum'].sort(compareFilters)).toEqual(['Lum', 'oiii', 'Alpha', 'Zeta']);
  });
});
