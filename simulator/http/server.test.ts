import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../index';
import { api, control, startTestSimulator } from '../testing';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Authorization',
};

const embedIoPage = (status: string, message: string): string =>
  `<html><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1>` +
  `<p><strong>Exception type:</strong> EmbedIO.HttpException<p><strong>Message:</strong> ${message}` +
  '<hr><p>If this error is completely unexpected to you, and you think you should not seeing this page, please contact ' +
  'the server administrator, informing them of the time this error occurred and the action(s) you performed that ' +
  'resulted in this error.</p></body></html>';

const DEFAULT_MESSAGE = 'Exception of type &#39;EmbedIO.HttpException&#39; was thrown.';

describe('HTTP wire behaviour', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  const get = (path: string, init?: RequestInit) => fetch(`${simulator.url}${path}`, init);

  it('answers errors with the envelope and HTTP 200, the code only in the body', async () => {
    const response = await get('/v2/api/equipment/telescope/connect');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(text).toBe('{"Response":"","Error":"Invalid equipment","StatusCode":400,"Success":false,"Type":"API"}');
  });

  it('treats device names case-sensitively', async () => {
    expect((await api(simulator, '/equipment/Camera/list-devices')).Error).toBe('Invalid equipment');
  });

  it('turns an exception inside a handler into 500 Unknown error', async () => {
    expect(await api(simulator, '/equipment/camera/connect?to=NoSuchId')).toEqual({
      Response: '',
      Error: 'Unknown error',
      StatusCode: 500,
      Success: false,
      Type: 'API',
    });
  });

  it('serves the index as a bare JSON string', async () => {
    const response = await get('/v2/api/');
    expect(response.status).toBe(200);
    const value: unknown = await response.json();
    expect(typeof value).toBe('string');
    expect(value).toMatch(/^ninaAPI: https:\/\/github.com\/rennmaus-coder\/ninaAPI\//);
  });

  it('reports the plugin and NINA versions', async () => {
    expect(await (await get('/v2/api/version')).text()).toBe(
      '{"Response":"2.2.15.0","Error":"","StatusCode":200,"Success":true,"Type":"API"}',
    );
    expect((await api(simulator, '/version/nina')).Response).toBe('3.2.0.9001');
    expect((await api(simulator, '/version/nina?friendly=true')).Response).toBe('3.2');
  });

  it('reports time and application start as local DateTimes with an offset', async () => {
    const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?[+-]\d{2}:\d{2}$/;
    const time = (await api<string>(simulator, '/time')).Response;
    const start = (await api<string>(simulator, '/application-start')).Response;
    expect(time).toMatch(localDateTime);
    expect(start).toMatch(localDateTime);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(Date.parse(start));
  });

  it('reports the plugin settings inside an envelope', async () => {
    expect((await api(simulator, '/plugin/settings')).Response).toEqual({
      AccessControlHeaderEnabled: true,
      ShouldCreateThumbnails: true,
    });
  });

  it('answers a bad query value with EmbedIO 400 HTML naming the C# type', async () => {
    const response = await get('/v2/api/version/nina?friendly=1');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(embedIoPage('400 - Bad Request', 'Cannot convert field friendly to Boolean.'));
  });

  it('rejects a bare flag with 400 HTML', async () => {
    const response = await get('/v2/api/version/nina?friendly');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cannot convert field friendly to Boolean.');
  });

  it('answers a missing required field with 400 HTML', async () => {
    const response = await get('/v2/api/application/logs?level=INFO');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(embedIoPage('400 - Bad Request', 'Missing query field lineCount.'));
  });

  it('answers an unknown path with the EmbedIO 404 page, CORS headers included', async () => {
    for (const path of ['/v2/api/equipment/telescope/info', '/not-nina']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const [name, value] of Object.entries(CORS)) expect(response.headers.get(name)).toBe(value);
      expect(await response.text()).toBe(embedIoPage('404 - Not Found', DEFAULT_MESSAGE));
    }
  });

  it('answers a known path with the wrong verb with 405 HTML', async () => {
    const response = await get('/v2/api/version', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(await response.text()).toBe(embedIoPage('405 - Method Not Allowed', DEFAULT_MESSAGE));
  });

  it('answers a plain request to a WebSocket endpoint with 400 HTML', async () => {
    expect((await get('/v2/socket')).status).toBe(400);
  });

  it('answers OPTIONS with 200, an empty text/plain body and the CORS headers', async () => {
    const response = await get('/v2/api/equipment/mount/info', { method: 'OPTIONS' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    for (const [name, value] of Object.entries(CORS)) expect(response.headers.get(name)).toBe(value);
    expect(await response.text()).toBe('');
  });

  it('sends no CORS headers and answers OPTIONS with 405 when UseAccessControlHeader is off', async () => {
    await control(simulator, 'POST', 'settings', { accessControlHeader: false });
    try {
      const notFound = await get('/v2/api/nothing');
      expect(notFound.status).toBe(404);
      for (const name of Object.keys(CORS)) expect(notFound.headers.get(name)).toBeNull();
      const preflight = await get('/v2/api/version', { method: 'OPTIONS' });
      expect(preflight.status).toBe(405);
      expect(preflight.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await api(simulator, '/plugin/settings')).Response).toEqual({
        AccessControlHeaderEnabled: false,
        ShouldCreateThumbnails: true,
      });
    } finally {
      await control(simulator, 'POST', 'settings', { accessControlHeader: true });
    }
  });
});
