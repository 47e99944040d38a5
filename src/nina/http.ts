import { z } from 'zod';
import { envelopeSchema } from './schemas/common';
import { NinaError } from './errors';

/**
 * The one place that speaks HTTP to NINA: URL building, timeouts, aborts, the envelope, typed errors.
 * NINA always answers HTTP 200 and puts failures in the body (notes §2.1), so the body decides.
 */

/** Most NINA calls answer in milliseconds; some block for minutes and pass a longer timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface NinaHttp {
  /** `GET /v2/api{path}`, envelope checked, `Response` parsed with `schema`. */
  get<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /**
   * `GET /v2/api{path}` for a streamed image (`stream=true`, `/prepared-image`, thumbnails). NINA
   * answers a failure with a JSON envelope or an HTML page instead of an image; both become
   * NinaErrors like any other reply.
   */
  getBlob(path: string, options?: RequestOptions): Promise<Blob>;
  /**
   * `POST /v2/api{path}` with a JSON text body, envelope checked like `get`. Only `sequence/load`
   * takes a body (notes §12); optional so fakes of the read-only API need not provide it.
   */
  post?<S extends z.ZodType>(path: string, body: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** The base URL requests go to, for messages. */
  readonly baseUrl: string;
}

/** Booleans as `true`/`false` only: NINA rejects `1`, `0` and bare flags with an HTML 400 (notes §1.2). */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = `${baseUrl.replace(/\/$/, '')}/v2/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, typeof value === 'number' ? numberToQuery(value) : String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function numberToQuery(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot send ${value} to NINA`);
  // Invariant culture, no exponent: NINA binds with ConvertFromInvariantString.
  return Number.isInteger(value) ? String(value) : value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
}

const proxyErrorSchema = z.object({
  SkydeckProxyError: z.object({ code: z.string(), message: z.string(), target: z.string() }),
});

/** EmbedIO's error pages put the reason in a `<pre>` or paragraph; keep it short and readable. */
export function htmlErrorText(html: string): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Turn one HTTP reply into NINA's `Response`, or the NinaError a person can read. */
export async function readEnvelope(response: Response, path: string): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();

  if (response.status === 502 && response.headers.has('x-skydeck-proxy-error')) {
    const parsed = proxyErrorSchema.safeParse(safeJson(text));
    const info = parsed.success ? parsed.data.SkydeckProxyError : undefined;
    throw new NinaError({
      kind: 'proxy',
      path,
      statusCode: 502,
      proxyCode: info?.code ?? response.headers.get('x-skydeck-proxy-error') ?? undefined,
      proxyTarget: info?.target,
      message: info
        ? `Skydeck's server cannot reach NINA at ${info.target}: ${info.message}`
        : "Skydeck's server cannot reach NINA",
    });
  }

  if (response.status === 401 && response.headers.get('x-skydeck-auth') === 'required') {
    throw new NinaError({
      kind: 'http',
      path,
      statusCode: 401,
      detail: 'auth-required',
      message: "Skydeck's server needs its access token: open /skydeck/login to enter it",
    });
  }

  if (!response.ok) {
    const reason = contentType.includes('html') ? htmlErrorText(text) : text.slice(0, 300);
    throw new NinaError({
      kind: 'http',
      path,
      statusCode: response.status,
      detail: text.slice(0, 2000),
      message: `NINA refused the request (HTTP ${response.status})${reason ? `: ${reason}` : ''}`,
    });
  }

  if (text.trim() === '') {
    throw new NinaError({ kind: 'empty', path, message: `NINA sent an empty reply to ${path}` });
  }

  const json = safeJson(text);
  if (json === undefined) {
    const looksHtml = contentType.includes('html') || /^\s*</.test(text);
    throw new NinaError({
      kind: 'malformed',
      path,
      detail: text.slice(0, 2000),
      message: looksHtml
        ? `Something answered ${path} with a web page instead of NINA's Advanced API`
        : `NINA's reply to ${path} is not valid JSON`,
    });
  }

  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new NinaError({
      kind: 'malformed',
      path,
      detail: z.prettifyError(envelope.error),
      message: `The reply to ${path} is not an Advanced API envelope: is this NINA's Advanced API?`,
    });
  }

  const { Success, StatusCode, Error: errorText, Response: body } = envelope.data;
  if (!Success || StatusCode !== 200) {
    const ninaError = errorText?.trim() || undefined;
    // Some calls fail with StatusCode 200, an empty Error and a Response such as "Slew failed" (notes §2.1).
    const reply = typeof body === 'string' && body.trim() ? ` (its reply: “${body.trim()}”)` : '';
    const message = ninaError ?? `NINA reported that ${path} failed${reply}`;
    throw new NinaError({ kind: 'nina', path, statusCode: StatusCode, ninaError, response: body, message });
  }
  return body;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const detail = z.prettifyError(parsed.error);
  console.warn(`[skydeck] unexpected payload from ${path}`, detail, body);
  throw new NinaError({
    kind: 'schema',
    path,
    detail,
    response: body,
    message: `NINA sent data Skydeck does not understand (${path}): ${firstIssue(parsed.error)}`,
  });
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the reply';
  return `${where}: ${issue.message}`;
}

export function createNinaHttp(baseUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): NinaHttp {
  /** One request with the timeout, the caller's abort and network failures turned into NinaErrors. */
  async function request<T>(
    path: string,
    options: RequestOptions,
    accept: string,
    read: (response: Response) => Promise<T>,
    body?: string,
  ): Promise<T> {
    const url = buildUrl(baseUrl, path, options.query);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      let response: Response;
      try {
        response = await fetchImpl(
          url,
          body === undefined
            ? { signal: controller.signal, headers: { Accept: accept } }
            : { method: 'POST', body, signal: controller.signal, headers: { Accept: accept, 'Content-Type': 'application/json' } },
        );
      } catch (cause) {
        throw networkError(cause, path, baseUrl, timedOut, timeoutMs);
      }
      try {
        return await read(response);
      } catch (cause) {
        if (cause instanceof NinaError) throw cause;
        throw networkError(cause, path, baseUrl, timedOut, timeoutMs);
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    baseUrl,
    async get(path, schema, options = {}) {
      const body = await request(path, options, 'application/json', (response) => readEnvelope(response, path));
      return parseResponse(schema, body, path);
    },
    async post(path, body, schema, options = {}) {
      const response = await request(path, options, 'application/json', (reply) => readEnvelope(reply, path), body);
      return parseResponse(schema, response, path);
    },
    getBlob(path, options = {}) {
      return request(path, options, 'image/*', async (response) => {
        const contentType = response.headers.get('content-type') ?? '';
        if (response.ok && contentType.startsWith('image/')) return response.blob();
        // Not an image: an error envelope, an HTML page, or something unexpected.
        await readEnvelope(response, path);
        throw new NinaError({ kind: 'malformed', path, message: `NINA answered ${path} without an image (${contentType || 'no content type'})` });
      });
    },
  };
}

function networkError(cause: unknown, path: string, baseUrl: string, timedOut: boolean, timeoutMs: number): NinaError {
  if (timedOut) {
    return new NinaError(
      { kind: 'timeout', path, message: `NINA did not answer ${path} within ${Math.round(timeoutMs / 1000)} s` },
      { cause },
    );
  }
  if (cause instanceof DOMException && cause.name === 'AbortError') {
    return new NinaError({ kind: 'aborted', path, message: `The request to ${path} was cancelled` }, { cause });
  }
  return new NinaError({ kind: 'network', path, message: `Could not reach NINA at ${baseUrl}` }, { cause });
}
