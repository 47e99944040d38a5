import type { FastifyInstance } from 'fastify';
import { isNinaPath } from './nina-proxy';

// Framing is all it restricts: a script/style policy would also have to allow index.html's inline <style>.
const CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

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
    }
    return payload;
  });
}
