import { memo, useState } from 'react';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Button } from '../../components/Button';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors, filterColor, tooltipStyle } from '../../components/chart/chart-colors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { clockTickFormatter, formatClockTime, formatInteger, formatNumber } from '../../lib/format';
import { niceTicksFromZero } from '../../lib/nice-ticks';
import { useNinaClient } from '../../nina/api/client-context';
import { thumbnailUrl } from '../../nina/api/images';
import { useHfrHistory, type HfrPoint } from '../../store/hfr-history';
import { filterCounts, hfrChartData, NO_FILTER, type ChartPoint, type HfrChartData } from './hfr-chart-data';

const CHART_HEIGHT = 240;
/** Left and right axes and margins, which hold no points. */
const AXES_WIDTH_PX = 96;

function FrameTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const { http } = useNinaClient();
  const item = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !item) return null;
  const { point } = item;
  return (
    <div style={tooltipStyle.contentStyle} className="w-48 space-y-1 p-2">
      {point.index !== null ? <img src={thumbnailUrl(http, point.index)} alt="" className="aspect-[3/2] w-full rounded bg-black object-cover" /> : null}
      <p className="font-medium">
        {point.index !== null ? `Frame #${point.index}` : 'Frame'} · {formatClockTime(point.atMs)}
      </p>
      <p>
        HFR {formatNumber(point.hfrPx, 2)} px · {formatInteger(point.stars)} stars
      </p>
      <p className="text-muted">
        {[point.filter ?? NO_FILTER, point.exposureS !== null ? `${formatNumber(point.exposureS, point.exposureS % 1 === 0 ? 0 : 2)} s` : undefined, point.targetName]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {point.index !== null ? <p className="text-xs text-muted">Click to open</p> : null}
    </div>
  );
}

function HfrPlot({ width, data, onOpen }: { width: number; data: HfrChartData; onOpen: (point: HfrPoint) => void }) {
  const hfrTicks = niceTicksFromZero(Math.max(0, ...data.byFilter.flatMap((group) => group.points.map((item) => item.y))), 5);
  const starTicks = niceTicksFromZero(Math.max(0, ...data.stars.map((item) => item.y)), 5);
  const open = (item: unknown) => {
    const chartPoint = (item as { payload?: ChartPoint } | undefined)?.payload;
    if (chartPoint) onOpen(chartPoint.point);
  };
  return (
    <ScatterChart width={width} height={CHART_HEIGHT} margin={{ top: 8, right: 4, bottom: 0, left: -8 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={data.domain} tickFormatter={clockTickFormatter(data.domain[1] - data.domain[0])} padding={{ left: 10, right: 10 }} {...axisProps} allowDuplicatedCategory={false} />
      <YAxis yAxisId="hfr" dataKey="y" type="number" domain={[0, hfrTicks.at(-1) ?? 1]} ticks={hfrTicks} interval={0} {...axisProps} width={44} />
      <YAxis yAxisId="stars" orientation="right" dataKey="y" type="number" domain={[0, starTicks.at(-1) ?? 1]} ticks={starTicks} interval={0} {...axisProps} width={44} />
      <Tooltip content={<FrameTooltip />} cursor={false} isAnimationActive={false} />
      {data.autofocusAtMs.map((atMs) => (
        <ReferenceLine
          key={atMs}
          x={atMs}
          yAxisId="hfr"
          stroke={chartColors.warn}
          strokeDasharray="4 3"
          label={{ value: 'AF', position: 'insideTopRight', fill: chartColors.warn, fontSize: 10 }}
        />
      ))}
      {/* A line without dots: in a ScatterChart, so hovering an HFR dot shows that frame (ComposedChart only has axis tooltips). */}
      <Scatter
        yAxisId="stars"
        data={data.stars}
        dataKey="y"
        name="Stars"
        line={{ stroke: chartColors.secondary, strokeOpacity: 0.55, strokeWidth: 1.5 }}
        shape={() => <g />}
        legendType="none"
        isAnimationActive={false}
      />
      {data.byFilter.map(({ filter, points: filterPoints }) => (
        <Scatter
          key={filter}
          yAxisId="hfr"
          data={filterPoints}
          dataKey="y"
          name={filter}
          fill={filterColor(filter === NO_FILTER ? undefined : filter)}
          isAnimationActive={false}
          onClick={open}
          className="cursor-pointer"
        />
      ))}
    </ScatterChart>
  );
}

/** HFR (left, dots coloured by filter) and star count (right, line) for every saved frame of the sky. */
export const HfrChart = memo(function HfrChart({ onOpen }: { onOpen: (point: HfrPoint) => void }) {
  const points = useHfrHistory((state) => state.points);
  const autofocusAtMs = useHfrHistory((state) => state.autofocusAtMs);
  const clear = useHfrHistory((state) => state.clear);
  const [confirming, setConfirming] = useState(false);
  const counts = filterCounts(points);
  const last = points.at(-1);
  const afCount = autofocusAtMs.filter((atMs) => points.length > 0 && atMs >= (points[0]?.atMs ?? 0)).length;

  return (
    <div className="space-y-2" data-testid="hfr-chart" data-points={points.length}>
      {points.length === 0 ? (
        <p className="text-sm text-muted">Each saved frame adds a point: its HFR and star count, coloured by filter.</p>
      ) : (
        <ChartFrame height={CHART_HEIGHT} label={`HFR and star count of ${points.length} saved frames`}>
          {(width) => {
            const data = hfrChartData(points, autofocusAtMs, width - AXES_WIDTH_PX);
            const drawn = Math.max(data.stars.length, data.byFilter.reduce((sum, group) => sum + group.points.length, 0));
            return { chart: <HfrPlot width={width} data={data} onOpen={onOpen} />, points: drawn };
          }}
        </ChartFrame>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <ul aria-label="Frames per filter" className="flex flex-wrap gap-x-3 gap-y-1">
          {counts.map(({ filter, count }) => (
            <li key={filter} className="flex items-center gap-1.5" data-filter={filter} data-count={count}>
              <span aria-hidden className="size-2.5 rounded-full" style={{ background: filterColor(filter === NO_FILTER ? undefined : filter) }} />
              {filter} <span className="text-muted">{count}</span>
            </li>
          ))}
        </ul>
        {points.length > 0 ? (
          <span className="flex items-center gap-1.5 text-muted">
            <span aria-hidden className="h-0.5 w-4" style={{ background: chartColors.secondary }} /> stars
          </span>
        ) : null}
        {afCount > 0 ? (
          <span className="flex items-center gap-1.5 text-muted">
            <span aria-hidden className="h-3 border-l-2 border-dashed" style={{ borderColor: chartColors.warn }} /> autofocus ({afCount})
          </span>
        ) : null}
        {last ? (
          <span className="text-muted" data-testid="hfr-last">
            Last: HFR {formatNumber(last.hfrPx, 2)} px, {formatInteger(last.stars)} stars{last.filter ? `, ${last.filter}` : ''}
          </span>
        ) : null}
        {points.length > 0 || autofocusAtMs.length > 0 ? (
          <Button variant="ghost" className="ml-auto" onClick={() => setConfirming(true)}>
            Clear
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Clear the HFR chart?"
        confirmLabel="Clear"
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          clear();
          setConfirming(false);
        }}
      >
        The points of this session are forgotten in this browser. NINA’s image history and the frames on disk stay.
      </ConfirmDialog>
    </div>
  );
});
