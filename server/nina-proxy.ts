import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import httpProxy from '@fastify/http-proxy';
import type { FastifyHttpProxyOptions } from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { PROXY_ERROR_HEADER, describeUpstreamFailure, proxyErrorBody } from './proxy-error';

/** Everything NINA's Advanced API serves lives under this prefix: REST at /v2/api, sockets at /v2/socket etc. */
export const NINA_PREFIX = '/v2';

// NINA holds some requests open for minutes (guider/start while calibrating, plate solves, slews and captures
// with waitForResult), so anything shorter would turn a slow success into an error.
const UPSTREAM_TIMEOUT_MS = 15 * 60_000;
// On a LAN a host that has not answered a connect in this time is off or unplugged.
const CONNECT_TIMEOUT_MS = 10_000;

// RFC 9110 §7.6.1: these describe one connection, not the message, and must not be passed on. NINA's
// `Connection: keep-alive` would otherwise override a browser's `Connection: close` on our own connection.
const HOP_BY_HOP_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
];

function withoutHopByHopHeaders<Headers extends Record<string, unknown>>(headers: Headers): Headers {
  const listed = typeof headers.connection === 'string' ? headers.connection.split(',') : [];
  const result: Record<string, unknown> = { ...headers };
  for (const name of [...HOP_BY_HOP_HEADERS, ...listed]) delete result[name.trim().toLowerCase()];
  return result as Headers;
}

const MAX_CLOSE_REASON_BYTES = 123;

function truncateUtf8(text: string, maxBytes: number): string {
  let result = '';
  for (const char of text) {
    if (Buffer.byteLength(result + char) > maxBytes) break;
    result += char;
  }
  return result;
}

/**
 * @fastify/http-proxy closes the browser's socket with NINA's connection error as the reason, but a close reason
 * is capped at 123 bytes and ws throws beyond that, from an event handler, which would take the server down
 * (e.g. "getaddrinfo ENOTFOUND <long host name>").
 */
class BrowserSocket extends WebSocket {
  override close(code?: number, reason?: string | Buffer): void {
    super.close(code, typeof reason === 'string' ? truncateUtf8(reason, MAX_CLOSE_REASON_BYTES) : reason);
  }
}

// The proxy's types see ws through @types/ws's CommonJS declarations and this ES module sees the ESM ones: the
// same runtime class under two unrelated declared types.
type ProxySocketClass = NonNullable<NonNullable<FastifyHttpProxyOptions['wsServerOptions']>['WebSocket']>;

export interface NinaProxyOptions {
  /** Origin of NINA's Advanced API, fixed for the life of the server. */
  ninaUrl: string;
  /** Told once each time NINA goes from reachable to unreachable and back. */
  log?: (line: string) => void;
}

export function isNinaPath(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  return pathname === NINA_PREFIX || pathname.startsWith(`${NINA_PREFIX}/`);
}

/**
 * Forwards /v2 (HTTP and WebSocket upgrades) to NINA. Only the path and query of a request are forwarded; the
 * upstream origin never comes from the request.
 */
export async function registerNinaProxy(app: FastifyInstance, { ninaUrl, log }: NinaProxyOptions): Promise<void> {
  const browserSockets = new Set<Duplex>();
  const ninaSockets = new Set<WebSocket>();
  let lastReachability = '';

  function reportReachability(state: string, line: string): void {
    if (state === lastReachability) return;
    // The first success is what everyone expects; only a recovery is news.
    if (lastReachability !== '' || state !== 'up') log?.(line);
    lastReachability = state;
  }

  // A second 'upgrade' listener makes @fastify/http-proxy handle only upgrades under its prefix, which leaves
  // this one to turn away every other upgrade and to keep hold of each socket so close() can end it.
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    browserSockets.add(socket);
    socket.once('close', () => browserSockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!isNinaPath(request.url ?? '')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  // Upgraded sockets are invisible to Fastify's forceCloseConnections, and the proxy's WebSocket server waits for
  // every client before the HTTP server may close.
  app.addHook('preClose', async () => {
    for (const socket of ninaSockets) socket.terminate();
    for (const socket of browserSockets) socket.destroy();
  });

  await app.register(httpProxy, {
    upstream: ninaUrl,
    prefix: NINA_PREFIX,
    rewritePrefix: NINA_PREFIX,
    websocket: true,
    // Most of NINA's GETs act (slew, capture, park), so a request is never replayed behind the user's back.
    retryMethods: [],
    destroyAgent: true,
    disableRequestLogging: true,
    undici: {
      connect: { timeout: CONNECT_TIMEOUT_MS },
      headersTimeout: UPSTREAM_TIMEOUT_MS,
      bodyTimeout: UPSTREAM_TIMEOUT_MS,
    },
    wsServerOptions: { WebSocket: BrowserSocket as unknown as ProxySocketClass },
    wsClientOptions: { handshakeTimeout: CONNECT_TIMEOUT_MS },
    wsHooks: {
      onConnect: (_context, _browser, nina) => {
        ninaSockets.add(nina);
        nina.once('close', () => ninaSockets.delete(nina));
      },
    },
    replyOptions: {
      rewriteHeaders: (headers) => {
        reportReachability('up', `NINA at ${ninaUrl} answers again.`);
        return withoutHopByHopHeaders(headers);
      },
      onError: (reply, { error }) => {
        const failure = describeUpstreamFailure(error);
        reportReachability(
          failure.code,
          `NINA at ${ninaUrl} cannot be reached: ${failure.message} (${failure.code}). Skydeck keeps trying.`,
        );
        void reply.code(502).header(PROXY_ERROR_HEADER, failure.code).send(proxyErrorBody(failure, ninaUrl));
      },
    },
  });
}
