import { useImageActivity } from '../../store/image-activity';
import { ninaKeys } from '../api/keys';
import type { ImageHistoryItem } from '../schemas/images';
import type { EventConsumer } from './types';

/**
 * IMAGE-PREPARED, API-CAPTURE-FINISHED and IMAGE-SAVE feed the image-activity store the Camera view
 * follows, and each saved frame is appended to the cached image history (index = position), so
 * the history is not downloaded again after every frame.
 */
export const imageActivity: EventConsumer = (events, { http, queryClient }) => {
  const store = useImageActivity.getState();
  const atMs = Date.now();
  const saved: ImageHistoryItem[] = [];
  for (const event of events) {
    if (!event.known) continue;
    if (event.name === 'IMAGE-PREPARED') store.prepared(http.baseUrl, atMs);
    else if (event.name === 'API-CAPTURE-FINISHED') store.captureFinished(http.baseUrl, atMs);
    else if (event.name === 'IMAGE-SAVE') {
      store.saved(http.baseUrl, event.data.ImageStatistics);
      saved.push(event.data.ImageStatistics);
    }
  }
  if (saved.length === 0) return;
  const key = ninaKeys.imageHistory(http.baseUrl);
  // A download already under way may or may not include these frames: take its answer again instead.
  if (queryClient.isFetching({ queryKey: key }) > 0) {
    void queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  queryClient.setQueryData<ImageHistoryItem[]>(key, (items) => (items ? [...items, ...saved] : items));
};
