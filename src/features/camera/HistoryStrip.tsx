import { useCallback, useEffect, useRef, useState } from 'react';
import { Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber } from '../../lib/format';
import { useNinaClient } from '../../nina/api/client-context';
import { thumbnailUrl } from '../../nina/api/images';
import type { ImageHistoryItem } from '../../nina/schemas/images';

/** The strip shows the newest frames; older ones stay in NINA's history and the HFR chart. */
const STRIP_LIMIT = 120;
/** Start loading a thumbnail this far before it scrolls into the strip. */
const PRELOAD_MARGIN = '0px 300px';

/** One IntersectionObserver for the whole strip, calling each thumbnail back once when it comes near. */
class LazyVisibility {
  private readonly callbacks = new Map<Element, () => void>();
  private readonly observer: IntersectionObserver;

  constructor(root: Element) {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const callback = this.callbacks.get(entry.target);
          this.stop(entry.target);
          callback?.();
        }
      },
      { root, rootMargin: PRELOAD_MARGIN },
    );
  }

  watch(element: Element, onVisible: () => void): () => void {
    this.callbacks.set(element, onVisible);
    this.observer.observe(element);
    return () => this.stop(element);
  }

  disconnect(): void {
    this.callbacks.clear();
    this.observer.disconnect();
  }

  private stop(element: Element): void {
    this.callbacks.delete(element);
    this.observer.unobserve(element);
  }
}

function Thumbnail({ index, item, selected, onOpen, observer }: {
  index: number;
  item: ImageHistoryItem;
  selected: boolean;
  onOpen: (index: number) => void;
  observer: LazyVisibility | undefined;
}) {
  const { http } = useNinaClient();
  const ref = useRef<HTMLButtonElement>(null);
  const [visible, setVisible] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element || !observer || visible) return;
    return observer.watch(element, () => setVisible(true));
  }, [observer, visible]);

  const label = `Open frame ${index}${item.Filter ? `, filter ${item.Filter}` : ''}${Number.isFinite(item.HFR) ? `, HFR ${formatNumber(item.HFR, 2)}` : ''}`;
  return (
    <li className="shrink-0">
      <button
        ref={ref}
        type="button"
        aria-label={label}
        aria-current={selected || undefined}
        onClick={() => onOpen(index)}
        className={`block w-28 overflow-hidden rounded-lg border text-left ${selected ? 'border-accent ring-2 ring-accent/50' : 'border-border hover:border-muted'}`}
      >
        <span className="block aspect-[3/2] bg-black">
          {visible && !failed ? (
            <img src={thumbnailUrl(http, index)} alt="" decoding="async" onError={() => setFailed(true)} className="size-full object-cover" />
          ) : failed ? (
            <span className="flex size-full items-center justify-center text-[10px] text-muted">No thumbnail</span>
          ) : null}
        </span>
        <span className="flex justify-between gap-1 bg-surface-2 px-1.5 py-1 text-[11px]">
          <span className="font-mono">#{index}</span>
          <span className="truncate text-muted">
            {item.Filter ?? item.ImageType}
            {Number.isFinite(item.HFR) ? ` ${formatNumber(item.HFR, 2)}` : ''}
          </span>
        </span>
      </button>
    </li>
  );
}

/** Saved frames as thumbnails, newest first, each loaded only when it scrolls into the strip. */
export function HistoryStrip({
  items,
  loading,
  error,
  selectedIndex,
  onOpen,
}: {
  items: readonly ImageHistoryItem[] | undefined;
  loading: boolean;
  error: unknown;
  selectedIndex: number | undefined;
  onOpen: (index: number) => void;
}) {
  const [observer, setObserver] = useState<LazyVisibility>();
  const stripRef = useCallback((root: HTMLOListElement | null) => {
    if (!root) return;
    const created = new LazyVisibility(root);
    setObserver(created);
    return () => created.disconnect();
  }, []);

  const total = items?.length ?? 0;
  const shown = items ? items.map((item, index) => ({ item, index })).slice(-STRIP_LIMIT).reverse() : [];

  return (
    <div className="space-y-2">
      {loading && !items ? (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner className="size-3" /> Reading NINA’s image history…
        </p>
      ) : null}
      {error !== null && error !== undefined && !items ? <ErrorNotice error={error} compact /> : null}
      {items && total === 0 ? <p className="text-sm text-muted">No saved frames yet. Frames captured with “Save in NINA” appear here.</p> : null}
      <ol ref={stripRef} aria-label="Saved frames, newest first" className="flex gap-2 overflow-x-auto pb-2" data-testid="history-strip">
        {shown.map(({ item, index }) => (
          <Thumbnail key={index} index={index} item={item} selected={index === selectedIndex} onOpen={onOpen} observer={observer} />
        ))}
      </ol>
      {total > STRIP_LIMIT ? <p className="text-xs text-muted">The newest {STRIP_LIMIT} of {total} saved frames.</p> : null}
    </div>
  );
}
