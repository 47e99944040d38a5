import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SKYDECK_PREFIX } from './static-app';

/**
 * The optional access token (`--token` / SKYDECK_TOKEN). NINA itself has no authentication, so
 * anyone who reaches Skydeck's port can drive the rig; with a token set, every HTTP request and
 * every WebSocket upgrade (which fastify routes through the same hooks) must carry it, either as
 * the session cookie the login page sets or as `Authorization: Bearer <token>`.
 */

export const SESSION_COOKIE = 'skydeck_session';
export const AUTH_HEADER = 'x-skydeck-auth';
const LOGIN_PATH = `${SKYDECK_PREFIX}/login`;
/** A wrong token costs the guesser this long. */
const FAILED_LOGIN_DELAY_MS = 600;
const COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** The cookie holds a keyed hash of the token, never the token itself. */
function sessionValue(token: string): string {
  return createHmac('sha256', token).update('skydeck session').digest('base64url');
}

function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Only a path on this server may follow a login: never another site. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function loginPage(next: string, failed: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark">
<title>Skydeck: access token</title>
<style>
  html { background: #0b0f17; color: #e6e9ef; font-family: system-ui, sans-serif; }
  main { max-width: 22rem; margin: 15vh auto; padding: 1.5rem; border: 1px solid #263046; border-radius: 12px; background: #121826; }
  label, input, button { display: block; width: 100%; box-sizing: border-box; font: inherit; }
  input { margin: 0.4rem 0 1rem; min-height: 44px; padding: 0 0.75rem; border-radius: 8px; border: 1px solid #263046; background: #1a2233; color: inherit; }
  button { min-height: 44px; border: 0; border-radius: 8px; background: #7aa2f7; color: #0b0f17; font-weight: 600; }
  p { color: #8e98aa; font-size: 0.9rem; }
  .error { color: #f0616d; }
</style>
</head>
<body>
<main>
  <h1>Skydeck</h1>
  <p>This Skydeck asks for its access token, set with <code>--token</code> or <code>SKYDECK_TOKEN</code> where it runs.</p>
  ${failed ? '<p class="error" role="alert">That token is not right.</p>' : ''}
  <form method="post" action="${LOGIN_PATH}">
    <input type="hidden" name="next" value="${escapeHtml(next)}">
    <label for="token">Access token</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
    <button type="submit">Open Skydeck</button>
  </form>
</main>
</body>
</html>`;
}

export function registerAccessToken(app: FastifyInstance, token: string): void {
  const expectedSession = sessionValue(token);

  const authorized = (request: FastifyRequest) => {
    const session = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (session !== undefined && equalSecrets(session, expectedSession)) return true;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    return bearer !== undefined && equalSecrets(bearer, token);
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html') && !request.headers.upgrade;
    if (wantsPage) return reply.redirect(`${LOGIN_PATH}?next=${encodeURIComponent(request.url)}`, 303);
    return reply
      .code(401)
      .header(AUTH_HEADER, 'required')
      .send({ statusCode: 401, error: 'Unauthorized', message: `Skydeck needs its access token: open ${LOGIN_PATH}` });
  };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0];
    if (path === LOGIN_PATH || authorized(request)) return;
    return refuse(request, reply);
  });

  app.get(LOGIN_PATH, async (request, reply) => {
    const { next } = request.query as { next?: string };
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(loginPage(safeNext(next), false));
  });

  app.post(LOGIN_PATH, async (request, reply) => {
    const body = (request.body ?? {}) as { token?: unknown; next?: unknown };
    const next = safeNext(body.next);
    if (typeof body.token !== 'string' || !equalSecrets(body.token, token)) {
      await new Promise((resolve) => setTimeout(resolve, FAILED_LOGIN_DELAY_MS));
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage(next, true));
    }
    reply.header('set-cookie', `${SESSION_COOKIE}=${expectedSession}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}`);
    return reply.redirect(next, 303);
  });
}
