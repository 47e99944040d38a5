import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/**
 * The sensor temperature and cooler power over the session, sampled while the Camera view is
 * open, kept per NINA instance across reloads. NINA keeps no such history itself.
 */

/** One sample per 5 s at most: six hours of an open Camera view. */
export const COOLING_SAMPLE_MS = 5_000;
export const COOLING_HISTORY_LIMIT = 4_320;

const coolingSampleSchema = z.object({
  atMs: z.number(),
  /** Null when the camera reports "NaN". */
  temperatureC: z.number().nullable(),
  setPointC: z.number().nullable(),
  powerPercent: z.number().nullable(),
  coolerOn: z.boolean(),
});
export type CoolingSample = z.infer<typeof coolingSampleSchema>;

/** Which ramp this browser last started, so one Cancel button cancels the right one. */
const rampSchema = z.enum(['cool', 'warm']);
export type CoolingRamp = z.infer<typeof rampSchema>;

const persistedSchema = z.object({ samples: z.array(coolingSampleSchema), lastRamp: rampSchema.nullable() });
type Persisted = z.infer<typeof persistedSchema>;

interface CoolingHistoryState extends Persisted {
  /** Keeps the sample unless the previous one is less than COOLING_SAMPLE_MS older. */
  addSample: (sample: CoolingSample) => void;
  setLastRamp: (ramp: CoolingRamp | null) => void;
  clear: () => void;
}

const empty: Persisted = { samples: [], lastRamp: null };

const persistence = withQuietReset(
  sessionHistoryOptions<CoolingHistoryState, Persisted>('cooling', 1, ({ samples, lastRamp }) => ({ samples, lastRamp })),
);

export const useCoolingHistory = create<CoolingHistoryState>()(
  persist(
    (set, get) => ({
      ...empty,
      addSample: (sample) => {
        const last = get().samples.at(-1);
        if (last && sample.atMs - last.atMs < COOLING_SAMPLE_MS && sample.atMs >= last.atMs) return;
        set((state) => ({ samples: [...state.samples, sample].slice(-COOLING_HISTORY_LIMIT) }));
      },
      setLastRamp: (lastRamp) => set({ lastRamp }),
      clear: () => set({ samples: [] }),
    }),
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        if (!parsed.success && persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved cooling history');
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

registerHistoryStore({
  name: 'cooling',
  reset: () => persistence.quietly(() => useCoolingHistory.setState(empty)),
  rehydrate: () => useCoolingHistory.persist.rehydrate(),
});
