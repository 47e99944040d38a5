import { parseJogReply, type JogReply } from '../schemas/mount-jog';
import { ReconnectingSocket, type SocketStatus } from './reconnecting-socket';

/**
 * Hold-to-jog over `/v2/mount` (notes §5), built so that a move always stops:
 *
 * - A press sends its first frame at once, then a keepalive every JOG_KEEPALIVE_MS; NINA's watchdog
 *   stops an axis 1.8–2 s after the last frame for a direction, so a lost link stops the mount.
 * - A release sends `rate: 0` at once. So does every other way a hold can end (see `releaseAll`).
 * - Before moving one way on an axis, the opposite direction is stopped first.
 * - NINA's watchdog timers are per direction but its axes are shared, so the opposite direction's
 *   pending watchdog can stop the axis about 2 s after a reversal while the new direction keeps
 *   sending an unchanged rate, which NINA ignores (the §5 race). Keepalives therefore alternate
 *   between two rates a millionth apart: every keepalive re-issues MoveAxis, and any stop NINA
 *   makes behind our back lasts at most one keepalive while the button is held.
 * - A single hold stops by itself after JOG_MAX_HOLD_MS (failsafe) until pressed again.
 * - Nothing is queued: a press while the link is down is refused, and a move is never replayed
 *   after a reconnect.
 *
 * Rates go out as JSON numbers, never strings: NINA reads them with `double.Parse(token.ToString())`
 * in the PC's culture, which round-trips a JSON number on any locale but would misread "0.5" as 5
 * on a comma-decimal Windows.
 */

export type JogDirection = 'north' | 'south' | 'east' | 'west';

export const JOG_KEEPALIVE_MS = 400;
export const JOG_MAX_HOLD_MS = 30_000;
/** One sidereal rate, in degrees per second. */
export const SIDEREAL_RATE_DEG_PER_S = 360 / 86_164.0905;
/** The fastest a person may ask for with the pad: fast enough to find, slow enough to catch. */
export const JOG_MAX_RATE_DEG_PER_S = 2;
/** The keepalive alternation's relative step: far below anything a mount can resolve. */
const RATE_NUDGE = 1e-6;

export const oppositeDirection: Readonly<Record<JogDirection, JogDirection>> = { north: 'south', south: 'north', east: 'west', west: 'east' };

export type JogLinkState = 'connecting' | 'open' | 'down';

export interface JogState {
  link: JogLinkState;
  /** Directions being held now, with their rate. */
  held: Partial<Record<JogDirection, number>>;
  /** NINA's last reply: Moving, Stopped, or its error text. */
  reply?: JogReply;
  /** Why motion ended without the user letting go, shown until the next press. */
  warning?: string;
}

export type PressResult = { ok: true } | { ok: false; reason: string };

interface Hold {
  rateDegPerS: number;
  keepalive: ReturnType<typeof setInterval>;
  failsafe: ReturnType<typeof setTimeout>;
  nudged: boolean;
}

export interface MountJogOptions {
  url: string;
  createSocket?: (url: string) => WebSocket;
  keepaliveMs?: number;
  maxHoldMs?: number;
}

export class MountJog {
  private readonly socket: ReconnectingSocket;
  private readonly holds = new Map<JogDirection, Hold>();
  private readonly listeners = new Set<() => void>();
  private state: JogState = { link: 'connecting', held: {} };
  private readonly keepaliveMs: number;
  private readonly maxHoldMs: number;

  constructor(options: MountJogOptions) {
    this.keepaliveMs = options.keepaliveMs ?? JOG_KEEPALIVE_MS;
    this.maxHoldMs = options.maxHoldMs ?? JOG_MAX_HOLD_MS;
    this.socket = new ReconnectingSocket({
      url: options.url,
      ...(options.createSocket && { createSocket: options.createSocket }),
      onMessage: (text) => this.onReply(parseJogReply(text)),
      onStatus: (status) => this.onLinkStatus(status),
    });
    this.socket.start();
  }

  getState = (): JogState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  press(direction: JogDirection, rateDegPerS: number): PressResult {
    if (!(rateDegPerS > 0 && rateDegPerS <= JOG_MAX_RATE_DEG_PER_S)) {
      return { ok: false, reason: `Jog rate must be above 0 and at most ${JOG_MAX_RATE_DEG_PER_S}°/s` };
    }
    if (!this.socket.isOpen) return { ok: false, reason: 'The jog link to NINA is not connected' };
    const opposite = oppositeDirection[direction];
    if (this.holds.has(opposite)) this.stop(opposite);
    this.clearHold(direction);
    if (!this.sendRate(direction, rateDegPerS)) return { ok: false, reason: 'The jog link to NINA is not connected' };
    const hold: Hold = {
      rateDegPerS,
      nudged: false,
      keepalive: setInterval(() => {
        hold.nudged = !hold.nudged;
        this.sendRate(direction, hold.nudged ? rateDegPerS * (1 - RATE_NUDGE) : rateDegPerS);
      }, this.keepaliveMs),
      failsafe: setTimeout(() => {
        this.stop(direction);
        this.update({ warning: `Stopped after holding for ${Math.round(this.maxHoldMs / 1000)} s: press again to keep moving.` });
      }, this.maxHoldMs),
    };
    this.holds.set(direction, hold);
    this.update({ warning: undefined });
    return { ok: true };
  }

  release(direction: JogDirection): void {
    if (this.holds.has(direction)) this.stop(direction);
  }

  /** Every other way a hold ends: blur, hidden tab, leaving the view, a refused command. */
  releaseAll(): void {
    for (const direction of [...this.holds.keys()]) this.stop(direction);
  }

  dispose(): void {
    this.releaseAll();
    this.socket.stop();
    this.listeners.clear();
  }

  private stop(direction: JogDirection): void {
    this.clearHold(direction);
    this.sendRate(direction, 0);
    this.update({});
  }

  private clearHold(direction: JogDirection): void {
    const hold = this.holds.get(direction);
    if (!hold) return;
    clearInterval(hold.keepalive);
    clearTimeout(hold.failsafe);
    this.holds.delete(direction);
  }

  private sendRate(direction: JogDirection, rate: number): boolean {
    return this.socket.send(JSON.stringify({ direction, rate }));
  }

  private onReply(reply: JogReply): void {
    // NINA refused (parked, disconnected): keepalives would only repeat the refusal.
    if (reply.kind === 'error') for (const direction of [...this.holds.keys()]) this.clearHold(direction);
    this.update({ reply });
  }

  private onLinkStatus(status: SocketStatus): void {
    const link: JogLinkState = status.state === 'open' ? 'open' : status.state === 'connecting' ? 'connecting' : 'down';
    if (link !== 'open' && this.holds.size > 0) {
      for (const direction of [...this.holds.keys()]) this.clearHold(direction);
      this.update({ link, warning: 'Connection lost while moving: NINA stops the axis within about 2 s.' });
      return;
    }
    this.update({ link });
  }

  private update(patch: Partial<JogState>): void {
    const held: Partial<Record<JogDirection, number>> = {};
    for (const [direction, hold] of this.holds) held[direction] = hold.rateDegPerS;
    this.state = { ...this.state, ...patch, held };
    for (const listener of this.listeners) listener();
  }
}
