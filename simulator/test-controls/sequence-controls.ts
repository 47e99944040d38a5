// /__sim/sequence: read the advanced sequencer's tree and run state, and steer it where a client
// test needs to: an uninitialized sequencer (NINA before its sequencer UI exists), instructions that
// fail, shorter waits, a state read that throws.

import { z } from 'zod';
import type { Rig } from '../rig/rig';
import { sequencePluginState } from '../web-service/v2/application/sequence';
import { ControlError, validate } from './control-error';

export interface SequenceControlRoute {
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
  /** ISequenceMediator.Initialized: false answers every sequence route with "Sequence is not initialized". */
  initialized: z.boolean().optional(),
  /** Multiplies the durations of Wait for Time and Wait for Time Span (0 ends them at once). */
  waitScale: z.number().min(0).optional(),
  /** The next `times` runs of instructions with this name ("Take Exposure") or type ("TakeExposure") fail with `message`. */
  failItem: z
    .strictObject({
      match: z.string().min(1),
      message: z.string().min(1).optional(),
      times: z.number().int().positive().optional(),
    })
    .optional(),
  /** Forgets the planned failures. */
  clearFailures: z.boolean().optional(),
  /** The next GET /sequence/state throws inside the plugin, which then sends an empty body. */
  breakNextState: z.boolean().optional(),
});

export function sequenceControls(rig: Rig): SequenceControlRoute[] {
  const { sequencer } = rig;
  const state = () => ({ ...sequencer.snapshot(), breakNextState: sequencePluginState(rig).breakNextState });
  return [
    { method: 'GET', pattern: /^\/__sim\/sequence$/, handler: () => state() },
    {
      method: 'POST',
      pattern: /^\/__sim\/sequence$/,
      handler: (body) => {
        const changes = parseBody(settingsSchema, body);
        if (changes.initialized !== undefined) sequencer.initialized = changes.initialized;
        if (changes.waitScale !== undefined) sequencer.waitScale = changes.waitScale;
        if (changes.clearFailures) sequencer.injectedFailures.splice(0);
        if (changes.failItem !== undefined) {
          const { match, message, times } = changes.failItem;
          sequencer.injectedFailures.push({ match, message: message ?? 'Simulated failure', remaining: times ?? 1 });
        }
        if (changes.breakNextState !== undefined) sequencePluginState(rig).breakNextState = changes.breakNextState;
        return { ok: true, state: state() };
      },
    },
  ];
}
