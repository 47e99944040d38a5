import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CloseIcon } from '../../components/icons';
import { useNow } from '../../components/use-now';
import { formatClockTime } from '../../lib/format';
import { formatCounts, formatIntegration, formatSubExposure } from './integration';
import type { StackTileRef } from './stack-groups';
import { formatAgo } from './StackTile';
import { useBoxSize } from '../../components/use-box-size';
import { MAX_ZOOM, usePanZoom, ZOOM_STEP } from './use-pan-zoom';
import { usePageVisible, useStack } from './use-stack';
import { DEFAULT_STACK_ASPECT, isWholeStack, useStackPicture } from './use-stack-picture';

/** Past this zoom a screen-sized picture runs out of pixels: the whole stack is fetched. */
const WHOLE_STACK_ZOOM = 1.25;

/**
 * One stack large, with pan and zoom, in a modal that fills a phone's screen. It follows the stack:
 * each STACK-UPDATED naming it brings the new picture, at the size the zoom needs.
 */
export function StackViewer({
  stack,
  stacks,
  onSelect,
  onClose,
}: {
  stack: StackTileRef;
  /** Every stack in the order the tiles show them, to step through without closing. */
  stacks: readonly StackTileRef[];
  onSelect: (key: string) => void;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { counts, update, integration, version } = useStack(stack);
  const pageVisible = usePageVisible();
  const now = useNow(15_000, update !== undefined);
  const [boxRef, box] = useBoxSize<HTMLDivElement>();
  const devicePixelRatio = window.devicePixelRatio || 1;
  const [zoomedIn, setZoomedIn] = useState(false);
  const { state, retry } = useStackPicture({
    target: stack.target,
    filter: stack.filter,
    version,
    widthPx: zoomedIn ? undefined : Math.round(box.width * devicePixelRatio),
    enabled: pageVisible,
  });
  const { picture, loading, error, failedKey } = state;
  const pictureSize = picture ? { width: picture.widthPx, height: picture.heightPx } : { width: DEFAULT_STACK_ASPECT, height: 1 };
  const panZoom = usePanZoom(boxRef, box, pictureSize, (zoom) => setZoomedIn(zoom > WHOLE_STACK_ZOOM));
  const { view, fit } = panZoom;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const position = stacks.findIndex((entry) => entry.key === stack.key);
  const step = (by: number) => {
    const next = stacks[(position + by + stacks.length) % stacks.length];
    if (next && next.key !== stack.key) onSelect(next.key);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') panZoom.zoomBy(ZOOM_STEP);
    else if (event.key === '-') panZoom.zoomBy(1 / ZOOM_STEP);
    else if (event.key === '0') panZoom.reset();
    else if (event.key === 'ArrowLeft' && view.zoom <= 1.01) step(-1);
    else if (event.key === 'ArrowRight' && view.zoom <= 1.01) step(1);
  };

  const whole = picture !== undefined && isWholeStack(picture);
  const zoomText =
    whole && fit.width > 0 ? `${Math.round(((fit.width * view.zoom) / picture.widthPx) * 100)} %` : `×${view.zoom.toFixed(1)}`;
  const title = `${stack.target} · ${stack.filter}`;

  return (
    <dialog
      ref={dialogRef}
      aria-label={`The ${stack.filter} stack of ${stack.target}`}
      data-testid="stack-viewer"
      onClose={onClose}
      onKeyDown={onKeyDown}
      className="m-0 h-dvh max-h-none w-screen max-w-none flex-col bg-surface p-0 open:flex text-fg backdrop:bg-black/80 sm:m-auto sm:h-[92dvh] sm:w-[min(96vw,90rem)] sm:rounded-xl sm:border sm:border-border"
    >
      <header className="flex items-center gap-2 border-b border-border px-3 py-1.5">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold">{title}</h2>
          <p className="text-xs text-muted" data-testid="viewer-summary">
            <span data-testid="viewer-count">{formatCounts(counts)}</span>
            {integration ? ` · ${formatIntegration(integration)} in ${formatSubExposure(integration)} subs` : ''}
            {update ? (
              <>
                {` · last frame ${formatAgo(now - update.updatedAtMs)}`}
                <span className="hidden sm:inline">{` (${formatClockTime(update.updatedAtMs)})`}</span>
              </>
            ) : null}
          </p>
        </div>
        <button
          type="button"
          aria-label="Close the large view"
          onClick={() => dialogRef.current?.close()}
          className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-surface-2"
        >
          <CloseIcon />
        </button>
      </header>

      <div
        ref={boxRef}
        role="img"
        aria-label={`${title}, ${formatCounts(counts)}`}
        data-testid="stack-stage"
        data-zoom={view.zoom.toFixed(2)}
        {...panZoom.handlers}
        onDoubleClick={(event) => event.preventDefault()}
        className={`relative min-h-0 flex-1 touch-none overflow-hidden bg-black select-none ${view.zoom > 1 ? 'cursor-grab active:cursor-grabbing' : ''}`}
      >
        {picture ? (
          <div
            className="absolute will-change-transform"
            style={{
              left: (box.width - fit.width) / 2,
              top: (box.height - fit.height) / 2,
              width: fit.width,
              height: fit.height,
              transform: `translate(${view.panX}px, ${view.panY}px) scale(${view.zoom})`,
            }}
          >
            <img
              src={picture.url}
              alt=""
              draggable={false}
              data-testid="viewer-picture"
              data-version={picture.tag.version}
              data-width={picture.widthPx}
              className="size-full"
              style={view.zoom * fit.width > picture.widthPx * 2 ? { imageRendering: 'pixelated' } : undefined}
            />
          </div>
        ) : null}
        {loading ? (
          <span role="status" className="pointer-events-none absolute top-2 right-2 flex items-center gap-1.5 rounded-md bg-black/70 px-2 py-0.5 text-xs text-fg">
            <Spinner className="size-3" /> {zoomedIn && !whole ? 'Full resolution…' : 'Loading…'}
          </span>
        ) : null}
        {error !== undefined && failedKey !== undefined ? (
          <div className="absolute inset-x-3 bottom-3 mx-auto max-w-md space-y-2">
            <ErrorNotice error={error} />
            <button type="button" onClick={retry} className="min-h-11 w-full rounded-lg border border-border bg-surface px-3 text-sm">
              Try again
            </button>
          </div>
        ) : null}
      </div>

      <footer className="flex flex-wrap items-center gap-2 border-t border-border px-3 py-2 pb-[max(0.5rem,env(safe-area-inset-bottom))]">
        <ToolButton label="Zoom out" onClick={() => panZoom.zoomBy(1 / ZOOM_STEP)} disabled={view.zoom <= 1.001}>
          −
        </ToolButton>
        <ToolButton label="Fit" pressed={view.zoom <= 1.01} onClick={panZoom.reset}>
          Fit
        </ToolButton>
        <ToolButton label="Zoom in" onClick={() => panZoom.zoomBy(ZOOM_STEP)} disabled={view.zoom >= MAX_ZOOM - 0.001}>
          +
        </ToolButton>
        <span className="min-w-14 font-mono text-sm text-muted" aria-live="polite">
          {view.zoom > 1.01 ? zoomText : 'Fit'}
        </span>
        <span className="ml-auto hidden text-xs text-muted lg:inline">Drag to pan · wheel or pinch to zoom · double-tap: zoom / fit · ← → other stacks</span>
        {stacks.length > 1 ? (
          <div className="ml-auto flex gap-2 lg:ml-0">
            <ToolButton label="Previous stack" onClick={() => step(-1)}>
              ‹
            </ToolButton>
            <ToolButton label="Next stack" onClick={() => step(1)}>
              ›
            </ToolButton>
          </div>
        ) : null}
      </footer>
    </dialog>
  );
}

function ToolButton({ label, onClick, disabled, pressed, children }: { label: string; onClick: () => void; disabled?: boolean; pressed?: boolean; children: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={`min-h-11 min-w-11 rounded-lg border px-3 text-base disabled:opacity-40 ${pressed ? 'border-accent bg-accent/15 text-accent' : 'border-border bg-surface-2'}`}
    >
      {children}
    </button>
  );
}
