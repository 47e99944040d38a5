import { describe, expect, it } from 'vitest';
import { LatestImageLoader, type LoadedImage } from './image-loader';

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
