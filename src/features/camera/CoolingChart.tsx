import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors, tooltipStyle } from '../../components/chart/chart-colors';
import { lttb } from '../../lib/downsample';
import { clockTickFormatter, formatClockTime, formatNumber, formatSigned } from '../../lib/format';
import type { CoolingSample } from '../../store/cooling-history';
import { temperatureAxis } from './chart-time';

const CHART_HEIGHT = 180;
const AXES_WIDTH_PX = 96;

interface Row {
  x: number;
  y: number;
}

/** One series of the samples, without gaps the camera reported as "NaN", reduced to the chart's pixels. */
function series(samples: readonly CoolingSample[], pick: (sample: CoolingSample) => number | null, maxPoints: number): Row[] {
  const rows = samples.flatMap((sample) => {
    const value = pick(sample);
    return value === null ? [] : [{ x: sample.atMs, y: value }];
  });
  return lttb(rows, Math.max(3, Math.floor(maxPoints)));
}

interface CoolingSeries {
  temperature: Row[];
  setPoint: Row[];
  power: Row[];
}

function coolingSeries(samples: readonly CoolingSample[], maxPoints: number): CoolingSeries {
  return {
    temperature: series(samples, (sample) => sample.temperatureC, maxPoints),
    setPoint: series(samples, (sample) => (sample.coolerOn ? sample.setPointC : null), maxPoints),
    power: series(samples, (sample) => sample.powerPercent, maxPoints),
  };
}

function CoolingPlot({ width, samples, lines }: { width: number; samples: readonly CoolingSample[]; lines: CoolingSeries }) {
  const { temperature, setPoint, power } = lines;
  const domain: [number, number] = [samples[0]?.atMs ?? 0, samples.at(-1)?.atMs ?? 0];
  const degrees = temperatureAxis([...temperature, ...setPoint].map((row) => row.y));
  return (
    <LineChart width={width} height={CHART_HEIGHT} margin={{ top: 8, right: 4, bottom: 0, left: -8 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={domain} tickFormatter={clockTickFormatter(domain[1] - domain[0])} {...axisProps} allowDuplicatedCategory={false} />
      <YAxis yAxisId="temperature" dataKey="y" type="number" domain={degrees.domain} ticks={degrees.ticks} tickFormatter={(value: number) => formatSigned(value, 0)} {...axisProps} width={44} />
      <YAxis yAxisId="power" orientation="right" dataKey="y" type="number" domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} {...axisProps} width={44} />
      <Tooltip
        {...tooltipStyle}
        isAnimationActive={false}
        labelFormatter={(label) => (typeof label === 'number' ? formatClockTime(label) : String(label))}
        formatter={(value, name) => [name === 'Cooler power' ? `${formatNumber(Number(value), 0)} %` : `${formatSigned(Number(value), 1)} °C`, name]}
      />
      <Line yAxisId="temperature" data={temperature} dataKey="y" name="Sensor" stroke={chartColors.accent} strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line
        yAxisId="temperature"
        data={setPoint}
        dataKey="y"
        name="Set point"
        stroke={chartColors.axis}
        strokeDasharray="5 4"
        dot={false}
        isAnimationActive={false}
      />
      <Line yAxisId="power" data={power} dataKey="y" name="Cooler power" stroke={chartColors.warn} strokeOpacity={0.8} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}

export function CoolingChart({ samples }: { samples: readonly CoolingSample[] }) {
  if (samples.length < 2) {
    return <p className="text-sm text-muted">The sensor temperature and cooler power are charted every 5 s while this view is open.</p>;
  }
  return (
    <div className="space-y-1">
      <ChartFrame height={CHART_HEIGHT} label={`Sensor temperature and cooler power, ${samples.length} samples`}>
        {(width) => {
          const lines = coolingSeries(samples, width - AXES_WIDTH_PX);
          return { chart: <CoolingPlot width={width} samples={samples} lines={lines} />, points: Math.max(lines.temperature.length, lines.setPoint.length, lines.power.length) };
        }}
      </ChartFrame>
      <p className="flex flex-wrap gap-x-4 text-xs text-muted">
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-4" style={{ background: chartColors.accent }} /> sensor °C
        </span>
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="w-4 border-t-2 border-dashed" style={{ borderColor: chartColors.axis }} /> set point
        </span>
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-4" style={{ background: chartColors.warn }} /> cooler power %
        </span>
      </p>
    </div>
  );
}
