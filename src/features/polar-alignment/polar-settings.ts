import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { emptyDraft, optionsDraftSchema, type OptionsDraft } from './start-options';

const hemisphereChoiceSchema = z.enum(['auto', 'north', 'south']);
/** `auto`: from the mount's site latitude, as TPPA takes it from NINA's profile. */
export type HemisphereChoice = z.infer<typeof hemisphereChoiceSchema>;

const settingsSchema = z.object({
  reverseAzimuth: z.boolean(),
  reverseAltitude: z.boolean(),
  hemisphere: hemisphereChoiceSchema,
  draft: optionsDraftSchema,
});
type Settings = z.infer<typeof settingsSchema>;

interface PolarSettingsState extends Settings {
  setReverse: (axis: 'azimuth' | 'altitude', reversed: boolean) => void;
  setHemisphere: (hemisphere: HemisphereChoice) => void;
  setDraft: (draft: OptionsDraft) => void;
}

/** Remembered per browser: a mount's adjusters and a person's favourite TPPA options do not change nightly. */
export const usePolarSettings = create<PolarSettingsState>()(
  persist(
    (set) => ({
      reverseAzimuth: false,
      reverseAltitude: false,
      hemisphere: 'auto',
      draft: emptyDraft,
      setReverse: (axis, reversed) => set(axis === 'azimuth' ? { reverseAzimuth: reversed } : { reverseAltitude: reversed }),
      setHemisphere: (hemisphere) => set({ hemisphere }),
      setDraft: (draft) => set({ draft }),
    }),
    {
      name: 'skydeck.polar-alignment',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ reverseAzimuth, reverseAltitude, hemisphere, draft }) => ({ reverseAzimuth, reverseAltitude, hemisphere, draft }),
      merge: (persisted, current) => {
        const parsed = settingsSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);
