// EmbedIO-style routing for the WebApi module at /v2/api: exact, case-sensitive paths with
// `{name}` segments; an unknown path is a 404 page and a known path with the wrong verb a 405.

import { bindQuery, BindingError, type BoundQuery, type QueryData, type QuerySpec } from '../wire/query-binder';
import { unknownError, type Envelope } from '../wire/envelope';
import { envelopeReply, htmlErrorReply, type HttpReply } from './reply';

export interface RouteRequest {
  query: QueryData;
  params: Readonly<Record<string, string>>;
  body: Buffer;
}

interface Route {
  method: 'GET' | 'POST';
  segments: string[];
  run(request: RouteRequest): Promise<HttpReply>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? '';
    const segment = actual[i] ?? '';
    if (expected.startsWith('{') && expected.endsWith('}')) {
      params[expected.slice(1, -1)] = decodeSegment(segment);
    } else if (expected !== segment) {
      return null;
    }
  }
  return params;
}

/**
 * Runs a handler the way a plugin controller method runs: parameters are bound first (a bad one
 * is EmbedIO's 400 page), then any exception inside the handler becomes the catch-all 500 envelope.
 */
async function invoke<S extends QuerySpec>(
  spec: S,
  request: RouteRequest,
  handler: (query: BoundQuery<S>, request: RouteRequest) => HttpReply | Promise<HttpReply>,
): Promise<HttpReply> {
  let query: BoundQuery<S>;
  try {
    query = bindQuery(spec, request.query);
  } catch (error) {
    if (error instanceof BindingError) return htmlErrorReply(400, error.message);
    throw error;
  }
  try {
    return await handler(query, request);
  } catch {
    return envelopeReply(unknownError());
  }
}

export type RouteMatch =
  | { kind: 'found'; run: (request: Omit<RouteRequest, 'params'>) => Promise<HttpReply> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

export class Router {
  private readonly routes: Route[] = [];

  private add<S extends QuerySpec>(
    path: string,
    spec: S,
    handler: (query: BoundQuery<S>, request: RouteRequest) => HttpReply | Promise<HttpReply>,
    method: Route['method'] = 'GET',
  ): void {
    this.routes.push({ method, segments: splitPath(path), run: (request) => invoke(spec, request, handler) });
  }

  /** A GET route whose handler answers with the plugin's JSON envelope. */
  get<S extends QuerySpec>(
    path: string,
    spec: S,
    handler: (query: BoundQuery<S>, request: RouteRequest) => Envelope | Promise<Envelope>,
  ): void {
    this.add(path, spec, async (query, request) => envelopeReply(await handler(query, request)));
  }

  /** A GET route that writes its own reply (a bare JSON value, an image). */
  getRaw<S extends QuerySpec>(
    path: string,
    spec: S,
    handler: (query: BoundQuery<S>, request: RouteRequest) => HttpReply | Promise<HttpReply>,
  ): void {
    this.add(path, spec, handler);
  }

  /** A POST route (only `sequence/load` has one): the handler reads the raw body. */
  post(path: string, handler: (request: RouteRequest) => Envelope | Promise<Envelope>): void {
    this.add(path, {}, async (_query, request) => envelopeReply(await handler(request)), 'POST');
  }

  match(method: string, path: string): RouteMatch {
    const actual = splitPath(path);
    let pathKnown = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, actual);
      if (params === null) continue;
      if (route.method !== method) {
        pathKnown = true;
        continue;
      }
      return { kind: 'found', run: (request) => route.run({ ...request, params }) };
    }
    return pathKnown ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }

  /** The reply for a request that matched no handler. */
  static unmatched(match: Exclude<RouteMatch, { kind: 'found' }>): HttpReply {
    return match.kind === 'method-not-allowed' ? htmlErrorReply(405) : htmlErrorReply(404);
  }
}
