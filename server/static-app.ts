import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isNinaPath } from './nina-proxy';

/** Routes of the server itself; never answered with the app shell. */
export const SKYDECK_PREFIX = '/skydeck';

// Vite puts a content hash in every file name under assets/, so a changed file always has a new URL.
const HASHED_ASSETS_PATH = '/assets/';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
// Everything else (index.html above all) names the current hashed assets, so the browser revalidates it each time.
const REVALIDATE_CACHE = 'no-cache';

function pathnameOf(url: string): string {
  return url.split('?', 1)[0] ?? '';
}

/**
 * Deep links (/mount, /camera) are client-side routes, so any page GET that is not a file gets index.html.
 * A missing hashed asset stays a 404: an old tab asking for last build's chunk must fail loudly, not parse HTML.
 */
function wantsAppShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = pathnameOf(request.url);
  return (
    !isNinaPath(pathname) &&
    pathname !== SKYDECK_PREFIX &&
    !pathname.startsWith(`${SKYDECK_PREFIX}/`) &&
    !pathname.startsWith(HASHED_ASSETS_PATH) &&
    // A missing file (sw.js, manifest.webmanifest, an icon) is a 404, not the app shell in disguise:
    // a service worker or manifest served as HTML fails in confusing ways. Views have no extension.
    !/\.[a-z0-9]+$/i.test(pathname)
  );
}

/** Serves the built app from distDir with cache headers suited to Vite's output, and the SPA fallback. */
export async function registerStaticApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hashedAssetsDir = path.join(distDir, HASHED_ASSETS_PATH);
  await app.register(fastifyStatic, {
    root: distDir,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.startsWith(hashedAssetsDir) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });

  app.setNotFoundHandler((request, reply) => {
    if (wantsAppShell(request)) return reply.sendFile('index.html');
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `${request.method} ${pathnameOf(request.url)} not found`,
    });
  });
}
