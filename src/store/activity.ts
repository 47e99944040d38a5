import { create } from 'zustand';

/**
 * What NINA is doing that other views must respect, as told by its events. Manual commands
 * (jog, slew, capture, autofocus) ask for confirmation while a sequence runs.
 */
interface ActivityState {
  sequenceRunning: boolean;
  /** The user confirmed taking manual control during the current sequence. */
  manualControlTaken: boolean;
  setSequenceRunning: (running: boolean) => void;
  takeManualControl: () => void;
}

export const useActivityStore = create<ActivityState>()((set) => ({
  sequenceRunning: false,
  manualControlTaken: false,
  setSequenceRunning: (sequenceRunning) => set({ sequenceRunning, manualControlTaken: false }),
  takeManualControl: () => set({ manualControlTaken: true }),
}));
