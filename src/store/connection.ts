import { create } from 'zustand';
import type { SocketStatus } from '../nina/sockets/reconnecting-socket';

/** The live link to NINA's event socket, as the header badge and banners show it. */
export interface ConnectionState {
  socket: SocketStatus;
  /** When events last arrived (epoch ms); the Events view shows it. */
  lastEventAtMs?: number;
  /** Dial the event socket again now; registered by the sync while it runs. */
  reconnect?: () => void;
  setSocketStatus: (status: SocketStatus) => void;
  markEventReceived: (atMs: number) => void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  socket: { state: 'stopped', failedAttempts: 0 },
  setSocketStatus: (socket) => set({ socket }),
  markEventReceived: (lastEventAtMs) => set({ lastEventAtMs }),
}));
