// NINA's advanced sequence as the sequencer holds it: containers (root, areas, instruction sets,
// deep sky objects, Take Many Exposures, Smart Exposure) with their items, conditions and triggers.
// Entities keep what NINA's classes keep: a Status, the saved properties, and the progress counters
// (ExposureCount, CompletedIterations) that are saved with the sequence and resumed from it.

import type { Equatorial } from '../astronomy';

export type SequenceEntityStatus = 'CREATED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'SKIPPED' | 'DISABLED';

/** NINA.Core.Enum.InstructionErrorBehavior, by its int value. */
export const ERROR_BEHAVIORS = ['ContinueOnError', 'AbortOnError', 'SkipInstructionSetOnError', 'SkipToSequenceEndInstructions'] as const;

/** NINA.Astrometry.InputCoordinates: what the sequence file stores for a position (J2000). */
export interface InputCoordinates {
  raHours: number;
  raMinutes: number;
  raSeconds: number;
  negativeDec: boolean;
  decDegrees: number;
  decMinutes: number;
  decSeconds: number;
}

export interface InputTarget {
  targetName: string;
  positionAngleDeg: number;
  coordinates: InputCoordinates;
}

export function toEquatorial(input: InputCoordinates): Equatorial {
  const negative = input.negativeDec || input.decDegrees < 0 || Object.is(input.decDegrees, -0);
  const decMagnitude = Math.abs(input.decDegrees) + input.decMinutes / 60 + input.decSeconds / 3600;
  return {
    raHours: input.raHours + input.raMinutes / 60 + input.raSeconds / 3600,
    decDeg: negative ? -decMagnitude : decMagnitude,
  };
}

/** InputCoordinates.Coordinates' setter: whole hours/degrees and minutes, fractional seconds. */
export function fromEquatorial(position: Equatorial): InputCoordinates {
  const split = (value: number): [number, number, number] => {
    const whole = Math.floor(value);
    const minutes = Math.floor((value - whole) * 60);
    return [whole, minutes, (value - whole - minutes / 60) * 3600];
  };
  const [raHours, raMinutes, raSeconds] = split(position.raHours);
  const [decWhole, decMinutes, decSeconds] = split(Math.abs(position.decDeg));
  const negativeDec = position.decDeg < 0;
  // NegativeDec carries the sign when the whole degrees are 0, which cannot be negative.
  return { raHours, raMinutes, raSeconds, negativeDec, decDegrees: negativeDec && decWhole !== 0 ? -decWhole : decWhole, decMinutes, decSeconds };
}

/** A filter as a sequence file names it (FilterInfo's `_name` / `_position`). */
export interface FilterReference {
  name: string | null;
  position: number | null;
}

export interface Binning {
  x: number;
  y: number;
}

/** The exposure settings TakeExposure saves; ExposureCount is a progress counter, not a total (notes §18). */
export interface ExposureSettings {
  kind: 'TakeExposure';
  exposureTimeS: number;
  gain: number;
  offset: number;
  binning: Binning;
  imageType: string;
  exposureCount: number;
}

/** What each modelled instruction saves, and `unmodelled` for any type the simulator does not run. */
export type Instruction =
  | { kind: 'CoolCamera'; temperatureC: number; durationMin: number }
  | { kind: 'WarmCamera'; durationMin: number }
  | { kind: 'SlewScopeToRaDec'; inherited: boolean; coordinates: InputCoordinates }
  | { kind: 'Center'; inherited: boolean; coordinates: InputCoordinates }
  | { kind: 'SwitchFilter'; filter: FilterReference | null }
  | ExposureSettings
  | { kind: 'StartGuiding'; forceCalibration: boolean }
  | { kind: 'StopGuiding' }
  | { kind: 'Dither' }
  | { kind: 'RunAutofocus' }
  | { kind: 'WaitForTime'; hours: number; minutes: number; seconds: number; minutesOffset: number; provider: string | null }
  | { kind: 'WaitForTimeSpan'; timeS: number }
  | { kind: 'Annotation'; text: string }
  | { kind: 'unmodelled'; saved: Readonly<Record<string, unknown>> };

export type ContainerKind =
  | 'SequenceRootContainer'
  | 'StartAreaContainer'
  | 'TargetAreaContainer'
  | 'EndAreaContainer'
  | 'SequentialContainer'
  | 'DeepSkyObjectContainer'
  | 'TakeManyExposures'
  | 'SmartExposure';

export type ConditionData = { kind: 'LoopCondition'; iterations: number; completedIterations: number } | { kind: 'unmodelled'; saved: Readonly<Record<string, unknown>> };

export type TriggerData =
  | { kind: 'DitherAfterExposures'; afterExposures: number; lastTriggerId: number }
  | { kind: 'AutofocusAfterExposures'; afterExposures: number; lastTriggerId: number }
  | { kind: 'AutofocusAfterTimeTrigger'; amountMin: number; sinceMs: number }
  | { kind: 'SendErrorTrigger' }
  | { kind: 'unmodelled'; saved: Readonly<Record<string, unknown>> };

/** A .NET type as `$type` names it: `NINA.Sequencer.SequenceItem.Imaging.TakeExposure, NINA.Sequencer`. */
export interface DotNetType {
  fullName: string;
  assembly: string;
}

export function shortName(type: DotNetType): string {
  return type.fullName.slice(type.fullName.lastIndexOf('.') + 1);
}

abstract class SequenceEntity {
  status: SequenceEntityStatus = 'CREATED';
  parent: Container | null = null;

  constructor(
    readonly type: DotNetType,
    public name: string,
    readonly category: string,
  ) {}
}

/** SequenceItem: anything a container runs. */
export abstract class SequenceItem extends SequenceEntity {
  errorBehavior = 0;
  attempts = 1;
  /** The linked token of the Run in progress (SequenceItem.localCts), cancelled by Skip(). */
  runAbort: AbortController | null = null;
}

export class Leaf extends SequenceItem {
  /** The image-save of the last frame, which the next frame of the same TakeExposure waits for. */
  pendingSave: Promise<unknown> | null = null;

  constructor(
    type: DotNetType,
    name: string,
    category: string,
    public instruction: Instruction,
  ) {
    super(type, name, category);
  }
}

export class Container extends SequenceItem {
  readonly items: SequenceItem[] = [];
  readonly conditions: Condition[] = [];
  readonly triggers: Trigger[] = [];
  /** SequenceContainer.Iterations: blocks finished in the current run of the container. */
  iterations = 0;
  /** SequenceContainer.localCTS, cancelled by Interrupt(). */
  interruptAbort: AbortController | null = null;
  /** DeepSkyObjectContainer.Target. */
  target: InputTarget | null = null;

  constructor(
    type: DotNetType,
    name: string,
    category: string,
    readonly kind: ContainerKind,
  ) {
    super(type, name, category);
  }

  add(item: SequenceItem): void {
    item.parent = this;
    this.items.push(item);
  }

  addCondition(condition: Condition): void {
    condition.parent = this;
    this.conditions.push(condition);
  }

  addTrigger(trigger: Trigger): void {
    trigger.parent = this;
    this.triggers.push(trigger);
  }
}

export class Condition extends SequenceEntity {
  constructor(
    type: DotNetType,
    name: string,
    public data: ConditionData,
  ) {
    super(type, name, 'Condition');
  }
}

export class Trigger extends SequenceEntity {
  constructor(
    type: DotNetType,
    name: string,
    category: string,
    public data: TriggerData,
  ) {
    super(type, name, category);
  }
}

/** The root at the top of any container, or null for a detached one (a trigger's runner). */
export function rootOf(item: SequenceItem | Container): Container | null {
  let node: Container | null = item instanceof Container ? item : item.parent;
  while (node?.parent) node = node.parent;
  return node?.kind === 'SequenceRootContainer' ? node : null;
}

/** The nearest enclosing DeepSkyObjectContainer, whose target instructions inherit and frames are named after. */
export function deepSkyObjectOf(item: SequenceItem): Container | null {
  let node = item.parent;
  while (node !== null && node.kind !== 'DeepSkyObjectContainer') node = node.parent;
  return node;
}

/** Every DeepSkyObjectContainer in tree order (ISequenceMediator.GetAllTargetsInAdvancedSequence). */
export function allTargets(container: Container): Container[] {
  const found: Container[] = [];
  for (const item of container.items) {
    if (!(item instanceof Container)) continue;
    if (item.kind === 'DeepSkyObjectContainer') found.push(item);
    found.push(...allTargets(item));
  }
  return found;
}
