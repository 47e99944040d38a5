import { z } from 'zod';
import { envelopeSchema, maybe, ninaNumber } from './common';

/**
 * `/v2/tppa` (notes §10): what Skydeck may ask of the Three Point Polar Alignment plugin, and the
 * Newtonsoft envelopes ninaAPI sends to every connected client.
 */

export const TPPA_ACTIONS = ['start-alignment', 'stop-alignment', 'pause-alignment', 'resume-alignment'] as const;
export type TppaAction = (typeof TPPA_ACTIONS)[number];

/**
 * The start options Skydeck offers, in TPPA's own units; a field left out keeps TPPA's setting
 * (§10.1). TPPA's integer fields must go out as integer literals: Newtonsoft rejects `5.0` for an
 * int, and ninaAPI then treats the whole frame as an unknown text action and ignores it.
 */
export const tppaStartOptionsSchema = z
  .object({
    ManualMode: z.boolean(),
    StartFromCurrentPosition: z.boolean(),
    EastDirection: z.boolean(),
    /** Degrees of RA between the measurement points. */
    TargetDistance: z.number().int('Target distance is a whole number of degrees').min(1, 'Target distance is at least 1°').max(180, 'Target distance is at most 180°'),
    /** Degrees per second; TPPA lowers it to what the mount can do. */
    MoveRate: z.number().int('Move rate is a whole number of degrees per second').min(1, 'Move rate is at least 1°/s').max(50, 'Move rate is at most 50°/s'),
    ExposureTime: z.number().gt(0, 'Exposure must be longer than 0 s').max(600, 'Exposure is at most 600 s'),
    /** -1: the camera's default. */
    Gain: z.number().int('Gain is a whole number').min(-1, 'Gain is −1 (camera default) or more').max(100_000, 'Gain is too large'),
    Offset: z.number().int('Offset is a whole number').min(-1, 'Offset is −1 (camera default) or more').max(100_000, 'Offset is too large'),
    Binning: z.number().int('Binning is a whole number').min(1, 'Binning is 1 to 8').max(8, 'Binning is 1 to 8'),
    /** A filter name from the profile; an unknown name makes TPPA use no filter. */
    Filter: z.string().min(1),
    /** Arcminutes of total error below which TPPA finishes by itself; 0 never does. */
    AlignmentTolerance: z.number().min(0, 'Tolerance cannot be negative').max(60, 'Tolerance is at most 60′'),
    /** Degrees around the expected position the plate solver searches. */
    SearchRadius: z.number().gt(0, 'Search radius must be above 0°').max(180, 'Search radius is at most 180°'),
  })
  .partial();
export type TppaStartOptions = z.infer<typeof tppaStartOptionsSchema>;

const confirmations: Readonly<Record<string, TppaAction>> = {
  'started procedure': 'start-alignment',
  'stopped procedure': 'stop-alignment',
  'paused procedure': 'pause-alignment',
  'resumed procedure': 'resume-alignment',
};

const alignmentErrorSchema = z.object({ AzimuthError: ninaNumber, AltitudeError: ninaNumber, TotalError: ninaNumber });
const progressSchema = z.object({ Status: maybe(z.string()), Progress: maybe(ninaNumber) });

export type TppaMessage =
  /** A command was published to TPPA, by this client or any other (§10.2): not proof TPPA acted on it. */
  | { kind: 'confirmation'; action: TppaAction; text: string }
  /** `fraction` 0..1, or undefined when TPPA's progress is indeterminate (-1, NaN, Infinity). */
  | { kind: 'progress'; status: string; fraction: number | undefined }
  /** One reading of the adjustment phase, signed degrees as TPPA computes them. */
  | { kind: 'alignment-error'; azimuthDeg: number; altitudeDeg: number; totalDeg: number }
  | { kind: 'refusal'; text: string }
  | { kind: 'unreadable'; problem: string; raw: string };

const unreadable = (problem: string, raw: string): TppaMessage => ({ kind: 'unreadable', problem, raw: raw.slice(0, 500) });

function progressFraction(progress: number | undefined): number | undefined {
  if (progress === undefined || !Number.isFinite(progress) || progress < 0) return undefined;
  // The distance moved can overshoot the target a little, and MaxProgress is the truncated target.
  return Math.min(1, progress);
}

export function parseTppaMessage(text: string): TppaMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unreadable('NINA sent a message on the polar alignment channel that is not JSON', text);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return unreadable('NINA sent a message on the polar alignment channel without its usual envelope', text);
  const { Success, StatusCode, Error: errorText, Response: response } = envelope.data;
  if (!Success || StatusCode !== 200) return { kind: 'refusal', text: errorText?.trim() || `NINA answered with status ${StatusCode}` };

  if (typeof response === 'string') {
    const action = confirmations[response];
    return action ? { kind: 'confirmation', action, text: response } : unreadable(`Unexpected answer on the polar alignment channel: ${response}`, text);
  }
  if (typeof response === 'object' && response !== null && 'AzimuthError' in response) {
    const reading = alignmentErrorSchema.safeParse(response);
    if (!reading.success) return unreadable('TPPA sent an error reading Skydeck cannot read', text);
    const { AzimuthError, AltitudeError, TotalError } = reading.data;
    if (![AzimuthError, AltitudeError, TotalError].every(Number.isFinite)) return unreadable('TPPA sent an error reading that is not a number', text);
    return { kind: 'alignment-error', azimuthDeg: AzimuthError, altitudeDeg: AltitudeError, totalDeg: TotalError };
  }
  const progress = progressSchema.safeParse(response);
  if (progress.success && typeof response === 'object' && response !== null && ('Status' in response || 'Progress' in response)) {
    return { kind: 'progress', status: progress.data.Status?.trim() ?? '', fraction: progressFraction(progress.data.Progress) };
  }
  return unreadable('NINA sent a polar alignment message Skydeck does not know', text);
}
