import { parseTppaMessage, tppaStartOptionsSchema, type TppaAction, type TppaMessage, type TppaStartOptions } from '../schemas/tppa';
import { ReconnectingSocket, type SocketStatus } from './reconnecting-socket';

/**
 * The `/v2/tppa` channel (notes §10): start, stop, pause and resume the Three Point Polar Alignment
 * plugin, and hear its progress and error readings.
 *
 * - Commands go out as JSON with an `Action`: JSON without one makes ninaAPI drop the connection.
 * - Nothing is queued: a command while the link is down is refused, and never replayed after a
 *   reconnect (a stale "start" must not slew the mount an hour later).
 * - NINA confirms a command to EVERY client once it is published; the confirmation says nothing
 *   about whether TPPA acted on it. A confirmation matching this client's pending command is taken
 *   as its answer, so with two clients pressing the same button at once the answers may cross.
 */

/** ninaAPI confirms right after publishing; longer than this means the command was probably lost. */
export const TPPA_CONFIRM_TIMEOUT_MS = 5_000;

export type TppaLinkState = 'connecting' | 'open' | 'down';

export interface TppaCommandState {
  action: TppaAction;
  status: 'sent' | 'confirmed' | 'unconfirmed' | 'refused';
  /** NINA's confirmation or error text, or why there is none. */
  text?: string;
}

export interface TppaClientState {
  link: TppaLinkState;
  /** The last command this client sent, and what became of it. */
  command?: TppaCommandState;
}

export type TppaCommandResult = { ok: true } | { ok: false; reason: string };

/** Whether a message answers this client's own command, and with which start options. */
export interface TppaMessageContext {
  own: boolean;
  startOptions?: TppaStartOptions;
}

export interface TppaClientOptions {
  url: string;
  onMessage: (message: TppaMessage, context: TppaMessageContext) => void;
  createSocket?: (url: string) => WebSocket;
  confirmTimeoutMs?: number;
}

interface Pending {
  action: TppaAction;
  startOptions?: TppaStartOptions;
  timer: ReturnType<typeof setTimeout>;
}

export class TppaClient {
  private readonly socket: ReconnectingSocket;
  private readonly listeners = new Set<() => void>();
  private readonly confirmTimeoutMs: number;
  private state: TppaClientState = { link: 'connecting' };
  private pending: Pending | undefined;

  constructor(private readonly options: TppaClientOptions) {
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? TPPA_CONFIRM_TIMEOUT_MS;
    this.socket = new ReconnectingSocket({
      url: options.url,
      ...(options.createSocket && { createSocket: options.createSocket }),
      onMessage: (text) => this.onText(text),
      onStatus: (status) => this.onLinkStatus(status),
    });
    this.socket.start();
  }

  getState = (): TppaClientState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Omitted options keep TPPA's own settings; options TPPA would reject are refused here. */
  start(options: TppaStartOptions = {}): TppaCommandResult {
    const checked = tppaStartOptionsSchema.safeParse(options);
    if (!checked.success) return { ok: false, reason: checked.error.issues[0]?.message ?? 'TPPA cannot take these options' };
    return this.send('start-alignment', checked.data);
  }

  stop(): TppaCommandResult {
    return this.send('stop-alignment');
  }

  pause(): TppaCommandResult {
    return this.send('pause-alignment');
  }

  resume(): TppaCommandResult {
    return this.send('resume-alignment');
  }

  /** Dial again at once, e.g. when a phone wakes up holding a socket that died in its sleep. */
  reconnectNow(reason: string): void {
    this.socket.reconnectNow(reason);
  }

  dispose(): void {
    this.clearPending();
    this.socket.stop();
    this.listeners.clear();
  }

  private send(action: TppaAction, startOptions?: TppaStartOptions): TppaCommandResult {
    if (!this.socket.isOpen) return { ok: false, reason: 'The polar alignment link to NINA is not connected' };
    const frame = JSON.stringify({ Action: action, ...startOptions });
    if (!this.socket.send(frame)) return { ok: false, reason: 'The polar alignment link to NINA is not connected' };
    this.clearPending();
    this.pending = {
      action,
      startOptions,
      timer: setTimeout(() => {
        this.pending = undefined;
        this.update({ command: { action, status: 'unconfirmed', text: `NINA did not confirm within ${Math.round(this.confirmTimeoutMs / 1000)} s` } });
      }, this.confirmTimeoutMs),
    };
    this.update({ command: { action, status: 'sent' } });
    return { ok: true };
  }

  private onText(text: string): void {
    const message = parseTppaMessage(text);
    if (message.kind === 'unreadable') console.warn(`[skydeck] ${message.problem}`, message.raw);
    const pending = this.pending;
    let context: TppaMessageContext = { own: false };
    if (pending && message.kind === 'confirmation' && message.action === pending.action) {
      context = { own: true, startOptions: pending.startOptions };
      this.clearPending();
      this.update({ command: { action: pending.action, status: 'confirmed', text: message.text } });
    } else if (pending && message.kind === 'refusal') {
      this.clearPending();
      this.update({ command: { action: pending.action, status: 'refused', text: message.text } });
    }
    this.options.onMessage(message, context);
  }

  private onLinkStatus(status: SocketStatus): void {
    const link: TppaLinkState = status.state === 'open' ? 'open' : status.state === 'connecting' ? 'connecting' : 'down';
    const pending = this.pending;
    if (link !== 'open' && pending) {
      this.clearPending();
      this.update({
        link,
        command: { action: pending.action, status: 'unconfirmed', text: 'The link to NINA dropped before it confirmed: the command may not have reached TPPA' },
      });
      return;
    }
    this.update({ link });
  }

  private clearPending(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = undefined;
  }

  private update(patch: Partial<TppaClientState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
