import type { ReactNode } from 'react';
import { useElementWidth } from './use-element-width';

/**
 * A chart's box: fixed height, measured width. Children get the width so they can ask for no
 * more points than there are pixels, and render nothing until the width is known. `points`, the
 * number of points handed to the chart, is exposed (with the width) as data attributes so the
 * night-long benchmark can check that no chart holds more points than it has pixels.
 */
export function ChartFrame({ height, label, points, children }: { height: number; label: string; points?: number; children: (width: number) => ReactNode }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref} role="img" aria-label={label} style={{ height }} className="w-full min-w-0" data-chart={label} data-points={points} data-width={width || undefined}>
      {width > 0 ? children(width) : null}
    </div>
  );
}
