// The HTTP server, laid out like the plugin's EmbedIO pipeline: the CORS module first for every
// request, then the WebApi module at /v2/api, the WebSocket modules, and EmbedIO's 404 for the rest.
// The test controls (/__sim/) sit outside that pipeline and outside the traffic record.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isSocketChannel, type SocketHub } from '../sockets/socket-hub';
import { QueryData } from '../wire/query-binder';
import { CORS_HEADERS, preflightReply } from './cors';
import type { FaultInjection } from './fault-injection';
import type { ObservedTraffic } from './observed-traffic';
import { htmlErrorReply, type HttpReply } from './reply';
import { Router } from './router';
import type { TrafficRecorder } from './traffic-recorder';

export const TEST_CONTROL_PREFIX = '/__sim/';

export interface TestControlRequest {
  method: string;
  path: string;
  body: Buffer;
}

export interface HttpServerParts {
  apiBasePath: string;
  apiRouter: Router;
  /** UseAccessControlHeader, read per request because a test control can flip it. */
  corsEnabled: () => boolean;
  faults: FaultInjection;
  sockets: SocketHub;
  recorder: () => TrafficRecorder | null;
  /** Present only with test controls on. */
  observed: ObservedTraffic | null;
  testControls: ((request: TestControlRequest) => Promise<HttpReply>) | null;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function corsHeadersFor(enabled: boolean): Readonly<Record<string, string>> {
  return enabled ? CORS_HEADERS : {};
}

function send(response: ServerResponse, reply: HttpReply, cors: Readonly<Record<string, string>>): void {
  if (response.destroyed) return;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  response.writeHead(reply.status, {
    ...cors,
    'Content-Type': reply.contentType,
    'Content-Length': String(body.length),
    ...reply.headers,
  });
  response.end(body);
}

export function createHttpServer(parts: HttpServerParts): Server {
  const { apiBasePath, apiRouter, faults, sockets } = parts;

  async function route(method: string, path: string, search: string, body: Buffer): Promise<HttpReply> {
    if (path === apiBasePath || path.startsWith(`${apiBasePath}/`)) {
      const match = apiRouter.match(method, path.slice(apiBasePath.length) || '/');
      if (match.kind !== 'found') return Router.unmatched(match);
      return match.run({ query: new QueryData(search), body });
    }
    // A plain request to a WebSocket endpoint fails the handshake EmbedIO tries to make of it.
    if (isSocketChannel(path)) return htmlErrorReply(400);
    return htmlErrorReply(404);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const path = url.pathname;
    const search = url.search.slice(1);
    const body = await readBody(request);
    const cors = corsHeadersFor(parts.corsEnabled());

    if (parts.testControls !== null && path.startsWith(TEST_CONTROL_PREFIX)) {
      send(response, await parts.testControls({ method, path, body }), cors);
      return;
    }
    if (path.startsWith('/v2/')) parts.observed?.request(method, path, search);

    const record = (reply: HttpReply): void => {
      send(response, reply, cors);
      parts.recorder()?.rest({ method, path, query: search, reply });
    };

    if (method === 'OPTIONS' && parts.corsEnabled()) {
      record(preflightReply());
      return;
    }
    await faults.delay(path);
    const fault = faults.take(path);
    if (fault === 'hang') {
      await faults.hang();
      if (response.destroyed) return;
    }
    const reply = await route(method, path, search, body);
    record(fault === null || fault === 'hang' ? reply : faults.faultReply(fault, reply));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, htmlErrorReply(500), corsHeadersFor(parts.corsEnabled())));
  });
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head));
  return server;
}
