import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { NinaError } from './errors';
import { buildUrl, createNinaHttp, htmlErrorText } from './http';

const envelope = (fields: Record<string, unknown>) => JSON.stringify({ Response: '', Error: '', StatusCode: 200, Success: true, Type: 'API', ...fields });

function reply(body: string, init: { status?: number; contentType?: string; headers?: Record<string, string> } = {}) {
  return new Response(body, {
    status: init.status ?? 200,
    headers: { 'content-type': init.contentType ?? 'application/json', ...init.headers },
  });
}

const httpWith = (response: Response | Promise<Response> | (() => Promise<Response>)) =>
  createNinaHttp('http://nina:1888', vi.fn(typeof response === 'function' ? response : async () => response) as unknown as typeof fetch);

async function failure(promise: Promise<unknown>): Promise<NinaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NinaError);
    return error as NinaError;
  }
  throw new Error('expected the request to fail');
}

describe('buildUrl', () => {
  it('sends booleans as true/false and skips undefined values', () => {
    expect(buildUrl('http://nina:1888/', '/equipment/camera/capture', { duration: 2.5, save: true, solve: false, gain: undefined })).toBe(
      'http://nina:1888/v2/api/equipment/camera/capture?duration=2.5&save=true&solve=false',
    );
  });

  it('writes numbers in invariant form without exponents', () => {
    expect(buildUrl('http://n', '/x', { ra: 0.0000001, dec: -12 })).toBe('http://n/v2/api/x?ra=0.0000001&dec=-12');
  });

  it('refuses to send NaN', () => {
    expect(() => buildUrl('http://n', '/x', { ra: Number.NaN })).toThrow(RangeError);
  });
});

describe('createNinaHttp', () => {
  it('returns the parsed Response of a successful envelope', async () => {
    const http = httpWith(reply(envelope({ Response: '2.2.15.0' })));
    await expect(http.get('/version', z.string())).resolves.toBe('2.2.15.0');
  });

  it('turns Success:false into a NinaError carrying NINA’s own Error text and code', async () => {
    const http = httpWith(reply(envelope({ Error: 'Camera not connected', StatusCode: 409, Success: false })));
    const error = await failure(http.get('/equipment/camera/capture', z.string()));
    expect(error).toMatchObject({ kind: 'nina', statusCode: 409, ninaError: 'Camera not connected', message: 'Camera not connected' });
  });

  it('treats StatusCode 500 with Success true as a failure too', async () => {
    const http = httpWith(reply(envelope({ Error: 'Unknown error', StatusCode: 500, Success: true })));
    expect(await failure(http.get('/x', z.string()))).toMatchObject({ kind: 'nina', statusCode: 500, message: 'Unknown error' });
  });

  it('explains a failure that has StatusCode 200 and only a Response', async () => {
    const http = httpWith(reply(envelope({ Response: 'Slew failed', Success: false })));
    const error = await failure(http.get('/equipment/mount/slew', z.string()));
    expect(error.kind).toBe('nina');
    expect(error.ninaError).toBeUndefined();
    expect(error.message).toContain('“Slew failed”');
  });

  it('reads EmbedIO’s HTML 400 page as an http error with its message', async () => {
    const html = '<html><head><title>400 - Bad Request</title></head><body><h1>400 - Bad Request</h1><p>Cannot convert field duration to Double.</p></body></html>';
    const http = httpWith(reply(html, { status: 400, contentType: 'text/html; charset=utf-8' }));
    const error = await failure(http.get('/equipment/camera/capture', z.string()));
    expect(error).toMatchObject({ kind: 'http', statusCode: 400 });
    expect(error.message).toContain('Cannot convert field duration to Double.');
  });

  it('recognises Skydeck’s proxy error when NINA is down', async () => {
    const body = JSON.stringify({ SkydeckProxyError: { code: 'ECONNREFUSED', message: 'Connection refused', target: 'http://10.0.0.5:1888' } });
    const http = httpWith(reply(body, { status: 502, headers: { 'x-skydeck-proxy-error': 'ECONNREFUSED' } }));
    const error = await failure(http.get('/version', z.string()));
    expect(error).toMatchObject({ kind: 'proxy', proxyCode: 'ECONNREFUSED', proxyTarget: 'http://10.0.0.5:1888' });
    expect(error.message).toBe("Skydeck's server cannot reach NINA at http://10.0.0.5:1888: Connection refused");
  });

  it('says when Skydeck’s server wants its access token', async () => {
    const http = httpWith(reply('{"statusCode":401}', { status: 401, headers: { 'x-skydeck-auth': 'required' } }));
    const error = await failure(http.get('/version', z.string()));
    expect(error).toMatchObject({ kind: 'http', statusCode: 401, detail: 'auth-required' });
    expect(error.message).toContain('/skydeck/login');
  });

  it('reports empty bodies, malformed JSON and non-envelopes distinctly', async () => {
    expect((await failure(httpWith(reply('')).get('/x', z.string()))).kind).toBe('empty');
    expect((await failure(httpWith(reply('{"Response":')).get('/x', z.string()))).kind).toBe('malformed');
    const notEnvelope = await failure(httpWith(reply('{"hello":"world"}')).get('/x', z.string()));
    expect(notEnvelope.kind).toBe('malformed');
    expect(notEnvelope.message).toContain('not an Advanced API envelope');
  });

  it('reports a payload that breaks the schema with the field at fault', async () => {
    const http = httpWith(reply(envelope({ Response: { Connected: 'yes' } })));
    const error = await failure(http.get('/equipment/camera/info', z.object({ Connected: z.boolean() })));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('Connected');
  });

  it('reports network failures and timeouts in words', async () => {
    const down = httpWith(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(down.get('/version', z.string()))).toMatchObject({ kind: 'network', message: 'Could not reach NINA at http://nina:1888' });

    const hanging = createNinaHttp('http://nina:1888', ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch);
    const error = await failure(hanging.get('/version', z.string(), { timeoutMs: 20 }));
    expect(error.kind).toBe('timeout');
  });

  it('distinguishes a caller’s cancel from a timeout', async () => {
    const controller = new AbortController();
    const hanging = createNinaHttp('http://nina:1888', ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch);
    const pending = hanging.get('/version', z.string(), { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });
});

describe('getBlob', () => {
  it('returns the image bytes, whatever image type NINA names', async () => {
    const http = httpWith(new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/jpg' } }));
    const blob = await http.getBlob('/prepared-image');
    expect(blob.size).toBe(4);
  });

  it('turns NINA’s JSON error envelope into its error', async () => {
    const http = httpWith(reply(envelope({ Error: 'No image', StatusCode: 404, Success: false })));
    expect(await failure(http.getBlob('/prepared-image'))).toMatchObject({ kind: 'nina', message: 'No image', statusCode: 404 });
  });

  it('refuses a successful reply that is not an image', async () => {
    const http = httpWith(reply(envelope({ Response: 'base64…' })));
    expect(await failure(http.getBlob('/image/0'))).toMatchObject({ kind: 'malformed' });
  });
});

describe('htmlErrorText', () => {
  it('strips tags and decodes entities', () => {
    expect(htmlErrorText('<html><title>x</title><body><h1>404 - Not Found</h1><p>&lt;path&gt; &amp; more</p></body></html>')).toBe('404 - Not Found <path> & more');
  });
});
