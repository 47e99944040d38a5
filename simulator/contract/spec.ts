/**
 * Validators of recorded simulator traffic against the published Advanced API contract (api_spec.yaml,
 * websocket_spec.yaml), with the notes-backed exceptions of exceptions.ts applied.
 *
 * Matching rules the spec cannot express, from nina-api-notes.md:
 * - JSON replies are envelopes sent with HTTP 200 (§2.1); the documented response is picked by the body:
 *   `Success:false` selects the response of its `StatusCode`, anything else "200" (§16a.1).
 * - EmbedIO's own HTML pages (HTTP 400/404/405, §1.2) and the CORS preflight (OPTIONS → 200 empty text/plain, §1.1)
 *   are transport replies outside the spec; only their status and content type are checked.
 * - On /v2/socket the message is chosen by event name: the dedicated message documenting that name, else the
 *   "Simple Event Response" enum.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import {
  ADDED_BY,
  BARE_REPLY,
  MARKS_KEYWORD,
  NAMED_FLOAT_KEYWORD,
  NAMED_FLOATS,
  applyExceptions,
  forEachSchema,
  rootSchemas,
  type ExceptionMark,
  type JsonObject,
  type SpecDocuments,
} from './exceptions';

export interface RestItem {
  kind: 'rest';
  method: string;
  path: string;
  query?: unknown;
  httpStatus: number;
  contentType: string | null;
  body: unknown;
  bodyText?: string;
  injected?: boolean;
}

export interface SocketItem {
  kind: 'ws';
  channel: string;
  direction: 'out' | 'in';
  data: unknown;
  text?: string;
  injected?: boolean;
}

export type TrafficItem = RestItem | SocketItem;

export interface ContractError {
  /** JSON pointer into the payload, or a label such as "(envelope)" for rule violations. */
  at: string;
  message: string;
  /** The offending value, as truncated JSON. */
  value?: string;
  /** For socket messages: the spec message the payload was checked against. */
  candidate?: string;
}

export interface ContractResult {
  ok: boolean;
  /** What the item was checked as, e.g. `GET /equipment/mount/info → 200` or `WS /socket FILTERWHEEL-CHANGED`. */
  operation: string;
  /** The spec operation (`GET /image/{index}`) or socket event (`/socket IMAGE-SAVE`) this item covers, if any. */
  covers?: string;
  errors: ContractError[];
  exceptionsApplied: string[];
  skipped?: boolean;
}

export interface SpecParameter {
  in: string;
  name: string;
  required: boolean;
  schema: JsonObject;
  example?: unknown;
}

export interface SpecOperation {
  method: string;
  route: string;
  parameters: SpecParameter[];
}

export interface ContractOptions {
  specDir?: string;
  /** Exception ids to leave out (tests use this to prove an exception is needed). */
  disabledExceptions?: readonly string[];
}

export interface Contract {
  validate(item: TrafficItem): ContractResult;
  validateRest(item: RestItem): ContractResult;
  validateSocket(item: SocketItem): ContractResult;
  /** The published REST operations, `GET /version` …, without the ones exceptions add. */
  operations(): string[];
  /** The same, with their documented parameters. */
  specOperations(): SpecOperation[];
  /** The /v2/socket event names the published spec documents. */
  socketEvents(): string[];
  /** Compiles every response and message schema (proves the whole patched spec compiles). */
  compileAll(): number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMPONENTS_ID = 'nina-api-components';
const OPENAPI_FORMATS = ['binary', 'byte', 'double', 'float', 'int32', 'int64', 'short', 'string'];
const HTML_STATUSES = new Set([400, 404, 405]);
const CHANNELS: Readonly<Record<string, string>> = {
  '/v2/socket': '/socket',
  '/v2/tppa': '/tppa',
  '/v2/mount': '/mount',
  '/v2/filterwheel': '/filterwheel',
  '/v2/rotator': '/rotator',
};

export function specDir(): string {
  return process.env.NINA_SPEC_DIR ?? resolve(REPO_ROOT, '../shared/nina-spec');
}

const parsedSpecs = new Map<string, SpecDocuments>();

function loadSpecs(dir: string): SpecDocuments {
  let docs = parsedSpecs.get(dir);
  if (!docs) {
    docs = {
      api: parse(readFileSync(resolve(dir, 'api_spec.yaml'), 'utf8')) as JsonObject,
      ws: parse(readFileSync(resolve(dir, 'websocket_spec.yaml'), 'utf8')) as JsonObject,
    };
    parsedSpecs.set(dir, docs);
  }
  return docs;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(parent: unknown, key: string): JsonObject | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

function truncatedJson(value: unknown, max = 160): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

function describeAjvError(error: ErrorObject, data: unknown): ContractError {
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? error.keyword;
  if (Array.isArray(params.allowedValues)) message += ` ${truncatedJson(params.allowedValues, 200)}`;
  if (typeof params.additionalProperty === 'string') message += ` "${params.additionalProperty}"`;
  if (params.allowedValue !== undefined) message += ` ${truncatedJson(params.allowedValue)}`;
  const missing = error.keyword === 'required';
  return {
    at: error.instancePath || '/',
    message,
    ...(missing ? {} : { value: truncatedJson(valueAt(data, error.instancePath)) }),
  };
}

/** Replaces `#/components/schemas/X` by a reference into the separately registered components schema. */
function rewriteRefs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) rewriteRefs(child);
  } else if (isObject(node)) {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/')) {
      node.$ref = `${COMPONENTS_ID}#/definitions/${node.$ref.slice('#/components/schemas/'.length)}`;
    }
    for (const [key, child] of Object.entries(node)) if (key !== MARKS_KEYWORD) rewriteRefs(child);
  }
}

/** OpenAPI 3.0 `nullable: true` → JSON Schema type union (the published spec has none today). */
function convertNullable(docs: SpecDocuments): void {
  for (const spec of ['api', 'ws'] as const) {
    for (const root of rootSchemas(docs, spec)) {
      forEachSchema(root, (node) => {
        if (node.nullable !== true) return;
        delete node.nullable;
        if (typeof node.type === 'string') node.type = [node.type, 'null'];
        if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
      });
    }
  }
}

interface RouteEntry {
  template: string;
  segments: (string | null)[];
  pathItem: JsonObject;
}

function routeSegments(route: string): string[] {
  return route === '/' ? [] : route.slice(1).split('/');
}

function mediaType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  return contentType.split(';')[0]?.trim().toLowerCase() ?? null;
}

function apiRoute(path: string): string | null {
  const bare = path.split('?')[0] ?? '';
  if (bare === '/v2/api') return '/';
  return bare.startsWith('/v2/api/') ? bare.slice('/v2/api'.length) : null;
}

export function describeItem(item: TrafficItem): string {
  if (item.kind === 'ws') return `WS ${item.channel} ${item.direction}`;
  let query = '';
  if (typeof item.query === 'string' && item.query !== '') query = item.query.startsWith('?') ? item.query : `?${item.query}`;
  else if (isObject(item.query) && Object.keys(item.query).length > 0) {
    query = `?${new URLSearchParams(Object.entries(item.query).map(([key, value]) => [key, String(value)])).toString()}`;
  }
  return `${item.method} ${item.path}${query}`;
}

export function formatResult(item: TrafficItem, result: ContractResult): string {
  const head = `${describeItem(item)} as ${result.operation}`;
  const lines = result.errors.map((error) => {
    const candidate = error.candidate ? `[${error.candidate}] ` : '';
    const value = error.value !== undefined ? ` (value: ${error.value})` : '';
    return `    ${candidate}${error.at}: ${error.message}${value}`;
  });
  return [head, ...lines].join('\n');
}

export function createContract(options: ContractOptions = {}): Contract {
  const published = loadSpecs(options.specDir ?? specDir());
  const docs = applyExceptions(published, new Set(options.disabledExceptions ?? []));
  convertNullable(docs);
  rewriteRefs(docs.api);

  let applied = new Set<string>();
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    formats: Object.fromEntries(OPENAPI_FORMATS.map((format) => [format, true])),
  });
  ajv.addVocabulary(['example']);
  const namedFloat: SchemaValidateFunction = (_schema: unknown, data: unknown) => {
    const valid = typeof data === 'number' || (NAMED_FLOATS as readonly unknown[]).includes(data);
    namedFloat.errors = valid ? [] : [{ keyword: NAMED_FLOAT_KEYWORD, message: 'must be number (or "NaN", "Infinity", "-Infinity")', params: {} }];
    return valid;
  };
  ajv.addKeyword({ keyword: NAMED_FLOAT_KEYWORD, schemaType: 'boolean', errors: true, validate: namedFloat });
  // Marks repeat the same few tiny schemas (named-floats alone marks every number), so compile each once.
  const markValidators = new Map<string, ValidateFunction>();
  const markValidator = (schema: JsonObject): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validator = markValidators.get(key);
    if (!validator) {
      validator = ajv.compile(schema);
      markValidators.set(key, validator);
    }
    return validator;
  };
  ajv.addKeyword({
    keyword: MARKS_KEYWORD,
    schemaType: 'array',
    errors: false,
    compile(marks: ExceptionMark[]) {
      const checks = marks.map((entry) => {
        let compiled: [ValidateFunction, ValidateFunction] | undefined;
        return (data: unknown): void => {
          compiled ??= [markValidator(entry.spec), markValidator(entry.admits)];
          if (!compiled[0](data) && compiled[1](data)) applied.add(entry.id);
        };
      });
      return (data: unknown) => {
        for (const check of checks) check(data);
        return true;
      };
    },
  });
  ajv.addSchema({ $id: COMPONENTS_ID, definitions: objectAt(docs.api.components, 'schemas') ?? {} });

  const restEnvelope = ajv.compile({
    type: 'object',
    required: ['Error', 'StatusCode', 'Success', 'Type'],
    additionalProperties: false,
    properties: { Response: {}, Error: { type: 'string' }, StatusCode: { type: 'integer' }, Success: { type: 'boolean' }, Type: { const: 'API' } },
    if: { required: ['Success'], properties: { Success: { const: true } } },
    then: { properties: { StatusCode: { const: 200 }, Error: { const: '' } } },
  });
  const eventEnvelope = ajv.compile({
    type: 'object',
    required: ['Response', 'Error', 'StatusCode', 'Success', 'Type'],
    additionalProperties: false,
    properties: { Response: {}, Error: { const: '' }, StatusCode: { const: 200 }, Success: { const: true }, Type: { const: 'Socket' } },
  });
  const mountEnvelope = ajv.compile({
    type: 'object',
    required: ['Response', 'Error', 'StatusCode', 'Success', 'Type'],
    additionalProperties: false,
    properties: { Response: {}, Error: { type: 'string' }, StatusCode: { type: 'integer' }, Success: { type: 'boolean' }, Type: { enum: ['API', 'Socket'] } },
    if: { properties: { Success: { const: true } } },
    then: { properties: { StatusCode: { const: 200 }, Error: { const: '' }, Type: { const: 'Socket' } } },
    else: { properties: { Type: { const: 'API' } } },
  });
  const socketEnvelopes: Readonly<Record<string, ValidateFunction>> = { '/socket': eventEnvelope, '/tppa': eventEnvelope, '/mount': mountEnvelope };

  const routes: RouteEntry[] = Object.entries(objectAt(docs.api, 'paths') ?? {}).flatMap(([template, pathItem]) =>
    isObject(pathItem)
      ? [{ template, pathItem, segments: routeSegments(template).map((segment) => (/^\{.+\}$/.test(segment) ? null : segment)) }]
      : [],
  );

  const compiled = new Map<string, ValidateFunction>();
  function compiledSchema(key: string, schema: unknown): ValidateFunction {
    let validator = compiled.get(key);
    if (!validator) {
      validator = ajv.compile(isObject(schema) ? schema : {});
      compiled.set(key, validator);
    }
    return validator;
  }

  function runSchema(key: string, schema: unknown, data: unknown): ContractError[] {
    const validator = compiledSchema(key, schema);
    return validator(data) ? [] : (validator.errors ?? []).map((error) => describeAjvError(error, data));
  }

  function runEnvelope(validator: ValidateFunction, data: unknown, label: string): ContractError[] {
    if (validator(data)) return [];
    // An if/then failure is reported by the keyword that failed inside "then"; the summary adds nothing.
    return (validator.errors ?? [])
      .filter((error) => error.keyword !== 'if')
      .map((error) => ({ ...describeAjvError(error, data), at: `${error.instancePath || '/'} ${label}` }));
  }

  function matchRoute(route: string): RouteEntry | undefined {
    const actual = routeSegments(route);
    const shape = (entry: RouteEntry): string => entry.segments.map((segment) => (segment === null ? 'T' : 'L')).join('');
    return routes
      .filter(
        (entry) =>
          entry.segments.length === actual.length &&
          entry.segments.every((segment, index) => (segment === null ? actual[index] !== '' : segment === actual[index])),
      )
      .sort((a, b) => shape(a).localeCompare(shape(b)))[0];
  }

  const result = (operation: string, errors: ContractError[], covers?: string): ContractResult => ({
    ok: errors.length === 0,
    operation,
    ...(covers ? { covers } : {}),
    errors,
    exceptionsApplied: [...applied].sort(),
  });

  function noteAdded(...objects: (JsonObject | undefined)[]): void {
    for (const object of objects) if (typeof object?.[ADDED_BY] === 'string') applied.add(object[ADDED_BY]);
  }

  function validateRest(item: RestItem): ContractResult {
    applied = new Set();
    if (item.injected) return { ...result('injected fault', []), skipped: true };
    const method = item.method.toUpperCase();
    const type = mediaType(item.contentType);
    const route = apiRoute(item.path);
    const entry = route === null ? undefined : matchRoute(route);
    const op = objectAt(entry?.pathItem, method.toLowerCase());
    const specOperation = entry && op ? `${method} ${entry.template}` : undefined;

    if (type === 'text/html') {
      const errors: ContractError[] = [];
      if (!HTML_STATUSES.has(item.httpStatus)) {
        errors.push({ at: '(http)', message: 'EmbedIO HTML pages come only with HTTP 400, 404 or 405 (§1, §1.2)', value: String(item.httpStatus) });
      } else if (item.bodyText !== undefined && !item.bodyText.includes(`${item.httpStatus} - `)) {
        errors.push({ at: '(html)', message: `the page does not name its status "${item.httpStatus} - …"`, value: truncatedJson(item.bodyText) });
      }
      return result(`HTML ${item.httpStatus}`, errors);
    }
    if (method === 'OPTIONS') {
      const empty = item.body === null && (item.bodyText ?? '') === '';
      const ok = item.httpStatus === 200 && type === 'text/plain' && empty;
      return result('CORS preflight', ok ? [] : [{ at: '(http)', message: 'OPTIONS answers 200, empty body, text/plain (§1.1)', value: `${item.httpStatus} ${item.contentType}` }]);
    }
    if (route === null) return result(method, [{ at: '(path)', message: 'not under /v2/api', value: item.path }]);
    if (!entry) return result(`${method} ${route}`, [{ at: '(path)', message: 'path not in the spec', value: route }]);
    if (!op) {
      const documented = Object.keys(entry.pathItem).filter((key) => !key.startsWith('x-')).map((key) => key.toUpperCase());
      return result(`${method} ${entry.template}`, [{ at: '(method)', message: `method not documented (documented: ${documented.join(', ')})`, value: method }]);
    }
    noteAdded(entry.pathItem, op);
    const responses = objectAt(op, 'responses') ?? {};
    const documentedStatuses = Object.keys(responses).filter((key) => !key.startsWith('x-')).join(', ');

    if (type !== 'application/json') {
      const response = objectAt(responses, '200');
      const content = objectAt(response, 'content') ?? {};
      const errors: ContractError[] = [];
      if (item.httpStatus !== 200) errors.push({ at: '(http)', message: 'binary replies are HTTP 200', value: String(item.httpStatus) });
      if (type === null || !(type in content)) {
        errors.push({ at: '(content-type)', message: `not documented (documented: ${Object.keys(content).join(', ') || 'none'})`, value: String(item.contentType) });
      } else {
        noteAdded(response, objectAt(content, type));
      }
      return result(`${specOperation} → 200 ${type ?? '(no content type)'}`, errors, specOperation);
    }

    if (item.body === null || item.body === undefined) {
      return result(`${specOperation}`, [{ at: '(body)', message: 'Content-Type is application/json but the body is not JSON', value: truncatedJson(item.bodyText ?? '') }], specOperation);
    }
    const bare = op[BARE_REPLY] === true;
    const errors: ContractError[] = [];
    if (item.httpStatus !== 200) errors.push({ at: '(http)', message: 'JSON replies are always HTTP 200; the error code is in the body (§2.1)', value: String(item.httpStatus) });
    if (!bare) errors.push(...runEnvelope(restEnvelope, item.body, '(envelope §2.1)'));

    const body = item.body;
    const statusKey = isObject(body) && body.Success === false && typeof body.StatusCode === 'number' ? String(body.StatusCode) : '200';
    const response = objectAt(responses, statusKey);
    const operation = `${specOperation} → ${statusKey}`;
    if (!response) {
      errors.push({ at: '/StatusCode', message: `status not documented for this operation (documented: ${documentedStatuses})`, value: statusKey });
      return result(operation, errors, specOperation);
    }
    const media = objectAt(objectAt(response, 'content'), 'application/json');
    if (!media) {
      const documented = Object.keys(objectAt(response, 'content') ?? {}).join(', ');
      errors.push({ at: '(content-type)', message: `not documented for ${statusKey} (documented: ${documented || 'none'})`, value: String(item.contentType) });
      return result(operation, errors, specOperation);
    }
    noteAdded(response, media);
    errors.push(...runSchema(`${specOperation} ${statusKey}`, media.schema, body));
    return result(operation, errors, specOperation);
  }

  interface MessageEntry {
    title: string;
    key: string;
    payload: unknown;
    text: boolean;
    events: string[];
    /** How narrowly the message documents its events: 1 for an example, else the size of its enum. */
    breadth: number;
    stringResponse: boolean;
    responseKeys: string[];
  }

  const channelMessages = new Map<string, MessageEntry[]>();
  function messagesOf(channel: string, direction: 'subscribe' | 'publish'): MessageEntry[] | undefined {
    const cacheKey = `${channel} ${direction}`;
    const cached = channelMessages.get(cacheKey);
    if (cached) return cached;
    const op = objectAt(objectAt(objectAt(docs.ws, 'channels'), channel), direction);
    const message = objectAt(op, 'message');
    if (!message) return undefined;
    const list = Array.isArray(message.oneOf) ? message.oneOf : [message];
    const entries = list.filter(isObject).map((entry, index): MessageEntry => {
      const response = objectAt(objectAt(objectAt(entry, 'payload'), 'properties'), 'Response');
      const event = objectAt(objectAt(response, 'properties'), 'Event');
      const events = Array.isArray(event?.enum) ? event.enum.map(String) : typeof event?.example === 'string' ? [event.example] : [];
      return {
        title: typeof entry.title === 'string' ? entry.title : `message ${index + 1}`,
        key: `${cacheKey} ${index}`,
        payload: entry.payload,
        text: entry.contentType === 'application/text',
        events,
        breadth: Array.isArray(event?.enum) ? event.enum.length : 1,
        stringResponse: response?.type === 'string',
        responseKeys: Object.keys(objectAt(response, 'properties') ?? {}),
      };
    });
    channelMessages.set(cacheKey, entries);
    return entries;
  }

  /**
   * The spec's messages declare no required keys, so any object fits any of them: a message is chosen by how many
   * of the payload's Response keys it declares (or by a string Response), and only the best fits are checked.
   */
  function bestFitting(entries: MessageEntry[], data: unknown): MessageEntry[] {
    const response = isObject(data) ? data.Response : undefined;
    const fit = (entry: MessageEntry): number => {
      if (typeof response === 'string') return entry.stringResponse ? 1 : 0;
      if (!isObject(response)) return 0;
      return Object.keys(response).filter((key) => entry.responseKeys.includes(key)).length;
    };
    const best = Math.max(...entries.map(fit));
    return entries.filter((entry) => fit(entry) === best);
  }

  function candidatesFor(channel: string, entries: MessageEntry[], data: unknown): { candidates: MessageEntry[]; label: string } {
    if (channel !== '/socket') return { candidates: bestFitting(entries, data), label: '' };
    const response = isObject(data) ? data.Response : undefined;
    if (typeof response === 'string') return { candidates: entries.filter((entry) => entry.stringResponse), label: '(string Response)' };
    const event = isObject(response) && typeof response.Event === 'string' ? response.Event : undefined;
    const named = event === undefined ? [] : entries.filter((entry) => entry.events.includes(event));
    if (named.length === 0) {
      // An undocumented event is checked against the broadest list of event names, whose enum then reports it.
      const broadest = Math.max(...entries.map((entry) => entry.breadth));
      return { candidates: entries.filter((entry) => entry.events.length > 0 && entry.breadth === broadest), label: event ?? '(no Event)' };
    }
    const narrowest = Math.min(...named.map((entry) => entry.breadth));
    return { candidates: named.filter((entry) => entry.breadth === narrowest), label: event ?? '' };
  }

  function validateSocket(item: SocketItem): ContractResult {
    applied = new Set();
    if (item.injected) return { ...result('injected fault', []), skipped: true };
    const channel = CHANNELS[item.channel];
    const label = `WS ${item.channel}`;
    if (!channel) return result(label, [{ at: '(channel)', message: 'channel not in the spec', value: item.channel }]);
    const entries = messagesOf(channel, item.direction === 'out' ? 'subscribe' : 'publish');
    if (!entries) return result(label, [{ at: '(direction)', message: `no ${item.direction === 'out' ? 'subscribe' : 'publish'} messages documented` }]);

    const textFrames = entries.every((entry) => entry.text);
    const data = textFrames ? item.text : item.data;
    if (data === null || data === undefined) {
      const expected = textFrames ? 'a text frame' : 'JSON';
      return result(label, [{ at: '(frame)', message: `expected ${expected}`, value: truncatedJson(item.text ?? null) }]);
    }
    const envelope = item.direction === 'out' ? socketEnvelopes[channel] : undefined;
    const errors = envelope ? runEnvelope(envelope, data, '(envelope §13.1, §10.2, §5)') : [];
    const { candidates, label: event } = candidatesFor(channel, entries, data);
    const covers = channel === '/socket' && event && !event.startsWith('(') ? `${channel} ${event}` : undefined;
    const operation = [label, event].filter(Boolean).join(' ');
    if (candidates.length === 0) {
      errors.push({ at: '/Response', message: 'no message of the channel documents this payload' });
      return result(operation, errors, covers);
    }
    const failures: ContractError[] = [];
    const appliedBefore = applied;
    for (const candidate of candidates) {
      applied = new Set(appliedBefore);
      const candidateErrors = runSchema(candidate.key, candidate.payload, data);
      if (candidateErrors.length === 0) {
        return result(`${operation} [${candidate.title}]`, errors, covers ?? `${channel} ${candidate.title}`);
      }
      failures.push(...candidateErrors.map((error) => ({ ...error, candidate: candidate.title })));
    }
    applied = appliedBefore;
    if (event && channel === '/socket' && !candidates.some((candidate) => candidate.events.includes(event))) {
      failures.unshift({ at: '/Response/Event', message: 'no message of the spec documents this event', value: truncatedJson(event) });
    }
    return result(operation, [...errors, ...failures], covers);
  }

  return {
    validate: (item) => (item.kind === 'rest' ? validateRest(item) : validateSocket(item)),
    validateRest,
    validateSocket,
    operations: () => specOperations(published).map((op) => `${op.method} ${op.route}`),
    specOperations: () => specOperations(published),
    socketEvents: () => [...new Set((messagesOf('/socket', 'subscribe') ?? []).flatMap((entry) => entry.events))].sort(),
    compileAll: () => {
      let count = 0;
      for (const entry of routes) {
        for (const [method, op] of Object.entries(entry.pathItem)) {
          for (const [status, response] of Object.entries(objectAt(op, 'responses') ?? {})) {
            const media = objectAt(objectAt(response, 'content'), 'application/json');
            if (!media) continue;
            compiledSchema(`${method.toUpperCase()} ${entry.template} ${status}`, media.schema);
            count += 1;
          }
        }
      }
      for (const channel of Object.values(CHANNELS)) {
        for (const direction of ['subscribe', 'publish'] as const) {
          for (const entry of messagesOf(channel, direction) ?? []) {
            compiledSchema(entry.key, entry.payload);
            count += 1;
          }
        }
      }
      return count;
    },
  };
}

function specOperations(docs: SpecDocuments): SpecOperation[] {
  return Object.entries(objectAt(docs.api, 'paths') ?? {}).flatMap(([route, pathItem]) =>
    Object.entries(isObject(pathItem) ? pathItem : {}).map(([method, op]) => ({
      method: method.toUpperCase(),
      route,
      parameters: (isObject(op) && Array.isArray(op.parameters) ? op.parameters : []).filter(isObject).map((parameter) => ({
        in: String(parameter.in),
        name: String(parameter.name),
        required: parameter.required === true,
        schema: objectAt(parameter, 'schema') ?? {},
        ...(parameter.example !== undefined ? { example: parameter.example } : {}),
      })),
    })),
  );
}

let defaultContract: Contract | undefined;

/** The contract with every exception, built on first use. */
export function contract(): Contract {
  defaultContract ??= createContract();
  return defaultContract;
}

export function validateRest(item: RestItem): ContractResult {
  return contract().validateRest(item);
}

export function validateSocket(item: SocketItem): ContractResult {
  return contract().validateSocket(item);
}
