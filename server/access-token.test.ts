import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AUTH_HEADER, SESSION_COOKIE } from './access-token';
import type { RunningServer } from './index';
import { startFakeNina, type FakeNina } from './testing/fake-nina';
import { startTestServer } from './testing/test-helpers';

const TOKEN = 'correct horse battery staple';

function openSocket(url: string, headers: Record<string, string> = {}): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws') + '/v2/socket', { headers });
    socket.on('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.on('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode }));
    socket.on('error', () => resolve({ opened: false }));
  });
}

async function login(server: RunningServer, token: string, next = '/mount') {
  return fetch(`${server.url}/skydeck/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next }).toString(),
  });
}

describe('the access token', () => {
  let nina: FakeNina;
  let server: RunningServer;

  beforeAll(async () => {
    nina = await startFakeNina();
    server = await startTestServer({ ninaUrl: nina.url, accessToken: TOKEN });
  });
  afterAll(async () => {
    await server.close();
    await nina.close();
  });

  it('sends a browser without it to the login page, keeping where it was going', async () => {
    const response = await fetch(`${server.url}/mount`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/skydeck/login?next=%2Fmount');
    const page = await fetch(`${server.url}/skydeck/login?next=%2Fmount`);
    expect(await page.text()).toContain('Access token');
  });

  it('refuses NINA requests and WebSocket upgrades without it, and never forwards them', async () => {
    const before = nina.requests.length;
    const response = await fetch(`${server.url}/v2/api/version`);
    expect(response.status).toBe(401);
    expect(response.headers.get(AUTH_HEADER)).toBe('required');
    expect(await openSocket(server.url)).toMatchObject({ opened: false, status: 401 });
    expect(nina.requests.length).toBe(before);
    expect(nina.upgrades).toEqual([]);
  });

  it('refuses a wrong token, slowly, and accepts the right one with a session cookie', async () => {
    const startedMs = performance.now();
    const wrong = await login(server, 'guess');
    expect(wrong.status).toBe(401);
    expect(performance.now() - startedMs).toBeGreaterThan(500);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await login(server, TOKEN);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/mount');
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(TOKEN);

    const session = cookie.split(';')[0]!;
    const version = await fetch(`${server.url}/v2/api/version`, { headers: { cookie: session } });
    expect(await version.json()).toMatchObject({ Response: '2.2.15.0' });
    expect(await openSocket(server.url, { cookie: session })).toEqual({ opened: true });
  });

  it('accepts the token as a bearer header, for scripts', async () => {
    const response = await fetch(`${server.url}/v2/api/version`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
  });

  it('never sends a login to another site', async () => {
    const response = await login(server, TOKEN, '//evil.example/');
    expect(response.headers.get('location')).toBe('/');
  });
});

describe('security headers', () => {
  let nina: FakeNina;
  let server: RunningServer;
  beforeAll(async () => {
    nina = await startFakeNina();
    server = await startTestServer({ ninaUrl: nina.url });
  });
  afterAll(async () => {
    await server.close();
    await nina.close();
  });

  it('serves the app with a strict content security policy: no inline script, no framing, no sniffing', async () => {
    const response = await fetch(`${server.url}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('asks NINA for the configured NINA whatever Host the browser sent', async () => {
    await fetch(`${server.url}/v2/api/version`, { headers: { host: 'evil.example' } });
    const forwarded = nina.requests.at(-1)!;
    expect(forwarded.headers.host).toBe(new URL(nina.url).host);
  });
});
