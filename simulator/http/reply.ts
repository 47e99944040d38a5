// What the HTTP layer sends: a status, a content type and a body, whatever produced it.

import { embedIoErrorPage, HTML_CONTENT_TYPE } from '../wire/embedio-html';
import type { Envelope } from '../wire/envelope';
import { toStj } from '../wire/serializer';

export interface HttpReply {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Readonly<Record<string, string>>;
  /** Set when a test control deliberately corrupted the reply; the traffic record says so. */
  injected?: boolean;
}

export function replyText(reply: HttpReply): string {
  return typeof reply.body === 'string' ? reply.body : reply.body.toString('utf8');
}

/** `HttpContext.WriteToResponse`: STJ, always HTTP 200 whatever StatusCode says (notes §2.1). */
export function envelopeReply(envelope: Envelope): HttpReply {
  return { status: 200, contentType: 'application/json', body: toStj(envelope) };
}

/** EmbedIO's HttpExceptionHandler sets these before writing an error page (DisableCaching). */
const NO_CACHE_HEADERS = {
  Expires: 'Sat, 26 Jul 1997 05:00:00 GMT',
  'Cache-Control': 'no-store, no-cache, must-revalidate',
  Pragma: 'no-cache',
} as const;

export function htmlErrorReply(status: number, message?: string): HttpReply {
  return { status, contentType: HTML_CONTENT_TYPE, body: embedIoErrorPage(status, message), headers: NO_CACHE_HEADERS };
}
