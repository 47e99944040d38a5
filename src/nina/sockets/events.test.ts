import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useActivityStore } from '../../store/activity';
import { useConnectionStore } from '../../store/connection';
import { useEventLogStore } from '../../store/event-log';
import { ninaKeys } from '../api/keys';
import { sequenceActivity } from '../consumers/sequence-activity';
import type { NinaHttp } from '../http';
import { equipmentSnapshotSchema } from '../schemas/equipment-snapshot';
import { startEventSync } from './events';

class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  event(response: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
}

const latestSocket = () => FakeSocket.instances.at(-1)!;
const BASE = 'http://nina:1888';

function fakeHttp(history: () => unknown[]) {
  const calls: string[] = [];
  const http: NinaHttp = {
    baseUrl: BASE,
    get: async (path, schema) => {
      calls.push(path);
      if (path === '/event-history') return schema.parse(history());
      throw new Error(`unexpected ${path}`);
    },
    getBlob: () => Promise.reject(new Error('no images here')),
  };
  return { http, calls };
}

const names = () => useEventLogStore.getState().entries.map((entry) => `${entry.source}:${entry.name}`);

describe('startEventSync', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    useEventLogStore.getState().clear();
  });
  afterEach(() => {
    stop?.();
    vi.unstubAllGlobals();
  });

  it('backfills the log from NINA’s history, then appends live events in order', async () => {
    const history = [{ Event: 'MOUNT-PARKED', Time: '2025-07-20T21:00:00+02:00' }];
    const { http } = fakeHttp(() => history);
    stop = startEventSync({ http, socketUrl: 'ws://nina/v2/socket', queryClient: new QueryClient() });
    latestSocket().open();
    latestSocket().event({ Event: 'GUIDER-DITHER' });
    await vi.waitFor(() => expect(names()).toEqual(['history:MOUNT-PARKED', 'live:GUIDER-DITHER']));
    expect(useConnectionStore.getState().socket.state).toBe('open');
  });

  it('patches the equipment snapshot from events', async () => {
    const queryClient = new QueryClient();
    const key = ninaKeys.equipmentInfo(BASE);
    queryClient.setQueryData(key, equipmentSnapshotSchema.parse({ Camera: { Connected: true } }));
    const { http } = fakeHttp(() => []);
    stop = startEventSync({ http, socketUrl: 'ws://nina/v2/socket', queryClient });
    latestSocket().open();
    latestSocket().event({ Event: 'CAMERA-DISCONNECTED' });
    await vi.waitFor(() => {
      const snapshot = queryClient.getQueryData<ReturnType<typeof equipmentSnapshotSchema.parse>>(key);
      expect(snapshot?.camera.ok && snapshot.camera.info.Connected).toBe(false);
    });
  });

  it('after a drop, refetches everything and recovers exactly the events it missed', async () => {
    const history: Record<string, unknown>[] = [{ Event: 'MOUNT-UNPARKED', Time: 't0' }];
    const { http, calls } = fakeHttp(() => history);
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    stop = startEventSync({ http, socketUrl: 'ws://nina/v2/socket', queryClient });
    latestSocket().open();
    await vi.waitFor(() => expect(names()).toEqual(['history:MOUNT-UNPARKED']));

    history.push({ Event: 'GUIDER-START', Time: 't1' });
    latestSocket().event({ Event: 'GUIDER-START' });
    latestSocket().drop();
    // While we are away NINA keeps recording.
    history.push({ Event: 'SAFETY-CHANGED', Time: 't2', IsSafe: false }, { Event: 'GUIDER-STOP', Time: 't3' });

    await vi.waitFor(() => expect(FakeSocket.instances).toHaveLength(2), { timeout: 2_000 });
    latestSocket().open();
    await vi.waitFor(() =>
      expect(names()).toEqual(['history:MOUNT-UNPARKED', 'live:GUIDER-START', 'history:SAFETY-CHANGED', 'history:GUIDER-STOP']),
    );
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ninaKeys.all(BASE) });
    expect(calls.filter((path) => path === '/event-history')).toHaveLength(2);
  });

  it('a live event that arrives while the history travels, named like the reply’s last row, is neither lost nor doubled', async () => {
    const history: Record<string, unknown>[] = [
      { Event: 'MOUNT-UNPARKED', Time: 't0' },
      { Event: 'GUIDER-DITHER', Time: 't1' },
    ];
    let replies = 0;
    const { http, calls } = fakeHttp(() => {
      replies += 1;
      const reply = [...history];
      if (replies === 1) {
        // NINA built the reply, then dithered again and sent that live before the reply arrived.
        history.push({ Event: 'GUIDER-DITHER', Time: 't2' });
        latestSocket().event({ Event: 'GUIDER-DITHER' });
      }
      return reply;
    });
    stop = startEventSync({ http, socketUrl: 'ws://nina/v2/socket', queryClient: new QueryClient() });
    latestSocket().open();
    await vi.waitFor(() => expect(names()).toEqual(['history:MOUNT-UNPARKED', 'history:GUIDER-DITHER', 'live:GUIDER-DITHER']));
    expect(calls.filter((path) => path === '/event-history')).toHaveLength(2);
  });

  it('a sequence that finished while the link was down is not left running, and old news raises nothing', async () => {
    const history: Record<string, unknown>[] = [];
    const { http } = fakeHttp(() => history);
    const seen: string[] = [];
    stop = startEventSync({
      http,
      socketUrl: 'ws://nina/v2/socket',
      queryClient: new QueryClient(),
      consumers: [sequenceActivity, (events) => seen.push(...events.map((event) => event.name))],
    });
    latestSocket().open();
    history.push({ Event: 'SEQUENCE-STARTING', Time: 't0' });
    latestSocket().event({ Event: 'SEQUENCE-STARTING' });
    await vi.waitFor(() => expect(useActivityStore.getState().sequenceRunning).toBe(true));

    latestSocket().drop();
    history.push({ Event: 'ERROR-AF', Time: 't1' }, { Event: 'SEQUENCE-FINISHED', Time: 't2' });
    await vi.waitFor(() => expect(FakeSocket.instances).toHaveLength(2), { timeout: 2_000 });
    latestSocket().open();

    await vi.waitFor(() => expect(useActivityStore.getState().sequenceRunning).toBe(false));
    expect(seen).toEqual(['SEQUENCE-STARTING', 'SEQUENCE-FINISHED']);
    expect(names()).toEqual(['live:SEQUENCE-STARTING', 'history:ERROR-AF', 'history:SEQUENCE-FINISHED']);
  });

  it('says so in the log when the history cannot be read', async () => {
    const http: NinaHttp = { baseUrl: BASE, get: async () => Promise.reject(new Error('Unknown error')), getBlob: () => Promise.reject(new Error('no images here')) };
    stop = startEventSync({ http, socketUrl: 'ws://nina/v2/socket', queryClient: new QueryClient() });
    latestSocket().open();
    latestSocket().event({ Event: 'GUIDER-DITHER' });
    await vi.waitFor(() => expect(names()).toEqual(['live:HISTORY-UNAVAILABLE', 'live:GUIDER-DITHER']));
    expect(useEventLogStore.getState().entries[0]?.problem).toContain('Unknown error');
  });
});
