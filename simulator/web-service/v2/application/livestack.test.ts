import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, control, openSocket, startTestSimulator, type SocketClient } from '../../../testing';

type Json = Record<string, unknown>;

const SPEED = 300;
const error = (message: string, statusCode: number) => ({ Response: '', Error: message, StatusCode: statusCode, Success: false, Type: 'API' });

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('live stack (LiveStack.cs, notes §11)', () => {
  let simulator: RunningSimulator;
  let events: SocketClient;
  const stackEvents = (name: string): Json[] =>
    events.frames
      .map((frame) => (JSON.parse(frame) as { Response: Json }).Response)
      .filter((response) => response.Event === name);
  const binary = async (path: string) => {
    const response = await fetch(`${simulator.url}/v2/api${path}`);
    return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const selectFilter = async (id: number): Promise<void> => {
    await api(simulator, `/equipment/filterwheel/change-filter?filterId=${id}`);
    await until(async () => {
      const info = (await api<{ IsMoving: boolean; SelectedFilter?: { Id: number } }>(simulator, '/equipment/filterwheel/info')).Response;
      return !info.IsMoving && info.SelectedFilter?.Id === id;
    }, `filter ${id}`);
  };
  /** A saved capture; resolves once the live stack has broadcast one more update (or right away with `expectStack` false). */
  const capture = async (query: string, expectStack = true): Promise<void> => {
    const updates = stackEvents('STACK-UPDATED').length;
    const saves = stackEvents('IMAGE-SAVE').length;
    await api(simulator, `/equipment/camera/capture?duration=1&save=true&waitForResult=true&omitImage=true&${query}`);
    await until(() => stackEvents('IMAGE-SAVE').length > saves, 'the save');
    if (expectStack) await until(() => stackEvents('STACK-UPDATED').length > updates, 'a stack update');
  };

  beforeEach(async () => {
    simulator = await startTestSimulator({ speed: SPEED });
    events = await openSocket(simulator, '/v2/socket');
  });
  afterEach(async () => {
    await events.close();
    await simulator.close();
  });

  it('reports "stopped" until the first broadcast, then Running/Stopped; start and stop always answer', async () => {
    expect((await api(simulator, '/livestack/status')).Response).toBe('stopped');
    expect(await api(simulator, '/livestack/stop')).toMatchObject({ Response: 'Live stack stopped', Success: true });
    expect((await api(simulator, '/livestack/status')).Response).toBe('stopped');
    expect(await api(simulator, '/livestack/start')).toMatchObject({ Response: 'Live stack started', StatusCode: 200, Type: 'API' });
    await until(() => stackEvents('STACK-STATUS').length === 1, 'STACK-STATUS');
    expect((await api(simulator, '/livestack/status')).Response).toBe('Running');
    await api(simulator, '/livestack/start');
    await api(simulator, '/livestack/stop');
    await until(() => stackEvents('STACK-STATUS').length === 2, 'the second STACK-STATUS');
    expect(stackEvents('STACK-STATUS').map((event) => event.Status)).toEqual(['Running', 'Stopped']);
    expect((await api(simulator, '/livestack/status')).Response).toBe('Stopped');
    const history = (await api<Json[]>(simulator, '/event-history')).Response.filter((row) => row.Event === 'STACK-STATUS');
    expect(history.map((row) => row.Status)).toEqual(['Running', 'Stopped']);
  });

  it('stacks each saved light frame per target and filter while running, with counts, pictures and info', async () => {
    await capture('imageType=LIGHT&targetName=M31', false);
    await api(simulator, '/livestack/start');
    await capture('imageType=LIGHT&targetName=M31');
    await capture('imageType=LIGHT&targetName=M31');
    await selectFilter(4);
    await capture('imageType=LIGHT&targetName=M31');
    const updates = stackEvents('STACK-UPDATED');
    expect(updates.map(({ Filter, Target, IsMonochrome, StackCount }) => ({ Filter, Target, IsMonochrome, StackCount }))).toEqual([
      { Filter: 'L', Target: 'M31', IsMonochrome: true, StackCount: 1 },
      { Filter: 'L', Target: 'M31', IsMonochrome: true, StackCount: 2 },
      { Filter: 'Ha', Target: 'M31', IsMonochrome: true, StackCount: 1 },
    ]);
    expect(Object.keys(updates[0] ?? {}).sort()).toEqual(['Event', 'Filter', 'IsMonochrome', 'StackCount', 'Target']);
    expect((await api(simulator, '/livestack/image/available')).Response).toEqual([
      { Filter: 'L', Target: 'M31' },
      { Filter: 'Ha', Target: 'M31' },
    ]);
    expect((await api(simulator, '/livestack/image/M31/L/info')).Response).toEqual({ IsMonochrome: true, StackCount: 2, Filter: 'L', Target: 'M31' });

    const png = await binary('/livestack/image/M31/L?stream=true');
    expect(png.type).toBe('image/png');
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const jpg = await binary('/livestack/image/M31/Ha?stream=true&quality=80&resize=true&size=300x200');
    expect(jpg.type).toBe('image/jpg');
    expect(jpg.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const base64 = (await api<string>(simulator, '/livestack/image/M31/L?resize=true&scale=0.25')).Response;
    expect(Buffer.from(base64, 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(Buffer.from(base64, 'base64').readUInt32BE(16)).toBeLessThan(png.bytes.readUInt32BE(16) / 3);

    // Names are exact: another case or an unknown pair is not found (the image route's 404 is unreachable).
    expect(await api(simulator, '/livestack/image/m31/L')).toEqual(error('Unknown error', 500));
    expect(await api(simulator, '/livestack/image/M31/R/info')).toEqual(error('No image with specified filter and target found', 404));

    const tabs = (await control(simulator, 'GET', 'livestack')) as { tabs: { filter: string; stackCount: number }[] };
    expect(tabs.tabs.map(({ filter, stackCount }) => ({ filter, stackCount }))).toEqual([
      { filter: 'L', stackCount: 2 },
      { filter: 'Ha', stackCount: 1 },
    ]);
  });

  it('stacks saved snapshots too, but not darks, unsaved captures or starless frames', async () => {
    await api(simulator, '/livestack/start');
    await capture('imageType=DARK&targetName=M31', false);
    await api(simulator, '/equipment/camera/capture?duration=1&imageType=LIGHT&targetName=M31&waitForResult=true&omitImage=true');
    await control(simulator, 'POST', 'imaging', { transparency: 0 });
    await capture('imageType=LIGHT&targetName=M31', false);
    await control(simulator, 'POST', 'imaging', { transparency: 1 });
    await capture('');
    expect(stackEvents('STACK-UPDATED').map(({ Filter, Target, StackCount }) => ({ Filter, Target, StackCount }))).toEqual([
      { Filter: 'L', Target: 'Snapshot', StackCount: 1 },
    ]);
    const logs = (await api<{ Message: string }[]>(simulator, '/application/logs?lineCount=200')).Response.map((row) => row.Message);
    expect(logs.some((line) => /^Skipping frame as not enough stars have been detected \(\d\)$/.test(line))).toBe(true);
  });

  it('broadcasts a colour combination with its channel counts after the next frame of its target', async () => {
    await api(simulator, '/livestack/start');
    for (const id of [1, 2, 3]) {
      await selectFilter(id);
      await capture('imageType=LIGHT&targetName=NGC 7000');
    }
    await control(simulator, 'POST', 'livestack/color-combination', { target: 'NGC 7000', red: 'R', green: 'G', blue: 'B' });
    await capture('imageType=LIGHT&targetName=NGC 7000');
    await until(() => stackEvents('STACK-UPDATED').some((event) => event.Filter === 'RGB'), 'the RGB update');
    const color = stackEvents('STACK-UPDATED').find((event) => event.Filter === 'RGB');
    expect(color).toEqual({ Event: 'STACK-UPDATED', Filter: 'RGB', Target: 'NGC 7000', IsMonochrome: false, RedStackCount: 1, GreenStackCount: 1, BlueStackCount: 2 });
    expect((await api(simulator, '/livestack/image/NGC%207000/RGB/info')).Response).toEqual({
      IsMonochrome: false,
      RedStackCount: 1,
      GreenStackCount: 1,
      BlueStackCount: 2,
      Filter: 'RGB',
      Target: 'NGC 7000',
    });
    const png = await binary('/livestack/image/NGC%207000/RGB?stream=true');
    expect(png.type).toBe('image/png');
    // IHDR colour type 2: truecolour.
    expect(png.bytes[25]).toBe(2);
  });
});
