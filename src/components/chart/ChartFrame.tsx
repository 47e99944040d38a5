import type { ReactNode } from 'react';
import { useElementWidth } from './use-element-width';

/**
 * A chart's box: fixed height, measured width. Children get the width so they can ask for no
 * more points than there are pixels, and render nothing until the width is known.
 */
export function ChartFrame({ height, label, children }: { height: number; label: string; children: (width: number) => ReactNode }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref} role="img" aria-label={label} style={{ height }} className="w-full min-w-0">
      {width > 0 ? children(width) : null}
    </div>
  );
}
