import { useWakeLock } from '../components/use-wake-lock';
import { useActivityStore } from '../store/activity';
import { useScreenPreferences } from '../store/screen-preferences';

/** Keeps the screen on while NINA runs a sequence, for those who asked to (Settings › Alerts and session). */
export function SequenceWakeLock() {
  const sequenceRunning = useActivityStore((state) => state.sequenceRunning);
  const wanted = useScreenPreferences((state) => state.awakeDuringSequence);
  useWakeLock(sequenceRunning && wanted);
  return null;
}
