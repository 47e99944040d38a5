import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NinaError } from '../errors';
import type { NinaHttp, RequestOptions } from '../http';
import { startCapture, type CaptureRequest } from './camera';
import { imageRequestPath } from './images';

/** A NINA that answers from a table; each call is logged as `path?query`. */
function fakeNina(answer: (path: string, query: Record<string, unknown>) => unknown) {
  const calls: string[] = [];
  const http: NinaHttp = {
    baseUrl: 'http://nina',
    get: async <S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}) => {
      const query = Object.fromEntries(Object.entries(options.query ?? {}).filter(([, value]) => value !== undefined));
      calls.push(Object.keys(query).length > 0 ? `${path}?${new URLSearchParams(query as Record<string, string>).toString()}` : path);
      const reply = answer(path, query);
      if (reply instanceof Error) throw reply;
      return schema.parse(reply);
    },
    getBlob: () => Promise.reject(new Error('no images')),
  };
  return { http, calls };
}

const request: CaptureRequest = { durationS: 2, binning: '2x2', filterId: 1, imageType: 'LIGHT', save: true, targetName: 'M42' };
const wheel = (id: number, moving = false) => ({ Connected: true, IsMoving: moving, SelectedFilter: { Name: ['L', 'R'][id], Id: id } });

describe('startCapture', () => {
  it('turns the wheel and waits for it, sets the binning, then captures', async () => {
    let polls = 0;
    const { http, calls } = fakeNina((path) => {
      if (path === '/equipment/filterwheel/info') {
        polls += 1;
        return polls === 1 ? wheel(0) : polls === 2 ? wheel(0, true) : wheel(1);
      }
      if (path === '/equipment/filterwheel/change-filter') return 'Filter changed';
      if (path === '/equipment/camera/set-binning') return 'Binning set';
      return 'Capture started';
    });
    const steps: string[] = [];
    await expect(startCapture(http, request, { onStep: (step) => steps.push(step) })).resolves.toBe('Capture started');
    expect(calls).toEqual([
      '/equipment/filterwheel/info',
      '/equipment/filterwheel/change-filter?filterId=1',
      '/equipment/filterwheel/info',
      '/equipment/filterwheel/info',
      '/equipment/camera/set-binning?binning=2x2',
      '/equipment/camera/capture?duration=2&save=true&imageType=LIGHT&targetName=M42',
    ]);
    expect(steps).toEqual(['filter', 'binning', 'capture']);
  });

  it('leaves a wheel already on the filter alone and never sends gain 0', async () => {
    const { http, calls } = fakeNina((path) => (path === '/equipment/filterwheel/info' ? wheel(1) : 'ok'));
    await startCapture(http, { ...request, gain: 0, targetName: '  ' });
    expect(calls.at(-1)).toBe('/equipment/camera/capture?duration=2&save=true&imageType=LIGHT');
    expect(calls.some((call) => call.includes('change-filter'))).toBe(false);
  });

  it('stops at NINA’s refusal, in NINA’s words', async () => {
    const { http, calls } = fakeNina((path) =>
      path === '/equipment/camera/set-binning'
        ? new NinaError({ kind: 'nina', path, statusCode: 409, ninaError: 'Camera not connected', message: 'Camera not connected' })
        : wheel(1),
    );
    await expect(startCapture(http, request)).rejects.toThrow('Camera not connected');
    expect(calls.some((call) => call.startsWith('/equipment/camera/capture'))).toBe(false);
  });
});

describe('image requests', () => {
  it('asks for the prepared image sized to the viewer, with the profile stretch when none is set', () => {
    expect(imageRequestPath({ source: { kind: 'live' }, size: { widthPx: 1920, heightPx: 1280 }, quality: -1 })).toEqual({
      path: '/prepared-image',
      query: { resize: true, size: '1920x1280', quality: -1, factor: undefined, blackClipping: undefined, unlinked: undefined },
    });
  });

  it('streams a saved frame whole, with the stretch it was given', () => {
    const { path, query } = imageRequestPath({ source: { kind: 'history', index: 4 }, quality: 85, stretch: { factor: 0.3, blackClipping: -2, unlinked: false } });
    expect(path).toBe('/image/4');
    expect(query).toMatchObject({ stream: true, quality: 85, factor: 0.3, blackClipping: -2, unlinked: false, resize: undefined, size: undefined });
  });
});
