// What each instruction does when the sequencer runs it (its Execute), what it checks first (its
// Validate) and how NINA's log names it (its ToString). Every instruction works through the rig's
// own public procedures: the mount's gotos and centering, the camera's cooler, the imaging
// pipeline's exposures (saved, so IMAGE-SAVE follows), the filter wheel, autofocus and PHD2.

import type { Equatorial } from '../astronomy';
import type { Camera } from '../camera';
import type { FilterWheel, ProfileFilter } from '../filter-wheel';
import type { Focuser } from '../focuser';
import type { Guider } from '../guider';
import { IMAGE_TYPES, type ImageTypeName } from '../imaging/frame-renderer';
import type { Imaging } from '../imaging/imaging';
import type { Mount } from '../mount';
import { coordinatesText } from '../mount-astrometry';
import { center, SequenceEntityFailedError, type PlateSolvingRig } from '../mount-instructions';
import type { NinaLog } from '../nina-log';
import type { Rotator } from '../rotator';
import type { SimClock } from '../sim-clock';
import { netNumber } from '../../wire/net-values';
import { CONTAINERS, INSTRUCTIONS } from './catalogue';
import { deepSkyObjectOf, shortName, toEquatorial, type ExposureSettings, type Leaf } from './model';

/** The parts of NINA the sequencer's instructions reach through their mediators. */
export interface SequencerRig {
  clock: SimClock;
  log: NinaLog;
  camera: Camera;
  mount: Mount;
  rotator: Rotator;
  filterWheel: FilterWheel;
  focuser: Focuser;
  guider: Guider;
  imaging: Imaging;
}

/** SequenceItemSkippedException: the item ends SKIPPED, not FAILED. */
export class SequenceItemSkippedError extends Error {}

export interface InstructionContext {
  rig: SequencerRig;
  /** Test control: scales the Wait instructions' durations (1 = as NINA waits). */
  waitScale(): number;
  /** ImageHistoryVM.Add: a light frame was taken (the dither and AF triggers count them). */
  recordLightFrame(): void;
}

/** How often CameraVM checks the sensor while a cool or warm instruction waits for it. */
const TEMPERATURE_POLL_MS = 1_000;
/** How close to the set point a cooled sensor counts as there, and how long NINA waits for that. */
const COOLED_TOLERANCE_C = 0.5;
const MAX_TEMPERATURE_WAIT_MS = 10 * 60_000;

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Aborted');
}

function imageTypeOf(text: string): ImageTypeName {
  const upper = text.toUpperCase();
  return IMAGE_TYPES.find((type) => type === upper) ?? 'LIGHT';
}

/** Whether the frame goes into NINA's image history (TakeExposure.IsLightSequence). */
export function isLightFrame(settings: ExposureSettings): boolean {
  const type = imageTypeOf(settings.imageType);
  return type === 'LIGHT' || type === 'SNAPSHOT';
}

/** Center and Slew to Ra/Dec with Inherited set take their coordinates from the enclosing target. */
export function instructionTarget(leaf: Leaf): Equatorial | null {
  const instruction = leaf.instruction;
  if (instruction.kind !== 'Center' && instruction.kind !== 'SlewScopeToRaDec') return null;
  const target = deepSkyObjectOf(leaf)?.target ?? null;
  return toEquatorial(instruction.inherited && target !== null ? target.coordinates : instruction.coordinates);
}

/** SwitchFilter matches the saved filter against the profile's list, by name first. */
export function profileFilter(wheel: FilterWheel, leaf: Leaf): ProfileFilter | null {
  const instruction = leaf.instruction;
  if (instruction.kind !== 'SwitchFilter' || instruction.filter === null) return null;
  const { name, position } = instruction.filter;
  return (
    wheel.filters.find((filter) => filter.name === name) ??
    wheel.filters.find((filter) => name !== null && filter.name.toLowerCase() === name.toLowerCase()) ??
    wheel.filters.find((filter) => name === null && filter.position === position) ??
    null
  );
}

/** IValidatable.Validate: the issues that make the item fail before it runs. */
export function validationIssues(rig: SequencerRig, leaf: Leaf): string[] {
  const camera = rig.camera.connected ? [] : ['Camera not connected'];
  const telescope = rig.mount.connected ? [] : ['Telescope not connected'];
  const guider = rig.guider.connected ? [] : ['Guider not connected'];
  switch (leaf.instruction.kind) {
    case 'CoolCamera':
    case 'WarmCamera':
    case 'TakeExposure':
      return camera;
    case 'SlewScopeToRaDec':
      return telescope;
    case 'Center':
      return [...telescope, ...camera];
    case 'SwitchFilter':
      if (!rig.filterWheel.connected) return ['Filter wheel not connected'];
      return leaf.instruction.filter !== null && profileFilter(rig.filterWheel, leaf) === null ? ['Filter not found'] : [];
    case 'StartGuiding':
    case 'StopGuiding':
    case 'Dither':
      return guider;
    case 'RunAutofocus':
      return [...(rig.focuser.connected ? [] : ['Focuser not connected']), ...camera];
    default:
      return [];
  }
}

/** The item's ToString, as NINA writes it in "Starting …" and "Finishing …". */
export function describeLeaf(rig: SequencerRig, leaf: Leaf): string {
  const head = `Category: ${leaf.category}, Item: ${shortName(leaf.type)}`;
  const instruction = leaf.instruction;
  switch (instruction.kind) {
    case 'TakeExposure': {
      const info = rig.camera.info();
      const gain = instruction.gain === -1 ? netNumber(info.DefaultGain ?? -1) : instruction.gain;
      const offset = instruction.offset === -1 ? netNumber(info.DefaultOffset ?? -1) : instruction.offset;
      const binning = `${instruction.binning.x}x${instruction.binning.y}`;
      return `${head}, ExposureTime ${instruction.exposureTimeS}, Gain ${gain}, Offset ${offset}, ImageType ${instruction.imageType}, Binning ${binning}`;
    }
    case 'Center':
    case 'SlewScopeToRaDec': {
      const target = instructionTarget(leaf);
      return target === null ? head : `${head}, Coordinates ${coordinatesText(target, 'J2000')}`;
    }
    case 'CoolCamera':
      return `${head}, Temperature ${instruction.temperatureC}, Duration ${instruction.durationMin}`;
    case 'WarmCamera':
      return `${head}, Duration ${instruction.durationMin}`;
    case 'SwitchFilter':
      return `${head}, Filter ${instruction.filter?.name ?? ''}`;
    case 'WaitForTimeSpan':
      return `${head}, Time ${instruction.timeS}s`;
    default:
      return head;
  }
}

/** WaitForTime's target: the time of day within NINA's noon-to-noon night, plus the offset. */
export function waitForTimeTargetMs(nowMs: number, hours: number, minutes: number, seconds: number, minutesOffset: number): number {
  const now = new Date(nowMs);
  const target = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, seconds);
  if (now.getHours() >= 12 && hours < 12) target.setDate(target.getDate() + 1);
  if (now.getHours() < 12 && hours >= 12) target.setDate(target.getDate() - 1);
  return target.getTime() + minutesOffset * 60_000;
}

/** CameraVM.CoolCamera / WarmCamera: ramp for the duration, then wait for the sensor to follow. */
async function changeTemperature(rig: SequencerRig, targetC: number | null, durationMs: number, signal: AbortSignal): Promise<void> {
  const { camera, clock } = rig;
  if (targetC === null) camera.warm(durationMs);
  else camera.cool(targetC, durationMs);
  const reached = (): boolean => (targetC === null ? !camera.coolerOn : Math.abs(camera.temperatureC() - targetC) <= COOLED_TOLERANCE_C);
  try {
    await clock.sleep(durationMs, signal);
    for (let waitedMs = 0; !reached() && waitedMs < MAX_TEMPERATURE_WAIT_MS; waitedMs += TEMPERATURE_POLL_MS) {
      await clock.sleep(TEMPERATURE_POLL_MS, signal);
    }
  } catch (error) {
    camera.cancelRamp();
    throw error;
  }
}

/** Slews and centers stop PHD2 first and start it again afterwards when they stopped it. */
async function withGuidingPaused(guider: Guider, signal: AbortSignal, work: () => Promise<void>): Promise<void> {
  const stoppedGuiding = guider.connected && (await guider.stopGuiding());
  await work();
  if (stoppedGuiding) await guider.startGuiding(false, signal);
}

async function takeExposure(context: InstructionContext, leaf: Leaf, settings: ExposureSettings, signal: AbortSignal): Promise<void> {
  const { imaging } = context.rig;
  const target = deepSkyObjectOf(leaf)?.target ?? null;
  const { saved } = await imaging.takeExposure({
    durationS: settings.exposureTimeS,
    gain: settings.gain,
    offset: settings.offset,
    binning: settings.binning,
    imageType: imageTypeOf(settings.imageType),
    targetName: target?.targetName ?? '',
    frameNumber: settings.exposureCount,
    signal,
    save: true,
  });
  if (isLightFrame(settings)) context.recordLightFrame();
  // The next frame's processing waits for this one's, as TakeExposure's imageProcessingTask does.
  if (leaf.pendingSave !== null) await leaf.pendingSave;
  leaf.pendingSave = saved === null ? null : saved.catch(() => undefined);
  settings.exposureCount += 1;
}

/** Execute: resolves when the instruction did its job; throws when it failed or was cancelled. */
export async function executeInstruction(context: InstructionContext, leaf: Leaf, signal: AbortSignal): Promise<void> {
  const { rig } = context;
  const { camera, mount, guider, filterWheel, clock } = rig;
  const instruction = leaf.instruction;
  throwIfAborted(signal);
  switch (instruction.kind) {
    case 'CoolCamera':
      return changeTemperature(rig, instruction.temperatureC, instruction.durationMin * 60_000, signal);
    case 'WarmCamera':
      return changeTemperature(rig, null, instruction.durationMin * 60_000, signal);
    case 'SlewScopeToRaDec': {
      const target = instructionTarget(leaf);
      if (target === null) return;
      if (mount.atPark) throw new SequenceEntityFailedError('Telescope is parked');
      // Like NINA, the goto's own result is not checked here.
      return withGuidingPaused(guider, signal, async () => {
        await mount.slewToCoordinates(target, signal);
      });
    }
    case 'Center': {
      const target = instructionTarget(leaf);
      if (target === null) return;
      const plateSolving: PlateSolvingRig = { mount, camera, rotator: rig.rotator, clock, log: rig.log };
      return withGuidingPaused(guider, signal, () => center(plateSolving, target, signal));
    }
    case 'SwitchFilter': {
      const filter = profileFilter(filterWheel, leaf);
      if (filter === null) return;
      await filterWheel.changeFilter(filter.position);
      return throwIfAborted(signal);
    }
    case 'TakeExposure':
      return takeExposure(context, leaf, instruction, signal);
    case 'StartGuiding':
      if (!(await guider.startGuiding(instruction.forceCalibration, signal))) throw new SequenceEntityFailedError('Failed to start guiding');
      return;
    case 'StopGuiding':
      await guider.stopGuiding();
      return;
    case 'Dither':
      await guider.dither();
      return;
    case 'RunAutofocus': {
      const report = await rig.imaging.autofocus.run(signal);
      throwIfAborted(signal);
      if (report === null) throw new SequenceEntityFailedError('Autofocus failed to run');
      return;
    }
    case 'WaitForTime': {
      const targetMs = waitForTimeTargetMs(clock.nowMs(), instruction.hours, instruction.minutes, instruction.seconds, instruction.minutesOffset);
      return clock.sleep(Math.max(0, targetMs - clock.nowMs()) * context.waitScale(), signal);
    }
    case 'WaitForTimeSpan':
      return clock.sleep(instruction.timeS * 1000 * context.waitScale(), signal);
    case 'Annotation':
      return;
    case 'unmodelled':
      // NINA's UnknownSequenceItem text (with its stray `$`) for types NINA cannot load either.
      throw new SequenceItemSkippedError(
        leaf.type.fullName in INSTRUCTIONS || leaf.type.fullName in CONTAINERS
          ? `The simulator does not run ${shortName(leaf.type)}; ${leaf.name} will be skipped`
          : `Unknown instruction will be skipped - $${leaf.name}`,
      );
  }
}
