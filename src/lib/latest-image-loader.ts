/**
 * Fetches, decodes and hands over one image at a time, for one place on screen (the camera's
 * viewer, a live-stack tile). While one is on its way a newer request waits, and only the newest
 * waiting request is fetched after it: a burst of IMAGE-PREPARED or STACK-UPDATED events costs two
 * downloads, not one per event. The decoded image is handed over as an object URL that
 * the receiver revokes once it shows a newer one.
 */

export interface DecodedImage {
  widthPx: number;
  heightPx: number;
}

export interface LoadedImage<T> extends DecodedImage {
  url: string;
  bytes: number;
  tag: T;
}

export interface ImageLoaderOptions<T> {
  fetch: (tag: T, signal: AbortSignal) => Promise<Blob>;
  onLoaded: (image: LoadedImage<T>) => void;
  onFailed: (tag: T, error: unknown) => void;
  onBusy?: (busy: boolean) => void;
  /** Decode before handing over, so the swap paints at once and never shows a half-drawn image. */
  decode?: (url: string) => Promise<DecodedImage>;
  createUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
}

export async function decodeInBrowser(url: string): Promise<DecodedImage> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return { widthPx: image.naturalWidth, heightPx: image.naturalHeight };
}

export class LatestImageLoader<T> {
  private inFlight: AbortController | undefined;
  private waiting: { tag: T } | undefined;
  private disposed = false;
  private readonly decode: (url: string) => Promise<DecodedImage>;
  private readonly createUrl: (blob: Blob) => string;
  private readonly revokeUrl: (url: string) => void;

  constructor(private readonly options: ImageLoaderOptions<T>) {
    this.decode = options.decode ?? decodeInBrowser;
    this.createUrl = options.createUrl ?? ((blob) => URL.createObjectURL(blob));
    this.revokeUrl = options.revokeUrl ?? ((url) => URL.revokeObjectURL(url));
  }

  request(tag: T): void {
    if (this.disposed) return;
    if (this.inFlight) {
      this.waiting = { tag };
      return;
    }
    void this.run(tag);
  }

  dispose(): void {
    this.disposed = true;
    this.waiting = undefined;
    this.inFlight?.abort();
  }

  private async run(tag: T): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.options.onBusy?.(true);
    let url: string | undefined;
    try {
      const blob = await this.options.fetch(tag, controller.signal);
      url = this.createUrl(blob);
      const size = await this.decode(url);
      if (this.disposed) throw new DOMException('The image is no longer shown', 'AbortError');
      this.options.onLoaded({ url, bytes: blob.size, tag, ...size });
      url = undefined;
    } catch (error) {
      if (url !== undefined) this.revokeUrl(url);
      if (!this.disposed) this.options.onFailed(tag, error);
    } finally {
      this.inFlight = undefined;
      const next = this.waiting;
      this.waiting = undefined;
      if (next && !this.disposed) void this.run(next.tag);
      else if (!this.disposed) this.options.onBusy?.(false);
    }
  }
}
