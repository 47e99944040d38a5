import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { guideRms, type GuideErrorSample } from '../lib/guide-stats';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/**
 * Guiding RMS over the session: one sample per block of guide steps Skydeck read from NINA's
 * graph, kept per NINA instance across reloads so the night's seeing and guiding trend stays
 * visible. NINA's graph holds only its last few hundred steps; this is the long view.
 */

/** Steps are summed into one sample per minute: PHD2 guides every 1–4 s. */
export const RMS_BLOCK_MS = 60_000;
/** Two long nights of one sample a minute. */
export const RMS_HISTORY_LIMIT = 1_440;
/** A block with fewer steps says little and is dropped when guiding stops. */
const MIN_BLOCK_STEPS = 5;

const rmsSampleSchema = z.object({
  /** When the block ended, this browser's clock. */
  atMs: z.number(),
  raPx: z.number(),
  decPx: z.number(),
  totalPx: z.number(),
  steps: z.number(),
  /** NINA's pixel scale then, to show arcseconds; null when it did not say. */
  arcsecPerPx: z.number().nullable(),
});
export type RmsSample = z.infer<typeof rmsSampleSchema>;

const persistedSchema = z.object({ samples: z.array(rmsSampleSchema) });
type Persisted = z.infer<typeof persistedSchema>;

interface Block {
  startedAtMs: number;
  steps: GuideErrorSample[];
  arcsecPerPx: number | null;
}

interface GuidingRmsState extends Persisted {
  /** Steps not yet summed into a sample; not persisted. */
  block?: Block;
  /** New guide steps (not dither markers) read at `atMs`. */
  addSteps: (steps: readonly GuideErrorSample[], arcsecPerPx: number | null, atMs: number) => void;
  clear: () => void;
}

const empty: Persisted = { samples: [] };

function sampleOf(block: Block, atMs: number): RmsSample {
  const rms = guideRms(block.steps);
  return { atMs, raPx: rms.raPx, decPx: rms.decPx, totalPx: rms.totalPx, steps: rms.count, arcsecPerPx: block.arcsecPerPx };
}

const persistence = withQuietReset(sessionHistoryOptions<GuidingRmsState, Persisted>('guiding-rms', 1, ({ samples }) => ({ samples })));

export const useGuidingRmsHistory = create<GuidingRmsState>()(
  persist(
    (set, get) => ({
      ...empty,
      addSteps: (steps, arcsecPerPx, atMs) => {
        if (steps.length === 0) return;
        const { block } = get();
        // A change of pixel scale (binning, another guide camera) starts a new block: RMS in px across it means nothing.
        if (!block || block.arcsecPerPx !== arcsecPerPx) {
          const closed = block && block.steps.length >= MIN_BLOCK_STEPS ? [sampleOf(block, atMs)] : [];
          set((state) => ({ samples: [...state.samples, ...closed].slice(-RMS_HISTORY_LIMIT), block: { startedAtMs: atMs, steps: [...steps], arcsecPerPx } }));
          return;
        }
        const grown: Block = { ...block, steps: [...block.steps, ...steps] };
        if (atMs - block.startedAtMs < RMS_BLOCK_MS) {
          set({ block: grown });
          return;
        }
        set((state) => ({ samples: [...state.samples, sampleOf(grown, atMs)].slice(-RMS_HISTORY_LIMIT), block: undefined }));
      },
      clear: () => set({ ...empty, block: undefined }),
    }),
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        if (!parsed.success && persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved guiding RMS history');
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

registerHistoryStore({
  name: 'guiding-rms',
  reset: () => persistence.quietly(() => useGuidingRmsHistory.setState({ ...empty, block: undefined })),
  rehydrate: () => useGuidingRmsHistory.persist.rehydrate(),
});
