// LiveStack.cs (notes §11): the plugin's LiveStackWatcher (the last status and the last stack per
// target and filter, from the Livestack plugin's broadcasts; STACK-STATUS and STACK-UPDATED) and the
// /livestack routes. Start and stop only publish to the broker, so they always succeed.

import { envelopeReply } from '../../../http/reply';
import type { Router } from '../../../http/router';
import { encodeImage, normalizeQuality, resizeRequest, type ResizeRequest } from '../../../rig/imaging/image-codec';
import type { StackUpdate } from '../../../rig/livestack';
import { encodeRgb } from '../../../rig/livestack-stack';
import type { Rig } from '../../../rig/rig';
import { err, ok } from '../../../wire/envelope';
import { int, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';
import { binaryReply } from './image';

/** A stack's picture is re-encoded per request; the view asks for the same size again and again. */
const ENCODINGS_PER_STACK = 4;

/** LiveStackWatcher's static state since the plugin loaded. */
interface LiveStackWatcherState {
  /** "stopped" until the first status broadcast, then the LiveStackStatus name. */
  status: string;
  /** LiveStackHistory.Images: one entry per target and filter, the latest last. */
  images: StackUpdate[];
  encodings: WeakMap<StackUpdate, Map<string, { bytes: Buffer; png: boolean }>>;
}

const states = new WeakMap<Rig, LiveStackWatcherState>();

function stateOf(rig: Rig): LiveStackWatcherState {
  let state = states.get(rig);
  if (state === undefined) {
    state = { status: 'stopped', images: [], encodings: new WeakMap() };
    states.set(rig, state);
  }
  return state;
}

function encode(state: LiveStackWatcherState, update: StackUpdate, request: ResizeRequest, quality: number): { bytes: Buffer; png: boolean } {
  let cache = state.encodings.get(update);
  if (cache === undefined) {
    cache = new Map();
    state.encodings.set(update, cache);
  }
  const key = `${JSON.stringify(request)}:${quality}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const picture = update.picture();
  const encoded = picture.kind === 'mono' ? encodeImage(picture.image, request, quality) : encodeRgb(picture.image, request, quality);
  if (cache.size >= ENCODINGS_PER_STACK) cache.delete(cache.keys().next().value ?? key);
  cache.set(key, encoded);
  return encoded;
}

/** LiveStackWatcher: subscribes when the plugin loads, whether or not the Livestack plugin is there. */
export function startLiveStackWatcher(context: ApiContext): void {
  const { rig, events } = context;
  const state = stateOf(rig);
  rig.liveStack.statusBroadcast.subscribe((status) => {
    state.status = status;
    events.sendAndAddEvent('STACK-STATUS', { Status: status });
  });
  rig.liveStack.stackUpdateBroadcast.subscribe((update) => {
    state.images = state.images.filter((image) => !(image.filter === update.filter && image.target === update.target));
    state.images.push(update);
    const counts: Record<string, NetValue> = update.isMonochrome
      ? { StackCount: nullableInt(update.stackCount) }
      : {
          GreenStackCount: nullableInt(update.greenStackCount),
          RedStackCount: nullableInt(update.redStackCount),
          BlueStackCount: nullableInt(update.blueStackCount),
        };
    events.sendAndAddEvent('STACK-UPDATED', { Filter: update.filter, Target: update.target, IsMonochrome: update.isMonochrome, ...counts });
  });
}

function nullableInt(value: number | null): NetValue {
  return value === null ? null : int(value);
}

/** Filter and Target compare exactly (case-sensitive), the last match wins. */
function lastImage(state: LiveStackWatcherState, target: string, filter: string): StackUpdate | undefined {
  return state.images.findLast((image) => image.filter === filter && image.target === target);
}

export function registerLiveStackRoutes(router: Router, context: ApiContext): void {
  const { rig } = context;
  const state = stateOf(rig);

  /** Lowercase "stopped" until the plugin's first broadcast, then "Running"/"Stopped" (§16a.20). */
  router.get('/livestack/status', {}, () => ok(state.status));

  router.get('/livestack/start', {}, () => {
    rig.liveStack.start();
    return ok('Live stack started');
  });

  router.get('/livestack/stop', {}, () => {
    rig.liveStack.stop();
    return ok('Live stack stopped');
  });

  router.get('/livestack/image/available', {}, () => ok(state.images.map((image) => ({ Filter: image.filter, Target: image.target }))));

  router.getRaw(
    '/livestack/image/{target}/{filter}',
    { resize: queryField.boolean(), quality: queryField.int32(), size: queryField.string(), scale: queryField.double(), stream: queryField.boolean() },
    (query, request) => {
      const image = lastImage(state, request.params.target ?? '', request.params.filter ?? '');
      // GetLast dereferences LastOrDefault(...), so an unknown pair throws before its 404 branch: Unknown error.
      if (image === undefined) throw new Error('Object reference not set to an instance of an object.');
      const encoded = encode(state, image, resizeRequest(query.resize, query.size, query.scale), normalizeQuality(query.quality));
      // LiveStack.cs writes image/jpg, not image/jpeg (§16a.13).
      if (query.stream) return binaryReply(encoded.bytes, encoded.png ? 'image/png' : 'image/jpg');
      return envelopeReply(ok(encoded.bytes.toString('base64')));
    },
  );

  /** Null counts are omitted by STJ: a mono stack has only StackCount, a colour one only the channel counts. */
  router.get('/livestack/image/{target}/{filter}/info', {}, (_query, request) => {
    const image = lastImage(state, request.params.target ?? '', request.params.filter ?? '');
    if (image === undefined) return err('No image with specified filter and target found', 404);
    return ok({
      IsMonochrome: image.isMonochrome,
      StackCount: nullableInt(image.stackCount),
      RedStackCount: nullableInt(image.redStackCount),
      GreenStackCount: nullableInt(image.greenStackCount),
      BlueStackCount: nullableInt(image.blueStackCount),
      Filter: image.filter,
      Target: image.target,
    });
  });
}
