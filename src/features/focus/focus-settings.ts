import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** NINA's focuser panel steps by a small and a large amount; how many steps those are depends on the focuser. */
export const stepStepsSchema = z
  .number({ error: 'Enter a whole number of steps' })
  .int('Enter a whole number of steps')
  .min(1, 'At least 1 step')
  .max(10_000, 'At most 10 000 steps');

const settingsSchema = z.object({ smallSteps: stepStepsSchema, largeSteps: stepStepsSchema });

interface FocusSettingsState extends z.infer<typeof settingsSchema> {
  setSteps: (size: 'small' | 'large', steps: number) => void;
}

/** Remembered per browser, like the jog rate: each focuser's step is a different length. */
export const useFocusSettings = create<FocusSettingsState>()(
  persist(
    (set) => ({
      smallSteps: 10,
      largeSteps: 100,
      setSteps: (size, steps) => set(size === 'small' ? { smallSteps: stepStepsSchema.parse(steps) } : { largeSteps: stepStepsSchema.parse(steps) }),
    }),
    {
      name: 'skydeck.focus',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ smallSteps, largeSteps }) => ({ smallSteps, largeSteps }),
      merge: (persisted, current) => {
        const parsed = settingsSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

export type ParsedSteps = { ok: true; value: number } | { ok: false; error: string };

/** A position or step count as typed: digits, maybe with spaces or thin spaces as thousands separators. */
export function parseSteps(text: string, schema: z.ZodType<number>): ParsedSteps {
  const cleaned = text.replace(/[\s\u202f,]/g, '');
  if (cleaned === '') return { ok: false, error: 'Enter a number of steps' };
  if (!/^[-+]?\d+$/.test(cleaned)) return { ok: false, error: 'Enter a whole number of steps' };
  const parsed = schema.safeParse(Number(cleaned));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'Not a number of steps' };
}

/** Absolute focuser positions NINA accepts: an Int32, and never below 0. */
export const positionStepsSchema = z.number().int().min(0, 'A focuser position cannot be below 0').max(2_147_483_647, 'That position is beyond any focuser');
