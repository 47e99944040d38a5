import { USAGE, UsageError, parseCliArgs } from './cli-args';
import { DEFAULT_HOST, startServer } from './index';
import type { RunningServer } from './index';
import { browserUrls } from './lan-urls';

// A shutdown that has not finished by then is stuck on something; a second Ctrl+C also forces the exit.
const SHUTDOWN_GRACE_MS = 5_000;

function explainStartFailure(error: unknown): string {
  const { code, port } = error as { code?: unknown; port?: unknown };
  if (code === 'EADDRINUSE') return `Port ${String(port)} is already in use: stop what uses it or choose another port.`;
  if (code === 'EADDRNOTAVAIL') return 'The --host address does not belong to this machine.';
  if (code === 'EACCES') return `Not allowed to listen on port ${String(port)}; ports below 1024 need extra rights.`;
  return error instanceof Error ? error.message : String(error);
}

function printStarted(server: RunningServer, host: string, ninaUrl: string | undefined, accessToken: string | undefined, startMs: number): void {
  const port = Number(new URL(server.url).port) || 80;
  if (ninaUrl === undefined) {
    console.info(`Demo mode: Skydeck runs on a simulated NINA (${server.simulatorUrl ?? ''}), not a real observatory.`);
    console.info('To use your NINA instead: npm start -- --nina http://<nina-pc>:1888');
  } else {
    console.info(`Passing /v2 through to NINA at ${ninaUrl}.`);
  }
  if (accessToken) {
    console.info('Every browser needs the access token (--token / SKYDECK_TOKEN) to open Skydeck.');
  } else {
    console.info(
      'No access token is set: anyone who can reach this port on your network can drive the rig, as with NINA’s own API. Use --token <secret> to require one.',
    );
  }
  console.info('\nOpen Skydeck at:');
  for (const url of browserUrls(host, port)) console.info(`  ${url}`);
  console.info(`\nReady in ${((performance.now() - startMs) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`);
}

async function main(): Promise<void> {
  const startMs = performance.now();
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (command.help) {
    console.info(USAGE);
    return;
  }

  const { options } = command;
  let server: RunningServer;
  try {
    server = await startServer({ ...options, log: true });
  } catch (error) {
    console.error(`Skydeck could not start: ${explainStartFailure(error)}`);
    process.exit(1);
  }
  printStarted(server, options.host ?? DEFAULT_HOST, options.ninaUrl, options.accessToken, startMs);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.info(`\n${signal}: stopping Skydeck.`);
    setTimeout(() => {
      console.error('Shutdown is taking too long; exiting anyway.');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
