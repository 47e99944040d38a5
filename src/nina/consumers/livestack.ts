import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { isPresent } from '../../lib/format';
import { useLiveStackFrames, type SavedFrame } from '../../store/livestack-frames';
import { useLiveStackUpdates } from '../../store/livestack-updates';
import { ninaKeys } from '../api/keys';
import { isStackedImageType, stackKey, stackPairOfFrame, type LiveStackInfo, type LiveStackPair } from '../schemas/livestack';
import type { EventConsumer } from './types';

/** Apply what an event says to a cached reply; a request under way may predate the event, so it is asked again instead. */
function patchCache<T>(queryClient: QueryClient, queryKey: QueryKey, update: (data: T | undefined) => T | undefined): void {
  if (queryClient.isFetching({ queryKey, exact: true }) > 0) {
    void queryClient.invalidateQueries({ queryKey, exact: true });
    return;
  }
  queryClient.setQueryData<T>(queryKey, update);
}

/**
 * The live stack's events (notes §11, §13.3): STACK-STATUS is the status itself; STACK-UPDATED
 * carries the counts `/info` would answer, adds a stack `image/available` would now list, and tells
 * that stack's tile to fetch its new picture. IMAGE-SAVE records each light frame's exposure, for
 * the integration time per filter.
 */
export const liveStack: EventConsumer = (events, { http, queryClient }) => {
  const { baseUrl } = http;
  const atMs = Date.now();
  const updated: LiveStackPair[] = [];
  const saved: SavedFrame[] = [];
  for (const event of events) {
    if (!event.known) continue;
    if (event.name === 'STACK-STATUS') {
      patchCache<string>(queryClient, ninaKeys.livestackStatus(baseUrl), () => event.data.Status);
    } else if (event.name === 'STACK-UPDATED') {
      const { Target, Filter, IsMonochrome, StackCount, RedStackCount, GreenStackCount, BlueStackCount } = event.data;
      updated.push({ Target, Filter });
      const info: LiveStackInfo = { Target, Filter, IsMonochrome, StackCount, RedStackCount, GreenStackCount, BlueStackCount };
      patchCache<LiveStackInfo>(queryClient, ninaKeys.livestackInfo(baseUrl, Target, Filter), () => info);
    } else if (event.name === 'IMAGE-SAVE') {
      const statistics = event.data.ImageStatistics;
      if (!isStackedImageType(statistics.ImageType) || !isPresent(statistics.ExposureTime)) continue;
      saved.push({ pair: stackPairOfFrame(statistics.TargetName, statistics.Filter), exposureS: statistics.ExposureTime, atMs });
    }
  }
  useLiveStackFrames.getState().record(saved);
  if (updated.length === 0) return;
  patchCache<LiveStackPair[]>(queryClient, ninaKeys.livestackAvailable(baseUrl), (pairs) => {
    if (!pairs) return pairs;
    const known = new Set(pairs.map((pair) => stackKey(pair.Target, pair.Filter)));
    const added = updated.filter((pair) => {
      const key = stackKey(pair.Target, pair.Filter);
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    return added.length > 0 ? [...pairs, ...added] : pairs;
  });
  useLiveStackUpdates.getState().stacked(baseUrl, updated, atMs);
};
