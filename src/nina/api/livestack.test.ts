import { describe, expect, it } from 'vitest';
import { NinaError } from '../errors';
import { buildUrl, createNinaHttp } from '../http';
import { fetchStackImage, stackImageRequestPath } from './livestack';

describe('stack picture requests', () => {
  it('escapes target and filter as path segments and streams a resized picture', () => {
    const { path, query } = stackImageRequestPath({ target: 'M 42 / Orion', filter: 'Hα', size: { widthPx: 640, heightPx: 427 }, quality: 90 });
    expect(buildUrl('http://nina:1888', path, query)).toBe(
      'http://nina:1888/v2/api/livestack/image/M%2042%20%2F%20Orion/H%CE%B1?stream=true&resize=true&size=640x427&quality=90',
    );
  });

  it('asks for the whole stack without resize', () => {
    const { path, query } = stackImageRequestPath({ target: 'M 42', filter: 'L', quality: 90 });
    expect(buildUrl('http://nina:1888', path, query)).toBe('http://nina:1888/v2/api/livestack/image/M%2042/L?stream=true&quality=90');
  });

  it('turns NINA’s answer for a stack it does not have, a JSON envelope instead of a picture, into its error', async () => {
    const http = createNinaHttp('http://nina:1888', async () =>
      Response.json({ Response: '', Error: 'Unknown error', StatusCode: 500, Success: false, Type: 'API' }),
    );
    const failure = await fetchStackImage(http, { target: 'Ghost', filter: 'Ha', quality: 90 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NinaError);
    expect(failure).toMatchObject({ kind: 'nina', statusCode: 500, message: 'Unknown error' });
  });

  it('takes the picture NINA streams as image/jpg (notes §16a.13)', async () => {
    const http = createNinaHttp('http://nina:1888', async () => new Response(new Uint8Array([0xff, 0xd8]), { headers: { 'content-type': 'image/jpg' } }));
    const blob = await fetchStackImage(http, { target: 'M 42', filter: 'L', quality: 90, size: { widthPx: 100, heightPx: 67 } });
    expect(blob.size).toBe(2);
  });
});
