// NINA's own procedures that move the mount by plate solving, and its meridian flip workflow:
// - Center and CenterAndRotate, the sequence items /equipment/mount/slew?center|rotate executes
// - SolveAndSync, which /equipment/mount/sync runs when a coordinate is missing
// - MeridianFlipVM, what the sequencer's meridian flip trigger runs (the only source of the
//   BeforeMeridianFlip/AfterMeridianFlip events)
// - a sequencer-run Center, whose "Starting …" log line is the plugin's MOUNT-CENTER event
//
// Defaults are NINA's profile defaults: a plate-solve snapshot of 5 s, an ASTAP solve, centering
// within 1 arcmin with at most 10 solve-sync-slew rounds (CenteringSolver), rotation within 1°.

import { modulo, type Equatorial } from './astronomy';
import { SETTLE_TIME_MS, type Mount } from './mount';
import { bearingDeg, coordinatesText, j2000ToJnow, jnowToJ2000, offsetBy, separationDeg } from './mount-astrometry';
import type { LogOrigin, NinaLog } from './nina-log';
import type { Rotator } from './rotator';
import type { SimClock } from './sim-clock';

export interface PlateSolvingRig {
  mount: Mount;
  camera: { readonly connected: boolean };
  rotator: Rotator;
  clock: SimClock;
  log: NinaLog;
}

/** PlateSolveSettings.ExposureTime, then the ASI2600's download and an ASTAP solve. */
const PLATE_SOLVE_EXPOSURE_MS = 5_000;
const DOWNLOAD_MS = 1_500;
const ASTAP_SOLVE_MS = 2_500;
/** PlateSolveSettings.Threshold (arcmin) and CenteringSolver's maxSlewAttempts. */
const CENTERING_THRESHOLD_ARCMIN = 1;
const MAX_SLEW_ATTEMPTS = 10;
/** PlateSolveSettings.RotationTolerance. */
const ROTATION_TOLERANCE_DEG = 1;
const ROTATOR_SPEED_DEG_PER_S = 6;
/** MeridianFlipSettings.SettleTime. */
const MERIDIAN_FLIP_SETTLE_MS = SETTLE_TIME_MS;

const ORIGIN = {
  center: { source: 'CenteringSolver.cs', member: 'Center', line: 86 },
  astap: { source: 'ASTAPSolver.cs', member: 'SolveAsync', line: 118 },
  rotate: { source: 'CenterAndRotate.cs', member: 'Execute', line: 152 },
  sequenceItem: { source: 'SequenceItem.cs', member: 'Run', line: 183 },
  meridianFlip: { source: 'MeridianFlipVM.cs', member: 'DoMeridianFlip', line: 173 },
} as const satisfies Record<string, LogOrigin>;

/** SequenceEntityFailedException: how a sequence item reports that it did not do its job. */
export class SequenceEntityFailedError extends Error {}

interface Solution {
  coordinates: Equatorial;
  positionAngleDeg: number;
}

/**
 * CaptureSolver.Solve: a snapshot with the plate-solve settings, then ASTAP. It finds where the tube
 * really points (JNOW) and the camera angle, which the rotator sets; null when it fails.
 */
async function captureAndSolve(rig: PlateSolvingRig, signal?: AbortSignal): Promise<Solution | null> {
  if (!rig.camera.connected) return null;
  await rig.clock.sleep(PLATE_SOLVE_EXPOSURE_MS + DOWNLOAD_MS + ASTAP_SOLVE_MS, signal);
  if (rig.mount.plateSolveFails) {
    rig.log.write('ERROR', ORIGIN.astap, 'ASTAP - Plate solve failed.');
    return null;
  }
  return { coordinates: rig.mount.truePosition(), positionAngleDeg: rig.rotator.skyPositionDeg };
}

/**
 * CenteringSolver.Center: solve; when farther than the threshold, sync to the solution and slew to
 * the target again (or, if the sync fails, slew to the target shifted by the measured error).
 */
async function centeringSolver(rig: PlateSolvingRig, targetJ2000: Equatorial, signal?: AbortSignal): Promise<boolean> {
  const { mount, clock, log } = rig;
  for (let attempt = 1; attempt <= MAX_SLEW_ATTEMPTS; attempt++) {
    const solution = await captureAndSolve(rig, signal);
    if (solution === null) return false;
    const position = mount.position();
    const target = j2000ToJnow(targetJ2000, clock.nowMs());
    const separationArcmin = separationDeg(target, solution.coordinates) * 60;
    log.info(
      ORIGIN.center,
      `Centering Solver - Scope Position: ${coordinatesText(position, 'JNOW')}; Centering Coordinates: ${coordinatesText(target, 'JNOW')}; ` +
        `Solved: ${coordinatesText(solution.coordinates, 'JNOW')}; Separation ${(separationArcmin * 60).toFixed(1)}"; Threshold: ${CENTERING_THRESHOLD_ARCMIN}`,
    );
    if (separationArcmin <= CENTERING_THRESHOLD_ARCMIN) return true;
    let slewTargetJ2000 = targetJ2000;
    if (!(await mount.sync(solution.coordinates, 'JNOW'))) {
      const corrected = offsetBy(target, separationDeg(solution.coordinates, position), bearingDeg(solution.coordinates, position));
      slewTargetJ2000 = jnowToJ2000(corrected, clock.nowMs());
    }
    if (!(await mount.slewToCoordinates(slewTargetJ2000, signal))) {
      log.write('ERROR', ORIGIN.center, 'Centering correction slew failed.');
      return false;
    }
  }
  log.write('ERROR', ORIGIN.center, `Cancelling centering after ${MAX_SLEW_ATTEMPTS} unsuccessful slew attempts`);
  return false;
}

/** Center.Execute: slew (its result ignored), then center; throws when centering fails. */
export async function center(rig: PlateSolvingRig, targetJ2000: Equatorial, signal?: AbortSignal): Promise<void> {
  if (rig.mount.atPark) throw new SequenceEntityFailedError('Telescope is parked');
  await rig.mount.slewToCoordinates(targetJ2000, signal);
  if (!(await centeringSolver(rig, targetJ2000, signal))) throw new SequenceEntityFailedError('Plate solve failed');
}

/** The rotation that brings the camera to the angle, allowing the 180° turned frame (RotatorRangeType FULL). */
function rotationDistanceDeg(targetDeg: number, orientationDeg: number): number {
  const movement = modulo(targetDeg - orientationDeg, 180);
  const flipped = movement - 180;
  return movement < Math.abs(flipped) ? movement : flipped;
}

/**
 * CenterAndRotate.Execute: slew, then solve and turn the rotator until the camera angle is within
 * tolerance, then center. Without a rotator nothing turns, so it keeps solving until cancelled, as
 * NINA does.
 */
export async function centerAndRotate(
  rig: PlateSolvingRig,
  targetJ2000: Equatorial,
  positionAngleDeg: number,
  signal?: AbortSignal,
): Promise<void> {
  const { mount, rotator, clock, log } = rig;
  if (mount.atPark) throw new SequenceEntityFailedError('Telescope is parked');
  await mount.slewToCoordinates(targetJ2000, signal);
  for (;;) {
    const solution = await captureAndSolve(rig, signal);
    if (solution === null) throw new SequenceEntityFailedError('Plate solve failed');
    const distanceDeg = rotationDistanceDeg(positionAngleDeg, solution.positionAngleDeg);
    if (Math.abs(distanceDeg) <= ROTATION_TOLERANCE_DEG) break;
    log.info(
      ORIGIN.rotate,
      `Rotator not inside tolerance ${ROTATION_TOLERANCE_DEG} - Current ${solution.positionAngleDeg}° / Target: ${positionAngleDeg}° - Moving rotator relatively by ${distanceDeg}°`,
    );
    if (rotator.connected) {
      rotator.isMoving = true;
      try {
        await clock.sleep((Math.abs(distanceDeg) / ROTATOR_SPEED_DEG_PER_S) * 1000, signal);
        rotator.mechanicalPositionDeg = modulo(rotator.mechanicalPositionDeg + distanceDeg, 360);
      } finally {
        rotator.isMoving = false;
      }
    }
  }
  await center(rig, targetJ2000, signal);
}

/** How SequenceItem.Run logs a failed item with the default ContinueOnError; `name` is null outside the sequencer. */
function logItemFailure(log: NinaLog, item: string, name: string, reason: string): void {
  log.write('ERROR', ORIGIN.sequenceItem, `${item} - ${reason}`);
  log.write('ERROR', ORIGIN.sequenceItem, `Instruction ${name} failed after 1 attempt. Error behavior is set to ContinueOnError. Continuing.`);
}

/**
 * SolveAndSync run as a sequence item (SequenceItem.Run), as the API does: validation, solve, sync.
 * Run swallows every failure, so the caller never learns whether the mount was synced.
 */
export async function solveAndSync(rig: PlateSolvingRig): Promise<void> {
  const { mount, camera, log } = rig;
  // Built with `new` rather than by the sequencer, so Category and Name are null.
  const item = 'Category: , Item: SolveAndSync';
  log.info(ORIGIN.sequenceItem, `Starting ${item}`);
  const issues = [...(mount.connected ? [] : ['Telescope not connected']), ...(camera.connected ? [] : ['Camera not connected'])];
  if (issues.length > 0) {
    log.write('ERROR', ORIGIN.sequenceItem, `Failed validation: ${item} - ${issues.join(', ')}`);
    return;
  }
  const solution = await captureAndSolve(rig);
  if (solution === null) {
    logItemFailure(log, item, '', 'Plate solve failed');
    return;
  }
  if (!(await mount.sync(solution.coordinates, 'JNOW'))) {
    logItemFailure(log, item, '', 'Sync failed');
    return;
  }
  log.info(ORIGIN.sequenceItem, `Finishing ${item}`);
}

/**
 * A Center item the sequencer runs (SequenceItem.Run): its "Starting …" line is what the plugin's
 * log watcher turns into MOUNT-CENTER. Failures are logged, not thrown.
 */
export async function runSequencerCenter(rig: PlateSolvingRig, targetJ2000: Equatorial): Promise<boolean> {
  const { mount, log } = rig;
  const item = `Category: Telescope, Item: Center, Coordinates ${coordinatesText(targetJ2000, 'J2000')}`;
  log.info(ORIGIN.sequenceItem, `Starting ${item}`);
  if (!mount.connected) {
    log.write('ERROR', ORIGIN.sequenceItem, `Failed validation: ${item} - Telescope not connected`);
    return false;
  }
  try {
    await center(rig, targetJ2000);
  } catch (error) {
    if (!(error instanceof SequenceEntityFailedError)) throw error;
    logItemFailure(log, item, 'Center', error.message);
    return false;
  }
  log.info(ORIGIN.sequenceItem, `Finishing ${item}`);
  return true;
}

/**
 * MeridianFlipVM.MeridianFlip with the default settings (no recenter, no autofocus): raise
 * BeforeMeridianFlip, stop tracking until the flip time, flip, settle twice (DoFlip's own settle
 * and the workflow's last step), raise AfterMeridianFlip. The guider steps belong to the guider.
 */
export async function meridianFlipWorkflow(rig: PlateSolvingRig, timeToFlipMs: number): Promise<boolean> {
  const { mount, clock, log } = rig;
  const target = mount.position();
  mount.beforeMeridianFlip.emit();
  let result = true;
  try {
    log.info(ORIGIN.meridianFlip, `Meridian Flip - Initializing Meridian Flip. Current target coordinates RA: ${coordinatesText(target, 'JNOW')}`);
    log.info(ORIGIN.meridianFlip, 'Meridian Flip - Stopping tracking to pass meridian');
    mount.setTracking(false);
    let remainingMs = timeToFlipMs;
    do {
      await clock.sleep(1000);
      remainingMs -= 1000;
    } while (remainingMs >= 1000);
    log.info(ORIGIN.meridianFlip, 'Meridian Flip - Resuming tracking after passing meridian');
    mount.setTracking(true);
    log.info(ORIGIN.meridianFlip, `Meridian Flip - Scope will flip to coordinates ${coordinatesText(target, 'JNOW')}`);
    await mount.meridianFlip(target);
    for (let settle = 0; settle < 2; settle++) {
      log.info(ORIGIN.meridianFlip, `Meridian Flip - Settling scope for ${MERIDIAN_FLIP_SETTLE_MS / 1000}`);
      await clock.sleep(MERIDIAN_FLIP_SETTLE_MS);
    }
    log.info(ORIGIN.meridianFlip, 'Meridian Flip - Exiting meridian flip');
  } catch (error) {
    log.write('ERROR', ORIGIN.meridianFlip, `Meridian Flip failed ${String(error)}`);
    mount.setTracking(true);
    result = false;
  }
  mount.afterMeridianFlip.emit();
  return result;
}
