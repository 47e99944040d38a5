import { useMemo } from 'react';
import { Link } from 'wouter';
import { chartColors } from '../../components/chart/chart-colors';
import { StatusPill } from '../../components/StatusPill';
import { useInView } from '../../components/use-in-view';
import { DASH, formatNumber, isPresent } from '../../lib/format';
import { guideRms, rollingTotalRms } from '../../lib/guide-stats';
import { latestSteps } from '../../nina/api/guide-history';
import { useGuideHistory } from '../../nina/api/guider';
import type { DeviceSnapshot } from '../../nina/schemas/equipment-snapshot';
import { useGuideGraphSettings } from '../../store/guide-graph-settings';
import { deviceActivity } from './device-figures';

/** Steps per point of the trend: about forty seconds of guiding with PHD2's usual 2 s exposures. */
const TREND_WINDOW_STEPS = 20;
const SPARK_WIDTH = 240;
const SPARK_HEIGHT = 40;

function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  if (values.length < 2) return <div className="h-10 rounded bg-surface-2/60" role="img" aria-label={label} />;
  // Zero at the bottom, so the level reads as well as the trend; headroom keeps the line off the edge.
  const top = Math.max(...values) * 1.5 || 1;
  const points = values.map((value, index) => `${((index / (values.length - 1)) * SPARK_WIDTH).toFixed(1)},${(SPARK_HEIGHT - (value / top) * SPARK_HEIGHT).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`} preserveAspectRatio="none" className="h-10 w-full">
      <polyline points={points} fill="none" stroke={chartColors.accent} strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
    </svg>
  );
}

/** The guider at a glance: PHD2's state, the total RMS now and its trend over the guide graph. */
export function GuidingWidget({ snapshot }: { snapshot: DeviceSnapshot<'guider'> }) {
  const info = snapshot.ok ? snapshot.info : undefined;
  const guiding = info?.Connected === true && info.State === 'Guiding';
  const [ref, onScreen] = useInView<HTMLElement>();
  const history = useGuideHistory({ poll: guiding && onScreen });
  const settings = useGuideGraphSettings();

  const data = history.data;
  const arcsecPerPx = data?.pixelScaleArcsecPerPx ?? info?.PixelScale;
  const arcsec = isPresent(arcsecPerPx) && arcsecPerPx > 0 && settings.unit === 'arcsec';
  const factor = arcsec && arcsecPerPx ? arcsecPerPx : 1;
  const format = (px: number | undefined) => (isPresent(px) ? (arcsec ? `${formatNumber(px * factor, 2)}″` : `${formatNumber(px, 2)} px`) : DASH);

  const { rms, trend } = useMemo(() => {
    const steps = latestSteps(data, settings.historyLength).filter((step) => !step.dither);
    const rolling = rollingTotalRms(steps, TREND_WINDOW_STEPS);
    // The first values stand on a handful of steps and would draw a ramp up from zero.
    const settled = rolling.length > TREND_WINDOW_STEPS ? rolling.slice(TREND_WINDOW_STEPS - 1) : rolling.slice(Math.floor(rolling.length / 2));
    return { rms: guideRms(steps), trend: settled };
  }, [data, settings.historyLength]);

  if (!info?.Connected) return null;
  const activity = deviceActivity('guider', info);
  const hasSteps = rms.count > 0;
  const trendLabel = hasSteps
    ? `Total RMS over the last ${rms.count} steps, from ${format(Math.min(...trend))} to ${format(Math.max(...trend))}`
    : 'No guide steps yet';

  return (
    <section ref={ref} aria-label="Guiding" className="rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <header className="flex min-w-0 items-center gap-2">
          <h2 className="font-semibold">Guiding</h2>
          {activity ? (
            <span data-testid="guider-state">
              <StatusPill tone={activity.tone} pulse={info.State === 'LostLock'}>
                {activity.text}
              </StatusPill>
            </span>
          ) : null}
        </header>
        <dl className="flex items-baseline gap-4">
          <div>
            <dt className="text-xs text-muted">Total RMS</dt>
            <dd data-testid="widget-rms-total" className="font-mono text-lg font-semibold">
              {hasSteps ? format(rms.totalPx) : DASH}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted">RA / Dec</dt>
            <dd className="font-mono text-sm">{hasSteps ? `${format(rms.raPx)} / ${format(rms.decPx)}` : DASH}</dd>
          </div>
        </dl>
        <div className="min-w-40 flex-1">
          <p aria-hidden className="text-xs text-muted">
            Total RMS trend
          </p>
          <Sparkline values={trend} label={trendLabel} />
        </div>
        <Link href="/guiding" className="inline-flex min-h-11 items-center rounded-lg px-2 text-sm text-accent underline">
          Guide graph
        </Link>
      </div>
    </section>
  );
}
