import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningSimulator } from '../index';
import { control, openSocket, refusedHandshake, startTestSimulator } from '../testing';

describe('WebSocket channels', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  it('accepts /v2/socket, /v2/mount and /v2/tppa, answering the upgrade with the CORS headers', async () => {
    for (const path of ['/v2/socket', '/v2/mount', '/v2/tppa']) {
      const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
        const socket = new WebSocket(`${simulator.url.replace('http', 'ws')}${path}`);
        socket.once('upgrade', (response) => resolve(response.headers));
        socket.once('open', () => socket.terminate());
        socket.once('error', reject);
      });
      expect(headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('refuses a handshake that asks for a subprotocol with HTTP 400', async () => {
    const refused = await refusedHandshake(simulator, '/v2/socket', ['chat']);
    expect(refused.status).toBe(400);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
  });

  it('accepts exact paths only', async () => {
    expect((await refusedHandshake(simulator, '/v2/socket/extra')).status).toBe(404);
    expect((await refusedHandshake(simulator, '/v2/filterwheel')).status).toBe(404);
  });

  it('broadcasts each event to every client as a Newtonsoft envelope without Time', async () => {
    const first = await openSocket(simulator, '/v2/socket');
    const second = await openSocket(simulator, '/v2/socket');
    try {
      await control(simulator, 'POST', 'devices/safetymonitor', { isSafe: false });
      for (const client of [first, second]) {
        const [frame] = await client.waitForFrames(1);
        expect(JSON.parse(frame ?? '')).toEqual({
          Response: { Event: 'SAFETY-CHANGED', IsSafe: false },
          Error: '',
          StatusCode: 200,
          Success: true,
          Type: 'Socket',
        });
      }
    } finally {
      await control(simulator, 'POST', 'devices/safetymonitor', { isSafe: true });
      await first.close();
      await second.close();
    }
  });

  it('never answers client messages, consumer-event toggles included, and replays nothing on connect', async () => {
    const client = await openSocket(simulator, '/v2/socket');
    try {
      client.socket.send('enable-consumer-events');
      client.socket.send('{"subscribe":"everything"}');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(client.frames).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
