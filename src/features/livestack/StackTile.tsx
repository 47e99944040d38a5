import { useEffect, useRef } from 'react';
import { Spinner } from '../../components/Button';
import { filterColor } from '../../components/chart/chart-colors';
import { useElementWidth } from '../../components/chart/use-element-width';
import { useInView } from '../../components/use-in-view';
import { useNow } from '../../components/use-now';
import { isNinaError } from '../../nina/errors';
import { formatCounts, formatIntegration, formatSubExposure } from './integration';
import type { StackTileRef } from './stack-groups';
import { usePageVisible, useStack } from './use-stack';
import { DEFAULT_STACK_ASPECT, useStackPicture } from './use-stack-picture';

/** "just now", "4 min ago", "2 h ago": when the stack last took a frame, as this page saw it. */
export function formatAgo(elapsedMs: number): string {
  const seconds = Math.max(0, Math.round(elapsedMs / 1000));
  if (seconds < 30) return 'just now';
  if (seconds < 90) return '1 min ago';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

const NO_PICTURE_ASPECT = 4;

function FilterBadge({ filter }: { filter: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1.5 truncate rounded-md bg-black/70 px-2 py-0.5 text-xs font-semibold text-fg">
      <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: filterColor(filter) }} />
      {filter}
    </span>
  );
}

export function StackTile({
  stack,
  paused,
  wide,
  onOpen,
  onHide,
}: {
  stack: StackTileRef;
  /** Takes both columns of a phone's grid: the colour stack, or a target's only stack. */
  wide: boolean;
  /** Covered by the large view: fetch nothing until it closes. */
  paused: boolean;
  onOpen: () => void;
  onHide: () => void;
}) {
  const { info, counts, update, integration, version } = useStack(stack);
  const [viewRef, inView] = useInView<HTMLElement>();
  const [boxRef, boxWidth] = useElementWidth<HTMLButtonElement>();
  const pageVisible = usePageVisible();
  const now = useNow(15_000, update !== undefined);
  const devicePixelRatio = window.devicePixelRatio || 1;
  const widthPx = Math.round(boxWidth * devicePixelRatio);
  const { state, retry } = useStackPicture({
    target: stack.target,
    filter: stack.filter,
    version,
    widthPx,
    enabled: !paused && inView && pageVisible,
  });
  const { picture, error, loading } = state;

  // NINA answers a stack it does not have with "Unknown error" (notes §11); its /info says why.
  const { refetch: recheckInfo } = info;
  const failedKey = state.failedKey;
  const ninaRefused = isNinaError(error) && error.kind === 'nina';
  const recheckedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (failedKey === undefined || !ninaRefused || recheckedFor.current === failedKey) return;
    recheckedFor.current = failedKey;
    void recheckInfo();
  }, [failedKey, ninaRefused, recheckInfo]);

  const showError = error !== undefined && failedKey !== undefined;
  // A failed tile without a picture shrinks its black box to a band: NINA's words under it matter more.
  const aspect = picture ? picture.widthPx / picture.heightPx : showError ? NO_PICTURE_ASPECT : DEFAULT_STACK_ASPECT;
  const label = `${stack.filter} stack of ${stack.target}`;

  return (
    <article
      ref={viewRef}
      aria-label={label}
      data-testid="stack-tile"
      data-target={stack.target}
      data-filter={stack.filter}
      data-count={formatCounts(counts)}
      className={`flex min-w-0 flex-col overflow-hidden rounded-lg border bg-surface-2 ${wide || showError ? 'col-span-2 sm:col-span-1' : ''} ${showError ? 'border-bad/60' : 'border-border'}`}
    >
      <button
        ref={boxRef}
        type="button"
        onClick={onOpen}
        disabled={!picture}
        aria-label={`Open the ${label} large`}
        style={{ aspectRatio: aspect }}
        className="relative block w-full overflow-hidden bg-black disabled:cursor-default"
      >
        {picture ? (
          <img
            src={picture.url}
            alt=""
            draggable={false}
            data-testid="stack-picture"
            data-version={picture.tag.version}
            data-width={picture.widthPx}
            className="size-full object-contain"
          />
        ) : null}
        <span className="pointer-events-none absolute inset-x-1.5 top-1.5 flex items-start justify-between gap-2">
          <FilterBadge filter={stack.filter} />
          {loading ? (
            <span role="status" aria-label="Loading the stack" className="rounded-md bg-black/70 p-1 text-fg">
              <Spinner className="size-3" />
            </span>
          ) : null}
        </span>
        {!picture && !showError ? (
          <span className="absolute inset-0 flex items-center justify-center p-3 text-center text-xs text-muted">
            {loading ? 'Loading the stack…' : 'Waiting for NINA…'}
          </span>
        ) : null}
      </button>

      <div className="flex flex-1 flex-col gap-0.5 px-2.5 py-2">
        <p className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
          <span data-testid="stack-count" className="font-medium">
            {formatCounts(counts)}
          </span>
          {integration ? (
            <span className="text-fg" title="Integration time: frames × exposure">
              {formatIntegration(integration)}
            </span>
          ) : null}
        </p>
        <p className="truncate text-xs text-muted">
          {[integration ? `${formatSubExposure(integration)} subs` : undefined, update ? formatAgo(now - update.updatedAtMs) : undefined]
            .filter(Boolean)
            .join(' · ') || '\u00a0'}
        </p>
        {showError ? (
          <div role="alert" data-testid="stack-error" className="mt-1 space-y-1 text-xs">
            <p className="break-words text-bad">
              {ninaRefused ? 'NINA says: ' : ''}
              {error instanceof Error ? error.message : String(error)}
            </p>
            {info.isError ? <p className="break-words text-muted">{info.error.message}</p> : null}
            <div className="flex gap-2 pt-1">
              <button type="button" onClick={retry} className="min-h-11 flex-1 rounded-lg border border-border bg-surface px-2 text-sm">
                Try again
              </button>
              <button type="button" onClick={onHide} className="min-h-11 flex-1 rounded-lg border border-border bg-surface px-2 text-sm" aria-label={`Remove the ${label}`}>
                Remove
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </article>
  );
}
