import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A stand-in for NINA's Advanced API that records everything it is asked. */
export interface FakeNina {
  url: string;
  requests: RecordedRequest[];
  upgrades: string[];
  /** What GET /v2/api/image answers, byte for byte. */
  image: Buffer;
  close(): Promise<void>;
}

export const VERSION_ENVELOPE = '{"Response":"2.2.15.0","Error":"","StatusCode":200,"Success":true,"Type":"API"}';
export const SOCKET_GREETING =
  '{"Response":{"Event":"FAKE-NINA-HELLO"},"Error":"","StatusCode":200,"Success":true,"Type":"Socket"}';

/**
 * Routes: /v2/api/version (NINA's envelope), /v2/api/image (binary JPEG), /v2/api/echo (answers the request body
 * with its content type), /v2/socket (greets, then echoes). Anything else gets EmbedIO's HTML 404.
 */
export async function startFakeNina(port = 0): Promise<FakeNina> {
  const requests: RecordedRequest[] = [];
  const upgrades: string[] = [];
  const image = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300_000), Buffer.from([0xff, 0xd9])]);

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = request.url ?? '';
      requests.push({ method: request.method ?? '', url, headers: request.headers, body });
      const reply = (status: number, contentType: string, content: string | Buffer) => {
        response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(content) });
        response.end(content);
      };
      const pathname = url.split('?', 1)[0];
      if (pathname === '/v2/api/version') reply(200, 'application/json', VERSION_ENVELOPE);
      else if (pathname === '/v2/api/image') reply(200, 'image/jpeg', image);
      else if (pathname === '/v2/api/echo') reply(200, request.headers['content-type'] ?? 'text/plain', body);
      else reply(404, 'text/html', '<html><body>404 Not Found</body></html>');
    });
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    upgrades.push(request.url ?? '');
    if (request.url?.split('?', 1)[0] !== '/v2/socket') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      client.send(SOCKET_GREETING);
      client.on('message', (data, isBinary) => client.send(data, { binary: isBinary }));
    });
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    upgrades,
    image,
    async close() {
      for (const client of sockets.clients) client.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
