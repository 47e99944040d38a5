import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { useImageActivity } from '../../store/image-activity';
import { ninaKeys } from '../api/keys';
import type { NinaHttp } from '../http';
import type { ImageStatistics, NinaEvent } from '../schemas/events';
import { imageActivity } from './image-activity';

const http = { baseUrl: 'http://nina' } as NinaHttp;
const event = (name: string) => ({ name, known: true, data: {} }) as NinaEvent;
const statistics = { ExposureTime: 2, HFR: 1.8, Stars: 900 } as ImageStatistics;
const save = { name: 'IMAGE-SAVE', known: true, data: { ImageStatistics: statistics } } as NinaEvent;

describe('the image activity consumer', () => {
  it('follows a frame from IMAGE-PREPARED through API-CAPTURE-FINISHED to IMAGE-SAVE', () => {
    const queryClient = new QueryClient();
    const before = useImageActivity.getState().capturesFinished;
    imageActivity([event('IMAGE-PREPARED')], { http, queryClient });
    const prepared = useImageActivity.getState().latest!;
    imageActivity([event('API-CAPTURE-FINISHED'), save], { http, queryClient });
    const state = useImageActivity.getState();
    expect(state.capturesFinished).toBe(before + 1);
    expect(state.latest).toMatchObject({ seq: prepared.seq, saved: statistics });
    expect(state.latest?.captureFinishedAtMs).toBeGreaterThan(0);

    // The next frame starts clean: no statistics until its own save.
    imageActivity([event('IMAGE-PREPARED')], { http, queryClient });
    expect(useImageActivity.getState().latest).toEqual({ seq: prepared.seq + 1, preparedAtMs: expect.any(Number) });
  });

  it('appends saved frames to the cached image history instead of downloading it again', () => {
    const queryClient = new QueryClient();
    const key = ninaKeys.imageHistory(http.baseUrl);
    queryClient.setQueryData(key, [{ ExposureTime: 1 }]);
    imageActivity([save], { http, queryClient });
    expect(queryClient.getQueryData(key)).toEqual([{ ExposureTime: 1 }, statistics]);
  });
});
