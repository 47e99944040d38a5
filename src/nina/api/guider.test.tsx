import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { NinaEndpoints } from '../endpoints';
import { NinaError } from '../errors';
import type { NinaHttp } from '../http';
import { NinaClientProvider } from './client-context';
import { guideHistoryQuery, useGuiderCommand, useStartGuiding } from './guider';

const BASE = 'http://nina:1888';

/** A NINA that answers each path with what `replies` says, recording the calls. */
function fakeHttp(replies: Record<string, () => unknown>) {
  const calls: string[] = [];
  const http: NinaHttp = {
    baseUrl: BASE,
    get: async (path, schema, options) => {
      calls.push(options?.query ? `${path}?${new URLSearchParams(options.query as Record<string, string>).toString()}` : path);
      const reply = replies[path];
      if (!reply) throw new Error(`unexpected ${path}`);
      return schema.parse(reply());
    },
    getBlob: () => Promise.reject(new Error('no images here')),
  };
  return { http, calls };
}

function wrapperFor(http: NinaHttp, queryClient: QueryClient) {
  const client = { http, endpoints: {} as NinaEndpoints };
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <NinaClientProvider client={client}>{children}</NinaClientProvider>
    </QueryClientProvider>
  );
}

const step = (id: number) => ({ Id: id, RADistanceRaw: id / 10, RADuration: 0, DECDistanceRaw: 0, DECDuration: 0, Dither: 'NaN' });

describe('guideHistoryQuery', () => {
  it('keeps the same data object while NINA’s ChangeId stands still, and extends it when steps arrive', async () => {
    let graph = { ChangeId: 7, PixelScale: 3.87, Scale: 'PIXELS', HistorySize: 100, GuideSteps: [step(0), step(1)] };
    const { http } = fakeHttp({ '/equipment/guider/graph': () => graph });
    const queryClient = new QueryClient();
    const options = { ...guideHistoryQuery(http, false), staleTime: 0 };
    const first = await queryClient.fetchQuery(options);
    const again = await queryClient.fetchQuery(options);
    expect(again).toBe(first);
    graph = { ...graph, ChangeId: 8, GuideSteps: [step(1), step(2)] };
    const next = await queryClient.fetchQuery(options);
    expect(next.steps.map((s) => s.id)).toEqual([0, 1, 2]);
  });
});

describe('useStartGuiding', () => {
  it('sends calibrate as true/false and reads PHD2’s state back, since NINA says “Guiding started” regardless', async () => {
    const { http, calls } = fakeHttp({
      '/equipment/guider/start': () => 'Guiding started',
      '/equipment/guider/info': () => ({ Connected: true, State: 'Stopped' }),
    });
    const { result } = renderHook(() => useStartGuiding(), { wrapper: wrapperFor(http, new QueryClient()) });
    act(() => result.current.mutate({ calibrate: true }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({ reply: 'Guiding started', stateAfter: 'Stopped' });
    expect(calls[0]).toBe('/equipment/guider/start?calibrate=true');
  });
});

describe('useGuiderCommand', () => {
  it('explains a refused clear-calibration, which NINA reports as Success false with “Calibration cleared”', async () => {
    const http: NinaHttp = {
      baseUrl: BASE,
      get: () =>
        Promise.reject(
          new NinaError({ kind: 'nina', path: '/equipment/guider/clear-calibration', statusCode: 200, response: 'Calibration cleared', message: 'NINA reported that /equipment/guider/clear-calibration failed' }),
        ),
      getBlob: () => Promise.reject(new Error('no images here')),
    };
    const { result } = renderHook(() => useGuiderCommand(), { wrapper: wrapperFor(http, new QueryClient()) });
    act(() => result.current.mutate({ kind: 'clear-calibration' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('The guider did not clear its calibration (NINA answered “Calibration cleared” with Success false)');
  });

  it('passes “Guider not connected” through as NINA wrote it', async () => {
    const http: NinaHttp = {
      baseUrl: BASE,
      get: () => Promise.reject(new NinaError({ kind: 'nina', path: '/equipment/guider/stop', statusCode: 409, ninaError: 'Guider not connected', message: 'Guider not connected' })),
      getBlob: () => Promise.reject(new Error('no images here')),
    };
    const { result } = renderHook(() => useGuiderCommand(), { wrapper: wrapperFor(http, new QueryClient()) });
    act(() => result.current.mutate({ kind: 'stop' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('Guider not connected');
  });
});
