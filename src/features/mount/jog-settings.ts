import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { JOG_MAX_RATE_DEG_PER_S, SIDEREAL_RATE_DEG_PER_S } from '../../nina/sockets/mount-jog';

/** Rates as multiples of sidereal, the unit mount hand controllers use. */
export const JOG_MAX_MULTIPLE = Math.floor(JOG_MAX_RATE_DEG_PER_S / SIDEREAL_RATE_DEG_PER_S);
/** A slow centring rate: a star crosses a typical field in tens of seconds, not in a blink. */
export const DEFAULT_JOG_MULTIPLE = 8;

export const jogRatePresets: readonly { label: string; multiple: number; hint: string }[] = [
  { label: '1×', multiple: 1, hint: 'guide' },
  { label: '8×', multiple: DEFAULT_JOG_MULTIPLE, hint: 'centre' },
  { label: '32×', multiple: 32, hint: 'find' },
  { label: '128×', multiple: 128, hint: 'move' },
  { label: 'Max', multiple: JOG_MAX_MULTIPLE, hint: `${JOG_MAX_RATE_DEG_PER_S}°/s` },
];

export const jogMultipleSchema = z.number().min(0.5, 'At least 0.5× sidereal').max(JOG_MAX_MULTIPLE, `At most ${JOG_MAX_MULTIPLE}× sidereal (${JOG_MAX_RATE_DEG_PER_S}°/s)`);

const settingsSchema = z.object({ multiple: jogMultipleSchema, reverseRa: z.boolean(), reverseDec: z.boolean() });

interface JogSettingsState extends z.infer<typeof settingsSchema> {
  setMultiple: (multiple: number) => void;
  setReverse: (axis: 'ra' | 'dec', reversed: boolean) => void;
}

/** Remembered per browser: every mount and every person's hands differ. */
export const useJogSettings = create<JogSettingsState>()(
  persist(
    (set) => ({
      multiple: DEFAULT_JOG_MULTIPLE,
      reverseRa: false,
      reverseDec: false,
      setMultiple: (multiple) => set({ multiple: jogMultipleSchema.parse(multiple) }),
      setReverse: (axis, reversed) => set(axis === 'ra' ? { reverseRa: reversed } : { reverseDec: reversed }),
    }),
    {
      name: 'skydeck.jog',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ multiple, reverseRa, reverseDec }) => ({ multiple, reverseRa, reverseDec }),
      merge: (persisted, current) => {
        const parsed = settingsSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

export const multipleToDegPerS = (multiple: number) => multiple * SIDEREAL_RATE_DEG_PER_S;
