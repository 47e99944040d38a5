import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './index';
import { openSocket, startTestServer } from './testing/test-helpers';

describe('startServer without a NINA address (demo mode)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({ simulator: { seed: 42 } });
  });

  afterAll(() => server.close());

  it('runs the simulator on 127.0.0.1 only', () => {
    expect(server.simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/?$/);
  });

  it('serves the simulator’s /v2/api/version through the proxy', async () => {
    const response = await fetch(`${server.url}/v2/api/version`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ Response: '2.2.15.0', Success: true, StatusCode: 200, Type: 'API' });
  });

  it('carries the simulator’s /v2/socket events', async () => {
    const { socket, nextMessage } = await openSocket(`${server.url.replace(/^http/, 'ws')}/v2/socket`);
    await fetch(`${server.url}/v2/api/equipment/focuser/disconnect`);
    expect(JSON.parse(await nextMessage())).toMatchObject({ Response: { Event: 'FOCUSER-DISCONNECTED' }, Type: 'Socket' });
    socket.close();
  });

  it('tells the UI it is a demo, and which simulated NINA it reaches', async () => {
    const response = await fetch(`${server.url}/skydeck/config.json`);
    expect(await response.json()).toMatchObject({
      mode: 'demo',
      nina: { url: new URL(server.simulatorUrl ?? '').origin },
    });
  });

  it('stops the simulator when the server closes', async () => {
    const demo = await startTestServer({});
    const simulatorUrl = demo.simulatorUrl ?? '';
    expect((await fetch(`${simulatorUrl}/v2/api/version`)).status).toBe(200);
    await demo.close();
    await expect(fetch(`${simulatorUrl}/v2/api/version`)).rejects.toThrow();
  });
});
