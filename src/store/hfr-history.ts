import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/**
 * One point per saved frame of the sky (IMAGE-SAVE), and the moments autofocus runs finished,
 * kept per NINA instance across reloads so the night's focus and seeing trend stays visible.
 */

/** A long winter night of 30-s subs, with room to spare; the oldest points drop off. */
export const HFR_HISTORY_LIMIT = 2_000;
export const AUTOFOCUS_MARK_LIMIT = 200;

const hfrPointSchema = z.object({
  /** This browser's clock when the save was announced, the same clock as the autofocus marks. */
  atMs: z.number(),
  /** Binned pixels; null when NINA found no stars ("NaN"). */
  hfrPx: z.number().nullable(),
  stars: z.number(),
  filter: z.string().nullable(),
  imageType: z.string().nullable(),
  exposureS: z.number().nullable(),
  targetName: z.string().nullable(),
  /** NINA's own save time, as sent: with the file name it identifies the frame in image-history. */
  ninaDate: z.string().nullable(),
  filename: z.string().nullable(),
  /** Position in NINA's image-history when it was saved; null until known. */
  index: z.number().nullable(),
});
export type HfrPoint = z.infer<typeof hfrPointSchema>;

const persistedSchema = z.object({ points: z.array(hfrPointSchema), autofocusAtMs: z.array(z.number()) });
type Persisted = z.infer<typeof persistedSchema>;

interface HfrHistoryState extends Persisted {
  addPoints: (points: readonly HfrPoint[]) => void;
  /** The image-history index of the frame saved at `ninaDate`, once NINA has told how many there are. */
  setIndex: (ninaDate: string, index: number) => void;
  addAutofocus: (atMs: number) => void;
  clear: () => void;
}

const empty: Persisted = { points: [], autofocusAtMs: [] };

const persistence = withQuietReset(
  sessionHistoryOptions<HfrHistoryState, Persisted>('hfr', 1, ({ points, autofocusAtMs }) => ({ points, autofocusAtMs })),
);

export const useHfrHistory = create<HfrHistoryState>()(
  persist(
    (set) => ({
      ...empty,
      addPoints: (points) => {
        if (points.length > 0) set((state) => ({ points: [...state.points, ...points].slice(-HFR_HISTORY_LIMIT) }));
      },
      setIndex: (ninaDate, index) =>
        set((state) => ({ points: state.points.map((point) => (point.ninaDate === ninaDate && point.index === null ? { ...point, index } : point)) })),
      addAutofocus: (atMs) => set((state) => ({ autofocusAtMs: [...state.autofocusAtMs, atMs].slice(-AUTOFOCUS_MARK_LIMIT) })),
      clear: () => set(empty),
    }),
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        if (!parsed.success && persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved HFR history');
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

registerHistoryStore({
  name: 'hfr',
  reset: () => persistence.quietly(() => useHfrHistory.setState(empty)),
  rehydrate: () => useHfrHistory.persist.rehydrate(),
});
