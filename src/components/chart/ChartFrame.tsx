import { isValidElement, type ReactNode } from 'react';
import { useElementWidth } from './use-element-width';

/** A plot and how many points it draws, for charts whose point count depends on the width. */
export interface SizedChart {
  chart: ReactNode;
  points: number;
}

const isSizedChart = (content: ReactNode | SizedChart): content is SizedChart =>
  typeof content === 'object' && content !== null && !isValidElement(content) && 'chart' in content && 'points' in content;

/**
 * A chart's box: fixed height, measured width. Children get the width so they can ask for no
 * more points than there are pixels, and render nothing until the width is known. The number of
 * points handed to the chart (`points`, or what the children return with the plot) is exposed
 * with the width as data attributes, so the night-long benchmark can check that no chart holds
 * more points than it has pixels.
 */
export function ChartFrame({
  height,
  label,
  points,
  children,
}: {
  height: number;
  label: string;
  points?: number;
  children: (width: number) => ReactNode | SizedChart;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const content = width > 0 ? children(width) : null;
  const sized = isSizedChart(content) ? content : undefined;
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ height }}
      className="w-full min-w-0"
      data-chart={label}
      data-points={sized?.points ?? points}
      data-width={width || undefined}
    >
      {sized ? sized.chart : (content as ReactNode)}
    </div>
  );
}
