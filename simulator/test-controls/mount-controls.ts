// /__sim/mount/*: the mount's test controls.
// - axes: what the /v2/mount module saw and did (frames with real timestamps, MoveAxis calls,
//   watchdog stops), its stored rates and timers, and the axis rates the driver runs now
// - faults and capabilities: gotos the driver refuses or never finishes, failing plate solves, no
//   CanSetPark, fewer tracking modes
// - site: the mount's own latitude/longitude (southern-hemisphere tests)
// - what only NINA's sequencer can start, so its events can be tested: a meridian flip through the
//   flip trigger's workflow (MOUNT-BEFORE-FLIP/AFTER-FLIP) and a Center item (MOUNT-CENTER)

import { z } from 'zod';
import { ALL_TRACKING_MODES } from '../rig/mount';
import { meridianFlipWorkflow, runSequencerCenter, type PlateSolvingRig } from '../rig/mount-instructions';
import type { Rig } from '../rig/rig';
import type { MountSocket } from '../sockets/mount-socket';
import { ControlError, validate } from './control-error';

export interface ControlRoute {
  method: string;
  pattern: RegExp;
  handler: (body: Buffer) => unknown;
}

function parseBody<T>(schema: z.ZodType<T>, body: Buffer): T {
  if (body.length === 0) return validate(schema, {});
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ControlError(400, 'The body is not JSON');
  }
  return validate(schema, raw);
}

const trackingModeSchema = z.enum(ALL_TRACKING_MODES as [string, ...string[]]);
const faultsSchema = z.strictObject({
  slews: z.enum(['none', 'refuse', 'hang']).optional(),
  plateSolves: z.enum(['succeed', 'fail']).optional(),
});
const capabilitiesSchema = z.strictObject({
  canSetPark: z.boolean().optional(),
  trackingModes: z.array(trackingModeSchema).optional(),
});
const siteSchema = z.strictObject({
  latitudeDeg: z.number().min(-90).max(90),
  longitudeDeg: z.number().min(-180).max(180).optional(),
  elevationM: z.number().optional(),
});
const meridianFlipSchema = z.strictObject({ timeToFlipS: z.number().min(0).optional() });
const sequencerCenterSchema = z.strictObject({ raDeg: z.number(), decDeg: z.number().min(-90).max(90) });

/** Work the control starts and does not wait for; it shows through events and the info endpoints. */
function detached(work: Promise<unknown>): void {
  work.catch(() => undefined);
}

export function mountControls({ rig, mountSocket }: { rig: Rig; mountSocket: MountSocket }): ControlRoute[] {
  const { mount } = rig;
  const plateSolving: PlateSolvingRig = { mount, camera: rig.camera, rotator: rig.rotator, clock: rig.clock, log: rig.log };
  return [
    {
      method: 'GET',
      pattern: /^\/__sim\/mount\/axes$/,
      handler: () => {
        const rates = mount.axisRatesDegPerS();
        return {
          axisRatesDegPerS: { primary: rates.Primary, secondary: rates.Secondary },
          ...mountSocket.state(),
          frames: mountSocket.log(),
        };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/__sim\/mount\/axes$/,
      handler: () => {
        mountSocket.clearLog();
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/mount\/faults$/,
      handler: (body) => {
        const { slews, plateSolves } = parseBody(faultsSchema, body);
        if (slews !== undefined) mount.slewFault = slews;
        if (plateSolves !== undefined) mount.plateSolveFails = plateSolves === 'fail';
        return { ok: true, state: mount.snapshot() };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/mount\/capabilities$/,
      handler: (body) => {
        const { canSetPark, trackingModes } = parseBody(capabilitiesSchema, body);
        if (canSetPark !== undefined) mount.canSetPark = canSetPark;
        if (trackingModes !== undefined) mount.trackingModes = ALL_TRACKING_MODES.filter((mode) => trackingModes.includes(mode));
        return { ok: true, state: mount.snapshot() };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/mount\/site$/,
      handler: (body) => {
        const { latitudeDeg, longitudeDeg, elevationM } = parseBody(siteSchema, body);
        mount.setSite({
          latitudeDeg,
          longitudeDeg: longitudeDeg ?? mount.site.longitudeDeg,
          elevationM: elevationM ?? mount.site.elevationM,
        });
        return { ok: true, state: mount.snapshot() };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/mount\/meridian-flip$/,
      handler: (body) => {
        const { timeToFlipS } = parseBody(meridianFlipSchema, body);
        detached(meridianFlipWorkflow(plateSolving, (timeToFlipS ?? 0) * 1000));
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/mount\/sequencer-center$/,
      handler: (body) => {
        const { raDeg, decDeg } = parseBody(sequencerCenterSchema, body);
        detached(runSequencerCenter(plateSolving, { raHours: raDeg / 15, decDeg }));
        return { ok: true };
      },
    },
  ];
}
