import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * Things the person at the telescope must not miss: NINA errors and notable events. Each alert
 * shows as a toast and stays in a bounded history for the alert centre.
 */
export type AlertSeverity = 'info' | 'warning' | 'error';

export interface Alert {
  id: number;
  severity: AlertSeverity;
  title: string;
  detail?: string;
  atMs: number;
  /** Where it came from, e.g. "guiding", "ERROR-AF". */
  source: string;
  dismissed: boolean;
  /** How many times it happened: a repeat of an alert still showing counts here instead of stacking another toast. */
  repeats: number;
}

export const ALERT_HISTORY_LIMIT = 200;

interface AlertsState {
  alerts: readonly Alert[];
  push: (alert: Omit<Alert, 'id' | 'atMs' | 'dismissed' | 'repeats'> & { atMs?: number }) => Alert;
  dismiss: (id: number) => void;
  dismissAll: () => void;
  clear: () => void;
}

let nextId = 1;

/** A repeat sooner than this after the last one is counted but makes no sound or notification. */
const REPEAT_QUIET_MS = 60_000;

const isRepeat = (alert: Alert, input: Pick<Alert, 'severity' | 'title' | 'detail' | 'source'>) =>
  alert.severity === input.severity && alert.title === input.title && alert.detail === input.detail && alert.source === input.source;

export const useAlertsStore = create<AlertsState>()((set) => ({
  alerts: [],
  push: (input) => {
    const atMs = input.atMs ?? Date.now();
    const { alerts } = useAlertsStore.getState();
    const showing = alerts.findLast((alert) => !alert.dismissed && isRepeat(alert, input));
    if (showing) {
      const repeated: Alert = { ...showing, atMs, repeats: showing.repeats + 1 };
      set((state) => ({ alerts: [...state.alerts.filter((alert) => alert.id !== showing.id), repeated] }));
      if (atMs - showing.atMs >= REPEAT_QUIET_MS) deliverOutsideThePage(repeated);
      return repeated;
    }
    const alert: Alert = { ...input, id: nextId++, atMs, dismissed: false, repeats: 1 };
    set((state) => ({ alerts: [...state.alerts, alert].slice(-ALERT_HISTORY_LIMIT) }));
    deliverOutsideThePage(alert);
    return alert;
  },
  dismiss: (id) => set((state) => ({ alerts: state.alerts.map((alert) => (alert.id === id ? { ...alert, dismissed: true } : alert)) })),
  dismissAll: () => set((state) => ({ alerts: state.alerts.map((alert) => ({ ...alert, dismissed: true })) })),
  clear: () => set({ alerts: [] }),
}));

/** Sound and system notifications are opt-in, per browser. */
interface AlertPreferences {
  sound: boolean;
  notifications: boolean;
  setSound: (on: boolean) => void;
  setNotifications: (on: boolean) => void;
}

export const useAlertPreferences = create<AlertPreferences>()(
  persist(
    (set) => ({
      sound: false,
      notifications: false,
      setSound: (sound) => set({ sound }),
      setNotifications: (notifications) => set({ notifications }),
    }),
    {
      name: 'skydeck.alerts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ sound, notifications }) => ({ sound, notifications }),
    },
  ),
);

function deliverOutsideThePage(alert: Alert): void {
  if (alert.severity === 'info') return;
  const { sound, notifications } = useAlertPreferences.getState();
  if (sound) playAlertTone(alert.severity);
  if (notifications && typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.visibilityState === 'hidden') {
    try {
      new Notification(`Skydeck: ${alert.title}`, { body: alert.detail, tag: alert.source });
    } catch (error) {
      console.warn('[skydeck] could not show a notification', error);
    }
  }
}

let audio: AudioContext | undefined;

/** A short, low tone: audible in a quiet observatory, not a shriek that wakes the neighbours. */
export function playAlertTone(severity: AlertSeverity): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = severity === 'error' ? 440 : 660;
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + (severity === 'error' ? 0.9 : 0.4));
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 1);
  } catch (error) {
    console.warn('[skydeck] could not play the alert tone', error);
  }
}
