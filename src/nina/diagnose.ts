import { z } from 'zod';
import type { NinaEndpoints } from './endpoints';
import { isNinaError } from './errors';
import { createNinaHttp } from './http';

/**
 * Why Skydeck cannot talk to NINA, in terms a person can act on. A browser hides the difference
 * between "nothing there" and "CORS blocked it", so a second, opaque (no-cors) request tells
 * them apart: if that one gets through, something answered and only the CORS headers are missing.
 */
export type Diagnosis =
  | { status: 'ok'; plugin: string }
  | { status: 'proxy-unreachable'; target?: string; code?: string; message: string }
  | { status: 'not-advanced-api'; message: string }
  | { status: 'cors'; url: string }
  | { status: 'mixed-content'; url: string }
  | { status: 'unreachable'; url: string }
  | { status: 'timeout'; url: string }
  | { status: 'nina-error'; message: string }
  | { status: 'auth-required' };

export interface DiagnoseOptions {
  fetchImpl?: typeof fetch;
  pageProtocol?: string;
  timeoutMs?: number;
}

export async function diagnose(endpoints: NinaEndpoints, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const pageProtocol = options.pageProtocol ?? globalThis.location?.protocol;
  const url = endpoints.httpBase;
  if (endpoints.mode === 'direct' && pageProtocol === 'https:' && url.startsWith('http:')) {
    return { status: 'mixed-content', url };
  }
  const http = createNinaHttp(url, fetchImpl);
  try {
    const plugin = await http.get('/version', z.string(), { timeoutMs: options.timeoutMs ?? 5_000 });
    return { status: 'ok', plugin };
  } catch (error) {
    if (!isNinaError(error)) return { status: 'unreachable', url };
    switch (error.kind) {
      case 'proxy':
        return { status: 'proxy-unreachable', target: error.proxyTarget, code: error.proxyCode, message: error.message };
      case 'http':
        if (error.detail === 'auth-required') return { status: 'auth-required' };
        return { status: 'not-advanced-api', message: error.message };
      case 'malformed':
      case 'empty':
      case 'schema':
        return { status: 'not-advanced-api', message: error.message };
      case 'nina':
        return { status: 'nina-error', message: error.message };
      case 'timeout':
        return { status: 'timeout', url };
      case 'network':
      case 'aborted':
        if (endpoints.mode === 'direct' && (await answersWithoutCors(`${url}/v2/api/version`, fetchImpl))) {
          return { status: 'cors', url };
        }
        return { status: 'unreachable', url };
    }
  }
}

async function answersWithoutCors(url: string, fetchImpl: typeof fetch): Promise<boolean> {
  try {
    await fetchImpl(url, { mode: 'no-cors', signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}
