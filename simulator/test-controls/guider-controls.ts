// /__sim/guider*: steer the simulated PHD2 and NINA's guide graph without the plugin's awaited
// calls. Start, stop and dither return at once; the guider then proceeds in simulated time.

import { z } from 'zod';
import { GUIDER_SCALES, MAX_HISTORY_SIZE } from '../rig/guider-history';
import type { Rig } from '../rig/rig';
import { ControlError, validate } from './control-error';

export interface GuiderControlRoute {
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
  /** Multiplies every source of guide error; 0 makes every guide step exactly zero. */
  errorScale: z.number().min(0).optional(),
  /** NINA's guide graph settings. */
  scale: z.enum(GUIDER_SCALES).optional(),
  historySize: z.number().int().min(1).max(MAX_HISTORY_SIZE).optional(),
  maxY: z.number().positive().optional(),
  /** Whether PHD2 holds a calibration. */
  calibrated: z.boolean().optional(),
  /** Mean simulated hours between spontaneous star losses; null turns them off. */
  lostLockMeanIntervalH: z.number().positive().nullable().optional(),
  failClearCalibration: z.boolean().optional(),
});
const lostLockSchema = z.strictObject({ frames: z.number().int().min(1).optional() });
const startSchema = z.strictObject({ calibrate: z.boolean().optional() });
const ditherSchema = z.strictObject({
  pixels: z.number().min(0).optional(),
  raOnly: z.boolean().optional(),
  settlePixels: z.number().positive().optional(),
  settleTimeS: z.number().min(0).optional(),
  settleTimeoutS: z.number().min(0).optional(),
});

export function guiderControls(rig: Rig): GuiderControlRoute[] {
  const { guider } = rig;
  const requireConnected = (): void => {
    if (!guider.connected) throw new ControlError(409, 'The guider is not connected');
  };
  const reply = () => ({ ok: true, state: guider.snapshot() });
  const inBackground = (work: Promise<unknown>): void => {
    work.catch(() => undefined);
  };

  return [
    {
      method: 'POST',
      pattern: /^\/__sim\/guider$/,
      handler: (body) => {
        const settings = parseBody(settingsSchema, body);
        if (settings.errorScale !== undefined) guider.tracking.errorScale = settings.errorScale;
        if (settings.scale !== undefined) guider.history.scale = settings.scale;
        if (settings.historySize !== undefined) guider.history.historySize = settings.historySize;
        if (settings.maxY !== undefined) guider.history.maxY = settings.maxY;
        if (settings.calibrated !== undefined) guider.calibrated = settings.calibrated;
        if (settings.lostLockMeanIntervalH !== undefined) guider.lostLockMeanIntervalH = settings.lostLockMeanIntervalH;
        if (settings.failClearCalibration !== undefined) guider.failClearCalibration = settings.failClearCalibration;
        return reply();
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/guider\/lost-lock$/,
      handler: (body) => {
        const { frames } = parseBody(lostLockSchema, body);
        requireConnected();
        if (!guider.loseStar(frames)) throw new ControlError(409, 'PHD2 is not guiding');
        return reply();
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/guider\/start$/,
      handler: (body) => {
        const { calibrate } = parseBody(startSchema, body);
        requireConnected();
        inBackground(guider.startGuiding(calibrate ?? false));
        return reply();
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/guider\/stop$/,
      handler: (body) => {
        parseBody(z.strictObject({}), body);
        requireConnected();
        inBackground(guider.stopGuiding());
        return reply();
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/guider\/dither$/,
      handler: (body) => {
        const request = parseBody(ditherSchema, body);
        requireConnected();
        inBackground(guider.dither(request));
        return reply();
      },
    },
  ];
}
