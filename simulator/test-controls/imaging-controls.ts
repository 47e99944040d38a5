// /__sim/imaging: steer what the camera sees and how imaging goes wrong. The focus and seeing
// settings change every later frame (and so the autofocus curve); the failures are one-shot.

import { z } from 'zod';
import { CameraStates } from '../rig/nina-enums';
import type { Rig } from '../rig/rig';
import { ControlError, validate } from './control-error';

export interface ImagingControlRoute {
  method: string;
  pattern: RegExp;
  handler: (body: Buffer) => unknown;
}

function parseBody<T>(schema: z.ZodType<T>, body: Buffer): T {
  if (body.length === 0) return validate(schema, {});
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ControlError(400, 'The body is not JSON');
  }
  return validate(schema, parsed);
}

const settingsSchema = z.strictObject({
  /** Shifts the best focus by this many steps (the focuser slipped, the tube changed). */
  bestFocusOffsetSteps: z.number().optional(),
  /** Replaces the environment's seeing FWHM; null gives it back. */
  seeingArcsec: z.number().positive().nullable().optional(),
  /** Fraction of starlight getting through: 0 is solid cloud. */
  transparency: z.number().min(0).max(1).optional(),
  /** The next autofocus sees no stars and fails (ERROR-AF, no report). */
  failNextAutofocus: z.boolean().optional(),
  /** The next exposure fails at the end of its download; an API capture task then fails. */
  failNextCapture: z.boolean().optional(),
  /** What CameraInfo.CameraState reports until set back to null. */
  cameraState: z.enum(Object.keys(CameraStates) as [keyof typeof CameraStates, ...(keyof typeof CameraStates)[]]).nullable().optional(),
});

export function imagingControls(rig: Rig): ImagingControlRoute[] {
  const { imaging, camera, focuser, filterWheel, environment } = rig;
  const state = () => {
    const filterName = filterWheel.connected ? (filterWheel.selectedFilter?.name ?? null) : null;
    return {
      bestFocusSteps: imaging.focusModel.bestFocusSteps(environment.temperatureC(), filterName),
      bestFocusOffsetSteps: imaging.focusModel.bestFocusOffsetSteps,
      seeingArcsec: imaging.focusModel.seeingFwhmArcsec(environment.conditions().starFwhmArcsec),
      seeingOverridden: imaging.focusModel.seeingOverrideArcsec !== null,
      transparency: imaging.transparency,
      focuserPositionSteps: focuser.positionSteps,
      failNextAutofocus: imaging.autofocus.failNextRun,
      autofocusRunning: imaging.autofocus.running,
      failNextCapture: camera.failNextExposure,
      cameraState: camera.cameraState,
      savedImages: imaging.saved.length,
    };
  };
  return [
    { method: 'GET', pattern: /^\/__sim\/imaging$/, handler: () => state() },
    {
      method: 'POST',
      pattern: /^\/__sim\/imaging$/,
      handler: (body) => {
        const changes = parseBody(settingsSchema, body);
        if (changes.bestFocusOffsetSteps !== undefined) imaging.focusModel.bestFocusOffsetSteps = changes.bestFocusOffsetSteps;
        if (changes.seeingArcsec !== undefined) imaging.focusModel.seeingOverrideArcsec = changes.seeingArcsec;
        if (changes.transparency !== undefined) imaging.transparency = changes.transparency;
        if (changes.failNextAutofocus !== undefined) imaging.autofocus.failNextRun = changes.failNextAutofocus;
        if (changes.failNextCapture !== undefined) camera.failNextExposure = changes.failNextCapture;
        if (changes.cameraState !== undefined) camera.stateOverride = changes.cameraState;
        return { ok: true, state: state() };
      },
    },
  ];
}
