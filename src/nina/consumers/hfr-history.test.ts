import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { useHfrHistory } from '../../store/hfr-history';
import type { NinaHttp } from '../http';
import type { ImageStatistics, NinaEvent } from '../schemas/events';
import { hfrHistory } from './hfr-history';

const save = (fields: Partial<ImageStatistics>): NinaEvent =>
  ({ name: 'IMAGE-SAVE', known: true, data: { ImageStatistics: { ExposureTime: 60, ImageType: 'LIGHT', Stars: 800, HFR: 2.1, Filter: 'R', ...fields } } }) as NinaEvent;
const event = (name: string) => ({ name, known: true, data: {} }) as NinaEvent;

function context(count: number) {
  const http: NinaHttp = {
    baseUrl: 'http://nina',
    get: async <S extends z.ZodType>(_path: string, schema: S) => schema.parse(count),
    getBlob: () => Promise.reject(new Error('no images')),
  };
  return { http, queryClient: new QueryClient() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the HFR history consumer', () => {
  beforeEach(() => useHfrHistory.getState().clear());

  it('adds one point per saved frame of the sky, with its filter, and numbers it from NINA’s count', async () => {
    hfrHistory([save({ Date: 'd1', Filename: 'a.fits' }), save({ Date: 'd2', Filter: 'G', HFR: Number.NaN, Stars: 0 })], context(7));
    const { points } = useHfrHistory.getState();
    expect(points.map((point) => [point.filter, point.hfrPx, point.stars])).toEqual([
      ['R', 2.1, 800],
      ['G', null, 0],
    ]);
    await settle();
    expect(useHfrHistory.getState().points.map((point) => point.index)).toEqual([5, 6]);
  });

  it('leaves darks, flats and biases out of the chart but counts them when numbering', async () => {
    hfrHistory([save({ ImageType: 'DARK', Date: 'd0' }), save({ ImageType: 'SNAPSHOT', Date: 'd1' })], context(3));
    await settle();
    expect(useHfrHistory.getState().points.map((point) => [point.imageType, point.index])).toEqual([['SNAPSHOT', 2]]);
  });

  it('marks when autofocus runs finished', () => {
    hfrHistory([event('AUTOFOCUS-STARTING'), event('AUTOFOCUS-FINISHED')], context(0));
    expect(useHfrHistory.getState().autofocusAtMs).toHaveLength(1);
  });
});
