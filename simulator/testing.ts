// Helpers for the simulator's own integration tests: a simulator on an ephemeral port, and
// clients that read what NINA's wire actually carries.

import { WebSocket } from 'ws';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './index';

/** Fast enough that a 2.5 s camera connect takes 25 ms of test time. */
export const TEST_SPEED = 100;

export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, speed: TEST_SPEED, testControls: true, ...options });
}

export interface Envelope<T = unknown> {
  Response: T;
  Error: string;
  StatusCode: number;
  Success: boolean;
  Type: string;
}

/** GETs a /v2/api path and parses the envelope, insisting on HTTP 200 as the plugin always sends. */
export async function api<T = unknown>(simulator: RunningSimulator, path: string): Promise<Envelope<T>> {
  const response = await fetch(`${simulator.url}/v2/api${path}`);
  if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${path}: ${await response.text()}`);
  return (await response.json()) as Envelope<T>;
}

export async function control(simulator: RunningSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!response.ok) throw new Error(`HTTP ${response.status} for /__sim/${path}: ${JSON.stringify(parsed)}`);
  return parsed;
}

export interface SocketClient {
  socket: WebSocket;
  /** Every text frame received so far. */
  frames: string[];
  /** Waits until at least `count` frames have arrived in total. */
  waitForFrames(count: number, timeoutMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

export function openSocket(simulator: RunningSimulator, path: string, headers: Record<string, string> = {}): Promise<SocketClient> {
  const socket = new WebSocket(`${simulator.url.replace('http', 'ws')}${path}`, { headers });
  const frames: string[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    frames.push(data.toString());
    for (const wake of waiters) wake();
  });
  const client: SocketClient = {
    socket,
    frames,
    waitForFrames(count, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (frames.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(frames.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} frames on ${path}, got ${frames.length}: ${frames.join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) resolve();
        else {
          socket.once('close', () => resolve());
          socket.terminate();
        }
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
  });
}

/** The HTTP status and headers of a refused handshake, as the server wrote them. */
export function refusedHandshake(
  simulator: RunningSimulator,
  path: string,
  protocols: string[] = [],
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${simulator.url.replace('http', 'ws')}${path}`, protocols);
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
      socket.terminate();
    });
    socket.once('open', () => {
      socket.terminate();
      reject(new Error(`Handshake to ${path} was accepted`));
    });
    socket.once('error', () => undefined);
  });
}
