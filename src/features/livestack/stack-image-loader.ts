/**
 * Fetches and decodes one stack picture at a time for one place on screen. A request made while
 * another is on its way waits, and only the newest waiting one is fetched next: updates that
 * arrive faster than pictures download cost two downloads, not one each. The decoded picture is
 * handed over as an object URL that the receiver revokes when it shows the next one.
 */

export interface DecodedSize {
  widthPx: number;
  heightPx: number;
}

export interface LoadedPicture<T> extends DecodedSize {
  url: string;
  bytes: number;
  tag: T;
}

export interface PictureLoaderOptions<T> {
  fetch: (tag: T, signal: AbortSignal) => Promise<Blob>;
  onLoaded: (picture: LoadedPicture<T>) => void;
  onFailed: (tag: T, error: unknown) => void;
  onBusy: (busy: boolean) => void;
  /** Decoded before it is handed over, so the swap paints at once and never shows half a picture. */
  decode?: (url: string) => Promise<DecodedSize>;
  createUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
}

async function decodeInBrowser(url: string): Promise<DecodedSize> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return { widthPx: image.naturalWidth, heightPx: image.naturalHeight };
}

export class PictureLoader<T> {
  private inFlight: AbortController | undefined;
  private waiting: { tag: T } | undefined;
  private disposed = false;
  private readonly decode: (url: string) => Promise<DecodedSize>;
  private readonly createUrl: (blob: Blob) => string;
  private readonly revokeUrl: (url: string) => void;

  constructor(private readonly options: PictureLoaderOptions<T>) {
    this.decode = options.decode ?? decodeInBrowser;
    this.createUrl = options.createUrl ?? ((blob) => URL.createObjectURL(blob));
    this.revokeUrl = options.revokeUrl ?? ((url) => URL.revokeObjectURL(url));
  }

  request(tag: T): void {
    if (this.disposed) return;
    if (this.inFlight) this.waiting = { tag };
    else void this.run(tag);
  }

  dispose(): void {
    this.disposed = true;
    this.waiting = undefined;
    this.inFlight?.abort();
  }

  private async run(tag: T): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.options.onBusy(true);
    let url: string | undefined;
    try {
      const blob = await this.options.fetch(tag, controller.signal);
      url = this.createUrl(blob);
      const size = await this.decode(url);
      if (this.disposed) throw new DOMException('The picture is no longer shown', 'AbortError');
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
      else if (!this.disposed) this.options.onBusy(false);
    }
  }
}
