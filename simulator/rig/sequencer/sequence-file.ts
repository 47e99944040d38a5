// Reading NINA's saved sequence format (Newtonsoft with TypeNameHandling: `$type` on every entity,
// `$id`/`$ref` references, collections either as arrays or as `{"$type": …, "$values": [...]}`),
// the way SequenceJsonConverter.Deserialize and its creation converters do it. Only containers
// keep a saved Name; instructions, conditions and triggers take theirs from the factory. What does
// not deserialize fails with the .NET exception NINA would log.

import { CONDITIONS, CONTAINERS, INSTRUCTIONS, SEND_ERROR_TRIGGER, TRIGGERS } from './catalogue';
import {
  Condition,
  Container,
  Leaf,
  Trigger,
  type ConditionData,
  type ContainerKind,
  type DotNetType,
  type FilterReference,
  type InputCoordinates,
  type InputTarget,
  type Instruction,
  type SequenceItem,
  type TriggerData,
} from './model';

/** An exception as .NET reports it: the type NINA's log names, and its Message. */
export class DotNetError extends Error {
  constructor(
    readonly exceptionType: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

const ROOT_TYPE = 'NINA.Sequencer.Container.SequenceRootContainer';

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Type.GetType` of a `$type`, with NINA's migration of pre-2.0 types from the NINA assembly. */
function parseType(text: string): DotNetType {
  const comma = text.indexOf(',');
  const fullName = (comma === -1 ? text : text.slice(0, comma)).trim();
  const assembly = comma === -1 ? '' : (text.slice(comma + 1).split(',')[0] ?? '').trim();
  return { fullName, assembly: assembly === 'NINA' ? 'NINA.Sequencer' : assembly };
}

/** Newtonsoft's JsonToken name for a value that is not an object. */
function tokenName(value: unknown): string {
  if (Array.isArray(value)) return 'StartArray';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  return 'Null';
}

/** Where the first token of the text sits, as Newtonsoft reports it after reading that token. */
function firstTokenPosition(text: string): { line: number; position: number } {
  let line = 1;
  let column = 0;
  for (const char of text) {
    if (char === '\n') {
      line += 1;
      column = 0;
    } else if (/\s/.test(char)) {
      column += 1;
    } else {
      return { line, position: column + 1 };
    }
  }
  return { line, position: column };
}

class SequenceReader {
  private readonly ids = new Map<string, Json>();

  constructor(root: Json) {
    this.collect(root);
  }

  private collect(value: unknown): void {
    if (Array.isArray(value)) {
      for (const child of value) this.collect(child);
    } else if (isObject(value)) {
      if (typeof value.$id === 'string') this.ids.set(value.$id, value);
      for (const [key, child] of Object.entries(value)) if (key !== 'Parent') this.collect(child);
    }
  }

  /** A value with `$ref` resolved to the object it names. */
  object(value: unknown): Json | null {
    if (!isObject(value)) return null;
    if (typeof value.$ref === 'string') return this.ids.get(value.$ref) ?? null;
    return value;
  }

  list(value: unknown): unknown[] {
    const resolved = this.object(value);
    if (Array.isArray(value)) return value;
    return resolved !== null && Array.isArray(resolved.$values) ? resolved.$values : [];
  }
}

/** Newtonsoft's conversions into a double/int property: numbers, numeric strings. */
function numberOf(json: Json, key: string, fallback: number): number {
  const value = json[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

function integerOf(json: Json, key: string, fallback: number): number {
  return Math.trunc(numberOf(json, key, fallback));
}

function booleanOf(json: Json, key: string, fallback: boolean): boolean {
  const value = json[key];
  return typeof value === 'boolean' ? value : fallback;
}

function stringOf(json: Json, key: string, fallback: string): string {
  const value = json[key];
  return typeof value === 'string' ? value : fallback;
}

/** What NINA's JSON properties hold, for the types the simulator does not run (shown by /sequence/state). */
function savedProperties(json: Json): Record<string, unknown> {
  const saved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('$') || key === 'Parent' || key === 'ErrorBehavior' || key === 'Attempts') continue;
    saved[key] = value;
  }
  return saved;
}

function inputCoordinates(reader: SequenceReader, value: unknown): InputCoordinates {
  const json = reader.object(value) ?? {};
  return {
    raHours: integerOf(json, 'RAHours', 0),
    raMinutes: integerOf(json, 'RAMinutes', 0),
    raSeconds: numberOf(json, 'RASeconds', 0),
    negativeDec: booleanOf(json, 'NegativeDec', false),
    decDegrees: integerOf(json, 'DecDegrees', 0),
    decMinutes: integerOf(json, 'DecMinutes', 0),
    decSeconds: numberOf(json, 'DecSeconds', 0),
  };
}

/** InputTarget: PositionAngle since NINA 2.0; the seed's older sequences call it Rotation. */
function inputTarget(reader: SequenceReader, value: unknown): InputTarget {
  const json = reader.object(value) ?? {};
  return {
    targetName: stringOf(json, 'TargetName', ''),
    positionAngleDeg: numberOf(json, 'PositionAngle', numberOf(json, 'Rotation', 0)),
    coordinates: inputCoordinates(reader, json.InputCoordinates),
  };
}

/** FilterInfo serializes its fields (`_name`, `_position`); hand-written files often use Name/Position. */
function filterReference(reader: SequenceReader, value: unknown): FilterReference | null {
  const json = reader.object(value);
  if (json === null) return null;
  const nameValue = json._name ?? json.Name;
  const positionValue = json._position ?? json.Position;
  return {
    name: typeof nameValue === 'string' ? nameValue : null,
    position: typeof positionValue === 'number' ? positionValue : null,
  };
}

function instruction(reader: SequenceReader, type: DotNetType, json: Json): Instruction {
  switch (type.assembly === 'NINA.Sequencer' ? type.fullName : '') {
    case 'NINA.Sequencer.SequenceItem.Camera.CoolCamera':
      return { kind: 'CoolCamera', temperatureC: numberOf(json, 'Temperature', -10), durationMin: numberOf(json, 'Duration', 0) };
    case 'NINA.Sequencer.SequenceItem.Camera.WarmCamera':
      return { kind: 'WarmCamera', durationMin: numberOf(json, 'Duration', 0) };
    case 'NINA.Sequencer.SequenceItem.Telescope.SlewScopeToRaDec':
      return { kind: 'SlewScopeToRaDec', inherited: booleanOf(json, 'Inherited', false), coordinates: inputCoordinates(reader, json.Coordinates) };
    case 'NINA.Sequencer.SequenceItem.Platesolving.Center':
      return { kind: 'Center', inherited: booleanOf(json, 'Inherited', false), coordinates: inputCoordinates(reader, json.Coordinates) };
    case 'NINA.Sequencer.SequenceItem.FilterWheel.SwitchFilter':
      return { kind: 'SwitchFilter', filter: filterReference(reader, json.Filter) };
    case 'NINA.Sequencer.SequenceItem.Imaging.TakeExposure': {
      const binning = reader.object(json.Binning) ?? {};
      return {
        kind: 'TakeExposure',
        exposureTimeS: numberOf(json, 'ExposureTime', 60),
        gain: integerOf(json, 'Gain', -1),
        offset: integerOf(json, 'Offset', -1),
        binning: { x: integerOf(binning, 'X', 1), y: integerOf(binning, 'Y', 1) },
        // Pre-3.0 DARKFLAT frames are migrated to DARK when a sequence is read.
        imageType: stringOf(json, 'ImageType', 'LIGHT') === 'DARKFLAT' ? 'DARK' : stringOf(json, 'ImageType', 'LIGHT'),
        exposureCount: integerOf(json, 'ExposureCount', 0),
      };
    }
    case 'NINA.Sequencer.SequenceItem.Guider.StartGuiding':
      return { kind: 'StartGuiding', forceCalibration: booleanOf(json, 'ForceCalibration', false) };
    case 'NINA.Sequencer.SequenceItem.Guider.StopGuiding':
      return { kind: 'StopGuiding' };
    case 'NINA.Sequencer.SequenceItem.Guider.Dither':
      return { kind: 'Dither' };
    case 'NINA.Sequencer.SequenceItem.Autofocus.RunAutofocus':
      return { kind: 'RunAutofocus' };
    case 'NINA.Sequencer.SequenceItem.Utility.WaitForTime': {
      const provider = reader.object(json.SelectedProvider);
      return {
        kind: 'WaitForTime',
        hours: integerOf(json, 'Hours', 0),
        minutes: integerOf(json, 'Minutes', 0),
        seconds: integerOf(json, 'Seconds', 0),
        minutesOffset: integerOf(json, 'MinutesOffset', 0),
        provider: provider !== null && typeof provider.$type === 'string' ? provider.$type : null,
      };
    }
    case 'NINA.Sequencer.SequenceItem.Utility.WaitForTimeSpan':
      return { kind: 'WaitForTimeSpan', timeS: numberOf(json, 'Time', 0) };
    case 'NINA.Sequencer.SequenceItem.Utility.Annotation':
      return { kind: 'Annotation', text: stringOf(json, 'Text', '') };
    default:
      return { kind: 'unmodelled', saved: savedProperties(json) };
  }
}

const CONTAINER_KINDS: Readonly<Record<string, ContainerKind>> = {
  [ROOT_TYPE]: 'SequenceRootContainer',
  'NINA.Sequencer.Container.StartAreaContainer': 'StartAreaContainer',
  'NINA.Sequencer.Container.TargetAreaContainer': 'TargetAreaContainer',
  'NINA.Sequencer.Container.EndAreaContainer': 'EndAreaContainer',
  'NINA.Sequencer.Container.SequentialContainer': 'SequentialContainer',
  'NINA.Sequencer.Container.DeepSkyObjectContainer': 'DeepSkyObjectContainer',
  'NINA.Sequencer.SequenceItem.Imaging.TakeManyExposures': 'TakeManyExposures',
  'NINA.Sequencer.SequenceItem.Imaging.SmartExposure': 'SmartExposure',
};

function containerKind(type: DotNetType): ContainerKind | undefined {
  return type.assembly === 'NINA.Sequencer' ? CONTAINER_KINDS[type.fullName] : undefined;
}

/** UnknownSequenceItem: what NINA makes of a `$type` it cannot load (a plugin that is not installed). */
function unknownName(type: DotNetType): string {
  return `<Unknown Instruction - ${type.fullName}, ${type.assembly}> `;
}

function applyItemSettings(item: SequenceItem, json: Json): void {
  item.errorBehavior = integerOf(json, 'ErrorBehavior', 0);
  // SequenceItem.Attempts ignores values below 1.
  const attempts = integerOf(json, 'Attempts', 1);
  if (attempts > 0) item.attempts = attempts;
}

function typeOf(json: Json): DotNetType {
  // JsonCreationConverter reads `$type` with token.ToString() without a null check.
  if (typeof json.$type !== 'string') throw new DotNetError('System.NullReferenceException', 'Object reference not set to an instance of an object.');
  return parseType(json.$type);
}

function readContainer(reader: SequenceReader, json: Json, type: DotNetType, kind: ContainerKind): Container {
  const known = CONTAINERS[type.fullName];
  const container = new Container(type, stringOf(json, 'Name', known?.name ?? ''), known?.category ?? 'Container', kind);
  applyItemSettings(container, json);
  if (kind === 'DeepSkyObjectContainer') container.target = inputTarget(reader, json.Target);
  for (const entry of reader.list(json.Items)) {
    const item = readItem(reader, reader.object(entry));
    if (item !== null) container.add(item);
  }
  for (const entry of reader.list(json.Conditions)) {
    const condition = readCondition(reader.object(entry));
    if (condition !== null) container.addCondition(condition);
  }
  for (const entry of reader.list(json.Triggers)) {
    const trigger = readTrigger(reader.object(entry));
    if (trigger !== null) container.addTrigger(trigger);
  }
  return container;
}

/** SequenceItemCreationConverter: an entry with a Strategy is a container, anything else an instruction. */
function readItem(reader: SequenceReader, json: Json | null): SequenceItem | null {
  if (json === null) return null;
  const type = typeOf(json);
  const hasStrategy = isObject(json.Strategy) && typeof json.Strategy.$type === 'string';
  const kind = containerKind(type);
  if (hasStrategy && kind !== undefined) return readContainer(reader, json, type, kind);
  const known = INSTRUCTIONS[type.fullName] ?? CONTAINERS[type.fullName];
  const fallbackName = known?.name ?? unknownName(type);
  // A container the simulator does not run (a parallel set, a plugin's) still has its saved Name.
  const name = hasStrategy ? stringOf(json, 'Name', fallbackName) : fallbackName;
  const leaf = new Leaf(type, name, known?.category ?? '', instruction(reader, type, json));
  applyItemSettings(leaf, json);
  return leaf;
}

function readCondition(json: Json | null): Condition | null {
  if (json === null) return null;
  const type = typeOf(json);
  const known = CONDITIONS[type.fullName];
  const data: ConditionData =
    type.fullName === 'NINA.Sequencer.Conditions.LoopCondition'
      ? { kind: 'LoopCondition', iterations: integerOf(json, 'Iterations', 1), completedIterations: integerOf(json, 'CompletedIterations', 0) }
      : { kind: 'unmodelled', saved: savedProperties(json) };
  return new Condition(type, known?.name ?? type.fullName, data);
}

function triggerData(type: DotNetType, json: Json): TriggerData {
  switch (type.fullName) {
    case 'NINA.Sequencer.Trigger.Guider.DitherAfterExposures':
      return { kind: 'DitherAfterExposures', afterExposures: integerOf(json, 'AfterExposures', 1), lastTriggerId: 0 };
    case 'NINA.Sequencer.Trigger.Autofocus.AutofocusAfterExposures':
      return { kind: 'AutofocusAfterExposures', afterExposures: integerOf(json, 'AfterExposures', 5), lastTriggerId: 0 };
    case 'NINA.Sequencer.Trigger.Autofocus.AutofocusAfterTimeTrigger':
      return { kind: 'AutofocusAfterTimeTrigger', amountMin: numberOf(json, 'Amount', 30), sinceMs: 0 };
    case SEND_ERROR_TRIGGER:
      return { kind: 'SendErrorTrigger' };
    default:
      return { kind: 'unmodelled', saved: savedProperties(json) };
  }
}

function readTrigger(json: Json | null): Trigger | null {
  if (json === null) return null;
  const type = typeOf(json);
  const known = TRIGGERS[type.fullName];
  return new Trigger(type, known?.name ?? type.fullName, known?.category ?? '', triggerData(type, json));
}

/**
 * SequenceJsonConverter.Deserialize<ISequenceContainer>: the whole text must be one object, read by
 * the container converter whatever it is; the callers cast it to what they need.
 */
export function deserializeSequence(text: string): Container {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DotNetError('Newtonsoft.Json.JsonReaderException', `Error parsing the sequence JSON: ${reason}`);
  }
  if (!isObject(parsed)) {
    const { line, position } = firstTokenPosition(text);
    throw new DotNetError(
      'Newtonsoft.Json.JsonReaderException',
      `Error reading JObject from JsonReader. Current JsonReader item is not an object: ${tokenName(parsed)}. Path '', line ${line}, position ${position}.`,
    );
  }
  const reader = new SequenceReader(parsed);
  const type = typeOf(parsed);
  const kind = containerKind(type);
  if (kind === undefined) {
    throw new DotNetError(
      'System.ArgumentException',
      `GenericArguments[0], '${type.fullName}', on 'T GetContainer[T]()' violates the constraint of type 'T'.`,
    );
  }
  return readContainer(reader, parsed, type, kind);
}

/** The `(SequenceRootContainer)container` cast both load endpoints make. */
export function asRootContainer(container: Container): Container {
  if (container.kind !== 'SequenceRootContainer') {
    throw new DotNetError(
      'System.InvalidCastException',
      `Unable to cast object of type '${container.type.fullName}' to type '${ROOT_TYPE}'.`,
    );
  }
  return container;
}

function factoryContainer(fullName: string, name: string, kind: ContainerKind): Container {
  return new Container({ fullName, assembly: 'NINA.Sequencer' }, name, CONTAINERS[fullName]?.category ?? 'Container', kind);
}

/** What the sequencer shows before anything is loaded: an empty Start, Targets and End. */
export function emptyRootContainer(title = 'Advanced Sequence'): Container {
  const root = factoryContainer(ROOT_TYPE, title, 'SequenceRootContainer');
  root.add(factoryContainer('NINA.Sequencer.Container.StartAreaContainer', 'Start', 'StartAreaContainer'));
  root.add(factoryContainer('NINA.Sequencer.Container.TargetAreaContainer', 'Targets', 'TargetAreaContainer'));
  root.add(factoryContainer('NINA.Sequencer.Container.EndAreaContainer', 'End', 'EndAreaContainer'));
  return root;
}

/** `GET /sequence/load` of a target template: a new root with the target alone in its Targets area. */
export function wrapTarget(target: Container): Container {
  const root = emptyRootContainer();
  const targets = root.items[1];
  if (targets instanceof Container) targets.add(target);
  return root;
}
