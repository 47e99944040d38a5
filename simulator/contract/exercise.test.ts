/**
 * Drives a real simulator through every operation of the published spec, with all devices connected and then
 * disconnected, plus the error paths of §1-§3, while listening on the sockets; every reply and message is validated
 * against the contract as it arrives. A spec path the simulator answers with EmbedIO's 404 page is not implemented
 * yet: it is listed, not failed.
 */
import { once } from 'node:events';
import { afterAll, assert, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSimulator, type RunningSimulator } from '../index';
import { coverageSummary, violationSummary, type Checked } from './report';
import { contract, type RestItem, type SocketItem, type SpecOperation, type SpecParameter } from './spec';
import { trafficDir } from './traffic';

const DEVICES = ['camera', 'dome', 'filterwheel', 'flatdevice', 'focuser', 'guider', 'mount', 'rotator', 'safetymonitor', 'switch', 'weather'];
const REQUEST_TIMEOUT_MS = 8_000;
/** Connects, rescans and later slews take simulated time; 30× keeps the two passes over the spec within seconds. */
const SIM_SPEED = 30;
const SOCKET_SETTLE_MS = 300;
/** Connecting and disconnecting are the phase boundaries, not something to repeat inside a phase. */
const PHASE_BOUNDARY = /^\/equipment\/[^/]+\/(connect|disconnect)$/;

let simulator: RunningSimulator;
const checked: Checked[] = [];
const implemented = new Set<string>();
const notImplemented = new Set<string>();
const timedOut: string[] = [];
const notes: string[] = [];
const sockets: WebSocket[] = [];

function sampleValue(parameter: SpecParameter): string {
  const { schema } = parameter;
  const example = parameter.example ?? schema.example;
  if (schema.type === 'boolean') return 'false';
  if (schema.type === 'integer' || schema.type === 'number') {
    if (parameter.in === 'path') return '0';
    return String(typeof example === 'number' ? example : typeof schema.minimum === 'number' ? schema.minimum : 1);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return String(schema.enum[0]);
  return typeof example === 'string' || typeof example === 'number' ? String(example) : 'M31';
}

function requestFor(op: SpecOperation): string {
  let path = op.route;
  const query = new URLSearchParams();
  for (const parameter of op.parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(sampleValue(parameter)));
    else if (parameter.in === 'query' && parameter.required) query.set(parameter.name, sampleValue(parameter));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

function isTextual(contentType: string): boolean {
  return /json|text|html|xml/.test(contentType) || contentType === '';
}

/** Sends one request and validates the reply; returns the recorded-format item, or undefined on timeout. */
async function call(phase: string, method: string, pathAndQuery: string, body?: string): Promise<RestItem | undefined> {
  const url = new URL(pathAndQuery.startsWith('/v2/') ? pathAndQuery : `/v2/api${pathAndQuery}`, simulator.url);
  let response: Response;
  let bytes: Buffer;
  try {
    response = await fetch(url, { method, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    timedOut.push(`${phase}: ${method} ${url.pathname}${url.search} (${(error as Error).name})`);
    return undefined;
  }
  const contentType = response.headers.get('content-type');
  const text = isTextual(contentType ?? '') ? bytes.toString('utf8') : undefined;
  let parsed: unknown = null;
  if (contentType?.startsWith('application/json') && text !== undefined) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  const item: RestItem = {
    kind: 'rest',
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    httpStatus: response.status,
    contentType,
    body: parsed,
    ...(parsed === null && text !== undefined ? { bodyText: text.slice(0, 2048) } : {}),
  };
  checked.push({ item, result: contract().validateRest(item), source: phase });
  return item;
}

function isEnvelope(item: RestItem | undefined, success: boolean): boolean {
  const body = item?.body as { Success?: unknown } | null | undefined;
  return body?.Success === success;
}

async function exercisePhase(phase: string): Promise<void> {
  for (const op of contract().specOperations()) {
    if (PHASE_BOUNDARY.test(op.route)) continue;
    const item = await call(phase, op.method, requestFor(op), op.method === 'POST' ? '{}' : undefined);
    if (!item) continue;
    const key = `${op.method} ${op.route}`;
    if (item.httpStatus === 404 && item.contentType?.startsWith('text/html')) notImplemented.add(key);
    else implemented.add(key);
  }
}

async function simControl(method: string, path: string, body?: unknown): Promise<boolean> {
  const response = await fetch(new URL(path, simulator.url), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (!response.ok) notes.push(`test control ${method} ${path} ${JSON.stringify(body ?? null)} answered HTTP ${response.status}`);
  return response.ok;
}

/** Disconnects (or connects) through the real endpoint, falling back to the test control when that is missing. */
async function setConnected(phase: string, device: string, connected: boolean): Promise<void> {
  const item = await call(phase, 'GET', `/equipment/${device}/${connected ? 'connect' : 'disconnect'}`);
  if (isEnvelope(item, true)) return;
  notes.push(`${device}/${connected ? 'connect' : 'disconnect'} did not succeed (HTTP ${item?.httpStatus ?? 'timeout'}); used the test control`);
  await simControl('POST', `/__sim/devices/${device}`, { connected });
}

async function listen(channel: string): Promise<WebSocket | undefined> {
  const socket = new WebSocket(new URL(channel, simulator.url.replace(/^http/, 'ws')));
  socket.on('message', (raw: Buffer, isBinary: boolean) => {
    const text = isBinary ? `<${raw.length} binary bytes>` : raw.toString('utf8');
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
    const item: SocketItem = { kind: 'ws', channel, direction: 'out', data, ...(data === null ? { text } : {}) };
    checked.push({ item, result: contract().validateSocket(item), source: 'socket' });
  });
  try {
    await Promise.race([once(socket, 'open'), once(socket, 'error').then(([error]) => Promise.reject(error as Error))]);
  } catch (error) {
    notes.push(`${channel}: no WebSocket (${(error as Error).message})`);
    socket.terminate();
    return undefined;
  }
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, testControls: true, trafficDir: trafficDir(), seed: 7, speed: SIM_SPEED });
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await simulator?.close();
});

it('answers every spec operation it implements as the spec documents, connected and disconnected', async () => {
  const events = await listen('/v2/socket');
  const mount = await listen('/v2/mount');
  const tppa = await listen('/v2/tppa');
  mount?.send(JSON.stringify({ direction: 'east', rate: 0 }));
  tppa?.send(JSON.stringify({ Action: 'stop-alignment' }));

  await exercisePhase('connected');

  for (const device of DEVICES) await setConnected('disconnecting', device, false);
  await exercisePhase('disconnected');

  // §3.9 device selection errors, then everything back on.
  await call('errors', 'GET', '/equipment/Camera/connect');
  await call('errors', 'GET', '/equipment/telescope/list-devices');
  await call('errors', 'GET', '/equipment/camera/connect?to=no-such-device');
  if (await simControl('POST', '/__sim/devices/camera', { failConnect: true })) {
    const failed = await call('errors', 'GET', '/equipment/camera/connect');
    if (!isEnvelope(failed, false)) notes.push('camera/connect with failConnect did not answer Success:false');
    await simControl('POST', '/__sim/devices/camera', { failConnect: false });
  }
  for (const device of DEVICES) await setConnected('reconnecting', device, true);

  // §1.1, §1.2: EmbedIO pages and the CORS preflight.
  await call('transport', 'GET', '/v2/api/no-such-endpoint');
  await call('transport', 'POST', '/v2/api/version', '');
  await call('transport', 'GET', '/v2/api/application/logs');
  await call('transport', 'GET', '/v2/api/application/logs?lineCount=abc');
  await call('transport', 'GET', '/v2/api/version/nina?friendly');
  await call('transport', 'OPTIONS', '/v2/api/version');

  // Optional parameters and events with nested payloads, then the history that stores them (§13.2).
  await call('variants', 'GET', '/version/nina?friendly=true');
  await call('variants', 'GET', '/application/logs?lineCount=20&level=INFO');
  await call('variants', 'GET', '/time');
  await call('variants', 'GET', '/v2/api/');
  await simControl('POST', '/__sim/events', { Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } });
  await simControl('POST', '/__sim/events', { Event: 'AUTOFOCUS-POINT-ADDED', HFR: 2.41, Position: 12345 });
  await simControl('POST', '/__sim/devices/safetymonitor', { isSafe: false });
  await simControl('POST', '/__sim/devices/safetymonitor', { isSafe: true });
  await call('variants', 'GET', '/event-history');

  await new Promise((settled) => setTimeout(settled, SOCKET_SETTLE_MS));

  const socketMessages = checked.filter((entry) => entry.item.kind === 'ws').length;
  const eventMessages = checked.filter((entry) => entry.item.kind === 'ws' && entry.item.channel === '/v2/socket').length;
  console.info(
    [
      `Exercised ${implemented.size + notImplemented.size} spec operations against the simulator: ${implemented.size} implemented, ` +
        `${notImplemented.size} answer 404 (not implemented yet); ${socketMessages} socket messages received.`,
      `Not implemented: ${[...notImplemented].join(', ') || 'none'}`,
      ...(timedOut.length > 0 ? [`Timed out after ${REQUEST_TIMEOUT_MS} ms: ${timedOut.join('; ')}`] : []),
      ...notes.map((note) => `Note: ${note}`),
      coverageSummary(contract(), checked),
    ].join('\n'),
  );

  expect(implemented.size, 'the simulator answers no spec operation at all').toBeGreaterThan(0);
  if (events) expect(eventMessages, 'no /v2/socket message while every device was disconnected and reconnected').toBeGreaterThan(0);
  const summary = violationSummary(checked);
  if (summary) assert.fail(summary);
}, 120_000);
