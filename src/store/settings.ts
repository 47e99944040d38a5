import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultNinaAddress, ninaAddressSchema, type NinaAddress } from '../nina/endpoints';

interface SettingsState {
  ninaAddress: NinaAddress;
  setNinaAddress: (address: NinaAddress) => void;
}

/** Remembered in this browser; a stored value that no longer validates falls back to the default. */
export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      ninaAddress: defaultNinaAddress,
      setNinaAddress: (ninaAddress) => set({ ninaAddress: ninaAddressSchema.parse(ninaAddress) }),
    }),
    {
      name: 'skydeck.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ ninaAddress }) => ({ ninaAddress }),
      merge: (persisted, current) => {
        const address = ninaAddressSchema.safeParse((persisted as { ninaAddress?: unknown } | undefined)?.ninaAddress);
        if (!address.success && persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved connection settings');
        return { ...current, ninaAddress: address.success ? address.data : current.ninaAddress };
      },
    },
  ),
);
