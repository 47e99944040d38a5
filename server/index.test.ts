import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer } from './index';
import type { RunningServer } from './index';
import { SOCKET_GREETING, VERSION_ENVELOPE, startFakeNina } from './testing/fake-nina';
import type { FakeNina } from './testing/fake-nina';
import { CONTENT_SECURITY_POLICY } from './security';
import {
  ASSET_BODY,
  ASSET_PATH,
  INDEX_HTML,
  closedPort,
  makeTempDist,
  openSocket,
  rawGet,
  sendRaw,
  socketOutcome,
  startTestServer,
} from './testing/test-helpers';

const packageJsonUrl = new URL('../package.json', import.meta.url);
const packageVersion = (JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as { version: string }).version;

function wsUrl(serverUrl: string, path: string): string {
  return serverUrl.replace(/^http/, 'ws') + path;
}

describe('startServer in front of a NINA', () => {
  let nina: FakeNina;
  let elsewhere: FakeNina;
  let server: RunningServer;

  beforeAll(async () => {
    nina = await startFakeNina();
    elsewhere = await startFakeNina();
    server = await startTestServer({ ninaUrl: nina.url });
  });

  afterAll(async () => {
    await server.close();
    await Promise.all([nina.close(), elsewhere.close()]);
  });

  beforeEach(() => {
    nina.requests.length = 0;
    nina.upgrades.length = 0;
  });

  describe('proxying /v2 to NINA', () => {
    it('answers /v2/api/version with NINA’s own reply', async () => {
      const response = await fetch(`${server.url}/v2/api/version`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.text()).toBe(VERSION_ENVELOPE);
    });

    it('forwards the query string exactly as the browser wrote it', async () => {
      const query = '?imageType=LIGHT&index=3&raw_fits=false&prefix=M%2031+core&index=4&stream';
      await fetch(`${server.url}/v2/api/echo${query}`);
      expect(nina.requests.map((request) => request.url)).toEqual([`/v2/api/echo${query}`]);
    });

    it('forwards a JSON body and NINA’s answer byte for byte', async () => {
      // Whitespace and 1.0 would not survive a parse and re-serialise.
      const sequence = '{ "$type": "NINA.Sequencer.Container.SequentialContainer",\n "Items": [ ] ,"x":1.0}';
      const response = await fetch(`${server.url}/v2/api/echo?sequenceName=m31`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sequence,
      });
      expect(nina.requests[0]?.method).toBe('POST');
      expect(nina.requests[0]?.body.toString('utf8')).toBe(sequence);
      expect(await response.text()).toBe(sequence);
    });

    it('passes a binary image through unchanged', async () => {
      const response = await fetch(`${server.url}/v2/api/image?stream=true`);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await response.arrayBuffer()).equals(nina.image)).toBe(true);
    });

    it('passes NINA’s own errors through, HTML 404 included', async () => {
      const response = await fetch(`${server.url}/v2/api/no-such-endpoint`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('404 Not Found');
    });

    it('does not pass on NINA’s connection-level headers', async () => {
      const response = await rawGet(server.url, '/v2/api/version');
      expect(response.headers).toContain('connection: close');
      expect(response.headers).not.toContain('keep-alive');
    });

    it('carries /v2/socket both ways, query string included', async () => {
      const { socket, nextMessage } = await openSocket(wsUrl(server.url, '/v2/socket?client=test'));
      expect(await nextMessage()).toBe(SOCKET_GREETING);
      socket.send('{"Action":"ping"}');
      expect(await nextMessage()).toBe('{"Action":"ping"}');
      expect(nina.upgrades).toEqual(['/v2/socket?client=test']);
      socket.close();
    });

    it('ends open sockets promptly when the server closes', async () => {
      const nina2 = await startFakeNina();
      const server2 = await startTestServer({ ninaUrl: nina2.url });
      const { socket, nextMessage } = await openSocket(wsUrl(server2.url, '/v2/socket'));
      await nextMessage();
      const closed = new Promise<number>((resolve) => socket.once('close', resolve));
      const startedMs = performance.now();
      await server2.close();
      await closed;
      expect(performance.now() - startedMs).toBeLessThan(2_000);
      await nina2.close();
    });
  });

  describe('nothing but /v2 reaches NINA', () => {
    it.each(['/v3/x', '/v2x', '/v2x/api/version', '/api/version', '/api/v2/api/version', '/V2/api/version'])(
      'does not forward GET %s',
      async (path) => {
        await fetch(`${server.url}${path}`);
        expect(nina.requests).toEqual([]);
      },
    );

    it.each(['/v2x', '/socket', '/api/v2/socket'])('refuses a WebSocket upgrade on %s', async (path) => {
      const outcome = await socketOutcome(wsUrl(server.url, path));
      expect(outcome.opened).toBe(false);
      expect(outcome.error).toMatch(/404/);
      expect(nina.upgrades).toEqual([]);
    });

    it('refuses an absolute-URL request line, wherever it points', async () => {
      const targets = [`${elsewhere.url}/v2/api/version`, 'http://evil.example/v2/api/version', `${elsewhere.url}/`];
      for (const target of targets) {
        const response = await rawGet(server.url, target, 'evil.example');
        expect(response.status).toBe(400);
      }
      expect(elsewhere.requests).toEqual([]);
      expect(nina.requests).toEqual([]);
    });

    it('refuses an absolute-URL WebSocket upgrade', async () => {
      const response = await sendRaw(
        server.url,
        'GET ws://evil.example/v2/socket HTTP/1.1\r\nHost: evil.example\r\n' +
          'Connection: Upgrade\r\nUpgrade: websocket\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      expect(response.status).toBe(404);
      expect(nina.upgrades).toEqual([]);
    });

    it('ignores the Host header when choosing where to forward', async () => {
      const response = await rawGet(server.url, '/v2/api/version', new URL(elsewhere.url).host);
      expect(response.body).toBe(VERSION_ENVELOPE);
      expect(elsewhere.requests).toEqual([]);
      expect(nina.requests[0]?.headers.host).toBe(new URL(nina.url).host);
    });

    it.each([
      '/v2/../etc/passwd',
      '/v2/%2e%2e/',
      '/v2/api/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/v2/..%2f..%2fetc%2fpasswd',
      '/v2/api/..\\..\\x',
    ])('rejects the dot-segment path %s without forwarding it', async (target) => {
      const response = await rawGet(server.url, target);
      expect(response.status).toBe(400);
      expect(response.body).not.toContain('root:');
      expect(nina.requests).toEqual([]);
    });
  });

  describe('serving the app', () => {
    it('serves index.html at / and for deep links, never cached without revalidation', async () => {
      for (const path of ['/', '/mount', '/camera/settings?tab=cooling']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(await response.text()).toBe(INDEX_HTML);
      }
      expect(nina.requests).toEqual([]);
    });

    it('serves hashed assets as immutable', async () => {
      const response = await fetch(`${server.url}${ASSET_PATH}`);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await response.text()).toBe(ASSET_BODY);
    });

    it('lets the browser revalidate files outside assets/', async () => {
      const response = await fetch(`${server.url}/favicon.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    });

    it('answers a missing hashed asset with 404, not with the app shell', async () => {
      const response = await fetch(`${server.url}/assets/index-old0000.js`);
      expect(response.status).toBe(404);
    });

    it('answers any other missing file with 404, so a missing service worker is never served as HTML', async () => {
      expect((await fetch(`${server.url}/sw.js`)).status).toBe(404);
      expect((await fetch(`${server.url}/manifest.webmanifest`)).status).toBe(404);
      expect((await fetch(`${server.url}/live-stack`)).status).toBe(200);
    });

    it('answers unknown /skydeck paths and non-GET methods with 404', async () => {
      expect((await fetch(`${server.url}/skydeck/nothing`)).status).toBe(404);
      expect((await fetch(`${server.url}/mount`, { method: 'POST' })).status).toBe(404);
    });

    it('sends nosniff and frame-ancestors on its own responses', async () => {
      const response = await fetch(`${server.url}/mount`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    });

    it('leaves NINA’s response headers as NINA sent them', async () => {
      const response = await fetch(`${server.url}/v2/api/version`);
      expect(response.headers.get('content-security-policy')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBeNull();
    });

    it('describes itself at /skydeck/config.json', async () => {
      const response = await fetch(`${server.url}/skydeck/config.json`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ mode: 'proxy', nina: { url: nina.url }, version: packageVersion });
    });
  });
});

describe('startServer when NINA cannot be reached', () => {
  let server: RunningServer;
  let ninaUrl: string;

  beforeAll(async () => {
    ninaUrl = `http://127.0.0.1:${await closedPort()}`;
    server = await startTestServer({ ninaUrl });
  });

  afterAll(() => server.close());

  it('answers 502 with a body and header the UI recognises', async () => {
    const response = await fetch(`${server.url}/v2/api/version`);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-skydeck-proxy-error')).toBe('ECONNREFUSED');
    expect(await response.json()).toEqual({
      SkydeckProxyError: { code: 'ECONNREFUSED', message: 'Connection refused', target: ninaUrl },
    });
  });

  it('closes a WebSocket cleanly and keeps serving', async () => {
    const outcome = await socketOutcome(wsUrl(server.url, '/v2/socket'));
    expect(outcome.closeCode).toBe(1011);
    expect((await fetch(`${server.url}/skydeck/config.json`)).status).toBe(200);
  });

  it('survives a connection error too long for a WebSocket close reason', async () => {
    const longHost = `${'a'.repeat(60)}.${'b'.repeat(60)}.invalid`;
    const longHostServer = await startTestServer({ ninaUrl: `http://${longHost}:1888` });
    const outcome = await socketOutcome(wsUrl(longHostServer.url, '/v2/socket'));
    expect(outcome.closeCode).toBe(1011);
    const response = await fetch(`${longHostServer.url}/v2/api/version`);
    expect(response.headers.get('x-skydeck-proxy-error')).toBe('ENOTFOUND');
    await longHostServer.close();
  });

  it('still serves the app', async () => {
    const response = await fetch(`${server.url}/mount`);
    expect(await response.text()).toBe(INDEX_HTML);
  });
});

describe('startServer with log: true', () => {
  it('says once when NINA becomes unreachable and once when it answers again', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const port = await closedPort();
    const server = await startTestServer({ ninaUrl: `http://127.0.0.1:${port}`, log: true });
    try {
      await fetch(`${server.url}/v2/api/version`);
      await fetch(`${server.url}/v2/api/version`);
      const nina = await startFakeNina(port);
      await fetch(`${server.url}/v2/api/version`);
      await fetch(`${server.url}/v2/api/version`);
      await nina.close();
      expect(info.mock.calls.map(([line]) => line)).toEqual([
        `NINA at http://127.0.0.1:${port} cannot be reached: Connection refused (ECONNREFUSED). Skydeck keeps trying.`,
        `NINA at http://127.0.0.1:${port} answers again.`,
      ]);
    } finally {
      info.mockRestore();
      await server.close();
    }
  });
});

describe('startServer options', () => {
  it('rejects a NINA address with a path before starting anything', async () => {
    await expect(startTestServer({ ninaUrl: 'http://192.168.1.20:1888/v2' })).rejects.toThrow(/without a path/);
  });

  it('refuses to start without a built app', async () => {
    const dist = makeTempDist();
    dist.remove();
    await expect(
      startServer({ port: 0, host: '127.0.0.1', ninaUrl: 'http://127.0.0.1:1888', build: false, distDir: dist.dir }),
    ).rejects.toThrow(/no built app/);
  });
});
