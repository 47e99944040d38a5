import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, startTestSimulator } from '../../../testing';

interface LogRow {
  Timestamp: string;
  Level: string;
  Source: string;
  Member: string;
  Line: string;
  Message: string;
}

describe('GET /application/logs (§15)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  const logs = async (query: string): Promise<LogRow[]> => (await api<LogRow[]>(simulator, `/application/logs?${query}`)).Response;

  it('returns the last lineCount lines, newest first, as NINA writes them', async () => {
    await api(simulator, '/equipment/rotator/disconnect');
    const rows = await logs('lineCount=3');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ Level: 'INFO', Source: 'RotatorVM.cs', Member: 'Disconnect', Message: 'Disconnected Rotator' });
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['Level', 'Line', 'Member', 'Message', 'Source', 'Timestamp']);
      expect(row.Timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{4}$/);
      expect(row.Line).toMatch(/^\d+$/);
    }
    expect((rows[0]?.Timestamp ?? '') >= (rows[2]?.Timestamp ?? '')).toBe(true);
  });

  it('filters by exact level, not minimum level, and case-sensitively', async () => {
    const warnings = await logs('lineCount=100&level=WARNING');
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings.map((row) => row.Level))).toEqual(new Set(['WARNING']));
    expect((await logs('lineCount=100&level=DEBUG')).every((row) => row.Level === 'DEBUG')).toBe(true);
    expect(await logs('lineCount=100&level=info')).toEqual([]);
  });

  it('returns nothing for a zero or negative lineCount', async () => {
    expect(await logs('lineCount=0')).toEqual([]);
    expect(await logs('lineCount=-5')).toEqual([]);
  });
});
