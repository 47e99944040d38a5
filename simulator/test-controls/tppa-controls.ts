// /__sim/tppa*: the simulated polar misalignment and the person at the mount, and what the /v2/tppa
// module received and sent.
// - GET  /__sim/tppa                 the run (step, paused, readings), its settings, the axis offsets and
//                                    the errors TPPA would report for them now
// - POST /__sim/tppa                 {demoKnobs}: whether the demo's person turns the knobs after each reading
// - POST /__sim/tppa/misalignment    {azimuthArcmin, altitudeArcmin}: where the axis points, absolute
// - POST /__sim/tppa/knobs           {azimuthArcmin?, altitudeArcmin?}: turn the knobs by these amounts,
//                                    or {converge: true}: turn them onto the pole
// - GET|DELETE /__sim/tppa/log       the frames received (with the action and what came of it) and sent
// Offsets are physical, whatever the hemisphere: azimuth positive = the axis points clockwise of the
// pole seen from above (east of it in the north, west of it in the south), altitude positive = above
// it. rig/polar-alignment-axis.ts explains how TPPA signs them.

import { z } from 'zod';
import { tppaErrors } from '../rig/polar-alignment-axis';
import type { Rig } from '../rig/rig';
import type { TppaSocket } from '../sockets/tppa-socket';
import { ControlError, validate } from './control-error';

export interface TppaControlRoute {
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

const settingsSchema = z.strictObject({ demoKnobs: z.boolean().optional() });
const misalignmentSchema = z.strictObject({ azimuthArcmin: z.number(), altitudeArcmin: z.number() });
const knobsSchema = z.union([
  z.strictObject({ azimuthArcmin: z.number().optional(), altitudeArcmin: z.number().optional() }),
  z.strictObject({ converge: z.literal(true) }),
]);

export function tppaControls({ rig, tppaSocket }: { rig: Rig; tppaSocket: TppaSocket }): TppaControlRoute[] {
  const { polarAlignment } = rig;
  const state = () => {
    const latitudeDeg = rig.mount.site.latitudeDeg;
    const errors = tppaErrors(polarAlignment.axis.current, latitudeDeg);
    return {
      ...polarAlignment.snapshot(),
      errorsDeg: errors,
      errorsArcmin: { azimuth: errors.azimuthDeg * 60, altitude: errors.altitudeDeg * 60, total: errors.totalDeg * 60 },
    };
  };
  return [
    { method: 'GET', pattern: /^\/__sim\/tppa$/, handler: () => state() },
    {
      method: 'POST',
      pattern: /^\/__sim\/tppa$/,
      handler: (body) => {
        const { demoKnobs } = parseBody(settingsSchema, body);
        if (demoKnobs !== undefined) polarAlignment.demoKnobs = demoKnobs;
        return { ok: true, state: state() };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/tppa\/misalignment$/,
      handler: (body) => {
        polarAlignment.axis.set(parseBody(misalignmentSchema, body));
        return { ok: true, state: state() };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/tppa\/knobs$/,
      handler: (body) => {
        const turn = parseBody(knobsSchema, body);
        if ('converge' in turn) polarAlignment.axis.set({ azimuthArcmin: 0, altitudeArcmin: 0 });
        else polarAlignment.axis.turn({ azimuthArcmin: turn.azimuthArcmin ?? 0, altitudeArcmin: turn.altitudeArcmin ?? 0 });
        return { ok: true, state: state() };
      },
    },
    { method: 'GET', pattern: /^\/__sim\/tppa\/log$/, handler: () => tppaSocket.log() },
    {
      method: 'DELETE',
      pattern: /^\/__sim\/tppa\/log$/,
      handler: () => {
        tppaSocket.clearLog();
        return { ok: true };
      },
    },
  ];
}
