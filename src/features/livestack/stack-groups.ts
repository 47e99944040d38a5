import { stackKey, type LiveStackPair } from '../../nina/schemas/livestack';
import type { StackUpdate } from '../../store/livestack-updates';

/** The plugin's colour combination tab (its wizard over three filter tabs of a target). */
export const COLOR_FILTER = 'RGB';

export interface StackTileRef {
  key: string;
  target: string;
  filter: string;
}

export interface TargetGroup {
  target: string;
  stacks: StackTileRef[];
}

/** The order filters usually sit in a wheel, so tiles keep their place whatever NINA's list order. */
const filterRanks: Readonly<Record<string, number>> = {
  rgb: 0,
  l: 1,
  lum: 1,
  luminance: 1,
  r: 2,
  red: 2,
  g: 3,
  green: 3,
  b: 4,
  blue: 4,
  ha: 5,
  'h-alpha': 5,
  oiii: 6,
  o3: 6,
  sii: 7,
  s2: 7,
};

const rankOf = (filter: string) => filterRanks[filter.trim().toLowerCase()] ?? Number.MAX_SAFE_INTEGER;

export function compareFilters(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || a.localeCompare(b);
}

/**
 * NINA's stacks grouped by target: the target stacked to most recently first (NINA lists the stack
 * it updated last at the end), each target's filters in wheel order with the colour combination first.
 */
export function groupStacks(pairs: readonly LiveStackPair[], updates: Readonly<Record<string, StackUpdate>>): TargetGroup[] {
  const targets = new Map<string, { stacks: StackTileRef[]; lastUpdateMs: number; lastPosition: number }>();
  pairs.forEach((pair, position) => {
    const key = stackKey(pair.Target, pair.Filter);
    const group = targets.get(pair.Target) ?? { stacks: [], lastUpdateMs: -1, lastPosition: -1 };
    if (group.stacks.some((stack) => stack.key === key)) return;
    group.stacks.push({ key, target: pair.Target, filter: pair.Filter });
    group.lastUpdateMs = Math.max(group.lastUpdateMs, updates[key]?.updatedAtMs ?? -1);
    group.lastPosition = position;
    targets.set(pair.Target, group);
  });
  return [...targets.entries()]
    .sort(([, a], [, b]) => b.lastUpdateMs - a.lastUpdateMs || b.lastPosition - a.lastPosition)
    .map(([target, group]) => ({ target, stacks: group.stacks.sort((a, b) => compareFilters(a.filter, b.filter)) }));
}
