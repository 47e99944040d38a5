import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOG_KEEPALIVE_MS, JOG_MAX_HOLD_MS, MountJog } from './mount-jog';

class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: { direction: string; rate: number }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as { direction: string; rate: number });
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  reply(body: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify({ Response: '', Error: '', StatusCode: 200, Success: true, Type: 'Socket', ...body }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
}

const socket = () => FakeSocket.instances.at(-1)!;
const frames = () => FakeSocket.instances.flatMap((instance) => instance.sent);
const RATE = 0.0334;

function openJog() {
  const jog = new MountJog({ url: 'ws://nina/v2/mount', createSocket: (url) => new FakeSocket(url) as unknown as WebSocket });
  socket().open();
  return jog;
}

describe('MountJog', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('sends the first frame at the press, then keepalives at most JOG_KEEPALIVE_MS apart', () => {
    const jog = openJog();
    expect(jog.press('north', RATE)).toEqual({ ok: true });
    expect(frames()).toEqual([{ direction: 'north', rate: RATE }]);
    vi.advanceTimersByTime(JOG_KEEPALIVE_MS * 5);
    expect(frames()).toHaveLength(6);
    expect(frames().every((frame) => frame.direction === 'north' && Math.abs(frame.rate - RATE) < RATE * 1e-5)).toBe(true);
    expect(JOG_KEEPALIVE_MS).toBeLessThanOrEqual(600);
  });

  it('varies the keepalive rate so NINA re-issues MoveAxis every time (the §5 race)', () => {
    const jog = openJog();
    jog.press('west', RATE);
    vi.advanceTimersByTime(JOG_KEEPALIVE_MS * 4);
    const rates = frames().map((frame) => frame.rate);
    for (let i = 1; i < rates.length; i += 1) expect(rates[i]).not.toBe(rates[i - 1]);
  });

  it('sends rate 0 at once on release and stops the keepalives', () => {
    const jog = openJog();
    jog.press('east', RATE);
    vi.advanceTimersByTime(JOG_KEEPALIVE_MS);
    jog.release('east');
    expect(frames().at(-1)).toEqual({ direction: 'east', rate: 0 });
    const count = frames().length;
    vi.advanceTimersByTime(10_000);
    expect(frames()).toHaveLength(count);
    expect(jog.getState().held).toEqual({});
  });

  it('stops the opposite direction before moving the other way on the same axis', () => {
    const jog = openJog();
    jog.press('east', RATE);
    jog.press('west', RATE);
    expect(frames()).toEqual([
      { direction: 'east', rate: RATE },
      { direction: 'east', rate: 0 },
      { direction: 'west', rate: RATE },
    ]);
    expect(Object.keys(jog.getState().held)).toEqual(['west']);
  });

  it('moves two axes at once and lifting one finger stops only that direction', () => {
    const jog = openJog();
    jog.press('north', RATE);
    jog.press('east', RATE);
    jog.release('north');
    expect(frames().at(-1)).toEqual({ direction: 'north', rate: 0 });
    expect(Object.keys(jog.getState().held)).toEqual(['east']);
    jog.releaseAll();
    expect(frames().at(-1)).toEqual({ direction: 'east', rate: 0 });
  });

  it('stops a hold by itself after JOG_MAX_HOLD_MS and says why', () => {
    const jog = openJog();
    jog.press('south', RATE);
    vi.advanceTimersByTime(JOG_MAX_HOLD_MS);
    expect(frames().at(-1)).toEqual({ direction: 'south', rate: 0 });
    expect(jog.getState().warning).toMatch(/press again/);
    const count = frames().length;
    vi.advanceTimersByTime(5_000);
    expect(frames()).toHaveLength(count);
  });

  it('on a lost link: warns, stops keepalives, refuses presses and never replays after reconnecting', () => {
    const jog = openJog();
    jog.press('north', RATE);
    const before = frames().length;
    socket().drop();
    expect(jog.getState()).toMatchObject({ link: 'down', held: {}, warning: expect.stringContaining('NINA stops the axis within about 2 s') });
    expect(jog.press('north', RATE)).toMatchObject({ ok: false });
    vi.advanceTimersByTime(10_000);
    socket().open();
    vi.advanceTimersByTime(5_000);
    expect(frames()).toHaveLength(before);
    expect(jog.getState().link).toBe('open');
  });

  it('shows NINA’s refusal and stops repeating the move', () => {
    const jog = openJog();
    jog.press('north', RATE);
    socket().reply({ Error: 'Mount parked', StatusCode: 400, Success: false, Type: 'API' });
    expect(jog.getState()).toMatchObject({ reply: { kind: 'error', text: 'Mount parked' }, held: {} });
    const count = frames().length;
    vi.advanceTimersByTime(5_000);
    expect(frames()).toHaveLength(count);
  });

  it('reports NINA’s moving and stopped replies', () => {
    const jog = openJog();
    socket().reply({ Response: 'Moving' });
    expect(jog.getState().reply).toEqual({ kind: 'moving', text: 'Moving' });
    socket().reply({ Response: 'Stopped Move' });
    expect(jog.getState().reply).toEqual({ kind: 'stopped', text: 'Stopped' });
  });

  it('refuses rates that are not positive or above the safe maximum', () => {
    const jog = openJog();
    expect(jog.press('north', 0)).toMatchObject({ ok: false });
    expect(jog.press('north', 5)).toMatchObject({ ok: false });
    expect(frames()).toEqual([]);
  });

  it('stops everything and closes the link on dispose', () => {
    const jog = openJog();
    jog.press('west', RATE);
    jog.dispose();
    expect(frames().at(-1)).toEqual({ direction: 'west', rate: 0 });
    expect(socket().readyState).toBe(3);
  });
});
