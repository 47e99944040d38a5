import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningSimulator } from '../index';
import { api, control, openSocket, startTestSimulator } from '../testing';

describe('test controls (/__sim/)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());
  afterEach(async () => {
    await control(simulator, 'DELETE', 'fault');
    await control(simulator, 'POST', 'latency', { ms: 0 });
  });

  const raw = (path: string) => fetch(`${simulator.url}/v2/api${path}`);

  it('delays replies under a path prefix until cleared with ms 0', async () => {
    // A delay far above what a busy CI machine adds on its own, so the comparison cannot flake.
    await control(simulator, 'POST', 'latency', { ms: 800, pathPrefix: '/equipment' });
    let started = performance.now();
    await raw('/equipment/mount/info');
    expect(performance.now() - started).toBeGreaterThanOrEqual(790);
    started = performance.now();
    await raw('/version');
    expect(performance.now() - started).toBeLessThan(500);
    await control(simulator, 'POST', 'latency', { ms: 0, pathPrefix: '/equipment' });
    started = performance.now();
    await raw('/equipment/mount/info');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('replaces the next `times` replies with the real 500 envelope, then answers normally', async () => {
    await control(simulator, 'POST', 'fault', { path: '/version', kind: 'unknown-error', times: 1 });
    expect(await (await raw('/version')).text()).toBe(
      '{"Response":"","Error":"Unknown error","StatusCode":500,"Success":false,"Type":"API"}',
    );
    expect((await api(simulator, '/version')).Response).toBe('2.2.15.0');
  });

  it('injects HTML 400/404 pages, empty bodies and malformed JSON', async () => {
    await control(simulator, 'POST', 'fault', { path: '/v2/api/version', kind: 'html-400', times: 1 });
    expect((await raw('/version')).status).toBe(400);
    await control(simulator, 'POST', 'fault', { path: '/version', kind: 'html-404', times: 1 });
    const notFound = await raw('/version');
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toContain('<h1>404 - Not Found</h1>');
    await control(simulator, 'POST', 'fault', { path: '/version', kind: 'empty', times: 1 });
    const empty = await raw('/version');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe('');
    await control(simulator, 'POST', 'fault', { path: '/version', kind: 'malformed-json', times: 1 });
    const malformed = await (await raw('/version')).text();
    expect(() => JSON.parse(malformed) as unknown).toThrow();
  });

  it('keeps a fault until cleared when no count is given', async () => {
    await control(simulator, 'POST', 'fault', { path: '/version', kind: 'html-404' });
    expect((await raw('/version')).status).toBe(404);
    expect((await raw('/version')).status).toBe(404);
    await control(simulator, 'DELETE', 'fault');
    expect((await raw('/version')).status).toBe(200);
  });

  it('breaks the schema of a normal reply: wrong types, "NaN", missing fields', async () => {
    const normal = (await api<Record<string, unknown>>(simulator, '/equipment/focuser/info')).Response;
    await control(simulator, 'POST', 'fault', { path: '/equipment/focuser/info', kind: 'schema-break', times: 1 });
    const broken = (await api<Record<string, unknown>>(simulator, '/equipment/focuser/info')).Response;
    expect(Object.keys(broken).length).toBe(Object.keys(normal).length - 1);
    const changedTypes = Object.keys(broken).filter((key) => typeof broken[key] !== typeof normal[key]);
    expect(changedTypes.length).toBeGreaterThan(0);
  });

  it('holds a request while a hang fault is set and answers it normally once cleared', async () => {
    await control(simulator, 'POST', 'fault', { path: '/time', kind: 'hang' });
    let settled = false;
    const pending = raw('/time').then((response) => {
      settled = true;
      return response.json() as Promise<{ Success: boolean }>;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    await control(simulator, 'DELETE', 'fault');
    expect((await pending).Success).toBe(true);
  });

  it('drops WebSocket clients, all channels or only those named', async () => {
    const events = await openSocket(simulator, '/v2/socket');
    const mount = await openSocket(simulator, '/v2/mount');
    const closed = (client: { socket: WebSocket }) =>
      new Promise<void>((resolve) => (client.socket.readyState === WebSocket.CLOSED ? resolve() : client.socket.once('close', () => resolve())));
    expect(await control(simulator, 'POST', 'sockets/drop', { channels: ['/v2/mount'] })).toEqual({ ok: true, dropped: 1 });
    await closed(mount);
    expect(events.socket.readyState).toBe(WebSocket.OPEN);
    await control(simulator, 'POST', 'sockets/drop', {});
    await closed(events);
  });

  it('refuses handshakes for a while', async () => {
    await control(simulator, 'POST', 'sockets/refuse', { ms: 200 });
    await expect(openSocket(simulator, '/v2/socket')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const client = await openSocket(simulator, '/v2/socket');
    await client.close();
  });

  it('sends a raw frame to the clients of a channel', async () => {
    const client = await openSocket(simulator, '/v2/socket');
    try {
      await control(simulator, 'POST', 'socket/send-raw', { channel: '/v2/socket', text: '{"Response":' });
      expect(await client.waitForFrames(1)).toEqual(['{"Response":']);
    } finally {
      await client.close();
    }
  });

  it('emits an event through the normal path: broadcast and history', async () => {
    const client = await openSocket(simulator, '/v2/socket');
    try {
      await control(simulator, 'POST', 'events', { Event: 'GUIDER-DITHER' });
      expect(JSON.parse((await client.waitForFrames(1))[0] ?? '')).toMatchObject({ Response: { Event: 'GUIDER-DITHER' }, Type: 'Socket' });
      expect((await api<{ Event: string }[]>(simulator, '/event-history')).Response.at(-1)?.Event).toBe('GUIDER-DITHER');
    } finally {
      await client.close();
    }
  });

  it('sets device state: connection through the normal events, and per-device fields', async () => {
    const client = await openSocket(simulator, '/v2/socket');
    try {
      const reply = (await control(simulator, 'POST', 'devices/focuser', { connected: false })) as { state: { connected: boolean } };
      expect(reply.state.connected).toBe(false);
      expect(JSON.parse((await client.waitForFrames(1))[0] ?? '')).toMatchObject({ Response: { Event: 'FOCUSER-DISCONNECTED' } });
      await control(simulator, 'POST', 'devices/focuser', { connected: true, position: 20000 });
      expect((await api<{ Position: number }>(simulator, '/equipment/focuser/info')).Response.Position).toBe(20000);
    } finally {
      await client.close();
    }
    await control(simulator, 'POST', 'devices/camera', { coolerOn: false, temperature: 18.3 });
    expect((await api<{ Temperature: number; CoolerOn: boolean }>(simulator, '/equipment/camera/info')).Response).toMatchObject({
      Temperature: expect.closeTo(18.3, 0) as unknown,
      CoolerOn: false,
    });
    await control(simulator, 'POST', 'devices/mount', { atPark: true });
    expect((await api(simulator, '/equipment/mount/info')).Response).toMatchObject({ AtPark: true, TrackingEnabled: false, TrackingMode: 'Stopped' });
    await control(simulator, 'POST', 'devices/guider', { guideStep: { raDistanceRaw: 0.4, decDistanceRaw: -0.2, raDuration: 120, decDuration: -80 } });
    expect((await api(simulator, '/equipment/guider/info')).Response).toMatchObject({
      LastGuideStep: { RADistanceRaw: 0.4, DECDistanceRaw: -0.2, RADuration: 120, DECDuration: -80 },
    });
  });

  it('rejects unknown devices and fields', async () => {
    await expect(control(simulator, 'POST', 'devices/telescope', {})).rejects.toThrow('HTTP 404');
    await expect(control(simulator, 'POST', 'devices/camera', { warpDrive: true })).rejects.toThrow('HTTP 400');
  });

  it('lists the REST requests received under /v2/ and clears them', async () => {
    await control(simulator, 'DELETE', 'requests');
    await raw('/equipment/mount/info?x=1&x=2');
    const requests = (await control(simulator, 'GET', 'requests')) as { method: string; path: string; query: string; atMs: number }[];
    expect(requests).toEqual([{ atMs: expect.any(Number) as unknown, method: 'GET', path: '/v2/api/equipment/mount/info', query: 'x=1&x=2' }]);
    await control(simulator, 'DELETE', 'requests');
    expect(await control(simulator, 'GET', 'requests')).toEqual([]);
  });

  it('lists the WebSocket messages received per channel', async () => {
    await control(simulator, 'DELETE', 'socket-messages');
    const client = await openSocket(simulator, '/v2/mount');
    client.socket.send('{"direction":"east","rate":1}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.close();
    expect(await control(simulator, 'GET', 'socket-messages')).toEqual([
      { channel: '/v2/mount', atMs: expect.any(Number) as unknown, text: '{"direction":"east","rate":1}' },
    ]);
  });

  it('reports a snapshot of the rig', async () => {
    const state = (await control(simulator, 'GET', 'state')) as { devices: Record<string, unknown>; speed: number };
    expect(Object.keys(state.devices).sort()).toEqual(
      ['camera', 'dome', 'filterwheel', 'flatdevice', 'focuser', 'guider', 'mount', 'rotator', 'safetymonitor', 'switch', 'weather'],
    );
    expect(state.speed).toBe(100);
  });
});

describe('without test controls', () => {
  it('answers /__sim/ like any unknown path', async () => {
    const simulator = await startTestSimulator({ testControls: false });
    try {
      const response = await fetch(`${simulator.url}/__sim/state`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    } finally {
      await simulator.close();
    }
  });
});
