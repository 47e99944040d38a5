import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { startServer } from '../index';
import type { RunningServer, ServerOptions } from '../index';

export const ASSET_PATH = '/assets/index-Bx7f3a1c.js';
export const INDEX_HTML =
  `<!doctype html><html><head><script type="module" src="${ASSET_PATH}"></script></head>` +
  '<body><div id="root"></div></body></html>';
export const ASSET_BODY = 'console.info("skydeck");\n';

/** A dist/ like Vite's: index.html plus one hashed asset. */
export function makeTempDist(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'skydeck-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(dir, ASSET_PATH), ASSET_BODY);
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** startServer on an ephemeral 127.0.0.1 port, serving a temporary dist/ that close() removes again. */
export async function startTestServer(options: ServerOptions): Promise<RunningServer> {
  const dist = makeTempDist();
  try {
    const server = await startServer({ port: 0, host: '127.0.0.1', build: false, distDir: dist.dir, ...options });
    return {
      ...server,
      async close() {
        await server.close();
        dist.remove();
      },
    };
  } catch (error) {
    dist.remove();
    throw error;
  }
}

/** A port that was free a moment ago and has nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Sends request text exactly as written, for request lines that fetch() would normalise or refuse. */
export function sendRaw(serverUrl: string, requestText: string): Promise<RawResponse> {
  const { hostname, port } = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(requestText));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...body] = text.split('\r\n\r\n');
      const [statusLine = '', ...headers] = head.split('\r\n');
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: headers.join('\n').toLowerCase(),
        body: body.join('\r\n\r\n'),
      });
    });
  });
}

export function rawGet(serverUrl: string, target: string, host = new URL(serverUrl).host): Promise<RawResponse> {
  return sendRaw(serverUrl, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
}

/** Resolves when the socket opens, with every text message it receives from then on queued for nextMessage(). */
export function openSocket(url: string): Promise<{ socket: WebSocket; nextMessage(): Promise<string> }> {
  const socket = new WebSocket(url);
  const received: string[] = [];
  const waiting: ((message: string) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const message = data.toString('utf8');
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else received.push(message);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        nextMessage: () => {
          const message = received.shift();
          if (message !== undefined) return Promise.resolve(message);
          return new Promise((resolveMessage) => waiting.push(resolveMessage));
        },
      }),
    );
  });
}

/** How a WebSocket attempt ended: the close code, or the error that stopped it before opening. */
export function socketOutcome(url: string): Promise<{ opened: boolean; closeCode?: number; error?: string }> {
  const socket = new WebSocket(url);
  let opened = false;
  socket.on('open', () => (opened = true));
  return new Promise((resolve) => {
    socket.on('error', (error) => resolve({ opened, error: error.message }));
    socket.on('close', (closeCode) => resolve({ opened, closeCode }));
  });
}
