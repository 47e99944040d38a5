// Mount.cs (notes §3.3, §4): MountInfo, the mount commands and the plugin's MountWatcher (§13.3).
// Checks run in the plugin's order with its texts and codes; what the plugin starts without
// awaiting answers at once and carries on in simulated time, where a later failure is never
// reported over REST.

import type { Router } from '../../../http/router';
import type { Equatorial } from '../../../rig/astronomy';
import { ALL_TRACKING_MODES } from '../../../rig/mount';
import { center, centerAndRotate, solveAndSync, type PlateSolvingRig } from '../../../rig/mount-instructions';
import { Epoch, TrackingMode } from '../../../rig/nina-enums';
import { hoursToHms, degreesToDms } from '../../../rig/sexagesimal';
import { err, ok, type Envelope } from '../../../wire/envelope';
import { dateTimeLocal, dateTimeUtc, double, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import { toNewtonsoft } from '../../../wire/serializer';
import type { ApiContext } from '../api-context';

/** MountInfo: every TelescopeInfo property plus TrackingMode read from the driver (absent without one). */
export function mountInfo(context: ApiContext): Record<string, NetValue> {
  const mount = context.rig.mount;
  return { TrackingMode: mount.connected ? TrackingMode[mount.trackingMode] : null, ...mount.info() };
}

/** The plugin's MountWatcher: NINA's mount events as /v2/socket events (connect/disconnect are generic). */
export function startMountWatcher(context: ApiContext): void {
  const { rig, events } = context;
  rig.mount.parked.subscribe(() => events.sendAndAddEvent('MOUNT-PARKED'));
  rig.mount.unparked.subscribe(() => events.sendAndAddEvent('MOUNT-UNPARKED'));
  rig.mount.homed.subscribe(() => events.sendAndAddEvent('MOUNT-HOMED'));
  rig.mount.beforeMeridianFlip.subscribe(() => events.sendAndAddEvent('MOUNT-BEFORE-FLIP'));
  rig.mount.afterMeridianFlip.subscribe(() => events.sendAndAddEvent('MOUNT-AFTER-FLIP'));
}

/** A task the plugin starts and never awaits: its outcome (or exception) goes nowhere. */
function unobserved(task: Promise<unknown>): void {
  task.catch(() => undefined);
}

/** The J2000 Coordinates the plugin builds from `ra`/`dec` in degrees. */
function j2000(raDeg: number, decDeg: number): Equatorial {
  return { raHours: raDeg / 15, decDeg };
}

/** `JsonConvert.SerializeObject(coordinates)`, which MountSlew logs before a Center. */
function coordinatesJson(target: Equatorial, nowMs: number): string {
  return toNewtonsoft({
    RA: double(target.raHours),
    RAString: hoursToHms(target.raHours),
    RADegrees: double(target.raHours * 15),
    Dec: double(target.decDeg),
    DecString: degreesToDms(target.decDeg),
    Epoch: Epoch.J2000,
    DateTime: { Now: dateTimeLocal(nowMs), UtcNow: dateTimeUtc(nowMs) },
  });
}

export function registerMountRoutes(router: Router, context: ApiContext): void {
  const { rig } = context;
  const { mount } = rig;
  const plateSolving: PlateSolvingRig = { mount, camera: rig.camera, rotator: rig.rotator, clock: rig.clock, log: rig.log };
  /** Mount.SlewCenterToken, static in the plugin: the Center/CenterAndRotate job running, if any. */
  let slewCenterToken: AbortController | null = null;
  const notConnected = (statusCode: number): Envelope => err('Mount not connected', statusCode);
  const parked = (): Envelope => err('Mount parked', 409);

  router.get('/equipment/mount/info', {}, () => ok(mountInfo(context)));

  router.get('/equipment/mount/home', {}, () => {
    if (!mount.connected) return notConnected(409);
    if (mount.atPark) return parked();
    if (mount.atHome) return ok('Mount already homed');
    if (mount.slewing) mount.stopSlew();
    unobserved(mount.findHome());
    return ok('Homing');
  });

  router.get('/equipment/mount/tracking', { mode: queryField.int32() }, ({ mode }) => {
    if (!mount.connected) return notConnected(409);
    if (mount.atPark) return parked();
    // 4 means Stopped to API clients, but in NINA's enum 4 is Custom, so the plugin adds one.
    const ninaMode = mode === 4 ? 5 : mode;
    const name = ALL_TRACKING_MODES[ninaMode];
    if (name === undefined) return err('Invalid tracking mode', 400);
    return { ...ok('Tracking mode changed'), Success: mount.setTrackingMode(name) };
  });

  router.get('/equipment/mount/park', {}, () => {
    if (!mount.connected) return notConnected(409);
    if (mount.atPark) return ok('Mount already parked');
    if (mount.slewing) mount.stopSlew();
    unobserved(mount.parkTelescope());
    return ok('Parking');
  });

  router.get('/equipment/mount/unpark', {}, () => {
    if (!mount.connected) return notConnected(409);
    if (!mount.atPark) return ok('Mount not parked');
    unobserved(mount.unparkTelescope());
    return ok('Unparking');
  });

  // A flip of the mount alone: NINA's MOUNT-BEFORE-FLIP/AFTER-FLIP come only from its sequencer's flip workflow.
  router.get('/equipment/mount/flip', {}, () => {
    if (!mount.connected) return notConnected(409);
    if (mount.atPark) return parked();
    unobserved(mount.meridianFlip(mount.position()));
    return ok('Flipping');
  });

  router.get(
    '/equipment/mount/slew',
    {
      ra: queryField.double(),
      dec: queryField.double(),
      waitForResult: queryField.boolean(),
      center: queryField.boolean(),
      rotate: queryField.boolean(),
      rotationAngle: queryField.double(),
    },
    async (query) => {
      if (!mount.connected) return notConnected(409);
      if (mount.atPark) return parked();
      const target = j2000(query.ra, query.dec);
      if (query.rotate || query.center) {
        slewCenterToken?.abort();
        slewCenterToken = new AbortController();
        const { signal } = slewCenterToken;
        if (!query.rotate) rig.log.info({ source: 'Mount.cs', member: 'MountSlew', line: 364 }, coordinatesJson(target, rig.clock.nowMs()));
        const job = query.rotate ? centerAndRotate(plateSolving, target, query.rotationAngle, signal) : center(plateSolving, target, signal);
        if (!query.waitForResult) {
          unobserved(job);
          return ok('Slew started');
        }
        // A failed or cancelled centering throws: the catch-all's 500 "Unknown error". One that
        // succeeds still answers "Slew failed": the plugin calls Execute, not Run, so the item's
        // Status never becomes FINISHED.
        await job;
        return { ...ok('Slew failed'), Success: false };
      }
      if (!query.waitForResult) {
        unobserved(mount.slewToCoordinates(target));
        return ok('Slew started');
      }
      const result = await mount.slewToCoordinates(target);
      return { ...ok(result ? 'Slew finished' : 'Slew failed'), Success: result };
    },
  );

  router.get('/equipment/mount/slew/stop', {}, () => {
    if (!mount.connected) return notConnected(409);
    mount.stopSlew();
    slewCenterToken?.abort();
    return ok('Stopped slew');
  });

  router.get('/equipment/mount/set-park-position', {}, async () => {
    if (!mount.connected) return notConnected(400);
    if (!mount.canSetPark || mount.atPark) return err('Mount can not set park position', 400);
    return (await mount.setParkPosition()) ? ok('Park position set') : err('Park position update failed', 400);
  });

  router.get('/equipment/mount/sync', { ra: queryField.double(), dec: queryField.double() }, async ({ ra, dec }, request) => {
    if (!mount.connected) return notConnected(400);
    // The plugin's own bug: it tests CanSetPark here, so a mount that cannot set park never syncs.
    if (!mount.canSetPark || mount.atPark) return err('Mount is parked', 400);
    if (request.query.has('ra') && request.query.has('dec')) await mount.sync(j2000(ra, dec), 'J2000');
    else await solveAndSync(plateSolving);
    return ok('Synced');
  });
}
