import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../index';
import { api, control, openSocket, startTestSimulator, type SocketClient } from '../testing';
import type { JogLogEntry, JogState } from './mount-socket';

interface Axes extends JogState {
  axisRatesDegPerS: { primary: number; secondary: number };
  frames: JogLogEntry[];
}

const MOVING = '{"Response":"Moving","Error":"","StatusCode":200,"Success":true,"Type":"Socket"}';
const STOPPED = '{"Response":"Stopped Move","Error":"","StatusCode":200,"Success":true,"Type":"Socket"}';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one frame and returns the reply to it, as text. */
async function send(client: SocketClient, frame: string | Record<string, unknown>): Promise<string> {
  const count = client.frames.length;
  client.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  return (await client.waitForFrames(count + 1))[count] ?? '';
}

function errorReply(error: string, response = ''): Record<string, unknown> {
  return { Response: response, Error: error, StatusCode: 400, Success: false, Type: 'API' };
}

describe('/v2/mount axis moves (MountAxisMoveSocket)', () => {
  let simulator: RunningSimulator;
  let client: SocketClient;
  const axes = async (): Promise<Axes> => (await control(simulator, 'GET', 'mount/axes')) as Axes;
  const mountInfo = async () =>
    (await api<{ RightAscension: number; Declination: number; Slewing: boolean; UTCDate: string }>(simulator, '/equipment/mount/info')).Response;

  beforeEach(async () => {
    simulator = await startTestSimulator();
    client = await openSocket(simulator, '/v2/mount');
  });
  afterEach(async () => {
    await client.close();
    await simulator.close();
  });

  it('moves an axis at the rate, replies "Moving" to the sender only, and calls MoveAxis only when the rate changes', async () => {
    const bystander = await openSocket(simulator, '/v2/mount');
    expect(await send(client, { direction: 'east', rate: 1 })).toBe(MOVING);
    const first = await mountInfo();
    expect(first.Slewing).toBe(true);
    expect((await axes()).axisRatesDegPerS).toEqual({ primary: 1, secondary: 0 });
    await sleep(100);
    const second = await mountInfo();
    const elapsedS = (Date.parse(second.UTCDate) - Date.parse(first.UTCDate)) / 1000;
    expect(((second.RightAscension - first.RightAscension + 24) % 24) * 15).toBeCloseTo(elapsedS, 1);
    expect(await send(client, { direction: 'east', rate: 1 })).toBe(MOVING);
    expect(await send(client, { direction: 'EAST', rate: '0' })).toBe(STOPPED);
    expect(await send(client, { direction: 'west', rate: 2 })).toBe(MOVING);
    expect(await send(client, { direction: 'north', rate: '0.5' })).toBe(MOVING);
    const state = await axes();
    expect(state.axisRatesDegPerS).toEqual({ primary: -2, secondary: 0.5 });
    expect(state.storedRatesDegPerS).toEqual({ east: 0, west: 2, north: 0.5, south: 0 });
    expect(state.frames.map(({ direction, rateDegPerS, action, axis, axisRateDegPerS }) => ({ direction, rateDegPerS, action, axis, axisRateDegPerS }))).toEqual([
      { direction: 'east', rateDegPerS: 1, action: 'move-axis', axis: 'Primary', axisRateDegPerS: 1 },
      { direction: 'east', rateDegPerS: 1, action: 'rate-unchanged', axis: undefined, axisRateDegPerS: undefined },
      { direction: 'east', rateDegPerS: 0, action: 'move-axis', axis: 'Primary', axisRateDegPerS: 0 },
      { direction: 'west', rateDegPerS: 2, action: 'move-axis', axis: 'Primary', axisRateDegPerS: -2 },
      { direction: 'north', rateDegPerS: 0.5, action: 'move-axis', axis: 'Secondary', axisRateDegPerS: 0.5 },
    ]);
    expect(state.frames[0]?.text).toBe('{"direction":"east","rate":1}');
    expect(Math.abs((state.frames[0]?.atMs ?? 0) - Date.now())).toBeLessThan(5_000);
    expect(bystander.frames).toEqual([]);
    await bystander.close();
  });

  it('stops the axis by the watchdog about 2 s after the last frame, tells nobody, and does not stop on disconnect', async () => {
    expect(await send(client, { direction: 'east', rate: 2 })).toBe(MOVING);
    const keepalive = await openSocket(simulator, '/v2/mount');
    await client.close();
    await sleep(300);
    expect((await axes()).axisRatesDegPerS.primary).toBe(2);
    // North is refreshed well inside 1.8 s and keeps moving meanwhile.
    for (let i = 0; i < 6; i++) {
      expect(await send(keepalive, { direction: 'north', rate: 1 })).toBe(MOVING);
      await sleep(500);
    }
    const state = await axes();
    expect(state.axisRatesDegPerS).toEqual({ primary: 0, secondary: 1 });
    expect(state.storedRatesDegPerS.east).toBe(0);
    const frame = state.frames.find((entry) => entry.direction === 'east' && entry.source === 'frame');
    const stop = state.frames.find((entry) => entry.action === 'watchdog-stop');
    expect(stop).toMatchObject({ direction: 'east', axis: 'Primary', axisRateDegPerS: 0 });
    expect((stop?.atMs ?? 0) - (frame?.atMs ?? 0)).toBeGreaterThanOrEqual(1_990);
    expect((stop?.atMs ?? 0) - (frame?.atMs ?? 0)).toBeLessThan(3_000);
    expect(state.frames.filter((entry) => entry.action === 'watchdog-stop')).toHaveLength(1);
    expect(keepalive.frames).toHaveLength(6);
    await keepalive.close();
  });

  it('reproduces the east/west race: east’s watchdog stops the axis while west goes on at an unchanged rate', async () => {
    expect(await send(client, { direction: 'east', rate: 1 })).toBe(MOVING);
    await sleep(300);
    expect(await send(client, { direction: 'west', rate: 1 })).toBe(MOVING);
    expect((await axes()).axisRatesDegPerS.primary).toBe(-1);
    for (let i = 0; i < 6; i++) {
      await sleep(500);
      expect(await send(client, { direction: 'west', rate: 1 })).toBe(MOVING);
    }
    const state = await axes();
    expect(state.axisRatesDegPerS.primary).toBe(0);
    expect(state.storedRatesDegPerS).toMatchObject({ east: 0, west: 1 });
    const stopAt = state.frames.findIndex((entry) => entry.action === 'watchdog-stop');
    expect(state.frames[stopAt]).toMatchObject({ direction: 'east', axis: 'Primary' });
    expect(state.frames.slice(stopAt + 1).every((entry) => entry.direction === 'west' && entry.action === 'rate-unchanged')).toBe(true);
    expect(await send(client, { direction: 'west', rate: 1.5 })).toBe(MOVING);
    expect((await axes()).axisRatesDegPerS.primary).toBe(-1.5);
  });

  it('answers bad frames with .NET’s exception text, Type "API" and StatusCode 400', async () => {
    const reply = async (frame: string | Record<string, unknown>): Promise<unknown> => JSON.parse(await send(client, frame)) as unknown;
    expect(await reply({ direction: 'up', rate: 1 })).toEqual(errorReply('Invalid direction', 'Moving'));
    expect(await reply({ direction: 'up', rate: 0 })).toEqual(errorReply('Invalid direction', 'Stopped Move'));
    const missing = await send(client, { direction: 'east' });
    expect(missing).toBe(
      '{"Response":"","Error":"The given key \\u0027rate\\u0027 was not present in the dictionary.","StatusCode":400,"Success":false,"Type":"API"}',
    );
    expect(await reply('hello')).toEqual(errorReply("'h' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0."));
    expect(await reply({ direction: 'east', rate: 'fast' })).toEqual(errorReply("The input string 'fast' was not in a correct format."));
    expect((await axes()).axisRatesDegPerS).toEqual({ primary: 0, secondary: 0 });
    expect((await axes()).frames.every((entry) => entry.action === 'rejected')).toBe(true);
  });

  it('refuses to move a parked or disconnected mount, after reading the frame', async () => {
    await control(simulator, 'POST', 'devices/mount', { atPark: true });
    expect(JSON.parse(await send(client, { direction: 'east', rate: 1 }))).toEqual(errorReply('Mount parked'));
    await api(simulator, '/equipment/mount/disconnect');
    expect(JSON.parse(await send(client, { direction: 'east', rate: 1 }))).toEqual(errorReply('Mount not connected'));
    expect(JSON.parse(await send(client, '{"direction":"east"}'))).toEqual(errorReply("The given key 'rate' was not present in the dictionary."));
    expect((await axes()).storedRatesDegPerS.east).toBe(0);
  });

  it('keeps the frame log until DELETE clears it', async () => {
    await send(client, { direction: 'south', rate: 0 });
    expect((await axes()).frames).toHaveLength(1);
    expect(await control(simulator, 'DELETE', 'mount/axes')).toEqual({ ok: true });
    expect((await axes()).frames).toEqual([]);
  });
});
