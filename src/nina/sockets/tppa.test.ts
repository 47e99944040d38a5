import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TppaMessage } from '../schemas/tppa';
import { TPPA_CONFIRM_TIMEOUT_MS, TppaClient, type TppaMessageContext } from './tppa';

class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
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
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(response: unknown, extra: Record<string, unknown> = {}) {
    this.onmessage?.({ data: JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket', ...extra }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
}

const socket = () => FakeSocket.instances.at(-1)!;
const sent = () => FakeSocket.instances.flatMap((instance) => instance.sent.map((text) => JSON.parse(text) as Record<string, unknown>));

function openClient() {
  const received: { message: TppaMessage; context: TppaMessageContext }[] = [];
  const client = new TppaClient({
    url: 'ws://nina/v2/tppa',
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
    onMessage: (message, context) => received.push({ message, context }),
  });
  socket().open();
  return { client, received };
}

describe('TppaClient', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('sends start as JSON with an Action and only the options given, integers as integer literals', () => {
    const { client } = openClient();
    expect(client.start({ TargetDistance: 10, ExposureTime: 2.5, EastDirection: false, AlignmentTolerance: 1 })).toEqual({ ok: true });
    expect(socket().sent).toEqual(['{"Action":"start-alignment","EastDirection":false,"TargetDistance":10,"ExposureTime":2.5,"AlignmentTolerance":1}']);
    expect(client.getState().command).toEqual({ action: 'start-alignment', status: 'sent' });
  });

  it('sends stop, pause and resume as JSON actions', () => {
    const { client } = openClient();
    client.stop();
    client.pause();
    client.resume();
    expect(sent()).toEqual([{ Action: 'stop-alignment' }, { Action: 'pause-alignment' }, { Action: 'resume-alignment' }]);
  });

  it('refuses options TPPA would reject, such as a fractional integer field, without sending anything', () => {
    const { client } = openClient();
    expect(client.start({ MoveRate: 2.5 })).toEqual({ ok: false, reason: 'Move rate is a whole number of degrees per second' });
    expect(sent()).toEqual([]);
  });

  it('takes the matching confirmation as the answer to its own command, with the options it sent', () => {
    const { client, received } = openClient();
    client.start({ AlignmentTolerance: 1.5 });
    socket().receive('started procedure');
    expect(client.getState().command).toEqual({ action: 'start-alignment', status: 'confirmed', text: 'started procedure' });
    expect(received.at(-1)).toEqual({
      message: { kind: 'confirmation', action: 'start-alignment', text: 'started procedure' },
      context: { own: true, startOptions: { AlignmentTolerance: 1.5 } },
    });
    // The same confirmation again came from another client's command.
    socket().receive('started procedure');
    expect(received.at(-1)?.context).toEqual({ own: false });
  });

  it('passes on confirmations of other clients’ commands without touching its own pending one', () => {
    const { client, received } = openClient();
    client.pause();
    socket().receive('stopped procedure');
    expect(received.at(-1)?.context.own).toBe(false);
    expect(client.getState().command?.status).toBe('sent');
  });

  it('says so when NINA does not confirm in time', () => {
    const { client } = openClient();
    client.stop();
    vi.advanceTimersByTime(TPPA_CONFIRM_TIMEOUT_MS);
    expect(client.getState().command).toEqual({ action: 'stop-alignment', status: 'unconfirmed', text: 'NINA did not confirm within 5 s' });
  });

  it('refuses commands while the link is down and never replays them after a reconnect', () => {
    const { client } = openClient();
    socket().drop();
    expect(client.getState().link).toBe('down');
    expect(client.start()).toEqual({ ok: false, reason: 'The polar alignment link to NINA is not connected' });
    vi.advanceTimersByTime(10_000);
    socket().open();
    expect(client.getState().link).toBe('open');
    expect(sent()).toEqual([]);
  });

  it('marks a command unconfirmed when the link drops before the confirmation', () => {
    const { client } = openClient();
    client.start();
    socket().drop();
    expect(client.getState().command).toMatchObject({ action: 'start-alignment', status: 'unconfirmed' });
  });

  it('hands every parsed message to its consumer, unreadable ones included', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { received } = openClient();
    socket().receive({ Status: 'Solving image...', Progress: -1 });
    socket().receive({ AzimuthError: 0.05, AltitudeError: -0.02, TotalError: 0.0538 });
    socket().onmessage?.({ data: 'not json' });
    expect(received.map((entry) => entry.message.kind)).toEqual(['progress', 'alignment-error', 'unreadable']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('closes its socket and stops reconnecting when disposed', () => {
    const { client } = openClient();
    client.dispose();
    expect(socket().readyState).toBe(3);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});
