import type { FastifyInstance } from 'fastify';
import { isNinaPath } from './nina-proxy';

/**
 * Scripts only from this server, never inline; styles may be inline (React and the charts set
 * style attributes; index.html paints the dark background before anything loads). Connections
 * may go to any http(s)/ws(s) origin because Skydeck can talk to a NINA directly.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' http: https: ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Request checks and response headers for everything the server answers itself. Proxied NINA replies pass
 * through untouched so the UI sees exactly what NINA sent.
 */
export function registerSecurity(app: FastifyInstance): void {
  // An absolute-form request line (`GET http://host/path`) is how clients talk to a forward proxy; this server is
  // not one, so the target can only ever be a path on it.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.raw.url?.startsWith('/')) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Request target must be a path' });
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isNinaPath(request.url)) {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('referrer-policy', 'no-referrer');
    }
    return payload;
  });
}
