import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors, tooltipStyle } from '../../components/chart/chart-colors';
import { lttb } from '../../lib/downsample';
import { formatPolarAngleArcmin } from '../../lib/polar-guidance';
import type { PolarReading } from '../../store/polar-history';
import { CHART_FLOOR_ARCMIN, elapsedTick, errorAxis, errorTick } from './convergence-axis';

const CHART_HEIGHT = 200;
const AXES_WIDTH_PX = 60;

const series = [
  { key: 'total', name: 'Total', colour: chartColors.text, width: 2.5, pick: (reading: PolarReading) => reading.totalDeg },
  { key: 'azimuth', name: 'Azimuth', colour: chartColors.ra, width: 1.5, pick: (reading: PolarReading) => reading.azimuthDeg },
  { key: 'altitude', name: 'Altitude', colour: chartColors.dec, width: 1.5, pick: (reading: PolarReading) => reading.altitudeDeg },
] as const;

interface Row {
  x: number;
  /** Arcminutes, unsigned and at least the floor: the axis is logarithmic. */
  y: number;
}

function ConvergencePlot({ width, readings, goalArcmin }: { width: number; readings: readonly PolarReading[]; goalArcmin: number }) {
  const startMs = readings[0]?.atMs ?? 0;
  const maxPoints = Math.max(3, width - AXES_WIDTH_PX);
  const data = series.map((line) => ({
    ...line,
    rows: lttb(
      readings.map((reading): Row => ({ x: reading.atMs - startMs, y: Math.max(CHART_FLOOR_ARCMIN, Math.abs(line.pick(reading) * 60)) })),
      maxPoints,
    ),
  }));
  const axis = errorAxis(
    data.flatMap((line) => line.rows.map((row) => row.y)),
    goalArcmin,
  );
  const dots = readings.length <= 40;
  return (
    <LineChart width={width} height={CHART_HEIGHT} margin={{ top: 8, right: 8, bottom: 0, left: -4 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={elapsedTick} allowDuplicatedCategory={false} {...axisProps} />
      <YAxis dataKey="y" type="number" scale="log" domain={axis.domain} ticks={axis.ticks} allowDataOverflow tickFormatter={errorTick} {...axisProps} width={44} />
      <ReferenceLine y={goalArcmin} stroke={chartColors.ok} strokeDasharray="6 4" strokeWidth={1.5} />
      <Tooltip
        {...tooltipStyle}
        isAnimationActive={false}
        labelFormatter={(label) => (typeof label === 'number' ? `after ${elapsedTick(label)}` : String(label))}
        formatter={(value, name) => [formatPolarAngleArcmin(Number(value)), name]}
      />
      {data.map((line) => (
        <Line
          key={line.key}
          data={line.rows}
          dataKey="y"
          name={line.name}
          stroke={line.colour}
          strokeWidth={line.width}
          dot={dots ? { r: line.key === 'total' ? 2.5 : 1.5, fill: line.colour, stroke: 'none' } : false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/** Total, azimuth and altitude error over the run, on a log scale down to the goal line. */
export const ConvergenceChart = memo(function ConvergenceChart({ readings, goalArcmin }: { readings: readonly PolarReading[]; goalArcmin: number }) {
  if (readings.length < 2) {
    return <p className="text-sm text-muted">The error is charted here from the second reading on, one point per solve.</p>;
  }
  return (
    <div className="space-y-1" data-testid="convergence-chart" data-readings={readings.length}>
      <ChartFrame height={CHART_HEIGHT} label={`Polar alignment error over time, ${readings.length} readings, last total ${formatPolarAngleArcmin(Math.abs((readings.at(-1)?.totalDeg ?? 0) * 60))}`}>
        {(width) => ({
          chart: <ConvergencePlot width={width} readings={readings} goalArcmin={goalArcmin} />,
          // Each line is reduced to this many points by LTTB.
          points: Math.min(readings.length, Math.max(3, width - AXES_WIDTH_PX)),
        })}
      </ChartFrame>
      <p className="flex flex-wrap gap-x-4 text-xs text-muted">
        {series.map((line) => (
          <span key={line.key} className="flex items-center gap-1.5">
            <span aria-hidden className="h-0.5 w-4" style={{ background: line.colour }} /> {line.name.toLowerCase()}
          </span>
        ))}
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="w-4 border-t-2 border-dashed" style={{ borderColor: chartColors.ok }} /> goal {formatPolarAngleArcmin(goalArcmin)}
        </span>
        <span>size of the error, log scale</span>
      </p>
    </div>
  );
});
