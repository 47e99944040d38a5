import { toInputCoordinates } from './coordinates';

/**
 * A one-target plan turned into NINA's advanced sequence file: a SequenceRootContainer as NINA's
 * Newtonsoft serializer saves it (`$id` on every object, `$type` with the assembly, collections as
 * `$values`, Parent as a `$ref`), which `POST /sequence/load` deserializes (notes §12).
 *
 * Seed 003's format with its corrections (notes §18 and NINA's own saved files):
 * - N frames are a TakeManyExposures (one TakeExposure plus a LoopCondition with Iterations N) or a
 *   SmartExposure (the same plus its SwitchFilter and DitherAfterExposures trigger);
 *   TakeExposure.ExposureCount is a progress counter and starts at 0.
 * - SwitchFilter lives in `SequenceItem.FilterWheel`, not `Utility`, and FilterInfo's JSON names
 *   are `_name`/`_position`: NINA matches the filter against the profile by `_name` on load.
 * - Start, Targets and End are NINA's area containers; InputTarget has PositionAngle (NINA 2+).
 * - ErrorBehavior 0 is ContinueOnError, NINA's default.
 */

export interface BinningXY {
  x: number;
  y: number;
}

export interface ExposurePlanRow {
  /** A filter of the profile (`AvailableFilters`: Name and Id = position); none = the current filter. */
  filter?: { name: string; position: number };
  exposureTimeS: number;
  count: number;
  /** -1 = the camera's default. */
  gain: number;
  /** -1 = the camera's default. */
  offset: number;
  binning: BinningXY;
}

export type TargetMove = 'center' | 'slew' | 'none';

export interface TargetPlan {
  targetName: string;
  /** J2000. */
  raHours: number;
  decDeg: number;
  positionAngleDeg: number;
  /** Slew and center with a plate solve, only slew, or image wherever the mount points. */
  move: TargetMove;
  cooling?: { temperatureC: number; durationMin: number };
  autofocusAtStart: boolean;
  /** Start guiding before the exposures, and stop it in the End area. */
  guiding: boolean;
  /** Dither after every N light frames; 0 = never. */
  ditherEveryFrames: number;
  /** The Advanced API's "Send Error to WebSocket" trigger: a failing item raises SEQUENCE-ENTITY-FAILED (notes §12). */
  reportFailures: boolean;
  exposures: readonly ExposurePlanRow[];
}

type JsonValue = string | number | boolean | null | JsonObject | JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}

const SEQUENCER = 'NINA.Sequencer';
const typeName = (fullName: string, assembly = SEQUENCER) => `${fullName}, ${assembly}`;
const collectionOf = (element: string) => `System.Collections.ObjectModel.ObservableCollection\`1[[${element}, ${SEQUENCER}]], System.ObjectModel`;

const TYPES = {
  root: typeName(`${SEQUENCER}.Container.SequenceRootContainer`),
  startArea: typeName(`${SEQUENCER}.Container.StartAreaContainer`),
  targetArea: typeName(`${SEQUENCER}.Container.TargetAreaContainer`),
  endArea: typeName(`${SEQUENCER}.Container.EndAreaContainer`),
  sequential: typeName(`${SEQUENCER}.Container.SequentialContainer`),
  deepSkyObject: typeName(`${SEQUENCER}.Container.DeepSkyObjectContainer`),
  strategy: typeName(`${SEQUENCER}.Container.ExecutionStrategy.SequentialStrategy`),
  takeManyExposures: typeName(`${SEQUENCER}.SequenceItem.Imaging.TakeManyExposures`),
  smartExposure: typeName(`${SEQUENCER}.SequenceItem.Imaging.SmartExposure`),
  takeExposure: typeName(`${SEQUENCER}.SequenceItem.Imaging.TakeExposure`),
  switchFilter: typeName(`${SEQUENCER}.SequenceItem.FilterWheel.SwitchFilter`),
  coolCamera: typeName(`${SEQUENCER}.SequenceItem.Camera.CoolCamera`),
  center: typeName(`${SEQUENCER}.SequenceItem.Platesolving.Center`),
  slew: typeName(`${SEQUENCER}.SequenceItem.Telescope.SlewScopeToRaDec`),
  runAutofocus: typeName(`${SEQUENCER}.SequenceItem.Autofocus.RunAutofocus`),
  startGuiding: typeName(`${SEQUENCER}.SequenceItem.Guider.StartGuiding`),
  stopGuiding: typeName(`${SEQUENCER}.SequenceItem.Guider.StopGuiding`),
  dither: typeName(`${SEQUENCER}.SequenceItem.Guider.Dither`),
  loopCondition: typeName(`${SEQUENCER}.Conditions.LoopCondition`),
  ditherAfterExposures: typeName(`${SEQUENCER}.Trigger.Guider.DitherAfterExposures`),
  sendErrorTrigger: typeName('ninaAPI.SequenceItems.SendErrorTrigger', 'ninaAPI'),
  inputTarget: typeName('NINA.Astrometry.InputTarget', 'NINA.Astrometry'),
  inputCoordinates: typeName('NINA.Astrometry.InputCoordinates', 'NINA.Astrometry'),
  filterInfo: typeName('NINA.Core.Model.Equipment.FilterInfo', 'NINA.Core'),
  binningMode: typeName('NINA.Core.Model.Equipment.BinningMode', 'NINA.Core'),
  exposureInfoList: 'NINA.Core.Utility.AsyncObservableCollection`1[[NINA.Sequencer.Utility.ExposureInfo, NINA.Sequencer]], NINA.Core',
  items: collectionOf(`${SEQUENCER}.SequenceItem.ISequenceItem`),
  conditions: collectionOf(`${SEQUENCER}.Conditions.ISequenceCondition`),
  triggers: collectionOf(`${SEQUENCER}.Trigger.ISequenceTrigger`),
} as const;

/** NINA.Core.Enum.InstructionErrorBehavior.ContinueOnError. */
const CONTINUE_ON_ERROR = 0;

type Build = (selfId: string) => JsonObject[];

interface ContainerSpec {
  type: string;
  name: string | null;
  parentId: string | null;
  /** Keys NINA writes before the Strategy (a target's Target and exposure list). */
  head?: (selfId: string) => JsonObject;
  conditions?: Build;
  items?: Build;
  triggers?: Build;
  isExpanded?: boolean;
  /** TakeManyExposures and SmartExposure write their error settings first (they override them). */
  settingsFirst?: boolean;
}

/**
 * Hands out `$id`s in the order Newtonsoft writes objects (depth first, in key order), so a file
 * built here reads like one NINA saved. Builders are therefore called in writing order.
 */
class SequenceWriter {
  private nextId = 1;

  private id(): string {
    return String(this.nextId++);
  }

  private collection(type: string, parentId: string, build: Build | undefined): JsonObject {
    const $id = this.id();
    return { $id, $type: type, $values: build ? build(parentId) : [] };
  }

  private parent(parentId: string | null): JsonValue {
    return parentId === null ? null : { $ref: parentId };
  }

  container(spec: ContainerSpec): JsonObject {
    const $id = this.id();
    const settings = { ErrorBehavior: CONTINUE_ON_ERROR, Attempts: 1 };
    const json: JsonObject = { $id, $type: spec.type };
    if (spec.settingsFirst) Object.assign(json, settings);
    if (spec.head) Object.assign(json, spec.head($id));
    json.Strategy = { $type: TYPES.strategy };
    json.Name = spec.name;
    json.Conditions = this.collection(TYPES.conditions, $id, spec.conditions);
    json.IsExpanded = spec.isExpanded ?? true;
    json.Items = this.collection(TYPES.items, $id, spec.items);
    json.Triggers = this.collection(TYPES.triggers, $id, spec.triggers);
    json.Parent = this.parent(spec.parentId);
    if (!spec.settingsFirst) Object.assign(json, settings);
    return json;
  }

  /** An instruction: its own keys (built after its `$id`), then Parent and the error settings. */
  instruction(type: string, parentId: string, properties: () => JsonObject = () => ({})): JsonObject {
    const $id = this.id();
    return { $id, $type: type, ...properties(), Parent: this.parent(parentId), ErrorBehavior: CONTINUE_ON_ERROR, Attempts: 1 };
  }

  /** A trigger and the detached container (TriggerRunner) holding what it runs. */
  trigger(type: string, parentId: string, properties: JsonObject, runner: Build = () => []): JsonObject {
    const $id = this.id();
    return {
      $id,
      $type: type,
      ...properties,
      Parent: this.parent(parentId),
      TriggerRunner: this.container({ type: TYPES.sequential, name: null, parentId: null, items: runner }),
    };
  }

  loopCondition(parentId: string, iterations: number): JsonObject {
    const $id = this.id();
    return { $id, $type: TYPES.loopCondition, CompletedIterations: 0, Iterations: iterations, Parent: this.parent(parentId) };
  }

  inputCoordinates(raHours: number, decDeg: number): JsonObject {
    const $id = this.id();
    const parts = toInputCoordinates(raHours, decDeg);
    return {
      $id,
      $type: TYPES.inputCoordinates,
      RAHours: parts.raHours,
      RAMinutes: parts.raMinutes,
      RASeconds: parts.raSeconds,
      NegativeDec: parts.negativeDec,
      DecDegrees: parts.decDegrees,
      DecMinutes: parts.decMinutes,
      DecSeconds: parts.decSeconds,
    };
  }

  target(plan: TargetPlan): JsonObject {
    const $id = this.id();
    return {
      $id,
      $type: TYPES.inputTarget,
      Expanded: true,
      TargetName: plan.targetName,
      PositionAngle: plan.positionAngleDeg,
      InputCoordinates: this.inputCoordinates(plan.raHours, plan.decDeg),
    };
  }

  exposureInfoList(): JsonObject {
    return { $id: this.id(), $type: TYPES.exposureInfoList, $values: [] };
  }

  filterInfo(filter: { name: string; position: number }): JsonObject {
    return { $id: this.id(), $type: TYPES.filterInfo, _name: filter.name, _position: filter.position };
  }

  binning(binning: BinningXY): JsonObject {
    return { $id: this.id(), $type: TYPES.binningMode, X: binning.x, Y: binning.y };
  }
}

function checkPlan(plan: TargetPlan): void {
  if (plan.targetName.trim() === '') throw new RangeError('The target needs a name');
  if (plan.exposures.length === 0) throw new RangeError('The plan has no exposures');
  for (const row of plan.exposures) {
    if (!(row.exposureTimeS > 0)) throw new RangeError(`Exposure time ${row.exposureTimeS} s is not positive`);
    if (!Number.isInteger(row.count) || row.count < 1) throw new RangeError(`Frame count ${row.count} is not a whole number of at least 1`);
    if (!Number.isInteger(row.binning.x) || !Number.isInteger(row.binning.y) || row.binning.x < 1 || row.binning.y < 1) {
      throw new RangeError(`Binning ${row.binning.x}x${row.binning.y} is not valid`);
    }
  }
  if (!Number.isInteger(plan.ditherEveryFrames) || plan.ditherEveryFrames < 0) throw new RangeError('Dither every N frames needs a whole N ≥ 0');
}

/**
 * The root container for one target: cooling in Start; the target with its move, autofocus,
 * guiding and exposure rows in Targets; stopping the guider in End.
 */
export function buildTargetSequence(plan: TargetPlan): JsonObject {
  checkPlan(plan);
  const w = new SequenceWriter();
  const { cooling } = plan;
  // SmartExposure needs a filter per row (its SwitchFilter without one is skipped, and its own
  // dither trigger stands in for the target's). With any row on the current filter, every row is a
  // TakeManyExposures after its SwitchFilter, and one dither trigger on the target covers them all.
  const smart = plan.exposures.every((row) => row.filter !== undefined);

  const takeExposure = (parentId: string, row: ExposurePlanRow) =>
    w.instruction(TYPES.takeExposure, parentId, () => ({
      ExposureTime: row.exposureTimeS,
      Gain: row.gain,
      Offset: row.offset,
      Binning: w.binning(row.binning),
      ImageType: 'LIGHT',
      ExposureCount: 0,
    }));
  const switchFilter = (parentId: string, filter: { name: string; position: number }) =>
    w.instruction(TYPES.switchFilter, parentId, () => ({ Filter: w.filterInfo(filter) }));
  const ditherTrigger = (parentId: string) =>
    w.trigger(TYPES.ditherAfterExposures, parentId, { AfterExposures: plan.ditherEveryFrames }, (runnerId) => [w.instruction(TYPES.dither, runnerId)]);

  const exposureRows = (targetId: string): JsonObject[] =>
    plan.exposures.flatMap((row): JsonObject[] => {
      if (smart && row.filter) {
        const filter = row.filter;
        return [
          w.container({
            type: TYPES.smartExposure,
            name: 'Smart Exposure',
            parentId: targetId,
            settingsFirst: true,
            isExpanded: false,
            conditions: (id) => [w.loopCondition(id, row.count)],
            items: (id) => [switchFilter(id, filter), takeExposure(id, row)],
            triggers: (id) => [ditherTrigger(id)],
          }),
        ];
      }
      const filterChange = row.filter ? [switchFilter(targetId, row.filter)] : [];
      return [
        ...filterChange,
        w.container({
          type: TYPES.takeManyExposures,
          name: 'Take Many Exposures',
          parentId: targetId,
          settingsFirst: true,
          isExpanded: false,
          conditions: (id) => [w.loopCondition(id, row.count)],
          items: (id) => [takeExposure(id, row)],
        }),
      ];
    });

  const targetItems = (targetId: string): JsonObject[] => {
    const items: JsonObject[] = [];
    if (plan.move !== 'none') {
      // Inherited: the instruction takes the coordinates of the target around it.
      const type = plan.move === 'center' ? TYPES.center : TYPES.slew;
      items.push(w.instruction(type, targetId, () => ({ Inherited: true, Coordinates: w.inputCoordinates(0, 0) })));
    }
    if (plan.autofocusAtStart) items.push(w.instruction(TYPES.runAutofocus, targetId));
    if (plan.guiding) items.push(w.instruction(TYPES.startGuiding, targetId, () => ({ ForceCalibration: false })));
    items.push(...exposureRows(targetId));
    return items;
  };

  return w.container({
    type: TYPES.root,
    name: plan.targetName,
    parentId: null,
    items: (rootId) => [
      w.container({
        type: TYPES.startArea,
        name: 'Start',
        parentId: rootId,
        items: (id) => (cooling ? [w.instruction(TYPES.coolCamera, id, () => ({ Temperature: cooling.temperatureC, Duration: cooling.durationMin }))] : []),
      }),
      w.container({
        type: TYPES.targetArea,
        name: 'Targets',
        parentId: rootId,
        items: (areaId) => [
          w.container({
            type: TYPES.deepSkyObject,
            name: plan.targetName,
            parentId: areaId,
            head: () => ({ Target: w.target(plan), ExposureInfoListExpanded: false, ExposureInfoList: w.exposureInfoList() }),
            items: targetItems,
            triggers: (id) => (!smart && plan.ditherEveryFrames > 0 ? [ditherTrigger(id)] : []),
          }),
        ],
      }),
      w.container({
        type: TYPES.endArea,
        name: 'End',
        parentId: rootId,
        items: (id) => (plan.guiding ? [w.instruction(TYPES.stopGuiding, id)] : []),
      }),
    ],
    triggers: (rootId) => (plan.reportFailures ? [w.trigger(TYPES.sendErrorTrigger, rootId, {})] : []),
  });
}

/** The text `POST /sequence/load` takes, indented so a person can read and copy it. */
export function sequenceJsonText(plan: TargetPlan): string {
  return JSON.stringify(buildTargetSequence(plan), null, 2);
}
