import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { actualPixelsZoom, clampView, FIT_VIEW, fitSize, pinch, zoomAt, type Point, type Size, type ViewState } from '../../lib/view-transform';
import type { ImageRequest, ImageSource } from '../../nina/api/images';
import { useBoxSize } from '../../components/use-box-size';
import { frameKeyOf, initialViewerImageState, isFullResolution, useViewerImageLoader, type ViewerImageState, type ViewerTag } from './use-viewer-image';
import { linkIsSlow, qualityFor, stretchFor, useViewerSettings } from './viewer-settings';

/** Past this zoom the screen-sized image runs out of pixels: the full frame is fetched. */
const FULL_RESOLUTION_ZOOM = 1.25;
const MIN_MAX_ZOOM = 8;
const DOUBLE_TAP_MS = 300;
const TAP_SLOP_PX = 10;
const DOUBLE_TAP_SLOP_PX = 30;
const WHEEL_ZOOM_PER_PX = 0.0015;
const DEFAULT_ASPECT = 3 / 2;

interface Gesture {
  start: ViewState;
  from: Map<number, Point>;
}

function networkConnection(): { saveData?: boolean; effectiveType?: string } | undefined {
  return (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
}

export function ImageViewer({
  source,
  liveSeq,
  onShowLive,
  newerFrame,
}: {
  source: ImageSource;
  liveSeq: number;
  onShowLive: () => void;
  /** A newer frame was prepared while an older one is shown. */
  newerFrame: boolean;
}) {
  const settings = useViewerSettings();
  const [boxRef, box] = useBoxSize<HTMLDivElement>();
  const [imageState, setImageState] = useState<ViewerImageState>(initialViewerImageState);
  const [view, setView] = useState<ViewState>(FIT_VIEW);
  const [fullFor, setFullFor] = useState<string>();
  /**
   * A double tap at fit asked for 100 % around this point: shown once a full frame is on screen, and
   * kept for the frames after it until the person pans, zooms or taps again.
   */
  const [pendingActualAt, setPendingActualAt] = useState<Point | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const pointers = useRef(new Map<number, Point>());
  const lastTap = useRef<{ atMs: number; point: Point } | null>(null);
  const downAt = useRef<{ atMs: number; point: Point } | null>(null);

  const { image } = imageState;
  const frameKey = frameKeyOf(source, liveSeq);
  const devicePixelRatio = window.devicePixelRatio || 1;
  const widthPx = Math.round(box.width * devicePixelRatio);
  const imageSize: Size = image ? { width: image.widthPx, height: image.heightPx } : { width: DEFAULT_ASPECT, height: 1 };
  const fit = fitSize(box, imageSize);
  const maxZoom = Math.max(MIN_MAX_ZOOM, image ? actualPixelsZoom(fit, image.widthPx) * 4 : MIN_MAX_ZOOM);

  // A server whose frames are narrower than the screen already sends them whole.
  const serverSendsWhole = image !== undefined && image.tag.request.size !== undefined && isFullResolution(image);
  const keptFull = image !== undefined && image.tag.full && image.tag.frameKey === frameKey;
  const full = !serverSendsWhole && (keptFull || fullFor === frameKey || view.zoom > FULL_RESOLUTION_ZOOM || pendingActualAt !== null);

  const request: ImageRequest = {
    source,
    size: full ? undefined : { widthPx: Math.max(1, widthPx), heightPx: Math.max(1, Math.round(widthPx / (imageSize.width / imageSize.height))) },
    quality: qualityFor(settings.format, linkIsSlow(networkConnection())),
    stretch: stretchFor(settings),
  };
  const tag: ViewerTag = { request, frameKey, full };
  const key = JSON.stringify({ frameKey, full, size: request.size?.widthPx, quality: request.quality, stretch: request.stretch });
  const ready = box.width > 0;
  useViewerImageLoader(tag, ready ? key : '', imageState, setImageState);

  const pendingApplies = pendingActualAt !== null && image !== undefined && isFullResolution(image);
  const shownView =
    pendingApplies && pendingActualAt ? clampView(zoomAt(FIT_VIEW, actualPixelsZoom(fit, image.widthPx), pendingActualAt), box, fit, maxZoom) : view;

  const commit = (next: ViewState) => {
    const clamped = clampView(next, box, fit, maxZoom);
    setPendingActualAt(null);
    setView(clamped);
    if (clamped.zoom > FULL_RESOLUTION_ZOOM && image && !isFullResolution(image)) setFullFor(frameKey);
  };

  const toggleFitActual = (point: Point) => {
    if (shownView.zoom > 1.01) {
      setPendingActualAt(null);
      setView(FIT_VIEW);
      return;
    }
    if (image && isFullResolution(image) && image.tag.frameKey === frameKey) {
      commit(zoomAt(FIT_VIEW, actualPixelsZoom(fit, image.widthPx), point));
      return;
    }
    setPendingActualAt(point);
  };

  const pointIn = (event: { clientX: number; clientY: number }, element: HTMLElement): Point => {
    const rect = element.getBoundingClientRect();
    return { x: event.clientX - rect.left - rect.width / 2, y: event.clientY - rect.top - rect.height / 2 };
  };

  const restartGesture = (base: ViewState) => {
    gesture.current = pointers.current.size > 0 ? { start: base, from: new Map(pointers.current) } : null;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks cannot be captured; the gesture still works inside the viewer.
    }
    const point = pointIn(event, event.currentTarget);
    pointers.current.set(event.pointerId, point);
    downAt.current = pointers.current.size === 1 ? { atMs: event.timeStamp, point } : null;
    restartGesture(shownView);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(event.pointerId) || !gesture.current) return;
    pointers.current.set(event.pointerId, pointIn(event, event.currentTarget));
    const { start, from } = gesture.current;
    const ids = [...pointers.current.keys()];
    if (ids.length >= 2) {
      const [a, b] = ids as [number, number];
      const fromA = from.get(a);
      const fromB = from.get(b);
      if (!fromA || !fromB) return;
      commit(pinch(start, { a: fromA, b: fromB }, { a: pointers.current.get(a)!, b: pointers.current.get(b)! }));
      return;
    }
    const id = ids[0];
    const origin = id === undefined ? undefined : from.get(id);
    const now = id === undefined ? undefined : pointers.current.get(id);
    if (!origin || !now || start.zoom <= 1) return;
    commit({ ...start, panX: start.panX + now.x - origin.x, panY: start.panY + now.y - origin.y });
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    const point = pointIn(event, event.currentTarget);
    pointers.current.delete(event.pointerId);
    restartGesture(shownView);
    const down = downAt.current;
    downAt.current = null;
    if (event.type !== 'pointerup' || !down || pointers.current.size > 0) return;
    const isTap = event.timeStamp - down.atMs < DOUBLE_TAP_MS * 2 && Math.hypot(point.x - down.point.x, point.y - down.point.y) < TAP_SLOP_PX;
    if (!isTap) return;
    const previous = lastTap.current;
    if (previous && event.timeStamp - previous.atMs < DOUBLE_TAP_MS && Math.hypot(point.x - previous.point.x, point.y - previous.point.y) < DOUBLE_TAP_SLOP_PX) {
      lastTap.current = null;
      toggleFitActual(point);
    } else {
      lastTap.current = { atMs: event.timeStamp, point };
    }
  };

  // Wheel zoom needs a non-passive listener to keep the page from scrolling; at fit without Ctrl the page scrolls as usual.
  useEffect(() => {
    const element = boxRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && view.zoom <= 1) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const anchor = { x: event.clientX - rect.left - rect.width / 2, y: event.clientY - rect.top - rect.height / 2 };
      commit(zoomAt(shownView, shownView.zoom * Math.exp(-event.deltaY * WHEEL_ZOOM_PER_PX), anchor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });

  const aspect = image ? image.widthPx / image.heightPx : DEFAULT_ASPECT;
  // A percentage only means something against the full frame; a screen-sized image shows the zoom factor.
  const imageIsFull = image !== undefined && isFullResolution(image);
  const zoomPercent = image && imageIsFull && fit.width > 0 ? Math.round(((fit.width * shownView.zoom) / image.widthPx) * 100) : undefined;
  const zoomText = zoomPercent !== undefined ? `${zoomPercent} %` : `×${shownView.zoom.toFixed(1)}`;
  const waitingForFull = pendingActualAt !== null && !pendingApplies;

  return (
    <div className="space-y-2">
      <div
        ref={boxRef}
        role="img"
        aria-label={source.kind === 'live' ? 'The image NINA prepared last' : `Saved frame ${source.index}`}
        data-testid="image-viewer"
        data-zoom={shownView.zoom.toFixed(2)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onDoubleClick={(event) => event.preventDefault()}
        style={{ aspectRatio: aspect }}
        className={`relative max-h-[70vh] w-full touch-none overflow-hidden rounded-lg bg-black select-none ${shownView.zoom > 1 ? 'cursor-grab active:cursor-grabbing' : ''}`}
      >
        {image ? (
          <div
            className="absolute will-change-transform"
            style={{
              left: (box.width - fit.width) / 2,
              top: (box.height - fit.height) / 2,
              width: fit.width,
              height: fit.height,
              transform: `translate(${shownView.panX}px, ${shownView.panY}px) scale(${shownView.zoom})`,
            }}
          >
            <img
              src={image.url}
              alt=""
              draggable={false}
              data-testid="viewer-image"
              data-frame={image.tag.frameKey}
              data-width={image.widthPx}
              data-bytes={image.bytes}
              className="size-full [image-rendering:auto]"
              style={shownView.zoom * fit.width > image.widthPx * 2 ? { imageRendering: 'pixelated' } : undefined}
            />
            {settings.crosshair ? (
              <svg aria-hidden viewBox="0 0 100 100" preserveAspectRatio="none" className="pointer-events-none absolute inset-0 size-full" data-testid="crosshair">
                <line x1="50" y1="0" x2="50" y2="100" stroke="var(--color-bad)" strokeWidth="1" vectorEffect="non-scaling-stroke" opacity="0.8" />
                <line x1="0" y1="50" x2="100" y2="50" stroke="var(--color-bad)" strokeWidth="1" vectorEffect="non-scaling-stroke" opacity="0.8" />
              </svg>
            ) : null}
          </div>
        ) : null}

        <div className="pointer-events-none absolute inset-x-2 top-2 flex items-start justify-between gap-2">
          <span className="rounded-md bg-black/60 px-2 py-0.5 text-xs font-medium text-fg">
            {source.kind === 'live' ? 'Live' : `Frame #${source.index}`}
            {shownView.zoom > 1.01 ? ` · ${zoomText}` : ''}
          </span>
          {imageState.loading ? (
            <span role="status" className="flex items-center gap-1.5 rounded-md bg-black/60 px-2 py-0.5 text-xs text-fg">
              <Spinner className="size-3" /> {waitingForFull ? 'Full resolution…' : 'Loading…'}
            </span>
          ) : null}
        </div>

        {!image && !imageState.loading && imageState.empty ? (
          <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-muted">NINA has no image yet. Take one with Capture.</p>
        ) : null}
        {!image && imageState.error !== undefined ? (
          <div className="absolute inset-0 flex items-center justify-center p-4">
            <ErrorNotice error={imageState.error} />
          </div>
        ) : null}
      </div>

      {image && imageState.error !== undefined ? <ErrorNotice error={imageState.error} compact /> : null}

      <div className="flex flex-wrap items-center gap-2">
        <ToolbarButton label="Fit" pressed={shownView.zoom <= 1.01} onClick={() => commit(FIT_VIEW)} />
        <ToolbarButton label="100 %" pressed={zoomPercent === 100 && shownView.zoom > 1.01} onClick={() => toggleFitActual({ x: 0, y: 0 })} disabled={!image} />
        <ToolbarButton label="Crosshair" pressed={settings.crosshair} onClick={() => settings.change({ crosshair: !settings.crosshair })} />
        {source.kind === 'history' ? (
          <button type="button" onClick={onShowLive} className="min-h-11 rounded-lg border border-accent/60 bg-accent/15 px-3 text-sm font-medium text-accent">
            {newerFrame ? 'New frame: back to live' : 'Back to live'}
          </button>
        ) : null}
        <span className="ml-auto hidden text-xs text-muted sm:inline">Double-tap: fit / 100 %</span>
      </div>
    </div>
  );
}

function ToolbarButton({ label, pressed, onClick, disabled }: { label: string; pressed: boolean; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={`min-h-11 min-w-11 rounded-lg border px-3 text-sm disabled:opacity-50 ${pressed ? 'border-accent bg-accent/15 text-accent' : 'border-border bg-surface-2'}`}
    >
      {label}
    </button>
  );
}
