// The /__sim/* control API (only with --test-controls): steer the rig, inject faults and latency,
// break sockets, and read back what clients sent. Plain JSON, no NINA envelope.

import { z } from 'zod';
import { FAULT_KINDS, fullApiPath, type FaultInjection } from '../http/fault-injection';
import type { ObservedTraffic } from '../http/observed-traffic';
import type { HttpReply } from '../http/reply';
import type { TestControlRequest } from '../http/server';
import { isDeviceKind } from '../rig/device';
import type { Rig } from '../rig/rig';
import type { EventSocket } from '../sockets/event-socket';
import type { MountSocket } from '../sockets/mount-socket';
import type { TppaSocket } from '../sockets/tppa-socket';
import { SOCKET_CHANNELS, type SocketHub } from '../sockets/socket-hub';
import type { NetValue } from '../wire/net-values';
import type { PluginSettings } from '../web-service/v2/api-context';
import { ControlError, validate } from './control-error';
import { deviceControls } from './device-controls';
import { eventStormControls } from './event-storm-controls';
import { guiderControls } from './guider-controls';
import { imagingControls } from './imaging-controls';
import { liveStackControls } from './livestack-controls';
import { mountControls } from './mount-controls';
import { sequenceControls } from './sequence-controls';
import { tppaControls } from './tppa-controls';

export interface TestControlDependencies {
  rig: Rig;
  events: EventSocket;
  settings: PluginSettings;
  faults: FaultInjection;
  sockets: SocketHub;
  observed: ObservedTraffic;
  mountSocket: MountSocket;
  tppaSocket: TppaSocket;
}

function json(value: unknown, status = 200): HttpReply {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

function parseBody<T>(schema: z.ZodType<T>, body: Buffer): T {
  if (body.length === 0) return validate(schema, {});
  try {
    return validate(schema, JSON.parse(body.toString('utf8')));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ControlError(400, 'The body is not JSON');
    throw error;
  }
}

const channelSchema = z.enum(SOCKET_CHANNELS);

const latencySchema = z.strictObject({ ms: z.number().min(0), pathPrefix: z.string().optional() });
const faultSchema = z.strictObject({
  path: z.string().min(1),
  kind: z.enum(FAULT_KINDS),
  times: z.number().int().positive().optional(),
});
const dropSchema = z.strictObject({ channels: z.array(channelSchema).optional() });
const refuseSchema = z.strictObject({ ms: z.number().min(0) });
const sendRawSchema = z.strictObject({ channel: channelSchema, text: z.string() });
const eventSchema = z.looseObject({ Event: z.string().min(1) });
const settingsSchema = z.strictObject({ accessControlHeader: z.boolean().optional() });

type Handler = (body: Buffer, params: Record<string, string>) => Promise<unknown> | unknown;

export function createTestControls(dependencies: TestControlDependencies): (request: TestControlRequest) => Promise<HttpReply> {
  const { rig, events, settings, faults, sockets, observed, mountSocket } = dependencies;
  const controls = deviceControls(rig);

  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
    ...guiderControls(rig),
    ...imagingControls(rig),
    ...mountControls({ rig, mountSocket }),
    ...sequenceControls(rig),
    ...tppaControls({ rig, tppaSocket: dependencies.tppaSocket }),
    ...liveStackControls(rig),
    ...eventStormControls(events),
    {
      method: 'POST',
      pattern: /^\/__sim\/latency$/,
      handler: (body) => {
        const { ms, pathPrefix } = parseBody(latencySchema, body);
        faults.setLatency(ms, fullApiPath(pathPrefix ?? ''));
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/fault$/,
      handler: (body) => {
        const { path, kind, times } = parseBody(faultSchema, body);
        faults.setFault(fullApiPath(path), kind, times ?? null);
        return { ok: true };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/__sim\/fault$/,
      handler: () => {
        faults.clearFaults();
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/sockets\/drop$/,
      handler: (body) => {
        const { channels } = parseBody(dropSchema, body);
        return { ok: true, dropped: sockets.drop(channels) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/sockets\/refuse$/,
      handler: (body) => {
        sockets.refuseFor(parseBody(refuseSchema, body).ms);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/socket\/send-raw$/,
      handler: (body) => {
        const { channel, text } = parseBody(sendRawSchema, body);
        sockets.broadcast(channel, text, true);
        return { ok: true, clients: sockets.clientCount(channel) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/events$/,
      handler: (body) => {
        const { Event: event, ...data } = parseBody(eventSchema, body);
        events.sendAndAddEvent(event, data as Record<string, NetValue>);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/devices\/(?<device>[^/]+)$/,
      handler: async (body, params) => {
        const kind = params.device ?? '';
        if (!isDeviceKind(kind)) throw new ControlError(404, `Unknown device ${kind}`);
        await controls[kind].apply(parseBody(z.unknown(), body));
        return { ok: true, state: rig.devices[kind].snapshot() };
      },
    },
    {
      method: 'POST',
      pattern: /^\/__sim\/settings$/,
      handler: (body) => {
        const { accessControlHeader } = parseBody(settingsSchema, body);
        if (accessControlHeader !== undefined) settings.accessControlHeader = accessControlHeader;
        return { ok: true, settings };
      },
    },
    { method: 'GET', pattern: /^\/__sim\/requests$/, handler: () => observed.requests },
    {
      method: 'DELETE',
      pattern: /^\/__sim\/requests$/,
      handler: () => {
        observed.clearRequests();
        return { ok: true };
      },
    },
    { method: 'GET', pattern: /^\/__sim\/socket-messages$/, handler: () => observed.socketMessages },
    {
      method: 'DELETE',
      pattern: /^\/__sim\/socket-messages$/,
      handler: () => {
        observed.clearSocketMessages();
        return { ok: true };
      },
    },
    {
      method: 'GET',
      pattern: /^\/__sim\/state$/,
      handler: () => ({
        ...rig.snapshot(),
        settings,
        sockets: Object.fromEntries(SOCKET_CHANNELS.map((channel) => [channel, sockets.clientCount(channel)])),
        eventHistoryLength: events.history().length,
        consumerEventsEnabled: events.consumerEventsEnabled,
      }),
    },
  ];

  return async ({ method, path, body }) => {
    const matching = routes.filter((route) => route.pattern.test(path));
    if (matching.length === 0) return json({ error: `Unknown test control ${path}` }, 404);
    const route = matching.find((candidate) => candidate.method === method);
    if (route === undefined) return json({ error: `${method} is not supported on ${path}` }, 405);
    try {
      const params = route.pattern.exec(path)?.groups ?? {};
      return json(await route.handler(body, params));
    } catch (error) {
      if (error instanceof ControlError) return json({ error: error.message }, error.status);
      return json({ error: error instanceof Error ? error.message : String(error) }, 500);
    }
  };
}
