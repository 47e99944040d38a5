/**
 * A WebSocket that comes back by itself: exponential backoff with jitter capped at
 * `maxBackoffMs`, a connect timeout, and a generation guard so a late event from a replaced
 * socket can never touch the current one. It never queues outgoing messages: a command sent
 * while the link is down is refused, not replayed later (a queued jog must never fire).
 */

export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface SocketStatus {
  state: SocketState;
  /** Consecutive failed attempts since the last successful open. */
  failedAttempts: number;
  /** When the next attempt starts (epoch ms), while reconnecting. */
  retryAtMs?: number;
  /** Why the last connection ended or failed, in words. */
  lastError?: string;
  openedAtMs?: number;
}

export interface ReconnectingSocketOptions {
  url: string;
  onMessage: (text: string) => void;
  /** `reconnected` is false for the first open after start(). */
  onOpen?: (info: { reconnected: boolean }) => void;
  onStatus?: (status: SocketStatus) => void;
  connectTimeoutMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => number;
  createSocket?: (url: string) => WebSocket;
}

// WebSocket readyState values, spelled out so tests can use a fake socket without a global WebSocket.
const CONNECTING = 0;
const OPEN = 1;

export const SOCKET_CONNECT_TIMEOUT_MS = 5_000;
export const SOCKET_BASE_BACKOFF_MS = 250;
export const SOCKET_MAX_BACKOFF_MS = 5_000;
/**
 * A link that closes sooner than this after opening did not really come back: the back-off goes
 * on growing instead of starting over. Skydeck's server accepts the browser's socket before NINA
 * has accepted its own, so a NINA refusing sockets looks like an open followed at once by a close,
 * and without this every such flap would resync everything a few times a second.
 */
export const SOCKET_STABLE_LINK_MS = 1_000;
/** The back-off after short-lived links grows only this far, so a NINA that is back is found within 2 s. */
export const SOCKET_FLAP_MAX_BACKOFF_MS = 2_000;

/** Delay before attempt n (1-based): exponential, "equal jitter" so it is never 0, capped. */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class ReconnectingSocket {
  private socket: WebSocket | undefined;
  private generation = 0;
  private everOpened = false;
  /** Failed attempts before the current link opened, carried on if it does not last. */
  private attemptsBeforeOpen = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private current: SocketStatus = { state: 'stopped', failedAttempts: 0 };
  private readonly options: Required<Omit<ReconnectingSocketOptions, 'onOpen' | 'onStatus'>> &
    Pick<ReconnectingSocketOptions, 'onOpen' | 'onStatus'>;

  constructor(options: ReconnectingSocketOptions) {
    this.options = {
      connectTimeoutMs: SOCKET_CONNECT_TIMEOUT_MS,
      baseBackoffMs: SOCKET_BASE_BACKOFF_MS,
      maxBackoffMs: SOCKET_MAX_BACKOFF_MS,
      random: Math.random,
      now: Date.now,
      createSocket: (url) => new WebSocket(url),
      ...options,
    };
  }

  get status(): SocketStatus {
    return this.current;
  }

  get isOpen(): boolean {
    return this.current.state === 'open';
  }

  start(): void {
    if (this.current.state !== 'stopped') return;
    this.everOpened = false;
    this.connect();
  }

  stop(): void {
    this.generation += 1;
    this.clearTimers();
    this.detach('stopped');
    this.setStatus({ state: 'stopped', failedAttempts: 0 });
  }

  /** Drop the current link and dial again at once (e.g. a phone waking up with a dead socket). */
  reconnectNow(reason = 'reconnect requested'): void {
    if (this.current.state === 'stopped') return;
    this.generation += 1;
    this.clearTimers();
    this.detach(reason);
    this.connect(reason);
  }

  /** Sends only on an open link; returns false otherwise. Nothing is queued. */
  send(text: string): boolean {
    if (!this.socket || this.current.state !== 'open' || this.socket.readyState !== OPEN) return false;
    this.socket.send(text);
    return true;
  }

  private connect(lastError?: string): void {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    let socket: WebSocket;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch (error) {
      this.scheduleRetry(error instanceof Error ? error.message : 'could not open the socket');
      return;
    }
    this.socket = socket;
    this.setStatus({
      state: this.everOpened || this.current.failedAttempts > 0 ? 'reconnecting' : 'connecting',
      failedAttempts: this.current.failedAttempts,
      lastError: lastError ?? this.current.lastError,
    });

    this.connectTimer = setTimeout(() => {
      if (!isCurrent()) return;
      this.detach('connect timeout');
      this.scheduleRetry(`no answer within ${this.options.connectTimeoutMs / 1000} s`);
    }, this.options.connectTimeoutMs);

    socket.onopen = () => {
      if (!isCurrent()) return;
      clearTimeout(this.connectTimer);
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.attemptsBeforeOpen = this.current.failedAttempts;
      this.setStatus({ state: 'open', failedAttempts: 0, openedAtMs: this.options.now() });
      this.options.onOpen?.({ reconnected });
    };
    socket.onmessage = (message: MessageEvent) => {
      if (!isCurrent()) return;
      if (typeof message.data === 'string') this.options.onMessage(message.data);
    };
    socket.onerror = () => {
      // The close event that always follows carries what we need; errors carry no detail in browsers.
    };
    socket.onclose = (event: CloseEvent) => {
      if (!isCurrent()) return;
      const wasOpen = this.current.state === 'open';
      const shortLived = wasOpen && this.options.now() - (this.current.openedAtMs ?? 0) < SOCKET_STABLE_LINK_MS;
      this.socket = undefined;
      const reason = wasOpen
        ? `connection lost${event.code && event.code !== 1000 ? ` (code ${event.code})` : ''}`
        : 'could not connect';
      this.scheduleRetry(reason, shortLived ? this.attemptsBeforeOpen : undefined);
    };
  }

  /** `carriedAttempts`: the attempts before a link that did not last, to go on from. */
  private scheduleRetry(reason: string, carriedAttempts?: number): void {
    clearTimeout(this.connectTimer);
    const failedAttempts = (carriedAttempts ?? this.current.failedAttempts) + 1;
    const maxMs = carriedAttempts === undefined ? this.options.maxBackoffMs : Math.min(this.options.maxBackoffMs, SOCKET_FLAP_MAX_BACKOFF_MS);
    const delayMs = backoffDelayMs(failedAttempts, this.options.baseBackoffMs, maxMs, this.options.random);
    this.setStatus({ state: 'reconnecting', failedAttempts, lastError: reason, retryAtMs: this.options.now() + delayMs });
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      if (generation === this.generation) this.connect(reason);
    }, delayMs);
  }

  private detach(reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onerror = null;
    socket.onclose = null;
    if (socket.readyState === CONNECTING || socket.readyState === OPEN) {
      try {
        socket.close(1000, reason.slice(0, 100));
      } catch {
        // Closing a socket that is already failing can throw in some browsers; it is gone either way.
      }
    }
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.connectTimer);
    this.retryTimer = undefined;
    this.connectTimer = undefined;
  }

  private setStatus(status: SocketStatus): void {
    this.current = status;
    this.options.onStatus?.(status);
  }
}
