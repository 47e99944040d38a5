// /__sim/livestack*: the Livestack plugin's side of things.
// - GET  /__sim/livestack                      running, queue, every tab with its count and noise (ADU)
// - POST /__sim/livestack/color-combination   {target, red, green, blue}: the plugin's colour
//        combination wizard over three filter tabs of a target; it is broadcast as "RGB" (with the
//        three channel counts) from that target's next stacked frame on

import { z } from 'zod';
import type { Rig } from '../rig/rig';
import { ControlError, validate } from './control-error';

export interface LiveStackControlRoute {
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

const combinationSchema = z.strictObject({ target: z.string(), red: z.string(), green: z.string(), blue: z.string() });

export function liveStackControls(rig: Rig): LiveStackControlRoute[] {
  const { liveStack } = rig;
  return [
    { method: 'GET', pattern: /^\/__sim\/livestack$/, handler: () => liveStack.snapshot() },
    {
      method: 'POST',
      pattern: /^\/__sim\/livestack\/color-combination$/,
      handler: (body) => {
        const { target, red, green, blue } = parseBody(combinationSchema, body);
        if (!liveStack.combineColors(target, { red, green, blue })) {
          throw new ControlError(409, `Target ${target} has no stack for each of ${red}, ${green} and ${blue} yet`);
        }
        return { ok: true, state: liveStack.snapshot() };
      },
    },
  ];
}
