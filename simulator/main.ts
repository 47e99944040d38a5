// `npm run simulator -- --port 1888 [--host 127.0.0.1] [--speed N] [--seed N] [--test-controls]
//  [--lat D --lon D --elevation M]`

import { parseArgs } from 'node:util';
import { DEFAULT_SITE, startSimulator, type RunningSimulator } from './index';

const USAGE =
  'Usage: npm run simulator -- [--port 1888] [--host 127.0.0.1] [--speed N] [--seed N] [--test-controls] ' +
  '[--lat D --lon D --elevation M]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  speed: { type: 'string' },
  seed: { type: 'string' },
  'test-controls': { type: 'boolean' },
  lat: { type: 'string' },
  lon: { type: 'string' },
  elevation: { type: 'string' },
} as const;

function parseCommandLine() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function numberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) fail(`--${name} needs a number, got "${text}"`);
  return value;
}

const values = parseCommandLine();

let simulator: RunningSimulator;
try {
  simulator = await startSimulator({
    port: numberOption(values.port, 'port'),
    host: values.host,
    speed: numberOption(values.speed, 'speed'),
    seed: numberOption(values.seed, 'seed'),
    testControls: values['test-controls'] ?? false,
    site: {
      latitudeDeg: numberOption(values.lat, 'lat') ?? DEFAULT_SITE.latitudeDeg,
      longitudeDeg: numberOption(values.lon, 'lon') ?? DEFAULT_SITE.longitudeDeg,
      elevationM: numberOption(values.elevation, 'elevation') ?? DEFAULT_SITE.elevationM,
    },
    log: (line) => console.log(line),
  });
} catch (error) {
  console.error(`The NINA simulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function shutDown(): Promise<void> {
  await simulator.close();
  console.log('NINA simulator stopped');
}

process.once('SIGINT', () => void shutDown());
process.once('SIGTERM', () => void shutDown());
