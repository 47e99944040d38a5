import { describe, expect, it } from 'vitest';
import { LatestImageLoader, type LoadedImage } from './latest-image-loader';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup() {
  const fetches: { tag: string; blob: ReturnType<typeof deferred<Blob>> }[] = [];
  const loaded: LoadedImage<string>[] = [];
  const failed: string[] = [];
  const revoked: string[] = [];
  let nextUrl = 1;
  const loader = new LatestImageLoader<string>({
    fetch: (tag) => {
      const blob = deferred<Blob>();
      fetches.push({ tag, blob });
      return blob.promise;
    },
    onLoaded: (image) => loaded.push(image),
    onFailed: (tag) => failed.push(tag),
    decode: async (url) => (url === 'blob:bad' ? Promise.reject(new Error('not an image')) : { widthPx: 100, heightPx: 50 }),
    createUrl: (blob) => (blob.type === 'bad' ? 'blob:bad' : `blob:${nextUrl++}`),
    revokeUrl: (url) => revoked.push(url),
  });
  return { loader, fetches, loaded, failed, revoked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the latest-image loader', () => {
  it('fetches one image at a time and then only the newest request that waited', async () => {
    const { loader, fetches, loaded } = setup();
    loader.request('frame 1');
    loader.request('frame 2');
    loader.request('frame 3');
    expect(fetches.map((f) => f.tag)).toEqual(['frame 1']);
    fetches[0]!.blob.resolve(new Blob(['x']));
    await settle();
    expect(fetches.map((f) => f.tag)).toEqual(['frame 1', 'frame 3']);
    fetches[1]!.blob.resolve(new Blob(['yy']));
    await settle();
    expect(loaded.map((image) => [image.tag, image.url, image.bytes, image.widthPx])).toEqual([
      ['frame 1', 'blob:1', 1, 100],
      ['frame 3', 'blob:2', 2, 100],
    ]);
  });

  it('revokes the URL of an image that could not be decoded and reports the failure', async () => {
    const { loader, fetches, failed, revoked, loaded } = setup();
    loader.request('frame 1');
    fetches[0]!.blob.resolve(new Blob(['x'], { type: 'bad' }));
    await settle();
    expect(loaded).toEqual([]);
    expect(failed).toEqual(['frame 1']);
    expect(revoked).toEqual(['blob:bad']);
  });

  it('hands nothing over after it is disposed', async () => {
    const { loader, fetches, loaded, failed } = setup();
    loader.request('frame 1');
    loader.dispose();
    fetches[0]!.blob.resolve(new Blob(['x']));
    await settle();
    expect(loaded).toEqual([]);
    expect(failed).toEqual([]);
  });
});

/** With the abort signal, failures and busy state recorded. */
function harness() {
  const fetches: { tag: string; signal: AbortSignal; reply: ReturnType<typeof deferred<Blob>> }[] = [];
  const loaded: LoadedImage<string>[] = [];
  const failed: { tag: string; error: unknown }[] = [];
  const busy: boolean[] = [];
  const revoked: string[] = [];
  let urls = 0;
  const loader = new LatestImageLoader<string>({
    fetch: (tag, signal) => {
      const reply = deferred<Blob>();
      fetches.push({ tag, signal, reply });
      return reply.promise;
    },
    onLoaded: (picture) => loaded.push(picture),
    onFailed: (tag, error) => failed.push({ tag, error }),
    onBusy: (value) => busy.push(value),
    decode: async () => ({ widthPx: 400, heightPx: 267 }),
    createUrl: () => `blob:${++urls}`,
    revokeUrl: (url) => revoked.push(url),
  });
  return { loader, fetches, loaded, failed, busy, revoked };
}

describe('the latest-image loader, as a live-stack tile uses it', () => {
  it('fetches one picture at a time and, after it, only the newest of those asked for meanwhile', async () => {
    const { loader, fetches, loaded, busy } = harness();
    loader.request('update 1');
    loader.request('update 2');
    loader.request('update 3');
    expect(fetches.map((fetch) => fetch.tag)).toEqual(['update 1']);
    fetches[0]!.reply.resolve(new Blob(['a']));
    await settle();
    expect(fetches.map((fetch) => fetch.tag)).toEqual(['update 1', 'update 3']);
    fetches[1]!.reply.resolve(new Blob(['bb']));
    await settle();
    expect(loaded.map((picture) => [picture.tag, picture.url, picture.bytes, picture.widthPx])).toEqual([
      ['update 1', 'blob:1', 1, 400],
      ['update 3', 'blob:2', 2, 400],
    ]);
    expect(busy).toEqual([true, true, false]);
  });

  it('reports a failure with its request and goes on with the next', async () => {
    const { loader, fetches, failed, loaded } = harness();
    loader.request('unknown stack');
    loader.request('next update');
    fetches[0]!.reply.reject(new Error('Unknown error'));
    await settle();
    expect(failed).toEqual([{ tag: 'unknown stack', error: new Error('Unknown error') }]);
    fetches[1]!.reply.resolve(new Blob(['x']));
    await settle();
    expect(loaded.map((picture) => picture.tag)).toEqual(['next update']);
  });

  it('aborts the download when disposed and hands over nothing', async () => {
    const { loader, fetches, loaded, failed, revoked } = harness();
    loader.request('update 1');
    loader.dispose();
    expect(fetches[0]!.signal.aborted).toBe(true);
    fetches[0]!.reply.resolve(new Blob(['late']));
    await settle();
    expect(loaded).toEqual([]);
    expect(failed).toEqual([]);
    expect(revoked).toEqual(['blob:1']);
    loader.request('update 2');
    expect(fetches).toHaveLength(1);
  });
});
