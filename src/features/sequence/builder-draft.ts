import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { BuilderDraft, ExposureRowDraft } from './builder-form';

/** The builder's form as last typed in this browser: a plan survives a reload or a look at another view. */
const rowSchema = z.object({
  key: z.string(),
  filter: z.string(),
  exposureText: z.string(),
  countText: z.string(),
  gainText: z.string(),
  offsetText: z.string(),
  binning: z.string(),
});

const draftSchema = z.object({
  targetName: z.string(),
  raText: z.string(),
  decText: z.string(),
  move: z.enum(['center', 'slew', 'none']),
  cool: z.boolean(),
  coolTempText: z.string(),
  coolMinutesText: z.string(),
  autofocus: z.boolean(),
  guiding: z.boolean(),
  ditherText: z.string(),
  reportFailures: z.boolean(),
  rows: z.array(rowSchema),
});

let rowCounter = 0;
export const newRowKey = () => `row-${Date.now().toString(36)}-${(rowCounter += 1)}`;

export function newRow(filter = ''): ExposureRowDraft {
  return { key: newRowKey(), filter, exposureText: '60', countText: '10', gainText: '', offsetText: '', binning: '1x1' };
}

export const defaultDraft = (): BuilderDraft => ({
  targetName: '',
  raText: '',
  decText: '',
  move: 'center',
  cool: false,
  coolTempText: '-10',
  coolMinutesText: '0',
  autofocus: false,
  guiding: false,
  ditherText: '',
  reportFailures: true,
  rows: [newRow()],
});

interface DraftState extends BuilderDraft {
  change: (change: Partial<BuilderDraft>) => void;
  changeRow: (key: string, change: Partial<ExposureRowDraft>) => void;
  /** Appends a copy of the last line, with `filter` when given. */
  addRow: (filter?: string) => void;
  removeRow: (key: string) => void;
  reset: () => void;
}

const draftOf = (state: DraftState): BuilderDraft => {
  const { change: _change, changeRow: _changeRow, addRow: _addRow, removeRow: _removeRow, reset: _reset, ...draft } = state;
  return draft;
};

export const useBuilderDraft = create<DraftState>()(
  persist(
    (set, get) => ({
      ...defaultDraft(),
      change: (change) => set(change),
      changeRow: (key, change) => set({ rows: get().rows.map((row) => (row.key === key ? { ...row, ...change } : row)) }),
      addRow: (filter) => {
        const last = get().rows.at(-1);
        const row = last ? { ...last, key: newRowKey() } : newRow();
        set({ rows: [...get().rows, filter === undefined ? row : { ...row, filter }] });
      },
      removeRow: (key) => set({ rows: get().rows.filter((row) => row.key !== key) }),
      reset: () => set(defaultDraft()),
    }),
    {
      name: 'skydeck.sequence-builder',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => draftOf(state),
      merge: (persisted, current) => {
        const parsed = draftSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

export const currentDraft = (): BuilderDraft => draftOf(useBuilderDraft.getState());
