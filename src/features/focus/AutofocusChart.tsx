import { CartesianGrid, ComposedChart, ErrorBar, Line, ReferenceLine, Scatter, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors } from '../../components/chart/chart-colors';
import { formatInteger, isPresent } from '../../lib/format';
import { niceTicks } from '../../lib/nice-ticks';
import type { AutofocusReport } from '../../nina/schemas/focuser';
import { fittedCurves, type CurveName } from './autofocus-curves';

export interface ChartPoint {
  positionSteps: number;
  hfr?: number;
}

export const curveColors: Record<CurveName, string> = {
  hyperbolic: chartColors.accent,
  quadratic: chartColors.secondary,
  leftTrend: chartColors.warn,
  rightTrend: chartColors.warn,
  gaussian: chartColors.ok,
};

const CHART_HEIGHT_PX = 260;
/**
 * The drawn fitted curves share this many samples: smooth at any width, and with the measured
 * points still fewer than a phone screen is pixels wide.
 */
const CURVE_SAMPLE_BUDGET = 160;
const MIN_SAMPLES_PER_CURVE = 32;

const xy = (points: readonly ChartPoint[]) =>
  points.filter((point) => isPresent(point.hfr)).map((point) => ({ x: point.positionSteps, y: point.hfr as number }));

function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const step = value > 8 ? 2 : value > 4 ? 1 : 0.5;
  return Math.ceil(value / step) * step;
}

/**
 * The V-curve: HFR against focuser position. Live points as NINA measures them; once the report is
 * in, its measured points with their error bars, the fitted curves and the chosen position. The
 * previous run stays behind it, faint, to compare.
 */
export function AutofocusChart({
  livePoints,
  report,
  previous,
  visibleCurves,
  label,
}: {
  livePoints: readonly ChartPoint[];
  report?: AutofocusReport;
  previous?: readonly ChartPoint[];
  visibleCurves: ReadonlySet<CurveName>;
  label: string;
}) {
  const measured = report
    ? report.measurePoints.filter((point) => isPresent(point.value)).map((point) => ({ x: point.positionSteps, y: point.value as number, error: point.error }))
    : [];
  const live = report ? [] : xy(livePoints);
  const faint = xy(previous ?? []).sort((a, b) => a.x - b.x);
  const finalX = report?.calculatedFocusPoint.positionSteps;

  // The previous run's span is in the frame too, so the chart does not rescale with every new point.
  const xs = [...measured, ...live, ...faint].map((point) => point.x).concat(isPresent(finalX) ? [finalX] : []);
  const maxMeasured = Math.max(0, ...measured.map((point) => point.y), ...live.map((point) => point.y), ...faint.map((point) => point.y));
  // "No stars" points carry an error of 1000 (notes §8); their bars would flatten the curve.
  const withErrors = measured.map((point) => ({
    ...point,
    errorY: isPresent(point.error) && point.error < maxMeasured ? point.error : 0,
  }));
  const maxY = niceCeiling(Math.max(maxMeasured, ...withErrors.map((point) => point.y + point.errorY)) * 1.08);

  const spanX = xs.length > 0 ? Math.max(...xs) - Math.min(...xs) : 0;
  const padX = Math.max(10, spanX * 0.06);
  const minX = xs.length > 0 ? Math.floor(Math.min(...xs) - padX) : 0;
  const maxX = xs.length > 0 ? Math.ceil(Math.max(...xs) + padX) : 1;

  const samplesPerCurve = Math.max(MIN_SAMPLES_PER_CURVE, Math.floor(CURVE_SAMPLE_BUDGET / Math.max(1, visibleCurves.size)));
  const curves = report ? fittedCurves(report, minX, maxX, samplesPerCurve).curves.filter((curve) => visibleCurves.has(curve.name)) : [];
  const latest = live.at(-1);
  // The live points are drawn twice (a line through them and the dots), the newest once more.
  const pointCount =
    faint.length + measured.length + 2 * live.length + (latest ? 1 : 0) + curves.reduce((sum, curve) => sum + curve.points.length, 0);

  return (
    <ChartFrame height={CHART_HEIGHT_PX} label={label} points={pointCount}>
      {(width) => (
        <ComposedChart width={width} height={CHART_HEIGHT_PX} margin={{ top: 16, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[minX, maxX]}
            allowDataOverflow
            ticks={niceTicks(minX, maxX, Math.max(3, Math.min(8, Math.floor(width / 80))))}
            tickFormatter={(value: number) => formatInteger(value)}
            {...axisProps}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[0, maxY]}
            allowDataOverflow
            width={40}
            ticks={niceTicks(0, maxY, 6)}
            tickFormatter={(value: number) => value.toFixed(1)}
            label={{ value: 'HFR', angle: -90, position: 'insideLeft', offset: 10, fill: chartColors.axis, fontSize: 11 }}
            {...axisProps}
          />
          {faint.length > 0 ? (
            <Line
              data={faint}
              dataKey="y"
              name="Previous run"
              stroke={chartColors.axis}
              strokeOpacity={0.45}
              strokeWidth={1}
              dot={{ r: 2, fill: chartColors.axis, fillOpacity: 0.45, strokeWidth: 0 }}
              isAnimationActive={false}
            />
          ) : null}
          {curves.map((curve) => (
            <Line
              key={curve.name}
              className={`fitted-curve-${curve.name}`}
              data={curve.points}
              dataKey="y"
              name={curve.name}
              stroke={curveColors[curve.name]}
              strokeWidth={2}
              strokeDasharray={curve.name === 'leftTrend' || curve.name === 'rightTrend' ? '6 4' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {isPresent(finalX) ? (
            <ReferenceLine
              x={finalX}
              stroke={chartColors.ok}
              strokeDasharray="4 3"
              label={{ value: formatInteger(finalX), position: 'top', fill: chartColors.ok, fontSize: 11 }}
            />
          ) : null}
          {withErrors.length > 0 ? (
            <Scatter data={withErrors} name="Measured" fill={chartColors.text} isAnimationActive={false}>
              <ErrorBar dataKey="errorY" direction="y" stroke={chartColors.text} strokeOpacity={0.7} width={4} isAnimationActive={false} />
            </Scatter>
          ) : null}
          {live.length > 0 ? (
            <>
              <Line data={[...live].sort((a, b) => a.x - b.x)} dataKey="y" stroke={chartColors.accent} strokeOpacity={0.35} dot={false} isAnimationActive={false} />
              <Scatter data={live} name="Measured" fill={chartColors.accent} isAnimationActive={false} />
            </>
          ) : null}
          {latest ? <Scatter data={[latest]} name="Latest" fill={chartColors.accent} shape="diamond" isAnimationActive={false} /> : null}
        </ComposedChart>
      )}
    </ChartFrame>
  );
}
