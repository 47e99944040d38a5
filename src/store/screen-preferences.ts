import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** How this browser's screen behaves; a per-device choice, so it lives in localStorage. */
interface ScreenPreferences {
  /** Keep the screen on while NINA runs a sequence: a phone on the tripod as a status display. */
  awakeDuringSequence: boolean;
  setAwakeDuringSequence: (on: boolean) => void;
}

export const useScreenPreferences = create<ScreenPreferences>()(
  persist(
    (set) => ({
      awakeDuringSequence: false,
      setAwakeDuringSequence: (awakeDuringSequence) => set({ awakeDuringSequence }),
    }),
    {
      name: 'skydeck.screen',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ awakeDuringSequence }) => ({ awakeDuringSequence }),
    },
  ),
);
