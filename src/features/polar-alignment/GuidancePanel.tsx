import { memo } from 'react';
import { useNow } from '../../components/use-now';
import { formatPolarAngleArcmin, type Hemisphere, type PolarGuidance } from '../../lib/polar-guidance';
import type { PolarRun } from '../../store/polar-history';
import { AxisReadout } from './AxisReadout';
import { Bullseye } from './Bullseye';
import { totalArcmin, type Goal, type Trend } from './run-presentation';

const trendWords: Record<Trend['direction'], string> = { better: 'better', worse: 'worse', steady: 'steady' };
const trendGlyph: Record<Trend['direction'], string> = { better: '▼', worse: '▲', steady: '≈' };

export function TrendBadge({ trend, className = '' }: { trend: Trend | undefined; className?: string }) {
  if (!trend) return null;
  const tone = trend.direction === 'better' ? 'text-ok border-ok/50' : trend.direction === 'worse' ? 'text-warn border-warn/50' : 'text-muted border-border';
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 font-semibold ${tone} ${className}`} data-testid="trend" data-trend={trend.direction}>
      <span aria-hidden>{trendGlyph[trend.direction]}</span>
      {trend.direction === 'steady' ? 'steady' : `${formatPolarAngleArcmin(trend.changeArcmin)} ${trendWords[trend.direction]}`}
    </span>
  );
}

/** What "aligned" means for this run, in one sentence. */
export function alignedSentence(run: PolarRun, goal: Goal): string {
  if (run.status === 'aligned') return 'TPPA finished by itself: the error is within the tolerance sent with the start.';
  if (run.status !== 'running') return 'This was the last reading of the run.';
  return goal.sentToTppa ? 'TPPA finishes by itself after this reading.' : 'TPPA keeps measuring: stop it when you are done.';
}

/** The current reading: which way to turn each adjuster and by how much, and the target. */
export const GuidancePanel = memo(function GuidancePanel({
  run,
  guidance,
  hemisphere,
  goal,
  trend,
  aligned,
}: {
  run: PolarRun | undefined;
  guidance: PolarGuidance | undefined;
  hemisphere: Hemisphere | undefined;
  goal: Goal;
  trend: Trend | undefined;
  aligned: boolean;
}) {
  const last = run?.readings.at(-1);
  const now = useNow(1_000, last !== undefined && run?.status === 'running');
  const tone = aligned ? 'text-ok' : 'text-accent';
  const bullseye = <Bullseye readings={run?.readings ?? []} hemisphere={hemisphere} goalArcmin={goal.arcmin} aligned={aligned} />;
  if (!guidance || !last || !run) {
    return (
      <div className="grid items-center gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <p className="text-sm text-muted">
          {run?.status === 'running'
            ? 'TPPA measures three points first; its readings start once it has calculated the error. Then turn the adjusters as the arrows say and watch the dot move to the centre.'
            : 'Start TPPA to see which way to turn the altitude and azimuth adjusters, and by how much.'}
        </p>
        {bullseye}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {aligned ? (
        <div role="status" className="rounded-lg border-2 border-ok bg-ok/15 p-3 text-ok" data-testid="aligned-banner">
          <p className="text-2xl font-bold tracking-wide">✓ Aligned</p>
          <p className="text-sm text-fg">
            Total error {formatPolarAngleArcmin(totalArcmin(last))} is within {formatPolarAngleArcmin(goal.arcmin)}. {alignedSentence(run, goal)}
          </p>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <AxisReadout label="Azimuth" advice={guidance.azimuth} tone={tone} />
        <AxisReadout label="Altitude" advice={guidance.altitude} tone={tone} />
      </div>
      <div className="grid items-center gap-4 border-t border-border pt-4 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <p className="text-sm text-muted">
              Total{' '}
              <span className={`ml-1 font-mono text-3xl font-bold ${tone}`} data-testid="total-error">
                {formatPolarAngleArcmin(totalArcmin(last))}
              </span>
            </p>
            <TrendBadge trend={trend} className="text-sm" />
          </div>
          <p className="text-sm text-muted">
            {goal.sentToTppa ? 'Tolerance' : 'Goal'} {formatPolarAngleArcmin(goal.arcmin)}
            {goal.sentToTppa ? ', sent to TPPA with the start' : ': TPPA’s own tolerance is unknown here'}
          </p>
          <p className="text-sm" data-testid="guidance-text">
            {guidance.text}
          </p>
          <p className="text-xs text-muted">
            Reading {run.readings.length}
            {run.status === 'running' ? `, ${Math.max(0, Math.round((now - last.atMs) / 1000))} s ago` : ''}. Arrows as seen standing behind the mount, facing the pole.
          </p>
        </div>
        {bullseye}
      </div>
    </div>
  );
});
