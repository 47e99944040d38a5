import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { stackKey, type LiveStackPair } from '../nina/schemas/livestack';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/**
 * The exposure of the frames saved for each live-stack tab (target, filter), from IMAGE-SAVE
 * (notes §7.2): the live stack reports only how many frames a stack holds, so integration time is
 * that count times these exposures. Kept per NINA instance across reloads, and bounded.
 */

/** More tabs than a night makes; the ones saved to longest ago drop off. */
export const SAVED_FRAME_STACK_LIMIT = 100;
/** Distinct exposure times kept per tab; the rarest drops off. */
export const EXPOSURE_KINDS_LIMIT = 12;

const exposureSchema = z.object({ exposureS: z.number(), frames: z.number() });
const savedFramesSchema = z.object({
  target: z.string(),
  filter: z.string(),
  /** Frames saved for this tab and how long each exposed, grouped by exposure time. */
  exposures: z.array(exposureSchema),
  lastExposureS: z.number(),
  lastSavedAtMs: z.number(),
});
export type SavedFrames = z.infer<typeof savedFramesSchema>;

const persistedSchema = z.object({ stacks: z.array(savedFramesSchema) });
type Persisted = z.infer<typeof persistedSchema>;

export interface SavedFrame {
  pair: LiveStackPair;
  exposureS: number;
  atMs: number;
}

interface LiveStackFramesState extends Persisted {
  record: (frames: readonly SavedFrame[]) => void;
}

const empty: Persisted = { stacks: [] };

function withFrame(previous: SavedFrames | undefined, frame: SavedFrame): SavedFrames {
  const exposures = previous ? [...previous.exposures] : [];
  const same = exposures.findIndex((entry) => entry.exposureS === frame.exposureS);
  if (same === -1) {
    if (exposures.length >= EXPOSURE_KINDS_LIMIT) {
      const rarest = exposures.reduce((best, entry, index) => (entry.frames < exposures[best]!.frames ? index : best), 0);
      exposures.splice(rarest, 1);
    }
    exposures.push({ exposureS: frame.exposureS, frames: 1 });
  } else {
    exposures[same] = { exposureS: frame.exposureS, frames: exposures[same]!.frames + 1 };
  }
  return { target: frame.pair.Target, filter: frame.pair.Filter, exposures, lastExposureS: frame.exposureS, lastSavedAtMs: frame.atMs };
}

const persistence = withQuietReset(sessionHistoryOptions<LiveStackFramesState, Persisted>('livestack-frames', 1, ({ stacks }) => ({ stacks })));

export const useLiveStackFrames = create<LiveStackFramesState>()(
  persist(
    (set) => ({
      ...empty,
      record: (frames) => {
        if (frames.length === 0) return;
        set((state) => {
          const byKey = new Map(state.stacks.map((stack) => [stackKey(stack.target, stack.filter), stack]));
          for (const frame of frames) {
            const key = stackKey(frame.pair.Target, frame.pair.Filter);
            const next = withFrame(byKey.get(key), frame);
            // Map order is the order of the last save: the tab saved to longest ago goes first.
            byKey.delete(key);
            byKey.set(key, next);
          }
          return { stacks: [...byKey.values()].slice(-SAVED_FRAME_STACK_LIMIT) };
        });
      },
    }),
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        if (!parsed.success && persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved live-stack frames');
        return parsed.success ? { ...current, stacks: parsed.data.stacks.slice(-SAVED_FRAME_STACK_LIMIT) } : current;
      },
    },
  ),
);

registerHistoryStore({
  name: 'livestack-frames',
  reset: () => persistence.quietly(() => useLiveStackFrames.setState(empty)),
  rehydrate: () => useLiveStackFrames.persist.rehydrate(),
});

/** The saved frames of each tab, by stack key. */
export function savedFramesByStack(stacks: readonly SavedFrames[]): ReadonlyMap<string, SavedFrames> {
  return new Map(stacks.map((stack) => [stackKey(stack.target, stack.filter), stack]));
}
