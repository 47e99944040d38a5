import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { registerAccessToken } from './access-token';
import { registerNinaProxy } from './nina-proxy';
import { registerSecurity } from './security';
import { SKYDECK_PREFIX, registerStaticApp } from './static-app';

/** What /skydeck/config.json tells the UI: which NINA it reaches through this server, and whether it is simulated. */
export interface SkydeckConfig {
  mode: 'demo' | 'proxy';
  nina: { url: string };
  version: string;
}

export interface AppOptions {
  config: SkydeckConfig;
  distDir: string;
  /** When set, every request needs it (see access-token.ts). */
  accessToken?: string;
  log?: (line: string) => void;
}

export async function createApp({ config, distDir, accessToken, log }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors only: a line per proxied request would bury what matters on a console someone glances at at night.
    logger: log === undefined ? false : { level: 'error' },
    // Let close() end long-polling NINA requests instead of waiting minutes for them.
    forceCloseConnections: true,
  });

  registerSecurity(app);
  if (accessToken) registerAccessToken(app, accessToken);
  await registerNinaProxy(app, { ninaUrl: config.nina.url, ...(log && { log }) });

  app.get(`${SKYDECK_PREFIX}/config.json`, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return config;
  });

  await registerStaticApp(app, distDir);
  return app;
}
