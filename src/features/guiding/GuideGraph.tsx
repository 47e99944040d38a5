import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors, tooltipStyle } from '../../components/chart/chart-colors';
import { formatNumber, formatSigned } from '../../lib/format';
import type { GuideStep } from '../../nina/schemas/guider';
import type { GuideUnit } from '../../store/guide-graph-settings';
import { axisDecimals, buildGraphModel, formatGuideValue, symmetricTicks } from './graph-data';

const CHART_HEIGHT_PX = 260;
/** Room for the axis labels: the plot itself is narrower than the frame. */
const DISTANCE_AXIS_WIDTH_PX = 44;
const DURATION_AXIS_WIDTH_PX = 58;

export interface GuideGraphProps {
  steps: readonly GuideStep[];
  unit: GuideUnit;
  arcsecPerPx: number | undefined;
  yScale: number | 'auto';
  showCorrections: boolean;
}

const seriesName: Record<string, string> = { ra: 'RA', dec: 'Dec', raMs: 'RA pulse', decMs: 'Dec pulse' };

/**
 * RA and Dec distance from the lock position, PHD2 style (RA blue, Dec red), with the correction
 * pulses as bars on their own axis and NINA's dither markers as dashed lines.
 */
export function GuideGraph({ steps, unit, arcsecPerPx, yScale, showCorrections }: GuideGraphProps) {
  const unitLabel = unit === 'arcsec' ? 'arcseconds' : 'pixels';
  return (
    <ChartFrame height={CHART_HEIGHT_PX} label={`Guide graph: RA and Dec error in ${unitLabel} over the last ${steps.length} steps`}>
      {(width) => {
        const plotWidth = width - DISTANCE_AXIS_WIDTH_PX - (showCorrections ? DURATION_AXIS_WIDTH_PX : 8);
        const model = buildGraphModel(steps, { unit, arcsecPerPx, yScale, maxPoints: plotWidth });
        const decimals = axisDecimals(model.yLimit);
        const stepWidthPx = plotWidth / Math.max(1, (model.lastId ?? 0) - (model.firstId ?? 0) + 1);
        // RA and Dec bars overlap (translucent) so each can take most of a step's width.
        const barSizePx = Math.max(1, Math.floor(stepWidthPx * 0.7));
        const chart = (
          <div data-testid="guide-graph" data-dither-markers={model.ditherIds.length} data-y-limit={model.yLimit}>
            <ComposedChart
              width={width}
              height={CHART_HEIGHT_PX}
              data={model.rows}
              margin={{ top: 6, right: showCorrections ? 0 : 8, bottom: 6, left: 0 }}
              barGap={-barSizePx}
              barSize={barSizePx}
            >
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="2 4" vertical={false} />
              <XAxis dataKey="id" type="number" domain={[model.firstId ?? 0, model.lastId ?? 1]} allowDataOverflow hide />
              <YAxis
                yAxisId="distance"
                domain={[-model.yLimit, model.yLimit]}
                ticks={symmetricTicks(model.yLimit)}
                interval={0}
                allowDataOverflow
                width={DISTANCE_AXIS_WIDTH_PX}
                tickFormatter={(value: number) => (value === 0 ? '0' : formatSigned(value, decimals))}
                {...axisProps}
              />
              {showCorrections ? (
                <YAxis
                  yAxisId="duration"
                  orientation="right"
                  domain={[-model.durationLimitMs, model.durationLimitMs]}
                  ticks={[-model.durationLimitMs, 0, model.durationLimitMs]}
                  interval={0}
                  allowDataOverflow
                  width={DURATION_AXIS_WIDTH_PX}
                  tickFormatter={(value: number) => (value === 0 ? '0' : `${formatSigned(value, 0)}\u00a0ms`)}
                  {...axisProps}
                />
              ) : null}
              {showCorrections ? (
                <>
                  <Bar yAxisId="duration" dataKey="raMs" fill={chartColors.ra} fillOpacity={0.45} isAnimationActive={false} />
                  <Bar yAxisId="duration" dataKey="decMs" fill={chartColors.dec} fillOpacity={0.45} isAnimationActive={false} />
                </>
              ) : null}
              <ReferenceLine yAxisId="distance" y={0} stroke={chartColors.axis} strokeOpacity={0.7} />
              {model.ditherIds.map((id) => (
                <ReferenceLine
                  key={id}
                  yAxisId="distance"
                  x={id}
                  stroke={chartColors.warn}
                  strokeDasharray="4 3"
                  strokeWidth={1.5}
                  className="dither-marker"
                  ifOverflow="hidden"
                />
              ))}
              <Line yAxisId="distance" dataKey="ra" stroke={chartColors.ra} strokeWidth={1.75} dot={false} isAnimationActive={false} />
              <Line yAxisId="distance" dataKey="dec" stroke={chartColors.dec} strokeWidth={1.75} dot={false} isAnimationActive={false} />
              <Tooltip
                {...tooltipStyle}
                isAnimationActive={false}
                labelFormatter={(label) => `Step ${String(label)}`}
                formatter={(value, name) => {
                  const key = String(name);
                  const number = typeof value === 'number' ? value : Number(value);
                  const text = key.endsWith('Ms') ? `${formatNumber(number, 0)} ms` : formatGuideValue(number, unit);
                  return [text, seriesName[key] ?? key];
                }}
              />
            </ComposedChart>
          </div>
        );
        return { chart, points: model.rows.length };
      }}
    </ChartFrame>
  );
}
