import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveStackFrames } from '../../store/livestack-frames';
import { useLiveStackUpdates } from '../../store/livestack-updates';
import { ninaKeys } from '../api/keys';
import type { NinaHttp } from '../http';
import { parseSocketFrame, type NinaEvent } from '../schemas/events';
import { stackKey, type LiveStackInfo, type LiveStackPair } from '../schemas/livestack';
import { liveStack } from './livestack';

const BASE = 'http://nina:1888';

function event(response: Record<string, unknown>): NinaEvent {
  const frame = parseSocketFrame(JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' }));
  if (frame.kind !== 'event') throw new Error(`not an event: ${JSON.stringify(frame)}`);
  return frame.event;
}

const saved = (statistics: Record<string, unknown>) =>
  event({ Event: 'IMAGE-SAVE', ImageStatistics: { ExposureTime: 120, ImageType: 'LIGHT', Filter: 'L', TargetName: 'M 42', ...statistics } });

describe('the live stack consumer', () => {
  let queryClient: QueryClient;
  const context = () => ({ http: { baseUrl: BASE } as NinaHttp, queryClient });

  beforeEach(() => {
    queryClient = new QueryClient();
    useLiveStackUpdates.setState({ baseUrl: undefined, stacks: {} });
    useLiveStackFrames.setState({ stacks: [] });
  });

  it('takes STACK-STATUS as the status', () => {
    liveStack([event({ Event: 'STACK-STATUS', Status: 'Running' })], context());
    expect(queryClient.getQueryData(ninaKeys.livestackStatus(BASE))).toBe('Running');
  });

  it('takes a STACK-UPDATED as the stack’s counts, lists a new stack, and tells its tile once per update', () => {
    queryClient.setQueryData<LiveStackPair[]>(ninaKeys.livestackAvailable(BASE), [{ Target: 'M 42', Filter: 'L' }]);
    liveStack(
      [
        // On the socket the counts a stack does not have are null (notes §11).
        event({ Event: 'STACK-UPDATED', Target: 'M 42', Filter: 'L', IsMonochrome: true, StackCount: 5, RedStackCount: null, GreenStackCount: null, BlueStackCount: null }),
        event({ Event: 'STACK-UPDATED', Target: 'M 42', Filter: 'RGB', IsMonochrome: false, StackCount: null, RedStackCount: 3, GreenStackCount: 2, BlueStackCount: 2 }),
      ],
      context(),
    );
    liveStack([event({ Event: 'STACK-UPDATED', Target: 'M 42', Filter: 'L', IsMonochrome: true, StackCount: 6 })], context());

    expect(queryClient.getQueryData<LiveStackInfo>(ninaKeys.livestackInfo(BASE, 'M 42', 'L'))).toMatchObject({ StackCount: 6, RedStackCount: undefined });
    expect(queryClient.getQueryData<LiveStackInfo>(ninaKeys.livestackInfo(BASE, 'M 42', 'RGB'))).toMatchObject({
      IsMonochrome: false,
      StackCount: undefined,
      RedStackCount: 3,
    });
    expect(queryClient.getQueryData(ninaKeys.livestackAvailable(BASE))).toEqual([
      { Target: 'M 42', Filter: 'L' },
      { Target: 'M 42', Filter: 'RGB' },
    ]);
    const { baseUrl, stacks } = useLiveStackUpdates.getState();
    expect(baseUrl).toBe(BASE);
    expect(stacks[stackKey('M 42', 'L')]?.revision).toBe(2);
    expect(stacks[stackKey('M 42', 'RGB')]?.revision).toBe(1);
  });

  it('leaves a list it has not read yet for NINA to answer', () => {
    liveStack([event({ Event: 'STACK-UPDATED', Target: 'M 42', Filter: 'L', IsMonochrome: true, StackCount: 1 })], context());
    expect(queryClient.getQueryData(ninaKeys.livestackAvailable(BASE))).toBeUndefined();
  });

  it('records the exposure of saved light frames per target and filter, as the plugin files them', () => {
    liveStack(
      [
        saved({}),
        saved({ ExposureTime: 120 }),
        saved({ Filter: null, TargetName: '' }),
        saved({ ImageType: 'FLAT' }),
        saved({ ImageType: 'SNAPSHOT', ExposureTime: 'NaN' }),
      ],
      context(),
    );
    const stacks = useLiveStackFrames.getState().stacks;
    expect(stacks).toEqual([
      expect.objectContaining({ target: 'M 42', filter: 'L', exposures: [{ exposureS: 120, frames: 2 }] }),
      expect.objectContaining({ target: 'No_target', filter: 'No_filter', exposures: [{ exposureS: 120, frames: 1 }] }),
    ]);
  });
});
