import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelayMs, ReconnectingSocket, SOCKET_STABLE_LINK_MS, type SocketStatus } from './reconnecting-socket';

class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closedWith: { code?: number; reason?: string } | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(text: string) {
    this.sent.push(text);
  }
  close(code?: number, reason?: string) {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }
  serverOpens() {
    this.readyState = 1;
    this.onopen?.();
  }
  serverSends(data: string) {
    this.onmessage?.({ data });
  }
  serverDrops(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const latest = () => FakeSocket.instances[FakeSocket.instances.length - 1]!;

function makeSocket(overrides: Partial<ConstructorParameters<typeof ReconnectingSocket>[0]> = {}) {
  const statuses: SocketStatus[] = [];
  const messages: string[] = [];
  const opens: boolean[] = [];
  const socket = new ReconnectingSocket({
    url: 'ws://nina/v2/socket',
    onMessage: (text) => messages.push(text),
    onOpen: ({ reconnected }) => opens.push(reconnected),
    onStatus: (status) => statuses.push(status),
    random: () => 0.5,
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
    ...overrides,
  });
  return { socket, statuses, messages, opens };
}

describe('backoffDelayMs', () => {
  it('grows exponentially with jitter and never exceeds the cap', () => {
    expect(backoffDelayMs(1, 250, 5000, () => 0)).toBe(125);
    expect(backoffDelayMs(1, 250, 5000, () => 1)).toBe(250);
    expect(backoffDelayMs(3, 250, 5000, () => 1)).toBe(1000);
    for (let attempt = 1; attempt < 30; attempt += 1) {
      expect(backoffDelayMs(attempt, 250, 5000, Math.random)).toBeLessThanOrEqual(5000);
      expect(backoffDelayMs(attempt, 250, 5000, Math.random)).toBeGreaterThan(0);
    }
  });
});

describe('ReconnectingSocket', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('connects, delivers text frames and reports open', () => {
    const { socket, statuses, messages, opens } = makeSocket();
    socket.start();
    expect(statuses.at(-1)?.state).toBe('connecting');
    latest().serverOpens();
    latest().serverSends('{"a":1}');
    expect(messages).toEqual(['{"a":1}']);
    expect(opens).toEqual([false]);
    expect(socket.status.state).toBe('open');
  });

  it('reconnects after a drop with backoff and reports the reconnect', () => {
    const { socket, opens } = makeSocket();
    socket.start();
    latest().serverOpens();
    latest().serverDrops();
    expect(socket.status).toMatchObject({ state: 'reconnecting', failedAttempts: 1, lastError: 'connection lost (code 1006)' });
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(backoffDelayMs(1, 250, 5000, () => 0.5));
    expect(FakeSocket.instances).toHaveLength(2);
    latest().serverOpens();
    expect(opens).toEqual([false, true]);
    expect(socket.status.failedAttempts).toBe(0);
  });

  it('keeps retrying with growing delays, capped at 5 s', () => {
    const { socket } = makeSocket({ random: () => 1 });
    socket.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      latest().serverDrops();
      const status = socket.status;
      delays.push((status.retryAtMs ?? 0) - Date.now());
      vi.advanceTimersByTime(5000);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('goes on backing off (up to 2 s) when every link closes at once after opening, and starts over after one that lasted', () => {
    const { socket } = makeSocket({ random: () => 1 });
    socket.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      latest().serverOpens();
      latest().serverDrops();
      delays.push((socket.status.retryAtMs ?? 0) - Date.now());
      vi.advanceTimersByTime(5000);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 2000, 2000]);

    latest().serverOpens();
    vi.advanceTimersByTime(SOCKET_STABLE_LINK_MS);
    latest().serverDrops();
    expect((socket.status.retryAtMs ?? 0) - Date.now()).toBe(250);
  });

  it('gives up on a connect that hangs and tries again', () => {
    const { socket } = makeSocket({ connectTimeoutMs: 1000 });
    socket.start();
    const first = latest();
    vi.advanceTimersByTime(1000);
    expect(first.closedWith).toBeDefined();
    expect(socket.status).toMatchObject({ state: 'reconnecting', lastError: 'no answer within 1 s' });
    vi.advanceTimersByTime(250);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it('ignores events from a replaced socket', () => {
    const { socket, messages } = makeSocket();
    socket.start();
    const old = latest();
    old.serverOpens();
    socket.reconnectNow();
    const fresh = latest();
    expect(fresh).not.toBe(old);
    old.serverSends('stale');
    old.serverDrops();
    expect(messages).toEqual([]);
    expect(socket.status.state).toBe('reconnecting');
    fresh.serverOpens();
    expect(socket.status.state).toBe('open');
  });

  it('refuses to send while the link is down instead of queueing', () => {
    const { socket } = makeSocket();
    socket.start();
    expect(socket.send('early')).toBe(false);
    latest().serverOpens();
    expect(socket.send('now')).toBe(true);
    latest().serverDrops();
    expect(socket.send('during outage')).toBe(false);
    vi.advanceTimersByTime(5000);
    latest().serverOpens();
    expect(latest().sent).toEqual([]);
    expect(FakeSocket.instances[0]?.sent).toEqual(['now']);
  });

  it('stays down after stop', () => {
    const { socket } = makeSocket();
    socket.start();
    latest().serverOpens();
    socket.stop();
    expect(latest().closedWith?.code).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(socket.status.state).toBe('stopped');
  });
});
