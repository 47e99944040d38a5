import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../index';
import { api, control, openSocket, startTestSimulator } from '../../testing';
import { hashtableKeyOrder } from '../../wire/serializer';

type Row = Record<string, unknown> & { Event: string; Time: string };

describe('GET /event-history and the live events it copies (§13)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  const history = async (): Promise<Row[]> => (await api<Row[]>(simulator, '/event-history')).Response;

  it('holds the start-up connects, oldest first, each with a local Time', async () => {
    const rows = await history();
    expect(rows.slice(0, 4).map((row) => row.Event)).toEqual([
      'CAMERA-DISCONNECTED',
      'CAMERA-CONNECTED',
      'DOME-DISCONNECTED',
      'DOME-CONNECTED',
    ]);
    for (const row of rows) expect(row.Time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
  });

  it('keeps FILTERWHEEL-CHANGED whole on the socket but mangles it in history', async () => {
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      await control(simulator, 'POST', 'devices/filterwheel', { filterId: 4 });
      const [frame] = await socket.waitForFrames(1);
      const live = JSON.parse(frame ?? '') as { Response: Record<string, unknown> };
      expect(live.Response).toEqual({ Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } });
      expect(live.Response).not.toHaveProperty('Time');
      const row = (await history()).at(-1);
      expect(row).toEqual({
        Event: 'FILTERWHEEL-CHANGED',
        Time: expect.any(String) as unknown,
        Previous: { Name: [], Id: [] },
        New: { Name: [], Id: [] },
      });
    } finally {
      await socket.close();
    }
  });

  it('stores SAFETY-CHANGED with its scalar intact', async () => {
    await control(simulator, 'POST', 'devices/safetymonitor', { isSafe: false });
    expect((await history()).at(-1)).toMatchObject({ Event: 'SAFETY-CHANGED', IsSafe: false });
    await control(simulator, 'POST', 'devices/safetymonitor', { isSafe: true });
  });

  it('does not store IMAGE-PREPARED and keeps only Event and Time of IMAGE-SAVE', async () => {
    const before = (await history()).length;
    await control(simulator, 'POST', 'events', { Event: 'IMAGE-PREPARED' });
    await control(simulator, 'POST', 'events', { Event: 'IMAGE-SAVE', ImageStatistics: { ExposureTime: 300, Filter: 'Ha' } });
    const rows = await history();
    expect(rows).toHaveLength(before + 1);
    expect(Object.keys(rows.at(-1) ?? {}).sort()).toEqual(['Event', 'Time']);
  });

  it('writes rows as Hashtables: hash order rather than insertion order, nulls kept', async () => {
    await control(simulator, 'POST', 'events', { Event: 'SEQUENCE-ENTITY-FAILED', Entity: 'Center', Error: null });
    const row = (await history()).at(-1) ?? { Event: '', Time: '' };
    expect(row).toMatchObject({ Event: 'SEQUENCE-ENTITY-FAILED', Entity: 'Center', Error: null });
    expect(Object.keys(row)).toEqual(hashtableKeyOrder(['Event', 'Time', 'Entity', 'Error']));
    expect(Object.keys(row)).not.toEqual(['Event', 'Time', 'Entity', 'Error']);
  });
});
