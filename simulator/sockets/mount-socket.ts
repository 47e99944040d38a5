// /v2/mount (MountAxisMoveSocket, Mount.cs:505-657, notes §5): hold-to-move axis jogging.
//
// Each frame names a direction and a rate. MoveAxis is called only when the rate differs from the
// one stored for that direction; every frame schedules a watchdog that stops the axis 2 s later if
// no frame for that direction came in the last 1.8 s. Directions share axes (east/west the primary,
// north/south the secondary) but not timers or stored rates, so a watchdog can stop an axis the
// opposite direction is still moving, and that direction's unchanged rate never restarts it (§5's
// race). The plugin keeps one module, so this state is shared by every client. Replies go to the
// sender only, one per frame, written by System.Text.Json with its default options.

import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import type { Mount, MountAxis } from '../rig/mount';
import { err, type Envelope } from '../wire/envelope';
import { serialize, STJ_DEFAULT } from '../wire/serializer';
import { deserializeDictionary, DotNetException, elementToString, entry, parseDouble } from './mount-socket-json';
import type { ChannelHandler, SocketHub } from './socket-hub';

const DIRECTIONS = {
  east: { axis: 'Primary', sign: 1 },
  west: { axis: 'Primary', sign: -1 },
  north: { axis: 'Secondary', sign: 1 },
  south: { axis: 'Secondary', sign: -1 },
} as const satisfies Record<string, { axis: MountAxis; sign: 1 | -1 }>;

export type JogDirection = keyof typeof DIRECTIONS;
export const JOG_DIRECTIONS = Object.keys(DIRECTIONS) as JogDirection[];

/**
 * DelayedAction's delay and the staleness threshold. NINA measures them with DateTime.Now: the
 * watchdog guards the network link, so it runs on real time whatever --speed is. Only the axis
 * motion it starts or stops is simulated time.
 */
const WATCHDOG_DELAY_MS = 2_000;
const WATCHDOG_STALE_MS = 1_800;
/** Enough for a long e2e jog session; older entries are dropped. */
const JOG_LOG_LIMIT = 5_000;

/** Real wall-clock time in epoch milliseconds with sub-millisecond resolution. */
function realNowMs(): number {
  return performance.timeOrigin + performance.now();
}

export type JogAction = 'move-axis' | 'rate-unchanged' | 'rejected' | 'watchdog-stop';

/** One thing the module did: a frame received (and what came of it) or a watchdog stop. */
export interface JogLogEntry {
  atMs: number;
  source: 'frame' | 'watchdog';
  /** The frame as received. */
  text?: string;
  /** The direction as the handler read it (lower-cased), null if the frame never got that far. */
  direction: string | null;
  rateDegPerS: number | null;
  action: JogAction;
  /** The MoveAxis call made, with the signed rate the plugin passed. */
  axis?: MountAxis;
  axisRateDegPerS?: number;
  /** The Error of a rejected frame. */
  error?: string;
}

export interface JogState {
  storedRatesDegPerS: Record<JogDirection, number>;
  /** Real time of the last frame per direction that reached the switch (epoch ms), null before any. */
  lastMessageAtMs: Record<JogDirection, number | null>;
}

function isJogDirection(text: string): text is JogDirection {
  return Object.hasOwn(DIRECTIONS, text);
}

export class MountSocket implements ChannelHandler {
  private readonly storedRatesDegPerS: Record<JogDirection, number> = { east: 0, west: 0, north: 0, south: 0 };
  private readonly lastMessageAtMs: Record<JogDirection, number | null> = { east: null, west: null, north: null, south: null };
  private readonly watchdogs = new Set<NodeJS.Timeout>();
  private readonly entries: JogLogEntry[] = [];

  constructor(
    private readonly hub: SocketHub,
    private readonly mount: Mount,
  ) {}

  onMessage(client: WebSocket, text: string): void {
    const reply = this.handle(text);
    this.hub.send('/v2/mount', client, serialize(reply, STJ_DEFAULT));
  }

  private handle(text: string): Envelope {
    let direction: string;
    let rate: number;
    try {
      const json = deserializeDictionary(text);
      direction = elementToString(entry(json, 'direction')).toLowerCase();
      rate = parseDouble(elementToString(entry(json, 'rate')));
    } catch (error) {
      if (!(error instanceof DotNetException)) throw error;
      return this.reject(text, null, null, error.message);
    }
    if (!this.mount.connected) return this.reject(text, direction, rate, 'Mount not connected');
    if (this.mount.atPark) return this.reject(text, direction, rate, 'Mount parked');
    // Line 648 sets Response after the switch, even over the "Invalid direction" error table.
    const response = rate === 0 ? 'Stopped Move' : 'Moving';
    if (!isJogDirection(direction)) {
      this.record({ source: 'frame', text, direction, rateDegPerS: rate, action: 'rejected', error: 'Invalid direction' });
      return { ...err('Invalid direction', 400), Response: response };
    }
    this.jog(text, direction, rate);
    return { Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' };
  }

  private reject(text: string, direction: string | null, rate: number | null, message: string): Envelope {
    this.record({ source: 'frame', text, direction, rateDegPerS: rate, action: 'rejected', error: message });
    return err(message, 400);
  }

  private jog(text: string, direction: JogDirection, rate: number): void {
    const { axis, sign } = DIRECTIONS[direction];
    // C#'s `!=`: a NaN rate never equals the stored one, so it calls MoveAxis every time.
    if (this.storedRatesDegPerS[direction] !== rate) {
      this.mount.moveAxis(axis, sign * rate);
      this.record({ source: 'frame', text, direction, rateDegPerS: rate, action: 'move-axis', axis, axisRateDegPerS: sign * rate });
    } else {
      this.record({ source: 'frame', text, direction, rateDegPerS: rate, action: 'rate-unchanged' });
    }
    this.lastMessageAtMs[direction] = realNowMs();
    this.storedRatesDegPerS[direction] = rate;
    const watchdog = setTimeout(() => {
      this.watchdogs.delete(watchdog);
      const last = this.lastMessageAtMs[direction];
      if (last === null || realNowMs() - last <= WATCHDOG_STALE_MS) return;
      this.mount.moveAxis(axis, 0);
      this.storedRatesDegPerS[direction] = 0;
      this.record({ source: 'watchdog', direction, rateDegPerS: 0, action: 'watchdog-stop', axis, axisRateDegPerS: 0 });
    }, WATCHDOG_DELAY_MS);
    this.watchdogs.add(watchdog);
  }

  private record(event: Omit<JogLogEntry, 'atMs'>): void {
    this.entries.push({ atMs: realNowMs(), ...event });
    if (this.entries.length > JOG_LOG_LIMIT) this.entries.splice(0, this.entries.length - JOG_LOG_LIMIT);
  }

  /** Oldest first. */
  log(): readonly JogLogEntry[] {
    return this.entries;
  }

  clearLog(): void {
    this.entries.length = 0;
  }

  state(): JogState {
    return { storedRatesDegPerS: { ...this.storedRatesDegPerS }, lastMessageAtMs: { ...this.lastMessageAtMs } };
  }

  /** Cancels the pending watchdogs when the simulator shuts down. */
  dispose(): void {
    for (const watchdog of this.watchdogs) clearTimeout(watchdog);
    this.watchdogs.clear();
  }
}
