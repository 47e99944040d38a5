import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** PHD2's vertical scale presets, ± arcseconds. */
export const GUIDE_Y_SCALES_ARCSEC = [1, 2, 4, 8, 16] as const;
/** PHD2's and NINA's history lengths, in steps. */
export const GUIDE_HISTORY_LENGTHS = [50, 100, 200, 400] as const;
export const DEFAULT_GUIDE_HISTORY_LENGTH = 100;

export type GuideUnit = 'arcsec' | 'px';

const settingsSchema = z.object({
  unit: z.enum(['arcsec', 'px']),
  yScale: z.union([z.literal('auto'), z.number().refine((value) => (GUIDE_Y_SCALES_ARCSEC as readonly number[]).includes(value))]),
  historyLength: z.number().refine((value) => (GUIDE_HISTORY_LENGTHS as readonly number[]).includes(value)),
  showCorrections: z.boolean(),
});
type GuideGraphSettings = z.infer<typeof settingsSchema>;

interface GuideGraphSettingsState extends GuideGraphSettings {
  setUnit: (unit: GuideUnit) => void;
  setYScale: (yScale: GuideGraphSettings['yScale']) => void;
  setHistoryLength: (historyLength: number) => void;
  setShowCorrections: (showCorrections: boolean) => void;
}

/** How the guide graph is drawn, remembered per browser; the Guiding view and the Overview widget share it. */
export const useGuideGraphSettings = create<GuideGraphSettingsState>()(
  persist(
    (set) => ({
      // Arcseconds compare with the imaging scale, and PHD2 shows them whenever it knows the pixel scale.
      unit: 'arcsec',
      yScale: 'auto',
      historyLength: DEFAULT_GUIDE_HISTORY_LENGTH,
      showCorrections: true,
      setUnit: (unit) => set({ unit }),
      setYScale: (yScale) => set({ yScale: settingsSchema.shape.yScale.parse(yScale) }),
      setHistoryLength: (historyLength) => set({ historyLength: settingsSchema.shape.historyLength.parse(historyLength) }),
      setShowCorrections: (showCorrections) => set({ showCorrections }),
    }),
    {
      name: 'skydeck.guide-graph',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ unit, yScale, historyLength, showCorrections }) => ({ unit, yScale, historyLength, showCorrections }),
      merge: (persisted, current) => {
        const parsed = settingsSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);
