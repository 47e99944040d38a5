/**
 * Every way a request to NINA can fail, as one typed error a view can explain to a person.
 *
 * - `nina`: NINA answered with `Success:false` or `StatusCode != 200`; `message` is NINA's own `Error` text.
 * - `http`: a non-JSON HTTP error, usually EmbedIO's HTML page (a bad or missing query value, unknown path).
 * - `proxy`: Skydeck's own server could not reach NINA.
 * - `network`: nothing answered (or the browser refused to show the answer, e.g. CORS).
 * - `timeout`, `aborted`: the request took too long, or the caller gave up.
 * - `empty`, `malformed`, `schema`: NINA answered 200 with a body Skydeck cannot use.
 */
export type NinaErrorKind = 'nina' | 'http' | 'proxy' | 'network' | 'timeout' | 'aborted' | 'empty' | 'malformed' | 'schema';

export interface NinaErrorDetails {
  kind: NinaErrorKind;
  message: string;
  path: string;
  /** `StatusCode` from NINA's envelope, or the HTTP status for `http`/`proxy`. */
  statusCode?: number;
  /** NINA's own `Error` text, verbatim. */
  ninaError?: string;
  /** NINA's `Response` on a failed envelope: some failures still carry one (notes §2.1, §16b). */
  response?: unknown;
  /** For `proxy`: the upstream Skydeck's server tried, and the socket error code. */
  proxyTarget?: string;
  proxyCode?: string;
  /** For `schema`/`malformed`: what was wrong, for the log. */
  detail?: string;
}

export class NinaError extends Error {
  readonly kind: NinaErrorKind;
  readonly path: string;
  readonly statusCode?: number;
  readonly ninaError?: string;
  readonly response?: unknown;
  readonly proxyTarget?: string;
  readonly proxyCode?: string;
  readonly detail?: string;

  constructor(details: NinaErrorDetails, options?: { cause?: unknown }) {
    super(details.message, options);
    this.name = 'NinaError';
    this.kind = details.kind;
    this.path = details.path;
    this.statusCode = details.statusCode;
    this.ninaError = details.ninaError;
    this.response = details.response;
    this.proxyTarget = details.proxyTarget;
    this.proxyCode = details.proxyCode;
    this.detail = details.detail;
  }
}

export const isNinaError = (error: unknown): error is NinaError => error instanceof NinaError;

/** Failures where asking again may help. NINA's own refusals and bad payloads will not change. */
export function isTransient(error: unknown): boolean {
  return isNinaError(error) && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'proxy');
}

/** A sentence for any error, NinaError or not, for panels and toasts. */
export function describeError(error: unknown): string {
  if (isNinaError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
