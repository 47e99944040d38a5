// Test-control hooks on the REST path: added latency and replies replaced by faults, for testing
// how a client copes with a slow, broken or silent NINA.

import { SeededRandom } from '../rig/random';
import { unknownError } from '../wire/envelope';
import { envelopeReply, htmlErrorReply, replyText, type HttpReply } from './reply';

export const FAULT_KINDS = ['unknown-error', 'html-400', 'html-404', 'empty', 'malformed-json', 'hang', 'schema-break'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

interface ActiveFault {
  kind: FaultKind;
  /** Replies still to replace; null = until cleared. */
  remaining: number | null;
}

/** Paths are given as NINA's (`/equipment/mount/info`) or in full (`/v2/api/equipment/mount/info`). */
export function fullApiPath(path: string): string {
  if (path.startsWith('/v2/') || path === '/v2') return path;
  return `/v2/api${path.startsWith('/') ? '' : '/'}${path}`;
}

export class FaultInjection {
  private readonly latencyByPrefix = new Map<string, number>();
  private readonly faults = new Map<string, ActiveFault>();
  private readonly releaseHung = new Set<() => void>();
  private readonly pendingDelays = new Map<NodeJS.Timeout, () => void>();
  private readonly random: SeededRandom;

  constructor(seed: number) {
    this.random = new SeededRandom(seed ^ 0x5ca1ab1e);
  }

  /** `ms` 0 removes the rule for that prefix. */
  setLatency(ms: number, pathPrefix: string): void {
    if (ms <= 0) this.latencyByPrefix.delete(pathPrefix);
    else this.latencyByPrefix.set(pathPrefix, ms);
  }

  /** The longest matching prefix decides. */
  private latencyFor(path: string): number {
    let best: { prefixLength: number; ms: number } | null = null;
    for (const [prefix, ms] of this.latencyByPrefix) {
      if (path.startsWith(prefix) && (best === null || prefix.length > best.prefixLength)) best = { prefixLength: prefix.length, ms };
    }
    return best?.ms ?? 0;
  }

  /** Holds a request for the configured latency (real time, not simulated: it models the network). */
  delay(path: string): Promise<void> {
    const ms = this.latencyFor(path);
    if (ms === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const handle = setTimeout(() => {
        this.pendingDelays.delete(handle);
        resolve();
      }, ms);
      this.pendingDelays.set(handle, resolve);
    });
  }

  setFault(path: string, kind: FaultKind, times: number | null): void {
    this.faults.set(path, { kind, remaining: times });
  }

  /** Clears every fault and lets hung requests go on to their normal reply. */
  clearFaults(): void {
    this.faults.clear();
    for (const release of [...this.releaseHung]) release();
  }

  /** The fault for this reply, if any, counting it against `times`. */
  take(path: string): FaultKind | null {
    const fault = this.faults.get(path);
    if (fault === undefined) return null;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.delete(path);
    }
    return fault.kind;
  }

  /** Resolves only when the faults are cleared or the simulator closes. */
  hang(): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        this.releaseHung.delete(release);
        resolve();
      };
      this.releaseHung.add(release);
    });
  }

  /** The reply that replaces a normal one; schema-break needs the normal reply to corrupt. */
  faultReply(kind: Exclude<FaultKind, 'hang'>, normal: HttpReply): HttpReply {
    const injected = (reply: HttpReply): HttpReply => ({ ...reply, injected: true });
    switch (kind) {
      case 'unknown-error':
        return injected(envelopeReply(unknownError()));
      case 'html-400':
        return injected(htmlErrorReply(400));
      case 'html-404':
        return injected(htmlErrorReply(404));
      case 'empty':
        return injected({ status: 200, contentType: 'application/json', body: '' });
      case 'malformed-json': {
        const text = replyText(normal);
        const cut = Math.max(1, Math.floor(text.length / 2));
        return injected({ status: 200, contentType: 'application/json', body: `${text.slice(0, cut)}\u0000,}` });
      }
      case 'schema-break':
        return injected(this.breakSchema(normal));
    }
  }

  /** The normal reply with a few fields of Response given wrong types, "NaN" or removed. */
  private breakSchema(normal: HttpReply): HttpReply {
    let envelope: Record<string, unknown>;
    try {
      envelope = JSON.parse(replyText(normal)) as Record<string, unknown>;
    } catch {
      return normal;
    }
    envelope.Response = this.breakValue(envelope.Response);
    return { ...normal, body: JSON.stringify(envelope) };
  }

  private breakValue(value: unknown): unknown {
    if (Array.isArray(value)) return value.length === 0 ? {} : [this.breakValue(value[0]), ...value.slice(1)];
    if (value === null || typeof value !== 'object') return typeof value === 'string' ? 42 : 'NaN';
    const broken: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(broken);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(this.random.next() * (i + 1));
      [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
    }
    const [removed, ...mutated] = keys;
    if (removed !== undefined && keys.length > 1) delete broken[removed];
    for (const key of mutated.slice(0, 3)) {
      const original = broken[key];
      if (typeof original === 'number') broken[key] = 'NaN';
      else if (typeof original === 'boolean') broken[key] = String(original);
      else if (typeof original === 'string') broken[key] = original.length;
      else broken[key] = 'NaN';
    }
    return broken;
  }

  close(): void {
    for (const release of [...this.releaseHung]) release();
    for (const [handle, resolve] of this.pendingDelays) {
      clearTimeout(handle);
      resolve();
    }
    this.pendingDelays.clear();
  }
}
