import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { waitForTimeTargetMs } from '../../../rig/sequencer/instructions';
import { api, control, openSocket, startTestSimulator, type Envelope, type SocketClient } from '../../../testing';

type Json = Record<string, unknown>;
type Entry = Json & { Name: string; Status: string; Items?: Entry[]; Conditions?: Entry[]; Triggers?: Entry[] };

/** Simulated time runs 500× faster: a 60 s slew takes 0.12 s. */
const SPEED = 500;
const SEQUENCES = new URL('../../../sequences/', import.meta.url);

async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const eventsOf = (socket: SocketClient): Json[] => socket.frames.map((frame) => (JSON.parse(frame) as { Response: Json }).Response);
const eventNames = (socket: SocketClient): string[] => eventsOf(socket).map((event) => String(event.Event));

async function post(simulator: RunningSimulator, body: string): Promise<Envelope> {
  const response = await fetch(`${simulator.url}/v2/api/sequence/load`, { method: 'POST', body });
  expect(response.status).toBe(200);
  return (await response.json()) as Envelope;
}

async function logMessages(simulator: RunningSimulator, lineCount = 60): Promise<string[]> {
  const logs = await api<{ Message: string }[]>(simulator, `/application/logs?lineCount=${lineCount}`);
  return logs.Response.map((row) => row.Message);
}

async function sequenceJson(simulator: RunningSimulator): Promise<Entry[]> {
  return (await api<Entry[]>(simulator, '/sequence/json')).Response;
}

/** The entry with that name anywhere in the /sequence/json tree. */
function find(entries: readonly Entry[], name: string): Entry | undefined {
  for (const entry of entries) {
    if (entry.Name === name) return entry;
    const inner = find(entry.Items ?? [], name);
    if (inner) return inner;
  }
  return undefined;
}

const error = (message: string, code: number): Envelope => ({ Response: '', Error: message, StatusCode: code, Success: false, Type: 'API' });
const success = (response: unknown): Envelope => ({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'API' });

// ---- sequences in NINA's format, written as a client would (plain arrays, as seed 003 does) ----

const TYPE = (name: string): string => `NINA.Sequencer.${name}, NINA.Sequencer`;
const STRATEGY = { $type: TYPE('Container.ExecutionStrategy.SequentialStrategy') };
const coordinates = (ra: [number, number, number], dec: [number, number, number]): Json => ({
  $type: 'NINA.Astrometry.InputCoordinates, NINA.Astrometry',
  RAHours: ra[0],
  RAMinutes: ra[1],
  RASeconds: ra[2],
  DecDegrees: dec[0],
  DecMinutes: dec[1],
  DecSeconds: dec[2],
});
const item = (type: string, fields: Json = {}): Json => ({ $type: TYPE(`SequenceItem.${type}`), ...fields, Parent: null, ErrorBehavior: 0, Attempts: 1 });
const container = (type: string, name: string, items: Json[], extra: Json = {}): Json => ({
  $type: TYPE(type),
  Name: name,
  Strategy: STRATEGY,
  Conditions: [],
  Items: items,
  Triggers: [],
  IsExpanded: true,
  Parent: null,
  ErrorBehavior: 0,
  Attempts: 1,
  ...extra,
});
const takeExposure = (seconds: number, imageType = 'LIGHT'): Json =>
  item('Imaging.TakeExposure', { ExposureTime: seconds, Gain: -1, Offset: -1, Binning: { X: 1, Y: 1 }, ImageType: imageType, ExposureCount: 0 });
/** notes §18: N frames are a TakeManyExposures with one TakeExposure and a LoopCondition of N. */
const takeMany = (seconds: number, count: number): Json =>
  container('SequenceItem.Imaging.TakeManyExposures', 'Take Many Exposures', [takeExposure(seconds)], {
    Conditions: [{ $type: TYPE('Conditions.LoopCondition'), Iterations: count, CompletedIterations: 0 }],
  });
const switchFilter = (name: string): Json => item('FilterWheel.SwitchFilter', { Filter: { Name: name } });
const sendErrorTrigger = { $type: 'ninaAPI.SequenceItems.SendErrorTrigger, ninaAPI' };
const target = (name: string, items: Json[], triggers: Json[] = []): Json =>
  container('Container.DeepSkyObjectContainer', name, items, {
    Target: {
      $type: 'NINA.Astrometry.InputTarget, NINA.Astrometry',
      TargetName: name,
      PositionAngle: 0,
      InputCoordinates: coordinates([21, 44, 48.408], [-11, 8, 52.08]),
    },
    Triggers: triggers,
  });
const sequence = (targets: Json[], options: { start?: Json[]; end?: Json[]; globalTriggers?: Json[] } = {}): string =>
  JSON.stringify(
    container(
      'Container.SequenceRootContainer',
      'Skydeck test',
      [
        container('Container.StartAreaContainer', 'Start', options.start ?? []),
        container('Container.TargetAreaContainer', 'Targets', targets),
        container('Container.EndAreaContainer', 'End', options.end ?? []),
      ],
      { Triggers: options.globalTriggers ?? [] },
    ),
  );

describe('sequence endpoints (Sequence.cs, notes §12)', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startTestSimulator({ speed: SPEED });
  });
  afterAll(() => simulator.close());

  it('starts initialized with an empty Start, Targets and End, which json lists after the global triggers', async () => {
    expect(await api(simulator, '/sequence/json')).toEqual(
      success([
        { GlobalTriggers: [] },
        { Name: 'Start_Container', Status: 'CREATED', Items: [], Conditions: [], Triggers: [] },
        { Name: 'Targets_Container', Status: 'CREATED', Items: [], Conditions: [], Triggers: [] },
        { Name: 'End_Container', Status: 'CREATED', Items: [], Conditions: [], Triggers: [] },
      ]),
    );
  });

  it('lists the shipped sequences recursively, relative, with / and without .json', async () => {
    expect(await api(simulator, '/sequence/list-available')).toEqual(success(['Flats', 'M42 LRGB', 'sub/M31 target', 'sub/Test short']));
  });

  it('loads by name, wraps a target template into Start/Targets/End, and answers a missing one with 400', async () => {
    expect(await api(simulator, '/sequence/load?sequenceName=sub/M31%20target')).toEqual(success('Sequence updated'));
    const targets = find(await sequenceJson(simulator), 'Targets_Container');
    expect(targets?.Items?.map((entry) => entry.Name)).toEqual(['M31_Container']);

    expect(await api(simulator, '/sequence/load?sequenceName=M42%20LRGB')).toEqual(success('Sequence updated'));
    const json = await sequenceJson(simulator);
    expect(json[0]).toEqual({ GlobalTriggers: [{ Name: 'Send Error to WebSocket_Trigger', Status: 'CREATED' }] });
    const m42 = find(json, 'M42_Container');
    expect(m42?.Items?.map((entry) => entry.Name)).toEqual([
      'Slew and center',
      'Run Autofocus',
      'Start Guiding',
      'Switch Filter',
      'Take Many Exposures',
      'Switch Filter',
      'Take Many Exposures',
      'Switch Filter',
      'Take Many Exposures',
      'Switch Filter',
      'Take Many Exposures',
    ]);
    expect(m42?.Items?.[4]).toEqual({
      Name: 'Take Many Exposures',
      Status: 'CREATED',
      ExposureTime: 60,
      ExposureCount: 0,
      Binning: { Name: '1x1', X: 1, Y: 1 },
      Gain: -1,
      Offset: -1,
      Type: 'LIGHT',
      Iterations: 10,
    });
    expect(m42?.Triggers).toEqual([
      { Name: 'Dither after Exposures_Trigger', Status: 'CREATED', Exposures: 0, TargetExposures: 3 },
      { Name: 'AF After Time_Trigger', Status: 'CREATED', DeltaTime: 60, ElapsedTime: 0 },
    ]);
    const center = m42?.Items?.[0] as { Coordinates: Json } | undefined;
    expect(center?.Coordinates).toMatchObject({ RAString: '05:35:17', DecString: '-05° 23\' 28"', Epoch: 'J2000' });

    expect(await api(simulator, '/sequence/load?sequenceName=Orion')).toEqual(error('Sequence not found', 400));
    const missing = await fetch(`${simulator.url}/v2/api/sequence/load`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Missing query field sequenceName.');
  });

  it('loads every shipped sequence through the body too; a target template is not a root (500)', async () => {
    for (const name of ['Flats', 'M42 LRGB', 'sub/Test short']) {
      expect(await post(simulator, readFileSync(new URL(`${name}.json`, SEQUENCES), 'utf8'))).toEqual(success('Sequence updated'));
    }
    expect(await post(simulator, readFileSync(new URL('sub/M31 target.json', SEQUENCES), 'utf8'))).toEqual(error('Unknown error', 500));
    expect((await logMessages(simulator, 5)).some((line) => line.includes("Unable to cast object of type 'NINA.Sequencer.Container.DeepSkyObjectContainer'"))).toBe(true);
  });

  it('rejects an array and a wrong root $type with the catch-all 500; NINA logs the errors seed 003 quotes', async () => {
    const root = JSON.parse(sequence([])) as Json;
    expect(await post(simulator, JSON.stringify([root]))).toEqual(error('Unknown error', 500));
    expect(await post(simulator, JSON.stringify({ ...root, $type: TYPE('Container.SequentialContainer') }))).toEqual(error('Unknown error', 500));
    const logs = await logMessages(simulator, 2);
    expect(logs[1]).toBe(
      "Newtonsoft.Json.JsonReaderException: Error reading JObject from JsonReader. Current JsonReader item is not an object: StartArray. Path '', line 1, position 1.",
    );
    expect(logs[0]).toBe(
      "System.InvalidCastException: Unable to cast object of type 'NINA.Sequencer.Container.SequentialContainer' to type 'NINA.Sequencer.Container.SequenceRootContainer'.",
    );
  });

  it("reads seed 003's payload: instruction names come from NINA, ExposureCount is kept as a counter", async () => {
    const seedPayload = sequence([
      target('FAKE-01', [
        { ...item('Platesolving.Center', { Inherited: true, Coordinates: coordinates([0, 0, 0], [0, 0, 0]) }), Name: 'Center FAKE-01' },
        { ...takeExposure(1), Name: 'Take 3x1.0s', ExposureCount: 2 },
      ]),
    ]);
    expect(await post(simulator, seedPayload)).toEqual(success('Sequence updated'));
    const fake = find(await sequenceJson(simulator), 'FAKE-01_Container');
    expect(fake?.Items?.map((entry) => [entry.Name, entry.ExposureCount])).toEqual([
      ['Slew and center', undefined],
      ['Take Exposure', 2],
    ]);
    expect(fake?.Items?.[0]?.Coordinates).toMatchObject({ RAString: '21:44:48', DecString: '-11° 08\' 52"' });
  });

  it('sets a target by index: coordinates in degrees (J2000), name and position angle; out of range is 400, negative 500', async () => {
    expect(await post(simulator, sequence([target('A', [item('Platesolving.Center', { Inherited: true })]), target('B', [])]))).toEqual(
      success('Sequence updated'),
    );
    expect(await api(simulator, '/sequence/set-target?name=M%2033&ra=23.4621&dec=30.66&rotation=90&index=1')).toEqual(success('Target updated'));
    expect(await api(simulator, '/sequence/set-target?name=X&ra=0&dec=0&rotation=0&index=2')).toEqual(error('Index out of range', 400));
    expect(await api(simulator, '/sequence/set-target?name=X&ra=0&dec=0&rotation=0&index=-1')).toEqual(error('Unknown error', 500));
    const state = (await api<Entry[]>(simulator, '/sequence/state')).Response;
    const m33 = find(state, 'M 33_Container') as { Target: Json } | undefined;
    expect(m33?.Target).toEqual({
      TargetName: 'M 33',
      PositionAngle: 90,
      InputCoordinates: { RAHours: 1, RAMinutes: 33, RASeconds: expect.closeTo(50.904, 6), NegativeDec: false, DecDegrees: 30, DecMinutes: 39, DecSeconds: expect.closeTo(36, 6) },
    });
    expect(find(state, 'A_Container')).toBeDefined();
  });

  it('answers skip without a running sequence with 409, and binds type as SequenceSkipType', async () => {
    expect(await api(simulator, '/sequence/skip?type=toend')).toEqual(error('Sequence not running', 409));
    expect(await api(simulator, '/sequence/skip?type=2')).toEqual(error('Sequence not running', 409));
    const missing = await fetch(`${simulator.url}/v2/api/sequence/skip`);
    expect([missing.status, await missing.text()]).toEqual([400, expect.stringContaining('Missing query field type.')]);
    const wrong = await fetch(`${simulator.url}/v2/api/sequence/skip?type=Sideways`);
    expect([wrong.status, await wrong.text()]).toEqual([400, expect.stringContaining('Cannot convert field type to SequenceSkipType.')]);
  });

  it('writes state with Newtonsoft: every property, doubles with .0, nulls left out; a throwing read sends an empty body', async () => {
    expect(await post(simulator, sequence([target('T', [takeMany(2, 3)])]))).toEqual(success('Sequence updated'));
    const response = await fetch(`${simulator.url}/v2/api/sequence/state`);
    const text = await response.text();
    expect(text).toContain('"ExposureTime":2.0');
    expect(text).not.toContain('null');
    const state = (JSON.parse(text) as Envelope<Entry[]>).Response;
    const many = find(state, 'Take Many Exposures_Container');
    expect(many?.Conditions).toEqual([{ Name: 'Loop For Iterations_Condition', Status: 'CREATED', Iterations: 3, CompletedIterations: 0 }]);
    expect(many?.Items?.[0]).toEqual({
      Name: 'Take Exposure',
      Status: 'CREATED',
      ExposureTime: 2,
      Gain: -1,
      Offset: -1,
      Binning: { X: 1, Y: 1 },
      ImageType: 'LIGHT',
      ExposureCount: 0,
      Issues: [],
    });

    await control(simulator, 'POST', 'sequence', { breakNextState: true });
    const broken = await fetch(`${simulator.url}/v2/api/sequence/state`);
    expect([broken.status, await broken.text()]).toEqual([200, '']);
  });

  it('answers every route with "Sequence is not initialized" until the sequencer exists (409, 400 for load)', async () => {
    await control(simulator, 'POST', 'sequence', { initialized: false });
    try {
      for (const path of ['/sequence/json', '/sequence/state', '/sequence/start', '/sequence/stop', '/sequence/reset', '/sequence/skip?type=0', '/sequence/set-target?index=0']) {
        expect(await api(simulator, path), path).toEqual(error('Sequence is not initialized', 409));
      }
      expect(await api(simulator, '/sequence/load?sequenceName=Flats')).toEqual(error('Sequence is not initialized', 400));
      expect(await post(simulator, sequence([]))).toEqual(error('Sequence is not initialized', 400));
      expect((await api<string[]>(simulator, '/sequence/list-available')).Success).toBe(true);
    } finally {
      await control(simulator, 'POST', 'sequence', { initialized: true });
    }
  });
});

describe('the sequence runner', () => {
  let simulator: RunningSimulator;
  let socket: SocketClient;

  const start = async (query = '?skipValidation=true'): Promise<void> => {
    expect(await api(simulator, `/sequence/start${query}`)).toEqual(success('Sequence started'));
  };
  const finished = (): Promise<true> => until(() => eventNames(socket).includes('SEQUENCE-FINISHED') || undefined);

  beforeAll(async () => {
    simulator = await startTestSimulator({ speed: SPEED });
  });
  afterAll(() => simulator.close());
  afterEach(async () => {
    await api(simulator, '/sequence/stop');
    await until(async () => !((await control(simulator, 'GET', 'sequence')) as { running: boolean }).running);
    await control(simulator, 'POST', 'sequence', { clearFailures: true, waitScale: 1 });
    await socket.close();
  });

  const openEvents = async (): Promise<void> => {
    socket = await openSocket(simulator, '/v2/socket');
  };

  it('runs a 2-filter × 2-frame plan: statuses progress, four frames with the right filters and target reach the history', async () => {
    await openEvents();
    const before = (await api<number>(simulator, '/image-history?count=true')).Response;
    expect(await post(simulator, sequence([target('NGC 7000', [switchFilter('R'), takeMany(30, 2), switchFilter('G'), takeMany(30, 2)])]))).toEqual(
      success('Sequence updated'),
    );
    await start();
    expect(await api(simulator, '/sequence/start')).toEqual(error('Sequence is already running', 409));
    expect(await api(simulator, '/sequence/load?sequenceName=Flats')).toEqual(error('Sequence is already running', 400));
    const running = await until(async () => {
      const many = find(await sequenceJson(simulator), 'NGC 7000_Container')?.Items?.[1];
      return many?.Status === 'RUNNING' ? many : undefined;
    });
    expect(running.Name).toBe('Take Many Exposures');
    await finished();

    const json = await sequenceJson(simulator);
    const ngc = find(json, 'NGC 7000_Container');
    expect(ngc?.Items?.map((entry) => [entry.Name, entry.Status, entry.ExposureCount])).toEqual([
      ['Switch Filter', 'FINISHED', undefined],
      ['Take Many Exposures', 'FINISHED', 2],
      ['Switch Filter', 'FINISHED', undefined],
      ['Take Many Exposures', 'FINISHED', 2],
    ]);
    expect(json.slice(1).map((entry) => entry.Status)).toEqual(['FINISHED', 'FINISHED', 'FINISHED']);

    const history = await until(async () => {
      const all = (await api<{ Filter: string; TargetName: string; ImageType: string }[]>(simulator, '/image-history?all=true')).Response;
      return all.length >= before + 4 ? all.slice(before) : undefined;
    });
    expect(history.map((image) => [image.Filter, image.TargetName, image.ImageType])).toEqual([
      ['R', 'NGC 7000', 'LIGHT'],
      ['R', 'NGC 7000', 'LIGHT'],
      ['G', 'NGC 7000', 'LIGHT'],
      ['G', 'NGC 7000', 'LIGHT'],
    ]);
    const names = eventNames(socket).filter((name) => name.startsWith('SEQUENCE') || name === 'FILTERWHEEL-CHANGED');
    expect(names[0]).toBe('SEQUENCE-STARTING');
    expect(names.at(-1)).toBe('SEQUENCE-FINISHED');
    expect(names.filter((name) => name === 'FILTERWHEEL-CHANGED').length).toBeGreaterThanOrEqual(1);
    expect(eventNames(socket)).not.toContain('SEQUENCE-ENTITY-FAILED');
  });

  it('stops mid-run: SEQUENCE-FINISHED, the running items back to CREATED, no more frames', async () => {
    await openEvents();
    expect(await post(simulator, sequence([target('Stop test', [takeMany(20, 10)])]))).toEqual(success('Sequence updated'));
    await start();
    await until(() => eventNames(socket).includes('IMAGE-SAVE') || undefined);
    expect(await api(simulator, '/sequence/stop')).toEqual(success('Sequence stopped'));
    await finished();
    const framesAtStop = eventNames(socket).filter((name) => name === 'IMAGE-PREPARED').length;
    const stopTest = find(await sequenceJson(simulator), 'Stop test_Container');
    expect(stopTest?.Status).toBe('CREATED');
    expect(stopTest?.Items?.[0]).toMatchObject({ Status: 'CREATED', Iterations: 10 });
    expect(stopTest?.Items?.[0]?.ExposureCount).toBeLessThan(10);
    expect(await logMessages(simulator, 5)).toContain('Sequence run was cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(eventNames(socket).filter((name) => name === 'IMAGE-PREPARED').length).toBe(framesAtStop);
    expect(await api(simulator, '/sequence/skip?type=CurrentItems')).toEqual(error('Sequence not running', 409));
  });

  it('reports a failing instruction as SEQUENCE-ENTITY-FAILED only with the Send Error trigger, and carries on', async () => {
    await openEvents();
    await control(simulator, 'POST', 'sequence', { failItem: { match: 'Take Exposure', message: 'Camera download failed' } });
    const plan = [target('Fail test', [takeExposure(1), item('Utility.Annotation', { Text: 'after the failure' })])];
    expect(await post(simulator, sequence(plan, { globalTriggers: [sendErrorTrigger] }))).toEqual(success('Sequence updated'));
    await start();
    await finished();
    const failure = eventsOf(socket).find((event) => event.Event === 'SEQUENCE-ENTITY-FAILED');
    expect(failure).toEqual({ Event: 'SEQUENCE-ENTITY-FAILED', Entity: 'Take Exposure', Error: 'Camera download failed' });
    expect(find(await sequenceJson(simulator), 'Fail test_Container')?.Items?.map((entry) => entry.Status)).toEqual(['FAILED', 'FINISHED']);
    const logs = await logMessages(simulator, 40);
    expect(logs).toContain('Instruction Take Exposure failed after 1 attempt. Error behavior is set to ContinueOnError. Continuing.');
    const history = (await api<Json[]>(simulator, '/event-history')).Response;
    expect(history.filter((row) => row.Event === 'SEQUENCE-ENTITY-FAILED').at(-1)).toMatchObject({ Entity: 'Take Exposure', Error: 'Camera download failed' });

    await socket.close();
    await openEvents();
    await control(simulator, 'POST', 'sequence', { failItem: { match: 'TakeExposure' } });
    expect(await post(simulator, sequence(plan))).toEqual(success('Sequence updated'));
    await start();
    await finished();
    expect(eventNames(socket)).not.toContain('SEQUENCE-ENTITY-FAILED');
  });

  it('honours ErrorBehavior and Attempts: three failed attempts, then AbortOnError ends the sequence', async () => {
    await openEvents();
    await control(simulator, 'POST', 'sequence', { failItem: { match: 'Annotation', message: 'Nope', times: 3 } });
    const failing = { ...item('Utility.Annotation', { Text: 'fails' }), ErrorBehavior: 1, Attempts: 3 };
    const plan = [target('Abort test', [failing, takeExposure(1)])];
    expect(await post(simulator, sequence(plan, { end: [item('Utility.Annotation', { Text: 'end' })], globalTriggers: [sendErrorTrigger] }))).toEqual(
      success('Sequence updated'),
    );
    await start();
    await finished();
    expect(eventsOf(socket).filter((event) => event.Event === 'SEQUENCE-ENTITY-FAILED')).toHaveLength(3);
    const json = await sequenceJson(simulator);
    expect(find(json, 'Abort test_Container')?.Items?.map((entry) => entry.Status)).toEqual(['FAILED', 'CREATED']);
    expect(find(json, 'End_Container')?.Items?.[0]?.Status).toBe('CREATED');
    expect(await logMessages(simulator, 40)).toContain('Instruction Annotation failed after 3 attempts. Error behavior is set to AbortOnError. Aborting Sequence!');
  });

  it('skips an instruction type it does not run, with NINA\'s log lines', async () => {
    await openEvents();
    const plan = [target('Unknown test', [item('Telescope.ParkScope'), { $type: 'Acme.Plugin.Dance, Acme' }, item('Utility.Annotation', { Text: 'x' })])];
    expect(await post(simulator, sequence(plan))).toEqual(success('Sequence updated'));
    await start();
    await finished();
    expect(find(await sequenceJson(simulator), 'Unknown test_Container')?.Items?.map((entry) => [entry.Name, entry.Status])).toEqual([
      ['Park Scope', 'SKIPPED'],
      ['<Unknown Instruction - Acme.Plugin.Dance, Acme> ', 'SKIPPED'],
      ['Annotation', 'FINISHED'],
    ]);
    const logs = await logMessages(simulator, 40);
    expect(logs).toContain('Skipped Category: Telescope, Item: ParkScope');
    expect(logs).toContain('The simulator does not run ParkScope; Park Scope will be skipped');
    expect(logs).toContain('Unknown instruction will be skipped - $<Unknown Instruction - Acme.Plugin.Dance, Acme> ');
  });

  it('skips the current item (a wait) and the Start area; waits can be shortened by a test control', async () => {
    await openEvents();
    const plan = [target('Skip test', [item('Utility.WaitForTimeSpan', { Time: 3600 }), item('Utility.WaitForTimeSpan', { Time: 20 })])];
    expect(await post(simulator, sequence(plan, { start: [item('Utility.WaitForTimeSpan', { Time: 3600 })] }))).toEqual(success('Sequence updated'));
    await start();
    await until(async () => find(await sequenceJson(simulator), 'Start_Container')?.Items?.[0]?.Status === 'RUNNING' || undefined);
    expect(await api(simulator, '/sequence/skip?type=ToImaging')).toEqual(success('Skipped'));
    await until(async () => find(await sequenceJson(simulator), 'Skip test_Container')?.Items?.[0]?.Status === 'RUNNING' || undefined);
    expect(await api(simulator, '/sequence/skip?type=currentitems')).toEqual(success('Skipped'));
    await control(simulator, 'POST', 'sequence', { waitScale: 0 });
    await finished();
    const json = await sequenceJson(simulator);
    expect(find(json, 'Start_Container')?.Status).toBe('SKIPPED');
    expect(find(json, 'Skip test_Container')?.Items?.map((entry) => entry.Status)).toEqual(['SKIPPED', 'FINISHED']);
  });

  it('without skipValidation, a sequence with issues does not run: NINA\'s prompt defaults to Cancel', async () => {
    await openEvents();
    expect(await post(simulator, sequence([target('Validation test', [takeExposure(1)])]))).toEqual(success('Sequence updated'));
    await api(simulator, '/equipment/camera/disconnect');
    try {
      await start('');
      await finished();
      expect(eventNames(socket).filter((name) => name.startsWith('SEQUENCE'))).toEqual(['SEQUENCE-STARTING', 'SEQUENCE-FINISHED']);
      expect(find(await sequenceJson(simulator), 'Validation test_Container')?.Items?.[0]?.Status).toBe('CREATED');
      expect((await logMessages(simulator, 3)).some((line) => line.startsWith('Pre-sequence checklist: Camera not connected.'))).toBe(true);
    } finally {
      await api(simulator, '/equipment/camera/connect');
    }
  });

  it('slews, waits for a time, and runs a Smart Exposure with an AF-after-exposures trigger', async () => {
    await openEvents();
    const nowMs = (await control(simulator, 'GET', 'state') as { simTimeMs: number }).simTimeMs;
    const wakeAt = new Date(nowMs + 5 * 60_000);
    const waitUntilMs = waitForTimeTargetMs(nowMs, wakeAt.getHours(), wakeAt.getMinutes(), wakeAt.getSeconds(), 0);
    const smartExposure = container('SequenceItem.Imaging.SmartExposure', 'Smart Exposure', [switchFilter('Ha'), takeExposure(1)], {
      Conditions: [{ $type: TYPE('Conditions.LoopCondition'), Iterations: 3 }],
      Triggers: [{ $type: TYPE('Trigger.Guider.DitherAfterExposures'), AfterExposures: 0 }],
    });
    const plan = [
      target(
        'More',
        [
          item('Telescope.SlewScopeToRaDec', { Inherited: false, Coordinates: coordinates([3, 47, 24], [24, 7, 0]) }),
          item('Utility.WaitForTime', { Hours: wakeAt.getHours(), Minutes: wakeAt.getMinutes(), Seconds: wakeAt.getSeconds(), MinutesOffset: 0 }),
          smartExposure,
        ],
        [{ $type: TYPE('Trigger.Autofocus.AutofocusAfterExposures'), AfterExposures: 2 }],
      ),
    ];
    const before = (await api<number>(simulator, '/image-history?count=true')).Response;
    expect(await post(simulator, sequence(plan))).toEqual(success('Sequence updated'));
    await start();
    await finished();
    const more = find(await sequenceJson(simulator), 'More_Container');
    expect(more?.Items?.map((entry) => entry.Status)).toEqual(['FINISHED', 'FINISHED', 'FINISHED']);
    expect(more?.Items?.[2]).toMatchObject({ Name: 'Smart Exposure', Filter: 'Ha', Iterations: 3, CompletedIterations: 3, ExposureCount: 3, DitherTargetExposures: 0 });
    expect(more?.Triggers?.[0]).toMatchObject({ Name: 'AF After # Exposures_Trigger', Status: 'FINISHED', DeltaExposures: 2 });
    expect(eventNames(socket)).toContain('AUTOFOCUS-FINISHED');
    const simNowMs = (await control(simulator, 'GET', 'state') as { simTimeMs: number }).simTimeMs;
    expect(simNowMs).toBeGreaterThanOrEqual(Math.min(waitUntilMs, nowMs + 5 * 60_000));
    const mount = (await api<{ RightAscension: number }>(simulator, '/equipment/mount/info')).Response;
    expect(mount.RightAscension).toBeCloseTo(3.8, 0);
    const history = await until(async () => {
      const all = (await api<{ Filter: string; TargetName: string }[]>(simulator, '/image-history?all=true')).Response;
      return all.length >= before + 3 ? all.slice(before) : undefined;
    });
    expect(history.map((image) => `${image.Filter} ${image.TargetName}`)).toEqual(['Ha More', 'Ha More', 'Ha More']);
  });

  it('centers, focuses, guides, dithers and cools through the rig, then resets', async () => {
    await openEvents();
    const plan = [
      target(
        'Rig test',
        [
          item('Platesolving.Center', { Inherited: true, Coordinates: coordinates([0, 0, 0], [0, 0, 0]) }),
          item('Autofocus.RunAutofocus'),
          item('Guider.StartGuiding', { ForceCalibration: false }),
          takeMany(2, 2),
          item('Guider.StopGuiding'),
        ],
        [{ $type: TYPE('Trigger.Guider.DitherAfterExposures'), AfterExposures: 1 }],
      ),
    ];
    const start_ = [item('Camera.CoolCamera', { Temperature: -10, Duration: 0 })];
    expect(await post(simulator, sequence(plan, { start: start_, end: [item('Camera.WarmCamera', { Duration: 1 })] }))).toEqual(success('Sequence updated'));
    await start();
    await until(() => eventNames(socket).includes('SEQUENCE-FINISHED') || undefined, 30_000);
    const names = eventNames(socket);
    for (const name of ['MOUNT-CENTER', 'AUTOFOCUS-STARTING', 'AUTOFOCUS-FINISHED', 'GUIDER-START', 'GUIDER-DITHER', 'GUIDER-STOP']) {
      expect(names, name).toContain(name);
    }
    expect(names.indexOf('MOUNT-CENTER')).toBeLessThan(names.indexOf('AUTOFOCUS-STARTING'));
    expect(names.indexOf('GUIDER-START')).toBeLessThan(names.indexOf('GUIDER-DITHER'));
    const json = await sequenceJson(simulator);
    expect(find(json, 'Rig test_Container')?.Items?.map((entry) => entry.Status)).toEqual(['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'FINISHED']);
    expect(find(json, 'Rig test_Container')?.Triggers?.[0]).toMatchObject({ Name: 'Dither after Exposures_Trigger', Status: 'FINISHED' });
    const mount = (await api<{ RightAscension: number; Declination: number }>(simulator, '/equipment/mount/info')).Response;
    expect(mount.RightAscension).toBeCloseTo(21.75, 0);
    const camera = (await api<{ CoolerOn: boolean }>(simulator, '/equipment/camera/info')).Response;
    expect(camera.CoolerOn).toBe(false);

    expect(await api(simulator, '/sequence/reset')).toEqual(success('Sequence reset'));
    const reset = await sequenceJson(simulator);
    expect(find(reset, 'Rig test_Container')?.Items?.map((entry) => entry.Status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED', 'CREATED']);
    expect(find(reset, 'Rig test_Container')?.Items?.[3]?.ExposureCount).toBe(2);
  });
});
