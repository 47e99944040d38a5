import { isPresent } from '../../lib/format';
import { useHfrHistory, type HfrPoint } from '../../store/hfr-history';
import { describeError } from '../errors';
import type { ImageStatistics } from '../schemas/events';
import { imageCountSchema } from '../schemas/images';
import type { EventConsumer } from './types';

/** Frames of the sky; darks, biases and flats have no stars and would only pull the chart to zero. */
const SKY_FRAMES: ReadonlySet<string> = new Set(['LIGHT', 'SNAPSHOT']);

export function hfrPointOf(statistics: ImageStatistics, atMs: number): HfrPoint {
  return {
    atMs,
    hfrPx: isPresent(statistics.HFR) ? statistics.HFR : null,
    stars: statistics.Stars ?? 0,
    filter: statistics.Filter ?? null,
    imageType: statistics.ImageType ?? null,
    exposureS: isPresent(statistics.ExposureTime) ? statistics.ExposureTime : null,
    targetName: statistics.TargetName ?? null,
    ninaDate: statistics.Date ?? null,
    filename: statistics.Filename ?? null,
    index: null,
  };
}

/** Count requests run one after another, so each batch of saves is numbered after the one before. */
let indexing: Promise<void> = Promise.resolve();

/**
 * IMAGE-SAVE carries no index (notes §16a.26), but NINA numbers its history in save order: after
 * a batch of k saves the count c makes them c-k … c-1. The Camera view checks the frame before
 * opening it, in case another save slipped in before NINA answered.
 */
export const hfrHistory: EventConsumer = (events, { http }) => {
  const store = useHfrHistory.getState();
  const atMs = Date.now();
  const saves: ImageStatistics[] = [];
  for (const event of events) {
    if (!event.known) continue;
    if (event.name === 'AUTOFOCUS-FINISHED') store.addAutofocus(atMs);
    else if (event.name === 'IMAGE-SAVE') saves.push(event.data.ImageStatistics);
  }
  if (saves.length === 0) return;
  const sky = saves.filter((statistics) => SKY_FRAMES.has(statistics.ImageType?.toUpperCase() ?? ''));
  store.addPoints(sky.map((statistics) => hfrPointOf(statistics, atMs)));
  if (!sky.some((statistics) => statistics.Date)) return;
  indexing = indexing.then(async () => {
    try {
      const count = await http.get('/image-history', imageCountSchema, { query: { count: true } });
      saves.forEach((statistics, position) => {
        const index = count - saves.length + position;
        if (statistics.Date && index >= 0) useHfrHistory.getState().setIndex(statistics.Date, index);
      });
    } catch (error) {
      console.warn(`[skydeck] could not number the saved frames: ${describeError(error)}`);
    }
  });
};
