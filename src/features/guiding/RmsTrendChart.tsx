import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors, tooltipStyle } from '../../components/chart/chart-colors';
import { lttb } from '../../lib/downsample';
import { clockTickFormatter, formatClockTime, formatNumber } from '../../lib/format';
import { niceTicksFromZero } from '../../lib/nice-ticks';
import type { GuideUnit } from '../../store/guide-graph-settings';
import { RMS_BLOCK_MS, useGuidingRmsHistory, type RmsSample } from '../../store/guiding-rms-history';

const CHART_HEIGHT_PX = 160;
const AXES_WIDTH_PX = 56;
/** Samples further apart than this were not one stretch of guiding: the line breaks between them. */
const GAP_MS = 3 * RMS_BLOCK_MS;

interface Row {
  x: number;
  total: number | null;
  ra: number | null;
  dec: number | null;
}

/**
 * The samples as chart rows in `unit`, at most `maxPoints` of them: LTTB to half that, so the
 * rows that break the line at gaps cannot push the count over. Arcseconds need the pixel scale
 * NINA reported with a sample; a sample without one is left out of an arcsecond chart.
 */
export function trendRows(samples: readonly RmsSample[], unit: GuideUnit, maxPoints: number): Row[] {
  const inUnit = samples.filter((sample) => unit === 'px' || sample.arcsecPerPx !== null);
  const reduced = lttb(
    inUnit.map((sample) => ({ x: sample.atMs, y: sample.totalPx, sample })),
    Math.max(3, Math.floor(maxPoints / 2)),
  );
  const rows: Row[] = [];
  for (const [index, { sample }] of reduced.entries()) {
    const previous = reduced[index - 1];
    if (previous && sample.atMs - previous.sample.atMs > GAP_MS) rows.push({ x: previous.sample.atMs + 1, total: null, ra: null, dec: null });
    const factor = unit === 'arcsec' ? (sample.arcsecPerPx ?? 1) : 1;
    rows.push({ x: sample.atMs, total: sample.totalPx * factor, ra: sample.raPx * factor, dec: sample.decPx * factor });
  }
  return rows;
}

const lines = [
  { key: 'total', name: 'Total', colour: chartColors.text, width: 2 },
  { key: 'ra', name: 'RA', colour: chartColors.ra, width: 1.25 },
  { key: 'dec', name: 'Dec', colour: chartColors.dec, width: 1.25 },
] as const;

function TrendPlot({ width, rows, unit }: { width: number; rows: readonly Row[]; unit: GuideUnit }) {
  const ticks = niceTicksFromZero(Math.max(0, ...rows.map((row) => row.total ?? 0)), 4);
  const domain: [number, number] = [rows[0]?.x ?? 0, rows.at(-1)?.x ?? 1];
  const suffix = unit === 'arcsec' ? '″' : ' px';
  return (
    <LineChart width={width} height={CHART_HEIGHT_PX} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -4 }}>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={domain} tickFormatter={clockTickFormatter(domain[1] - domain[0])} {...axisProps} />
      <YAxis type="number" domain={[0, ticks.at(-1) ?? 1]} ticks={ticks} interval={0} tickFormatter={(value: number) => formatNumber(value, 1)} {...axisProps} width={48} />
      <Tooltip
        {...tooltipStyle}
        isAnimationActive={false}
        labelFormatter={(label) => (typeof label === 'number' ? formatClockTime(label) : String(label))}
        formatter={(value, name) => [`${formatNumber(Number(value), 2)}${suffix}`, name]}
      />
      {lines.map((line) => (
        <Line key={line.key} dataKey={line.key} name={line.name} stroke={line.colour} strokeWidth={line.width} dot={false} isAnimationActive={false} connectNulls={false} />
      ))}
    </LineChart>
  );
}

/** RMS minute by minute over the session, from the guide steps Skydeck read; kept across reloads. */
export function RmsTrendChart({ unit }: { unit: GuideUnit }) {
  const samples = useGuidingRmsHistory((state) => state.samples);
  const shown = samples.filter((sample) => unit === 'px' || sample.arcsecPerPx !== null).length;
  if (shown < 2) {
    return <p className="text-sm text-muted">Each minute of guiding watched here adds a point: RA, Dec and total RMS over the night, kept across reloads.</p>;
  }
  return (
    <div className="space-y-1" data-testid="rms-trend" data-samples={shown}>
      <ChartFrame height={CHART_HEIGHT_PX} label={`Guiding RMS over the session in ${unit === 'arcsec' ? 'arcseconds' : 'pixels'}, ${shown} minutes`}>
        {(width) => {
          const rows = trendRows(samples, unit, width - AXES_WIDTH_PX);
          return { chart: <TrendPlot width={width} rows={rows} unit={unit} />, points: rows.length };
        }}
      </ChartFrame>
      <p className="flex flex-wrap gap-x-4 text-xs text-muted">
        {lines.map((line) => (
          <span key={line.key} className="flex items-center gap-1.5">
            <span aria-hidden className="h-0.5 w-4" style={{ background: line.colour }} /> {line.name} RMS
          </span>
        ))}
        <span>one point per minute of guiding</span>
      </p>
    </div>
  );
}
