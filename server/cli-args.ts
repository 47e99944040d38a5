import { parseArgs } from 'node:util';
import type { ServerOptions } from './index';
import { NinaUrlError, parseNinaUrl } from './nina-url';

export class UsageError extends Error {}

export const USAGE = `Usage: npm start -- [options]

Serves Skydeck on this machine's network and passes /v2 through to NINA's Advanced API.
Without a NINA address, Skydeck runs in demo mode on a simulated NINA.

Options:
  --nina <url>          NINA's Advanced API, e.g. http://192.168.1.20:1888   (env NINA_URL)
  --port <n>            port to serve Skydeck on, default 8080                (env PORT)
  --host <address>      address to listen on, default 0.0.0.0 (all networks)  (env SKYDECK_HOST)
  --token <secret>      require this access token from every browser           (env SKYDECK_TOKEN)
  --no-build            serve dist/ as it is, without rebuilding it first
  --sim-port <n>        demo mode: port of the simulated NINA, default any free port
  --sim-speed <x>       demo mode: run the simulated sky and devices x times faster
  --sim-seed <n>        demo mode: seed for the simulator's randomness
  --sim-test-controls   demo mode: enable the simulator's test-control endpoints
  -h, --help            show this help`;

function parsePort(value: string, name: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`${name} must be a port number from 0 to 65535, not "${value}".`);
  }
  return port;
}

function parseNumber(value: string, name: string, check: (n: number) => boolean, expected: string): number {
  const number = Number(value);
  if (value.trim() === '' || !check(number)) throw new UsageError(`${name} must be ${expected}, not "${value}".`);
  return number;
}

/** An unset or empty environment variable counts as not given. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

export type CliCommand = { help: true } | { help: false; options: ServerOptions };

/** Reads the command line and environment; a flag wins over its environment variable. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        nina: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'no-build': { type: 'boolean' },
        'sim-port': { type: 'string' },
        'sim-speed': { type: 'string' },
        'sim-seed': { type: 'string' },
        'sim-test-controls': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help === true) return { help: true };

  const options: ServerOptions = { build: values['no-build'] !== true };

  const ninaSource = values.nina !== undefined ? '--nina' : 'NINA_URL';
  const nina = values.nina ?? fromEnv(env, 'NINA_URL');
  if (nina !== undefined) {
    try {
      options.ninaUrl = parseNinaUrl(nina);
    } catch (error) {
      if (error instanceof NinaUrlError) throw new UsageError(`${ninaSource}: ${error.message}`);
      throw error;
    }
  }

  const port = values.port ?? fromEnv(env, 'PORT');
  if (port !== undefined) options.port = parsePort(port, values.port !== undefined ? '--port' : 'PORT');
  const host = values.host ?? fromEnv(env, 'SKYDECK_HOST');
  if (host !== undefined) options.host = host;

  const token = values.token ?? fromEnv(env, 'SKYDECK_TOKEN');
  if (token !== undefined) {
    if (token.length < 8) throw new UsageError('The access token must be at least 8 characters long.');
    options.accessToken = token;
  }

  const simulator: NonNullable<ServerOptions['simulator']> = {};
  if (values['sim-port'] !== undefined) simulator.port = parsePort(values['sim-port'], '--sim-port');
  if (values['sim-speed'] !== undefined) {
    const isPositive = (n: number) => Number.isFinite(n) && n > 0;
    simulator.speed = parseNumber(values['sim-speed'], '--sim-speed', isPositive, 'a number above 0');
  }
  if (values['sim-seed'] !== undefined) {
    simulator.seed = parseNumber(values['sim-seed'], '--sim-seed', Number.isSafeInteger, 'an integer');
  }
  if (values['sim-test-controls'] === true) simulator.testControls = true;
  if (Object.keys(simulator).length > 0) {
    if (options.ninaUrl !== undefined) {
      throw new UsageError(`The --sim-* options are for demo mode; they cannot be combined with ${ninaSource}.`);
    }
    options.simulator = simulator;
  }
  return { help: false, options };
}
