/** Why the proxy could not get an answer from NINA, in the terms the UI shows to the user. */
export interface UpstreamFailure {
  code: string;
  message: string;
}

/** The 502 body the UI recognises; `target` tells the user which address Skydeck tried. */
export interface ProxyErrorBody {
  SkydeckProxyError: UpstreamFailure & { target: string };
}

export const PROXY_ERROR_HEADER = 'x-skydeck-proxy-error';

const SYSTEM_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'Host unreachable',
  EHOSTDOWN: 'Host is down',
  ENETUNREACH: 'Network unreachable',
  ENOTFOUND: 'Host name not found',
  EAI_AGAIN: 'Host name lookup failed',
  ECONNRESET: 'Connection reset',
  EPIPE: 'Connection closed while sending',
};

// undici reports some socket failures with its own codes; the UI only knows the system ones.
const UNDICI_ERRORS: Record<string, UpstreamFailure> = {
  UND_ERR_CONNECT_TIMEOUT: { code: 'ETIMEDOUT', message: 'Connection timed out' },
  UND_ERR_HEADERS_TIMEOUT: { code: 'ETIMEDOUT', message: 'NINA did not answer in time' },
  UND_ERR_BODY_TIMEOUT: { code: 'ETIMEDOUT', message: 'NINA stopped sending its answer' },
  UND_ERR_SOCKET: { code: 'ECONNRESET', message: 'NINA closed the connection' },
};

/**
 * Finds the network failure behind an error from @fastify/reply-from, which wraps the socket error in its own
 * (`cause`), and from Node's happy-eyeballs connect, which groups one error per address (`errors`).
 */
export function describeUpstreamFailure(error: unknown): UpstreamFailure {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let innermostMessage = '';
  while (queue.length > 0) {
    const current = queue.shift();
    if (!(current instanceof Error) || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const system = SYSTEM_ERRORS[code];
      if (system !== undefined) return { code, message: system };
      const undici = UNDICI_ERRORS[code];
      if (undici !== undefined) return undici;
    }
    if (current.message !== '') innermostMessage = current.message;
    queue.push(current.cause);
    if (current instanceof AggregateError) queue.push(...(current.errors as unknown[]));
  }
  return { code: 'EPROXY', message: innermostMessage || 'NINA could not be reached' };
}

export function proxyErrorBody(failure: UpstreamFailure, target: string): ProxyErrorBody {
  return { SkydeckProxyError: { ...failure, target } };
}
