// The WebSocket modules: exact paths only, no subprotocols, a handler per channel. Also the test
// controls' hooks on sockets (drop, refuse, raw frames) and the traffic record of frames sent.

import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ObservedTraffic } from '../http/observed-traffic';
import { htmlErrorReply, type HttpReply } from '../http/reply';
import type { TrafficRecorder } from '../http/traffic-recorder';

export const SOCKET_CHANNELS = ['/v2/socket', '/v2/mount', '/v2/tppa'] as const;
export type SocketChannel = (typeof SOCKET_CHANNELS)[number];

export function isSocketChannel(path: string): path is SocketChannel {
  return (SOCKET_CHANNELS as readonly string[]).includes(path);
}

/** What a channel module does with its clients; the hub does the plumbing. */
export interface ChannelHandler {
  onMessage(client: WebSocket, text: string): void;
}

interface HubOptions {
  observed: ObservedTraffic | null;
  recorder: () => TrafficRecorder | null;
  /** Headers the CORS module adds to every response, including the upgrade's. */
  corsHeaders: () => Readonly<Record<string, string>>;
  /** Where refused handshakes are reported, so they land in the traffic record like other replies. */
  onRefusedHandshake: (request: IncomingMessage, reply: HttpReply) => void;
}

function writeRawReply(socket: Duplex, reply: HttpReply, extraHeaders: Readonly<Record<string, string>>): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  const headers = {
    'Content-Type': reply.contentType,
    'Content-Length': String(body.length),
    Connection: 'close',
    ...reply.headers,
    ...extraHeaders,
  };
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}

export class SocketHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly clients = new Map<SocketChannel, Set<WebSocket>>(SOCKET_CHANNELS.map((channel) => [channel, new Set()]));
  private readonly handlers = new Map<SocketChannel, ChannelHandler>();
  private refuseUntilMs = 0;

  constructor(private readonly options: HubOptions) {
    this.server.on('headers', (headers) => {
      for (const [name, value] of Object.entries(options.corsHeaders())) headers.push(`${name}: ${value}`);
    });
  }

  register(channel: SocketChannel, handler: ChannelHandler): void {
    this.handlers.set(channel, handler);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (Date.now() < this.refuseUntilMs) {
      socket.destroy();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!isSocketChannel(path)) {
      this.refuse(request, socket, htmlErrorReply(404));
      return;
    }
    // No subprotocol is registered, so EmbedIO refuses any handshake that asks for one.
    if (request.headers['sec-websocket-protocol'] !== undefined) {
      this.refuse(request, socket, htmlErrorReply(400));
      return;
    }
    this.server.handleUpgrade(request, socket, head, (client) => this.accept(path, client));
  }

  private refuse(request: IncomingMessage, socket: Duplex, reply: HttpReply): void {
    writeRawReply(socket, reply, this.options.corsHeaders());
    this.options.onRefusedHandshake(request, reply);
  }

  private accept(channel: SocketChannel, client: WebSocket): void {
    const clients = this.clients.get(channel);
    clients?.add(client);
    client.on('close', () => clients?.delete(client));
    client.on('error', () => clients?.delete(client));
    client.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      this.options.observed?.socketMessage(channel, text);
      this.handlers.get(channel)?.onMessage(client, text);
    });
  }

  /** Sends to every client of the channel, one after another; a failed send only skips that client. */
  broadcast(channel: SocketChannel, text: string, injected = false): void {
    for (const client of this.clients.get(channel) ?? []) this.send(channel, client, text, injected);
  }

  send(channel: SocketChannel, client: WebSocket, text: string, injected = false): void {
    if (client.readyState !== WebSocket.OPEN) return;
    client.send(text);
    this.options.recorder()?.socketOut({ channel, text, injected });
  }

  clientCount(channel: SocketChannel): number {
    return this.clients.get(channel)?.size ?? 0;
  }

  /** Terminates every client of the given channels (all by default), as a network drop would. */
  drop(channels: readonly SocketChannel[] = SOCKET_CHANNELS): number {
    let dropped = 0;
    for (const channel of channels) {
      for (const client of this.clients.get(channel) ?? []) {
        client.terminate();
        dropped += 1;
      }
      this.clients.get(channel)?.clear();
    }
    return dropped;
  }

  /** Refuses handshakes (the TCP connection is reset) for `ms` of real time. */
  refuseFor(ms: number): void {
    this.refuseUntilMs = Date.now() + ms;
  }

  close(): void {
    this.drop();
    this.server.close();
  }
}
