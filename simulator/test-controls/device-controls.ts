// POST /__sim/devices/{device}: set a device's state directly. `connected` goes through the
// normal connect/disconnect (so it raises the same events); the other fields are what a client
// test needs to set up a situation: a warm camera, an unsafe sky, a parked mount.

import { z } from 'zod';
import type { Device, DeviceKind } from '../rig/device';
import { CoverState, ShutterState } from '../rig/nina-enums';
import type { Rig } from '../rig/rig';
import { ControlError, validate } from './control-error';

export interface DeviceControl {
  apply(raw: unknown): Promise<void>;
}

const connectionShape = {
  connected: z.boolean().optional(),
  /** Makes the driver's Connect() fail until set back to false. */
  failConnect: z.boolean().optional(),
};

type ConnectionChanges = { connected?: boolean | undefined; failConnect?: boolean | undefined };

function defineControl<T extends ConnectionChanges>(device: Device, schema: z.ZodType<T>, applyState: (changes: T) => void): DeviceControl {
  return {
    async apply(raw) {
      const changes = validate(schema, raw);
      applyState(changes);
      if (changes.failConnect !== undefined) device.failConnect = changes.failConnect;
      if (changes.connected === undefined || changes.connected === device.connected) return;
      if (changes.connected) await device.connect();
      else await device.disconnect();
    },
  };
}

const PHD2_STATES = ['', 'Stopped', 'Selected', 'Calibrating', 'Guiding', 'LostLock', 'Paused', 'Looping'] as const;
const enumNames = <T extends Record<string, unknown>>(members: T) => Object.keys(members) as [keyof T & string, ...(keyof T & string)[]];

export function deviceControls(rig: Rig): Readonly<Record<DeviceKind, DeviceControl>> {
  const { camera, mount, focuser, filterWheel, guider, rotator, flatDevice, dome, safetyMonitor, powerBox, weather } = rig;
  return {
    camera: defineControl(
      camera,
      z.strictObject({
        ...connectionShape,
        temperature: z.number().optional(),
        coolerOn: z.boolean().optional(),
        setPoint: z.number().optional(),
      }),
      ({ temperature, coolerOn, setPoint }) => {
        if (coolerOn !== undefined || setPoint !== undefined) camera.setCooler(coolerOn ?? camera.coolerOn, setPoint ?? camera.setPointC);
        if (temperature !== undefined) camera.setSensorTemperature(temperature);
      },
    ),
    mount: defineControl(
      mount,
      z.strictObject({
        ...connectionShape,
        atPark: z.boolean().optional(),
        trackingEnabled: z.boolean().optional(),
        raHours: z.number().min(0).max(24).optional(),
        decDeg: z.number().min(-90).max(90).optional(),
      }),
      ({ atPark, trackingEnabled, raHours, decDeg }) => {
        if (raHours !== undefined || decDeg !== undefined) {
          const current = mount.position();
          mount.pointAt({ raHours: raHours ?? current.raHours, decDeg: decDeg ?? current.decDeg });
        }
        if (trackingEnabled !== undefined) mount.setTracking(trackingEnabled);
        if (atPark === true && !mount.atPark) mount.park();
        if (atPark === false) mount.unpark();
      },
    ),
    focuser: defineControl(
      focuser,
      z.strictObject({ ...connectionShape, position: z.number().int().min(0).optional() }),
      ({ position }) => {
        if (position !== undefined) focuser.positionSteps = position;
      },
    ),
    filterwheel: defineControl(
      filterWheel,
      z.strictObject({ ...connectionShape, filterId: z.number().int().optional() }),
      ({ filterId }) => {
        if (filterId === undefined) return;
        if (!filterWheel.connected) throw new ControlError(409, 'filterId: the filter wheel is not connected');
        if (filterWheel.filters[filterId] === undefined) throw new ControlError(400, `filterId: no filter at position ${filterId}`);
        filterWheel.selectFilter(filterId);
      },
    ),
    guider: defineControl(
      guider,
      z.strictObject({
        ...connectionShape,
        state: z.enum(PHD2_STATES).optional(),
        guideStep: z
          .strictObject({
            raDistanceRaw: z.number(),
            decDistanceRaw: z.number(),
            raDuration: z.number(),
            decDuration: z.number(),
          })
          .optional(),
      }),
      ({ state, guideStep }) => {
        if (state !== undefined) guider.state = state;
        if (guideStep !== undefined) {
          if (!guider.connected) throw new ControlError(409, 'guideStep: the guider is not connected');
          guider.recordGuideStep({
            raDistanceRawPx: guideStep.raDistanceRaw,
            decDistanceRawPx: guideStep.decDistanceRaw,
            raDurationMs: guideStep.raDuration,
            decDurationMs: guideStep.decDuration,
          });
        }
      },
    ),
    rotator: defineControl(
      rotator,
      z.strictObject({ ...connectionShape, mechanicalPosition: z.number().min(0).max(360).optional() }),
      ({ mechanicalPosition }) => {
        if (mechanicalPosition !== undefined) rotator.mechanicalPositionDeg = mechanicalPosition;
      },
    ),
    flatdevice: defineControl(
      flatDevice,
      z.strictObject({
        ...connectionShape,
        coverState: z.enum(enumNames(CoverState)).optional(),
        lightOn: z.boolean().optional(),
        brightness: z.number().int().min(0).max(255).optional(),
      }),
      ({ coverState, lightOn, brightness }) => {
        if (coverState !== undefined) flatDevice.coverState = coverState;
        if (lightOn !== undefined) flatDevice.lightOn = lightOn;
        if (brightness !== undefined) flatDevice.brightness = brightness;
      },
    ),
    dome: defineControl(
      dome,
      z.strictObject({
        ...connectionShape,
        shutter: z.enum(enumNames(ShutterState)).optional(),
        followingScope: z.boolean().optional(),
      }),
      ({ shutter, followingScope }) => {
        if (shutter !== undefined) dome.shutter = shutter;
        if (followingScope !== undefined) dome.followingScope = followingScope;
      },
    ),
    safetymonitor: defineControl(
      safetyMonitor,
      z.strictObject({ ...connectionShape, isSafe: z.boolean().optional() }),
      ({ isSafe }) => {
        if (isSafe !== undefined) safetyMonitor.setSafe(isSafe);
      },
    ),
    switch: defineControl(powerBox, z.strictObject(connectionShape), () => undefined),
    weather: defineControl(weather, z.strictObject(connectionShape), () => undefined),
  };
}
