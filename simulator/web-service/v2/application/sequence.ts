// Sequence.cs (notes §12): the advanced sequence as json (STJ, the plugin's per-type keys) and
// state (Newtonsoft, every public read/write property), start/stop/reset/skip, the saved sequences
// (list-available, load by name or by body) and set-target, plus the SequenceWatcher and the
// "Send Error to WebSocket" trigger's events (§13.3). Every route checks ISequenceMediator.Initialized
// first; the not-initialized code is 409, except 400 for load.

import type { HttpReply } from '../../../http/reply';
import type { Router } from '../../../http/router';
import { hoursToHms, degreesToDms } from '../../../rig/sexagesimal';
import { Epoch } from '../../../rig/nina-enums';
import type { Rig } from '../../../rig/rig';
import { instructionTarget, profileFilter, validationIssues, waitForTimeTargetMs } from '../../../rig/sequencer/instructions';
import { Container, fromEquatorial, Leaf, type Condition, type InputCoordinates, type SequenceItem, type Trigger } from '../../../rig/sequencer/model';
import { asRootContainer, deserializeSequence, DotNetError, wrapTarget } from '../../../rig/sequencer/sequence-file';
import { SKIP_TYPES } from '../../../rig/sequencer/sequencer';
import { err, ok, unknownError, type Envelope } from '../../../wire/envelope';
import { dateTimeLocal, dateTimeUtc, double, hashtable, int, timeSpan, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import { toNewtonsoft } from '../../../wire/serializer';
import { HTML_CONTENT_TYPE } from '../../../wire/embedio-html';
import type { ApiContext } from '../api-context';

/** The plugin's own state for these routes: a test control can make the next state read throw. */
interface SequencePluginState {
  breakNextState: boolean;
}

const states = new WeakMap<Rig, SequencePluginState>();

export function sequencePluginState(rig: Rig): SequencePluginState {
  let state = states.get(rig);
  if (state === undefined) {
    state = { breakNextState: false };
    states.set(rig, state);
  }
  return state;
}

/** The plugin's SequenceWatcher, and the SendErrorTrigger's handler of the root's failures. */
export function startSequenceWatcher(context: ApiContext): void {
  const { rig, events } = context;
  rig.sequencer.sequenceStarting.subscribe(() => events.sendAndAddEvent('SEQUENCE-STARTING'));
  rig.sequencer.sequenceFinished.subscribe(() => events.sendAndAddEvent('SEQUENCE-FINISHED'));
  rig.sequencer.errorTriggerFired.subscribe(({ entity, error }) => events.sendAndAddEvent('SEQUENCE-ENTITY-FAILED', { Entity: entity, Error: error }));
}

// ---- /sequence/json: the plugin's hand-picked keys, written by STJ ----

/** NINA's Coordinates class as STJ writes it (InputCoordinates.Coordinates, J2000). */
function coordinatesValue(leaf: Leaf, nowMs: number): NetValue {
  const target = instructionTarget(leaf);
  if (target === null) return null;
  return {
    RA: double(target.raHours),
    RAString: hoursToHms(target.raHours),
    RADegrees: double(target.raHours * 15),
    Dec: double(target.decDeg),
    DecString: degreesToDms(target.decDeg),
    Epoch: Epoch.J2000,
    DateTime: { Now: dateTimeLocal(nowMs), UtcNow: dateTimeUtc(nowMs) },
  };
}

function exposureKeys(leaf: SequenceItem | undefined): Record<string, NetValue> {
  if (!(leaf instanceof Leaf) || leaf.instruction.kind !== 'TakeExposure') throw new TypeError('Object reference not set to an instance of an object.');
  const settings = leaf.instruction;
  return {
    ExposureTime: double(settings.exposureTimeS),
    ExposureCount: int(settings.exposureCount),
    Binning: { Name: `${settings.binning.x}x${settings.binning.y}`, X: int(settings.binning.x), Y: int(settings.binning.y) },
    Gain: int(settings.gain),
    Offset: int(settings.offset),
    Type: settings.imageType,
  };
}

function loopOf(container: Container): { iterations: number; completedIterations: number } {
  const data = container.conditions[0]?.data;
  if (data?.kind !== 'LoopCondition') throw new TypeError('Object reference not set to an instance of an object.');
  return data;
}

/** ProgressExposures of a dither or AF trigger: the light frames in NINA's history modulo the trigger's count. */
function progressExposures(afterExposures: number, lightFrames: number): number {
  return afterExposures > 0 ? lightFrames % afterExposures : 0;
}

function triggersJson(rig: Rig, container: Container): NetValue[] {
  return container.triggers.map((trigger) => {
    const keys: Record<string, NetValue> = { Name: `${trigger.name}_Trigger`, Status: trigger.status };
    const data = trigger.data;
    if (data.kind === 'AutofocusAfterExposures') {
      keys.Exposures = int(progressExposures(data.afterExposures, rig.sequencer.lightFrames));
      keys.DeltaExposures = int(data.afterExposures);
    } else if (data.kind === 'AutofocusAfterTimeTrigger') {
      keys.DeltaTime = double(data.amountMin);
      keys.ElapsedTime = double(data.sinceMs === 0 ? 0 : (rig.clock.nowMs() - data.sinceMs) / 60_000);
    } else if (data.kind === 'DitherAfterExposures') {
      keys.Exposures = int(progressExposures(data.afterExposures, rig.sequencer.lightFrames));
      keys.TargetExposures = int(data.afterExposures);
    }
    return hashtable(keys);
  });
}

function conditionsJson(container: Container): NetValue[] {
  return container.conditions.map((condition) => {
    const keys: Record<string, NetValue> = { Name: `${condition.name}_Condition`, Status: condition.status };
    if (condition.data.kind === 'LoopCondition') {
      keys.Iterations = int(condition.data.iterations);
      keys.CompletedIterations = int(condition.data.completedIterations);
    }
    return hashtable(keys);
  });
}

function itemJson(rig: Rig, item: SequenceItem): NetValue {
  const nowMs = rig.clock.nowMs();
  const keys: Record<string, NetValue> = { Name: item.name, Status: item.status };
  if (item instanceof Container) {
    if (item.kind === 'SmartExposure') {
      const loop = loopOf(item);
      const dither = item.triggers[0]?.data;
      if (dither?.kind !== 'DitherAfterExposures') throw new TypeError('Object reference not set to an instance of an object.');
      const switchFilter = item.items[0];
      if (!(switchFilter instanceof Leaf) || switchFilter.instruction.kind !== 'SwitchFilter') throw new TypeError('Object reference not set to an instance of an object.');
      Object.assign(keys, exposureKeys(item.items[1]), {
        DitherProgressExposures: int(progressExposures(dither.afterExposures, rig.sequencer.lightFrames)),
        DitherTargetExposures: int(dither.afterExposures),
        Iterations: int(loop.iterations),
        CompletedIterations: int(loop.completedIterations),
        Filter: switchFilter.instruction.filter?.name ?? 'Current',
      });
    } else if (item.kind === 'TakeManyExposures') {
      Object.assign(keys, exposureKeys(item.items[0]), { Iterations: int(loopOf(item).iterations) });
    } else {
      keys.Name = `${item.name}_Container`;
      keys.Items = itemsJson(rig, item);
      keys.Conditions = conditionsJson(item);
      keys.Triggers = triggersJson(rig, item);
    }
    return hashtable(keys);
  }
  if (!(item instanceof Leaf)) return hashtable(keys);
  const instruction = item.instruction;
  switch (instruction.kind) {
    case 'CoolCamera':
      keys.Temperature = double(instruction.temperatureC);
      keys.MinCoolingTime = double(instruction.durationMin);
      break;
    case 'WarmCamera':
      keys.MinWarmingTime = double(instruction.durationMin);
      break;
    case 'TakeExposure':
      Object.assign(keys, exposureKeys(item));
      break;
    case 'SwitchFilter':
      keys.Filter = instruction.filter?.name ?? 'Current';
      break;
    case 'StartGuiding':
      keys.ForceCalibration = instruction.forceCalibration;
      break;
    case 'Center':
    case 'SlewScopeToRaDec':
      keys.Coordinates = coordinatesValue(item, nowMs);
      break;
    case 'Annotation':
      keys.Text = instruction.text;
      break;
    case 'WaitForTime': {
      const waitMs = Math.max(0, waitForTimeTargetMs(nowMs, instruction.hours, instruction.minutes, instruction.seconds, instruction.minutesOffset) - nowMs);
      keys.TargetTime = dateTimeLocal(nowMs + waitMs);
      keys.CalculatedWaitDuration = timeSpan(waitMs);
      break;
    }
    case 'WaitForTimeSpan':
      keys.Delay = double(instruction.timeS);
      break;
    default:
      break;
  }
  return hashtable(keys);
}

/** getSequenceRecursivley: an item whose keys cannot be read is left out. */
function itemsJson(rig: Rig, container: Container): NetValue[] {
  const entries: NetValue[] = [];
  for (const item of container.items) {
    try {
      entries.push(itemJson(rig, item));
    } catch {
      // Logged and dropped by the plugin.
    }
  }
  return entries;
}

function sequenceJson(rig: Rig): NetValue[] {
  const root = rig.sequencer.root;
  return [hashtable({ GlobalTriggers: triggersJson(rig, root) }), ...itemsJson(rig, root)];
}

// ---- /sequence/state: every public read/write property, written by Newtonsoft ----

/** Newtonsoft without type names: the saved JSON of a type the simulator does not run, minus `$` keys and Parent. */
function plainJson(value: unknown): NetValue {
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.$values)) return plainJson(record.$values);
    const result: Record<string, NetValue> = {};
    for (const [key, child] of Object.entries(record)) if (!key.startsWith('$') && key !== 'Parent' && child !== null) result[key] = plainJson(child);
    return result;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? int(value) : double(value);
  return typeof value === 'string' || typeof value === 'boolean' ? value : null;
}

function inputCoordinatesState(coordinates: InputCoordinates): NetValue {
  return {
    RAHours: int(coordinates.raHours),
    RAMinutes: int(coordinates.raMinutes),
    RASeconds: double(coordinates.raSeconds),
    NegativeDec: coordinates.negativeDec,
    DecDegrees: int(coordinates.decDegrees),
    DecMinutes: int(coordinates.decMinutes),
    DecSeconds: double(coordinates.decSeconds),
  };
}

function leafState(rig: Rig, leaf: Leaf): Record<string, NetValue> {
  const instruction = leaf.instruction;
  const issues = validationIssues(rig, leaf);
  switch (instruction.kind) {
    case 'CoolCamera':
      return { Temperature: double(instruction.temperatureC), Duration: double(instruction.durationMin), Issues: issues };
    case 'WarmCamera':
      return { Duration: double(instruction.durationMin), Issues: issues };
    case 'TakeExposure':
      return {
        ExposureTime: double(instruction.exposureTimeS),
        Gain: int(instruction.gain),
        Offset: int(instruction.offset),
        Binning: { X: int(instruction.binning.x), Y: int(instruction.binning.y) },
        ImageType: instruction.imageType,
        ExposureCount: int(instruction.exposureCount),
        Issues: issues,
      };
    case 'SwitchFilter': {
      const filter = profileFilter(rig.filterWheel, leaf);
      const saved = instruction.filter;
      const name = filter?.name ?? saved?.name;
      const position = filter?.position ?? saved?.position;
      return {
        ...(saved === null ? {} : { Filter: { ...(name == null ? {} : { _name: name }), ...(position == null ? {} : { _position: int(position) }) } }),
        Issues: issues,
      };
    }
    case 'Center':
    case 'SlewScopeToRaDec':
      return { Inherited: instruction.inherited, Coordinates: inputCoordinatesState(instruction.coordinates), Issues: issues };
    case 'StartGuiding':
      return { ForceCalibration: instruction.forceCalibration, Issues: issues };
    case 'StopGuiding':
    case 'Dither':
    case 'RunAutofocus':
      return { Issues: issues };
    case 'WaitForTime':
      return {
        Hours: int(instruction.hours),
        Minutes: int(instruction.minutes),
        Seconds: int(instruction.seconds),
        MinutesOffset: int(instruction.minutesOffset),
        SelectedProvider: {},
      };
    case 'WaitForTimeSpan':
      return { Time: double(instruction.timeS) };
    case 'Annotation':
      return { Text: instruction.text };
    case 'unmodelled':
      return plainJson(instruction.saved) as Record<string, NetValue>;
  }
}

function conditionsState(container: Container): NetValue[] {
  return container.conditions.map((condition: Condition) => {
    const data = condition.data;
    const properties = data.kind === 'LoopCondition' ? { Iterations: int(data.iterations), CompletedIterations: int(data.completedIterations) } : (plainJson(data.saved) as Record<string, NetValue>);
    return hashtable({ Name: `${condition.name}_Condition`, Status: condition.status, ...properties });
  });
}

function triggersState(rig: Rig, container: Container): NetValue[] {
  return container.triggers.map((trigger: Trigger) => {
    const data = trigger.data;
    const guiderIssues = rig.guider.connected ? [] : ['Guider not connected'];
    const focuserIssues = rig.focuser.connected ? [] : ['Focuser not connected'];
    let properties: Record<string, NetValue>;
    switch (data.kind) {
      case 'DitherAfterExposures':
        properties = { AfterExposures: int(data.afterExposures), Issues: data.afterExposures > 0 ? guiderIssues : [] };
        break;
      case 'AutofocusAfterExposures':
        properties = { AfterExposures: int(data.afterExposures), Issues: focuserIssues };
        break;
      case 'AutofocusAfterTimeTrigger':
        properties = { Amount: double(data.amountMin), Issues: focuserIssues };
        break;
      case 'SendErrorTrigger':
        properties = { Issues: [] };
        break;
      case 'unmodelled':
        properties = plainJson(data.saved) as Record<string, NetValue>;
        break;
    }
    return hashtable({ Name: `${trigger.name}_Trigger`, Status: trigger.status, ...properties });
  });
}

function itemState(rig: Rig, item: SequenceItem): NetValue {
  if (item instanceof Leaf) return hashtable({ Name: item.name, Status: item.status, ...leafState(rig, item) });
  const container = item as Container;
  const target = container.target;
  return hashtable({
    Name: `${container.name}_Container`,
    Status: container.status,
    Items: container.items.map((child) => itemState(rig, child)),
    Conditions: conditionsState(container),
    Triggers: triggersState(rig, container),
    Iterations: int(container.iterations),
    ...(target === null
      ? {}
      : { Target: { TargetName: target.targetName, PositionAngle: double(target.positionAngleDeg), InputCoordinates: inputCoordinatesState(target.coordinates) } }),
  });
}

function sequenceState(rig: Rig): NetValue[] {
  const root = rig.sequencer.root;
  return [hashtable({ GlobalTriggers: triggersState(rig, root) }), ...root.items.map((item) => itemState(rig, item))];
}

/** WriteSequenceResponse: Newtonsoft, enums as numbers; the state is built without the nulls its settings would leave out. */
function newtonsoftReply(envelope: Envelope): HttpReply {
  return { status: 200, contentType: 'application/json', body: toNewtonsoft(envelope) };
}

// ---- routes ----

const LOAD_ORIGIN = { source: 'Sequence.cs', member: 'SequenceLoad', line: 752 };
const GET_LOAD_ORIGIN = { source: 'Sequence.cs', member: 'GetSequenceLoad', line: 821 };

export function registerSequenceRoutes(router: Router, context: ApiContext): void {
  const { rig } = context;
  const { sequencer, log } = rig;
  const plugin = sequencePluginState(rig);
  const notInitialized = (statusCode: number): Envelope => err('Sequence is not initialized', statusCode);
  /** The catch-all logs the exception (Logger.Error) before answering "Unknown error". */
  const failed = (origin: typeof LOAD_ORIGIN, error: unknown): Envelope => {
    const text = error instanceof DotNetError ? `${error.exceptionType}: ${error.message}` : String(error);
    log.write('ERROR', origin, text);
    return unknownError();
  };

  router.get('/sequence/json', {}, () => {
    if (!sequencer.initialized) return notInitialized(409);
    return ok(sequenceJson(rig));
  });

  router.getRaw('/sequence/state', {}, () => {
    if (!sequencer.initialized) return newtonsoftReply(notInitialized(409));
    if (plugin.breakNextState) {
      plugin.breakNextState = false;
      // The catch builds an error envelope but never writes it: EmbedIO closes an empty 200 reply.
      return { status: 200, contentType: HTML_CONTENT_TYPE, body: '', injected: true };
    }
    return newtonsoftReply(ok(sequenceState(rig)));
  });

  router.get('/sequence/start', { skipValidation: queryField.boolean() }, ({ skipValidation }) => {
    if (!sequencer.initialized) return notInitialized(409);
    if (sequencer.isRunning) return err('Sequence is already running', 409);
    sequencer.start(skipValidation);
    return ok('Sequence started');
  });

  router.get('/sequence/stop', {}, () => {
    if (!sequencer.initialized) return notInitialized(409);
    sequencer.cancel();
    return ok('Sequence stopped');
  });

  router.get('/sequence/reset', {}, () => {
    if (!sequencer.initialized) return notInitialized(409);
    sequencer.resetAll();
    return ok('Sequence reset');
  });

  router.get('/sequence/skip', { type: queryField.enumeration('SequenceSkipType', SKIP_TYPES, { required: true }) }, ({ type }) => {
    if (!sequencer.initialized) return notInitialized(409);
    if (!sequencer.isRunning) return err('Sequence not running', 409);
    sequencer.skip(type);
    return ok('Skipped');
  });

  router.get('/sequence/list-available', {}, () => ok(sequencer.listAvailable()));

  router.get('/sequence/load', { sequenceName: queryField.string({ required: true }) }, ({ sequenceName }) => {
    if (!sequencer.initialized) return notInitialized(400);
    if (sequencer.isRunning) return err('Sequence is already running', 400);
    const text = sequencer.readSavedSequence(sequenceName ?? '');
    if (text === null) return err('Sequence not found', 400);
    try {
      const container = deserializeSequence(text);
      sequencer.setAdvancedSequence(container.kind === 'DeepSkyObjectContainer' ? wrapTarget(container) : asRootContainer(container));
    } catch (error) {
      return failed(GET_LOAD_ORIGIN, error);
    }
    return ok('Sequence updated');
  });

  router.post('/sequence/load', (request) => {
    if (!sequencer.initialized) return notInitialized(400);
    if (sequencer.isRunning) return err('Sequence is already running', 400);
    try {
      sequencer.setAdvancedSequence(asRootContainer(deserializeSequence(request.body.toString('utf8'))));
    } catch (error) {
      return failed(LOAD_ORIGIN, error);
    }
    return ok('Sequence updated');
  });

  router.get(
    '/sequence/set-target',
    { name: queryField.string(), ra: queryField.double(), dec: queryField.double(), rotation: queryField.double(), index: queryField.int32() },
    ({ name, ra, dec, rotation, index }) => {
      if (!sequencer.initialized) return notInitialized(409);
      const targets = sequencer.targets();
      if (targets.length <= index) return err('Index out of range', 400);
      const container = targets[index];
      // A negative index reaches the list indexer, which throws: the catch-all's 500.
      if (container === undefined) throw new RangeError('Index was out of range.');
      container.target = { targetName: name ?? '', positionAngleDeg: rotation, coordinates: fromEquatorial({ raHours: ra / 15, decDeg: dec }) };
      container.name = name ?? '';
      return ok('Target updated');
    },
  );
}
