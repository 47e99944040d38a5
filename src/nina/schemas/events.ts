import { z } from 'zod';
import { envelopeSchema, maybe, ninaNumber } from './common';

/**
 * `/v2/socket` events (notes §13). Each live frame is an NJ envelope whose `Response` holds
 * `{Event, ...data}`; keys arrive in any order (Hashtable). Events without data are listed in
 * `dataLessEvents`; the others have a schema. Anything else is kept as an unknown event, never thrown.
 */

const filterRefSchema = z
  .object({ Name: z.string(), Id: z.number().optional(), Íd: z.number().optional() })
  // The spec spells it `Íd` (U+00CD); the server sends `Id` (notes §13.3, §16b). Accept both.
  .transform(({ Name, Id, Íd }) => ({ Name, Id: Id ?? Íd }));

const fromTo = { From: ninaNumber, To: ninaNumber };

/** IMAGE-SAVE `ImageStatistics` = the image-history item (notes §7.2). */
export const imageStatisticsSchema = z.object({
  ExposureTime: ninaNumber,
  ImageType: maybe(z.string()),
  Filter: maybe(z.string()),
  RmsText: maybe(z.string()),
  Temperature: maybe(ninaNumber),
  CameraName: maybe(z.string()),
  TargetName: maybe(z.string()),
  Gain: maybe(z.number()),
  Offset: maybe(z.number()),
  Date: maybe(z.string()),
  TelescopeName: maybe(z.string()),
  FocalLength: maybe(ninaNumber),
  StDev: maybe(ninaNumber),
  Mean: maybe(ninaNumber),
  Median: maybe(ninaNumber),
  Min: maybe(ninaNumber),
  Max: maybe(ninaNumber),
  Stars: maybe(z.number()),
  HFR: maybe(ninaNumber),
  HFRStDev: maybe(ninaNumber),
  IsBayered: maybe(z.boolean()),
  Filename: maybe(z.string()),
});
export type ImageStatistics = z.infer<typeof imageStatisticsSchema>;

const eventDataSchemas = {
  'FILTERWHEEL-CHANGED': z.object({ Previous: maybe(filterRefSchema), New: maybe(filterRefSchema) }),
  'FLAT-BRIGHTNESS-CHANGED': z.object({ Previous: ninaNumber, New: ninaNumber }),
  'SAFETY-CHANGED': z.object({ IsSafe: z.boolean() }),
  'DOME-SLEWED': z.object(fromTo),
  'ROTATOR-MOVED': z.object(fromTo),
  'ROTATOR-MOVED-MECHANICAL': z.object(fromTo),
  // Top-level keys on the wire; the spec nests them under ImageStatistics (notes §8, §16a.26).
  'AUTOFOCUS-POINT-ADDED': z.preprocess(
    (data) => {
      const nested = (data as { ImageStatistics?: unknown }).ImageStatistics;
      return nested && typeof nested === 'object' ? { ...nested } : data;
    },
    z.object({ HFR: ninaNumber, Position: ninaNumber }),
  ),
  'IMAGE-SAVE': z.object({ ImageStatistics: imageStatisticsSchema }),
  'STACK-STATUS': z.object({ Status: z.string() }),
  'STACK-UPDATED': z.object({
    Filter: z.string(),
    Target: z.string(),
    IsMonochrome: maybe(z.boolean()),
    StackCount: maybe(z.number()),
    RedStackCount: maybe(z.number()),
    GreenStackCount: maybe(z.number()),
    BlueStackCount: maybe(z.number()),
  }),
  'SEQUENCE-ENTITY-FAILED': z.object({ Entity: maybe(z.string()), Error: maybe(z.string()) }),
  'TS-WAITSTART': z.object({ WaitEndTime: maybe(z.string()) }),
  'TS-NEWTARGETSTART': z.object({ TargetName: maybe(z.string()), ProjectName: maybe(z.string()) }),
  'TS-TARGETSTART': z.object({ TargetName: maybe(z.string()), ProjectName: maybe(z.string()) }),
} as const;

export const dataLessEvents = [
  'API-CAPTURE-FINISHED',
  'AUTOFOCUS-FINISHED',
  'AUTOFOCUS-STARTING',
  'CAMERA-CONNECTED',
  'CAMERA-DISCONNECTED',
  'CAMERA-DOWNLOAD-TIMEOUT',
  'DOME-CONNECTED',
  'DOME-DISCONNECTED',
  'DOME-HOMED',
  'DOME-PARKED',
  'DOME-SHUTTER-CLOSED',
  'DOME-SHUTTER-OPENED',
  'DOME-STOPPED',
  'DOME-SYNCED',
  'ERROR-AF',
  'ERROR-PLATESOLVE',
  'FILTERWHEEL-CONNECTED',
  'FILTERWHEEL-DISCONNECTED',
  'FLAT-CONNECTED',
  'FLAT-COVER-CLOSED',
  'FLAT-COVER-OPENED',
  'FLAT-DISCONNECTED',
  'FLAT-LIGHT-TOGGLED',
  'FOCUSER-CONNECTED',
  'FOCUSER-DISCONNECTED',
  'FOCUSER-USER-FOCUSED',
  'GUIDER-CONNECTED',
  'GUIDER-DISCONNECTED',
  'GUIDER-DITHER',
  'GUIDER-START',
  'GUIDER-STOP',
  'IMAGE-PREPARED',
  'MOUNT-AFTER-FLIP',
  'MOUNT-BEFORE-FLIP',
  'MOUNT-CENTER',
  'MOUNT-CONNECTED',
  'MOUNT-DISCONNECTED',
  'MOUNT-HOMED',
  'MOUNT-PARKED',
  'MOUNT-UNPARKED',
  'PROFILE-ADDED',
  'PROFILE-CHANGED',
  'PROFILE-REMOVED',
  'ROTATOR-CONNECTED',
  'ROTATOR-DISCONNECTED',
  'ROTATOR-SYNCED',
  'SAFETY-CONNECTED',
  'SAFETY-DISCONNECTED',
  'SEQUENCE-FINISHED',
  'SEQUENCE-STARTING',
  'SWITCH-CONNECTED',
  'SWITCH-DISCONNECTED',
  'WEATHER-CONNECTED',
  'WEATHER-DISCONNECTED',
] as const;

type DataEventName = keyof typeof eventDataSchemas;
type DataLessEventName = (typeof dataLessEvents)[number];
export type KnownEventName = DataEventName | DataLessEventName;

export type KnownEvent =
  | { [K in DataEventName]: { name: K; known: true; data: z.output<(typeof eventDataSchemas)[K]> } }[DataEventName]
  | { name: DataLessEventName; known: true; data: Record<string, never> };

/** An event this client has no schema for (a newer plugin, another plugin): kept and shown raw. */
export interface UnknownEvent {
  name: string;
  known: false;
  data: Record<string, unknown>;
}

export type NinaEvent = KnownEvent | UnknownEvent;

const dataLessSet: ReadonlySet<string> = new Set(dataLessEvents);
const isDataEvent = (name: string): name is DataEventName => Object.hasOwn(eventDataSchemas, name);

export type EventParseResult =
  | { ok: true; event: NinaEvent }
  | { ok: false; name?: string; reason: string; raw: unknown };

/** Parse one `{Event, ...data}` object: a live `Response` or an `/event-history` row. */
export function parseEventBody(body: unknown): EventParseResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, reason: 'the event is not an object', raw: body };
  }
  const { Event: name, Time: _time, ...data } = body as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') {
    return { ok: false, reason: 'the event has no Event name', raw: body };
  }
  if (isDataEvent(name)) {
    const parsed = eventDataSchemas[name].safeParse(data);
    if (!parsed.success) {
      return { ok: false, name, reason: z.prettifyError(parsed.error), raw: body };
    }
    return { ok: true, event: { name, known: true, data: parsed.data } as KnownEvent };
  }
  if (dataLessSet.has(name)) {
    return { ok: true, event: { name: name as DataLessEventName, known: true, data: {} } };
  }
  return { ok: true, event: { name, known: false, data } };
}

export type SocketFrame =
  | { kind: 'event'; event: NinaEvent }
  /** The "Send WebSocket Event" sequence instruction sends a bare string Response (notes §12). */
  | { kind: 'message'; text: string }
  | { kind: 'invalid'; name?: string; reason: string; raw: unknown };

/** Parse one text frame from `/v2/socket`. Never throws: bad frames come back as `invalid`. */
export function parseSocketFrame(text: string): SocketFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'the frame is not JSON', raw: text.slice(0, 500) };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { kind: 'invalid', reason: `the frame is not a NINA envelope: ${z.prettifyError(envelope.error)}`, raw: json };
  }
  const { Response: response } = envelope.data;
  if (typeof response === 'string') return { kind: 'message', text: response };
  const result = parseEventBody(response);
  if (!result.ok) return { kind: 'invalid', name: result.name, reason: result.reason, raw: result.raw };
  return { kind: 'event', event: result.event };
}

/** `/event-history` rows: `{Event, Time, ...data}`, oldest first (notes §13.2). */
export const eventHistoryRowSchema = z.looseObject({ Event: z.string(), Time: maybe(z.string()) });
export const eventHistorySchema = z.array(z.unknown());
