import { create } from 'zustand';

/**
 * What NINA is doing that other views must respect, as told by its events. Manual commands
 * (jog, slew, capture, autofocus) ask for confirmation while a sequence runs.
 */
interface ActivityState {
  sequenceRunning: boolean;
  /** The user confirmed taking manual control during the current sequence. */
  manualControlTaken: boolean;
  /** Devices the user is disconnecting from Skydeck: their disconnect is no surprise worth an alert. */
  expectedDisconnects: Readonly<Partial<Record<string, true>>>;
  setSequenceRunning: (running: boolean) => void;
  takeManualControl: () => void;
  expectDisconnect: (device: string, expected: boolean) => void;
}

export const useActivityStore = create<ActivityState>()((set) => ({
  sequenceRunning: false,
  manualControlTaken: false,
  expectedDisconnects: {},
  setSequenceRunning: (sequenceRunning) => set({ sequenceRunning, manualControlTaken: false }),
  takeManualControl: () => set({ manualControlTaken: true }),
  expectDisconnect: (device, expected) =>
    set((state) => {
      const { [device]: _previous, ...rest } = state.expectedDisconnects;
      return { expectedDisconnects: expected ? { ...rest, [device]: true } : rest };
    }),
}));
