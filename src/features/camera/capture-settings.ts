import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { IMAGE_TYPES } from '../../nina/api/camera';

/** The capture form as last used in this browser, so the next frame is one tap away. */
const settingsSchema = z.object({
  exposureText: z.string(),
  gainText: z.string(),
  imageType: z.enum(IMAGE_TYPES),
  save: z.boolean(),
  targetName: z.string(),
  loop: z.boolean(),
});
type CaptureSettings = z.infer<typeof settingsSchema>;

const defaults: CaptureSettings = { exposureText: '2', gainText: '', imageType: 'SNAPSHOT', save: true, targetName: '', loop: false };

export const useCaptureSettings = create<CaptureSettings & { change: (change: Partial<CaptureSettings>) => void }>()(
  persist(
    (set) => ({
      ...defaults,
      change: (change) => set(change),
    }),
    {
      name: 'skydeck.capture',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ exposureText, gainText, imageType, save, targetName, loop }) => ({ exposureText, gainText, imageType, save, targetName, loop }),
      merge: (persisted, current) => {
        const parsed = settingsSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);
