import { create } from 'zustand';
import { stackKey, type LiveStackPair } from '../nina/schemas/livestack';

/**
 * Which stacks NINA restacked while this page listened: one revision per STACK-UPDATED (notes §11),
 * so a tile fetches its image once per update and never polls. Kept in memory only: after a
 * reload NINA's `/info` counts say what each stack holds.
 */

/** NINA keeps one stack per target and filter; a night has a few dozen at most. */
export const STACK_UPDATE_LIMIT = 200;

export interface StackUpdate {
  target: string;
  filter: string;
  /** Increases with every STACK-UPDATED naming this stack. */
  revision: number;
  /** This browser's clock when the update arrived. */
  updatedAtMs: number;
}

interface LiveStackUpdatesState {
  /** The NINA these updates came from; a view talking to another one ignores them. */
  baseUrl?: string;
  stacks: Readonly<Record<string, StackUpdate>>;
  stacked: (baseUrl: string, pairs: readonly LiveStackPair[], atMs: number) => void;
}

export const useLiveStackUpdates = create<LiveStackUpdatesState>()((set) => ({
  stacks: {},
  stacked: (baseUrl, pairs, atMs) =>
    set((state) => {
      const stacks: Record<string, StackUpdate> = state.baseUrl === baseUrl ? { ...state.stacks } : {};
      for (const pair of pairs) {
        const key = stackKey(pair.Target, pair.Filter);
        const revision = (stacks[key]?.revision ?? 0) + 1;
        delete stacks[key];
        stacks[key] = { target: pair.Target, filter: pair.Filter, revision, updatedAtMs: atMs };
      }
      // Insertion order is update order: the stacks updated longest ago go first.
      const keys = Object.keys(stacks);
      for (const key of keys.slice(0, Math.max(0, keys.length - STACK_UPDATE_LIMIT))) delete stacks[key];
      return { baseUrl, stacks };
    }),
}));

const none: Readonly<Record<string, StackUpdate>> = {};

/** Every stack update seen from `baseUrl`, by stack key. */
export function useStackUpdates(baseUrl: string): Readonly<Record<string, StackUpdate>> {
  return useLiveStackUpdates((state) => (state.baseUrl === baseUrl ? state.stacks : none));
}

/** The stack NINA updated last, as seen from `baseUrl`. */
export function useLastStackUpdate(baseUrl: string): StackUpdate | undefined {
  // Insertion order is update order.
  return useLiveStackUpdates((state) => (state.baseUrl === baseUrl ? Object.values(state.stacks).at(-1) : undefined));
}

/** The latest update of one stack seen from `baseUrl`. */
export function useStackUpdate(baseUrl: string, key: string): StackUpdate | undefined {
  return useLiveStackUpdates((state) => (state.baseUrl === baseUrl ? state.stacks[key] : undefined));
}
