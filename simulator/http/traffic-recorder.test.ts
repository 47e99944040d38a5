import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { control, openSocket, startTestSimulator } from '../testing';

describe('traffic recording', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('appends REST replies and socket frames to sim-<pid>-<startMs>-<port>.jsonl, marking injected ones', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sim-traffic-'));
    directories.push(directory);
    const simulator = await startTestSimulator({ trafficDir: join(directory, 'nested') });
    const socket = await openSocket(simulator, '/v2/socket');
    await fetch(`${simulator.url}/v2/api/version?x=1`);
    await fetch(`${simulator.url}/v2/api/nothing`);
    await control(simulator, 'POST', 'fault', { path: '/version', kind: 'unknown-error', times: 1 });
    await fetch(`${simulator.url}/v2/api/version`);
    await control(simulator, 'POST', 'events', { Event: 'GUIDER-START' });
    await control(simulator, 'POST', 'socket/send-raw', { channel: '/v2/socket', text: 'not json' });
    await socket.waitForFrames(2);
    await socket.close();
    await simulator.close();

    const files = readdirSync(join(directory, 'nested'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^sim-${process.pid}-\\d+-${simulator.port}\\.jsonl$`));
    const records = readFileSync(join(directory, 'nested', files[0] ?? ''), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

    expect(records).toEqual([
      {
        kind: 'rest',
        method: 'GET',
        path: '/v2/api/version',
        query: 'x=1',
        httpStatus: 200,
        contentType: 'application/json',
        body: { Response: '2.2.15.0', Error: '', StatusCode: 200, Success: true, Type: 'API' },
      },
      {
        kind: 'rest',
        method: 'GET',
        path: '/v2/api/nothing',
        query: '',
        httpStatus: 404,
        contentType: 'text/html; charset=utf-8',
        body: null,
        bodyText: expect.stringContaining('404 - Not Found') as unknown,
      },
      {
        kind: 'rest',
        method: 'GET',
        path: '/v2/api/version',
        query: '',
        httpStatus: 200,
        contentType: 'application/json',
        body: { Response: '', Error: 'Unknown error', StatusCode: 500, Success: false, Type: 'API' },
        injected: true,
      },
      {
        kind: 'ws',
        channel: '/v2/socket',
        direction: 'out',
        data: { Response: { Event: 'GUIDER-START' }, Error: '', StatusCode: 200, Success: true, Type: 'Socket' },
      },
      { kind: 'ws', channel: '/v2/socket', direction: 'out', data: null, text: 'not json', injected: true },
    ]);
  });
});
