import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { useImageActivity } from '../../store/image-activity';
import type { NinaHttp } from '../http';
import type { CaptureRequest } from './camera';
import { CaptureSession } from './capture-session';

const request: CaptureRequest = { durationS: 1, binning: '1x1', imageType: 'SNAPSHOT', save: false, targetName: '' };

function fakeNina() {
  const calls: string[] = [];
  const http: NinaHttp = {
    baseUrl: 'http://nina',
    get: async <S extends z.ZodType>(path: string, schema: S) => {
      calls.push(path);
      const reply = path.endsWith('/capture') ? 'Capture started' : path.endsWith('abort-exposure') ? 'Exposure aborted' : 'Binning set';
      return schema.parse(reply);
    },
    getBlob: () => Promise.reject(new Error('no images')),
  };
  return { http, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const captureFinished = () => useImageActivity.getState().captureFinished('http://nina', Date.now());

describe('the capture session', () => {
  it('takes one frame and is done at API-CAPTURE-FINISHED', async () => {
    const { http, calls } = fakeNina();
    const session = new CaptureSession(http, new QueryClient());
    session.capture(request, false);
    expect(session.getState().status).toBe('starting');
    await settle();
    expect(session.getState()).toMatchObject({ status: 'running', start: { reply: 'Capture started' } });
    captureFinished();
    expect(session.getState()).toMatchObject({ status: 'idle', framesDone: 1 });
    expect(calls.filter((path) => path.endsWith('/capture'))).toHaveLength(1);
  });

  it('loops until told to stop after the frame under way', async () => {
    const { http, calls } = fakeNina();
    const session = new CaptureSession(http, new QueryClient());
    session.capture(request, true);
    await settle();
    captureFinished();
    await settle();
    expect(session.getState()).toMatchObject({ status: 'running', looping: true, framesDone: 1 });
    session.stopLoop();
    captureFinished();
    await settle();
    expect(session.getState()).toMatchObject({ status: 'idle', looping: false, framesDone: 2 });
    expect(calls.filter((path) => path.endsWith('/capture'))).toHaveLength(2);
  });

  it('aborts at once and stops waiting for an end NINA will never announce', async () => {
    const { http, calls } = fakeNina();
    const session = new CaptureSession(http, new QueryClient());
    session.capture(request, true);
    await settle();
    await session.abort();
    expect(session.getState()).toMatchObject({ status: 'idle', looping: false, abort: { pending: false, reply: 'Exposure aborted' } });
    captureFinished();
    await settle();
    expect(calls.filter((path) => path.endsWith('/capture'))).toHaveLength(1);
  });
});
