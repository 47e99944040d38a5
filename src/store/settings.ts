import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultNinaAddress, ninaAddressSchema, type NinaAddress } from '../nina/endpoints';

/**
 * The rigs this browser knows: a name and where its NINA is. One is active at a time; each keeps
 * its own session history (HFR, autofocus, guiding, events).
 */
export const rigSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'Give the rig a name').max(60, 'At most 60 characters'),
  address: ninaAddressSchema,
});
export type Rig = z.infer<typeof rigSchema>;

const savedSettingsSchema = z.object({ rigs: z.array(rigSchema).min(1), activeRigId: z.string() });

export const DEFAULT_RIG: Rig = { id: 'default', name: 'My rig', address: defaultNinaAddress };

interface SettingsState {
  rigs: readonly Rig[];
  activeRigId: string;
  /** Adds a rig and makes it the active one; returns its id. */
  addRig: (rig: Omit<Rig, 'id'>) => string;
  updateRig: (id: string, changes: Partial<Omit<Rig, 'id'>>) => void;
  removeRig: (id: string) => void;
  selectRig: (id: string) => void;
}

const newId = () => `rig-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set, get) => ({
      rigs: [DEFAULT_RIG],
      activeRigId: DEFAULT_RIG.id,
      addRig: (rig) => {
        const added = rigSchema.parse({ ...rig, id: newId() });
        set({ rigs: [...get().rigs, added], activeRigId: added.id });
        return added.id;
      },
      updateRig: (id, changes) =>
        set({ rigs: get().rigs.map((rig) => (rig.id === id ? rigSchema.parse({ ...rig, ...changes }) : rig)) }),
      removeRig: (id) => {
        const rigs = get().rigs.filter((rig) => rig.id !== id);
        if (rigs.length === 0) return;
        set({ rigs, activeRigId: get().activeRigId === id ? (rigs[0] as Rig).id : get().activeRigId });
      },
      selectRig: (id) => {
        if (get().rigs.some((rig) => rig.id === id)) set({ activeRigId: id });
      },
    }),
    {
      name: 'skydeck.settings',
      version: 2,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ rigs, activeRigId }) => ({ rigs, activeRigId }),
      // Version 1 kept a single NINA address.
      migrate: (persisted, version) => {
        if (version < 2) {
          const address = ninaAddressSchema.safeParse((persisted as { ninaAddress?: unknown } | undefined)?.ninaAddress);
          return { rigs: [{ ...DEFAULT_RIG, address: address.success ? address.data : DEFAULT_RIG.address }], activeRigId: DEFAULT_RIG.id };
        }
        return persisted as z.infer<typeof savedSettingsSchema>;
      },
      merge: (persisted, current) => {
        const saved = savedSettingsSchema.safeParse(persisted);
        if (!saved.success) {
          if (persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved settings');
          return current;
        }
        const activeRigId = saved.data.rigs.some((rig) => rig.id === saved.data.activeRigId) ? saved.data.activeRigId : (saved.data.rigs[0] as Rig).id;
        return { ...current, rigs: saved.data.rigs, activeRigId };
      },
    },
  ),
);

export function activeRig(state: Pick<SettingsState, 'rigs' | 'activeRigId'>): Rig {
  return state.rigs.find((rig) => rig.id === state.activeRigId) ?? (state.rigs[0] as Rig);
}

export type { NinaAddress };
