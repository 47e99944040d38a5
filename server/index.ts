import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { RunningSimulator } from '../simulator/index';
import { createApp } from './app';
import type { SkydeckConfig } from './app';
import { ensureBuild } from './ensure-build';
import { localUrl } from './lan-urls';
import { parseNinaUrl } from './nina-url';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** NINA's Advanced API origin, e.g. http://192.168.1.20:1888. Without it the server runs on a simulated NINA. */
  ninaUrl?: string;
  distDir?: string;
  /** Rebuild dist/ with Vite first when it is missing or stale. */
  build?: boolean;
  simulator?: { port?: number; testControls?: boolean; speed?: number; seed?: number };
  /** An access token every browser must give before it can use Skydeck (and so drive the rig). */
  accessToken?: string;
  /** Print progress and NINA reachability changes to the console. */
  log?: boolean;
}

export interface RunningServer {
  url: string;
  /** Set in demo mode: where the in-process simulator listens (on 127.0.0.1 only). */
  simulatorUrl?: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '0.0.0.0';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function readVersion(): string {
  const packageJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return packageJson.version;
}

async function startDemoSimulator(
  options: NonNullable<ServerOptions['simulator']>,
  log: ((line: string) => void) | undefined,
): Promise<RunningSimulator> {
  // Loaded only in demo mode, so a server in front of a real NINA never builds a simulated sky.
  const { startSimulator } = await import('../simulator/index');
  return startSimulator({
    port: options.port ?? 0,
    // Reachable only through the proxy, like a NINA behind Skydeck.
    host: '127.0.0.1',
    testControls: options.testControls ?? false,
    speed: options.speed,
    seed: options.seed,
    ...(log && { log: (line: string) => log(`Simulator: ${line}`) }),
  });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log === true ? (line: string) => console.info(line) : undefined;
  const host = options.host ?? DEFAULT_HOST;
  const distDir = path.resolve(options.distDir ?? process.env.SKYDECK_DIST_DIR ?? path.join(PROJECT_ROOT, 'dist'));
  const ninaUrl = options.ninaUrl === undefined ? undefined : parseNinaUrl(options.ninaUrl);

  if (options.build ?? true) await ensureBuild({ root: PROJECT_ROOT, distDir, ...(log && { log }) });
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`There is no built app in ${distDir}: run "npm run build", or start without --no-build.`);
  }

  let simulator: RunningSimulator | undefined;
  let upstreamUrl: string;
  if (ninaUrl === undefined) {
    simulator = await startDemoSimulator(options.simulator ?? {}, log);
    upstreamUrl = new URL(simulator.url).origin;
  } else {
    upstreamUrl = ninaUrl;
  }

  let app: FastifyInstance | undefined;
  try {
    const config: SkydeckConfig = {
      mode: simulator === undefined ? 'proxy' : 'demo',
      nina: { url: upstreamUrl },
      version: readVersion(),
    };
    app = await createApp({ config, distDir, ...(options.accessToken && { accessToken: options.accessToken }), ...(log && { log }) });
    await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  } catch (error) {
    await app?.close();
    await simulator?.close();
    throw error;
  }

  const listening = app;
  const runningSimulator = simulator;
  const { port } = listening.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: localUrl(host, port),
    ...(runningSimulator && { simulatorUrl: runningSimulator.url }),
    close() {
      closing ??= (async () => {
        await listening.close();
        await runningSimulator?.close();
      })();
      return closing;
    },
  };
}
