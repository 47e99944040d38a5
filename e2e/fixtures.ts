import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server/index';

/**
 * Each journey gets its own Skydeck server with its own simulated NINA (test controls on), so
 * journeys never see each other's state and can run in parallel.
 */

export interface SimulatorControls {
  url: string;
  post(path: string, body?: unknown): Promise<unknown>;
  get<T = unknown>(path: string): Promise<T>;
  setDevice(device: string, state: Record<string, unknown>): Promise<unknown>;
  dropSockets(): Promise<unknown>;
  refuseSockets(ms: number): Promise<unknown>;
  emitEvent(event: { Event: string } & Record<string, unknown>): Promise<unknown>;
}

function controls(simulatorUrl: string): SimulatorControls {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${simulatorUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → HTTP ${response.status}: ${await response.text()}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    url: simulatorUrl,
    post: (path, body) => call('POST', path, body ?? {}),
    get: async <T,>(path: string) => (await call('GET', path)) as T,
    setDevice: (device, state) => call('POST', `/__sim/devices/${device}`, state),
    dropSockets: () => call('POST', '/__sim/sockets/drop', {}),
    refuseSockets: (ms) => call('POST', '/__sim/sockets/refuse', { ms }),
    emitEvent: (event) => call('POST', '/__sim/events', event),
  };
}

interface Fixtures {
  /** The simulated clock's speed: a journey through a minute-long autofocus can run it faster. */
  simulatorSpeed: number;
  skydeck: RunningServer;
  sim: SimulatorControls;
  /** Fails a journey on anything thrown uncaught in the page or refused by the content security policy. */
  pageHealth: void;
}

export const test = base.extend<Fixtures>({
  pageHealth: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught in the page: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      await use();
      expect(problems, 'the page stayed healthy').toEqual([]);
    },
    { auto: true },
  ],
  simulatorSpeed: [1, { option: true }],
  skydeck: async ({ simulatorSpeed }, use) => {
    const server = await startServer({ port: 0, host: '127.0.0.1', build: false, simulator: { port: 0, testControls: true, speed: simulatorSpeed } });
    await use(server);
    await server.close();
  },
  sim: async ({ skydeck }, use) => {
    if (!skydeck.simulatorUrl) throw new Error('the Skydeck server did not start a simulator');
    await use(controls(skydeck.simulatorUrl));
  },
});

export { expect };

/** Open Skydeck and wait until it has talked to NINA. */
export async function openSkydeck(page: Page, server: RunningServer, path = '/'): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
}

export const deviceCard = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });
