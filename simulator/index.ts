// Library entry: start a simulated N.I.N.A. 3.2 with the Advanced API 2.2.15.0 plugin. The LAN
// server (demo mode) and the tests start it from here; `main.ts` is the command line around it.

import type { AddressInfo } from 'node:net';
import { FaultInjection } from './http/fault-injection';
import { ObservedTraffic } from './http/observed-traffic';
import { corsHeadersFor, createHttpServer } from './http/server';
import { TrafficRecorder } from './http/traffic-recorder';
import type { Site } from './rig/astronomy';
import { DEFAULT_SITE, Rig } from './rig/rig';
import { SimClock } from './rig/sim-clock';
import { EventSocket } from './sockets/event-socket';
import { MountSocket } from './sockets/mount-socket';
import { SocketHub } from './sockets/socket-hub';
import { TppaSocket } from './sockets/tppa-socket';
import { createTestControls } from './test-controls/test-controls';
import type { ApiContext } from './web-service/v2/api-context';
import { API_BASE_PATH, createApiRouter } from './web-service/v2/api';
import { PLUGIN_VERSION } from './web-service/v2/version';
import { startWatchers } from './web-service/v2/watchers';

export interface SimulatorOptions {
  port?: number; // default 1888; 0 = ephemeral
  host?: string; // default '127.0.0.1'
  speed?: number; // simulated-time scale, default 1
  seed?: number; // PRNG seed, default 1
  testControls?: boolean; // default false
  site?: { latitudeDeg: number; longitudeDeg: number; elevationM: number };
  trafficDir?: string; // default process.env.SKYDECK_TRAFFIC_DIR; unset = no recording
  log?: (line: string) => void; // default: silent in library use, console in main.ts
  guiderLostLockMeanIntervalH?: number | null; // mean simulated hours between lost guide stars; default 4, off (null) with testControls
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export { DEFAULT_SITE };

function listen(server: ReturnType<typeof createHttpServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 1;
  const site: Site = options.site ?? DEFAULT_SITE;
  const log = options.log ?? ((): void => undefined);
  const trafficDir = options.trafficDir ?? process.env.SKYDECK_TRAFFIC_DIR;

  const clock = new SimClock(options.speed ?? 1);
  const rig = new Rig(clock, site, seed);
  rig.guider.lostLockMeanIntervalH =
    options.guiderLostLockMeanIntervalH === undefined ? (options.testControls ? null : 4) : options.guiderLostLockMeanIntervalH;
  // The demo's person at the mount turns the polar-alignment knobs; tests turn them with a control.
  rig.polarAlignment.demoKnobs = !options.testControls;
  const settings = { accessControlHeader: true, createThumbnails: true };
  const observed = options.testControls ? new ObservedTraffic() : null;
  const faults = new FaultInjection(seed);
  let recorder: TrafficRecorder | null = null;

  const sockets = new SocketHub({
    observed,
    recorder: () => recorder,
    corsHeaders: () => corsHeadersFor(settings.accessControlHeader),
    onRefusedHandshake: (request, reply) => {
      const requested = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      recorder?.rest({ method, path: requested.pathname, query: requested.search.slice(1), reply });
    },
  });
  const events = new EventSocket(sockets, clock);
  sockets.register('/v2/socket', events);
  const mountSocket = new MountSocket(sockets, rig.mount);
  sockets.register('/v2/mount', mountSocket);
  const tppaSocket = new TppaSocket(sockets, rig.polarAlignment);
  sockets.register('/v2/tppa', tppaSocket);

  const context: ApiContext = { rig, events, settings, plugin: { lastGuideStep: null } };
  startWatchers(context);
  await rig.connectAllAtStartup();

  const server = createHttpServer({
    apiBasePath: API_BASE_PATH,
    apiRouter: createApiRouter(context),
    corsEnabled: () => settings.accessControlHeader,
    faults,
    sockets,
    recorder: () => recorder,
    observed,
    testControls:
      observed === null ? null : createTestControls({ rig, events, settings, faults, sockets, observed, mountSocket, tppaSocket }),
  });
  await listen(server, options.port ?? 1888, host);
  const port = (server.address() as AddressInfo).port;
  if (trafficDir) recorder = TrafficRecorder.open(trafficDir, clock.startMs, port);

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  rig.log.info({ source: 'API.cs', member: 'Start', line: 58 }, `Started API server on ${url}`);
  log(`NINA simulator (Advanced API ${PLUGIN_VERSION}) listening on ${url}`);
  if (observed !== null) log(`Test controls are on: ${url}/__sim/`);
  if (recorder !== null) log(`Recording traffic to ${recorder.filePath}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        faults.close();
        mountSocket.dispose();
        sockets.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        clock.dispose();
        await recorder?.close();
      })();
      return closing;
    },
  };
}
