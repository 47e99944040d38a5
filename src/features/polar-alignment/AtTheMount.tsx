import { useEffect, useRef } from 'react';
import { formatPolarAngleArcmin, type PolarGuidance } from '../../lib/polar-guidance';
import type { TppaClientState, TppaCommandResult } from '../../nina/sockets/tppa';
import type { PolarRun, TppaLive } from '../../store/polar-history';
import { AxisReadout } from './AxisReadout';
import { TrendBadge, alignedSentence } from './GuidancePanel';
import { ProgressBar } from './ProgressBar';
import { phaseLabel, totalArcmin, type Goal, type Trend } from './run-presentation';
import { useForcedNightPalette } from './use-forced-night-palette';
import type { TppaCommands } from './use-tppa';

const bigButton = 'min-h-16 flex-1 rounded-2xl border-2 text-xl font-bold tracking-wide disabled:opacity-40';

/**
 * Full screen, red on black, numbers and arrows readable from a metre: for the person with one
 * hand on an adjuster and the phone propped on the tripod. Everything else is left out.
 */
export function AtTheMount({
  run,
  live,
  client,
  guidance,
  goal,
  trend,
  aligned,
  silence,
  commands,
  onLeave,
}: {
  run: PolarRun | undefined;
  live: TppaLive;
  client: TppaClientState;
  guidance: PolarGuidance | undefined;
  goal: Goal;
  trend: Trend | undefined;
  aligned: boolean;
  silence: string | undefined;
  commands: TppaCommands;
  onLeave: () => void;
}) {
  useForcedNightPalette(true);
  const leaveRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    leaveRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onLeave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLeave]);

  const last = run?.readings.at(-1);
  const running = run?.status === 'running';
  const linkDown = client.link !== 'open';
  const tone = aligned ? 'text-ok' : 'text-fg';
  const act = (result: TppaCommandResult) => {
    if (!result.ok) console.warn(`[skydeck] ${result.reason}`);
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="At the mount"
      data-testid="at-the-mount"
      className="fixed inset-0 z-50 flex flex-col overflow-y-auto bg-bg px-4 pt-[max(0.75rem,env(safe-area-inset-top))] pb-[max(1rem,env(safe-area-inset-bottom))] text-fg"
    >
      <header className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-lg font-semibold" data-testid="at-the-mount-phase">
            {aligned && running ? 'Aligned' : phaseLabel(run, live)}
            {last && running ? <span className="font-normal text-muted"> · reading {run.readings.length}</span> : null}
          </p>
          <p className="truncate text-sm text-muted">{linkDown ? 'Link to NINA down, reconnecting…' : live.status || (running ? 'Waiting for TPPA…' : ' ')}</p>
        </div>
        <button ref={leaveRef} type="button" onClick={onLeave} className="min-h-12 shrink-0 rounded-xl border-2 border-border px-4 text-base font-semibold">
          Leave
        </button>
      </header>

      <div className="flex flex-1 flex-col justify-center gap-6 py-4">
        {guidance && last && run ? (
          <>
            {aligned ? (
              <div className="rounded-2xl border-4 border-ok p-3 text-center text-ok" role="status">
                <p className="text-[min(14vw,5rem)] leading-none font-black tracking-wider">ALIGNED</p>
                <p className="mt-2 text-base text-fg">{alignedSentence(run, goal)}</p>
              </div>
            ) : null}
            <div className="grid gap-6 md:grid-cols-2 landscape:grid-cols-2">
              <AxisReadout label="Azimuth" advice={guidance.azimuth} size="huge" tone={tone} />
              <AxisReadout label="Altitude" advice={guidance.altitude} size="huge" tone={tone} />
            </div>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t-2 border-border pt-4">
              <p className="text-xl text-muted">
                Total <span className={`font-mono text-[min(10vw,3.5rem)] font-bold ${tone}`}>{formatPolarAngleArcmin(totalArcmin(last))}</span>
              </p>
              <TrendBadge trend={trend} className="text-xl" />
              <p className="text-base text-muted">
                {goal.sentToTppa ? 'tolerance' : 'goal'} {formatPolarAngleArcmin(goal.arcmin)}
              </p>
            </div>
          </>
        ) : (
          <div className="space-y-5 text-center">
            <p className="text-[min(12vw,4.5rem)] leading-none font-black">{running ? phaseLabel(run, live) : 'Not running'}</p>
            {running ? (
              <ProgressBar fraction={live.status ? live.fraction : undefined} label="TPPA’s progress" className="h-4" />
            ) : (
              <p className="text-xl text-muted">Start TPPA from the Polar alignment view; the arrows appear here with its first reading.</p>
            )}
          </div>
        )}
        {silence ? (
          <p role="alert" className="rounded-xl border-2 border-warn p-3 text-lg text-warn">
            {silence}
          </p>
        ) : null}
      </div>

      {running ? (
        <footer className="flex gap-3">
          {live.pause === 'none' ? (
            <button type="button" className={`${bigButton} border-border`} disabled={linkDown} onClick={() => act(commands.pause())}>
              Pause
            </button>
          ) : (
            <button type="button" className={`${bigButton} border-accent text-accent`} disabled={linkDown} onClick={() => act(commands.resume())}>
              Resume
            </button>
          )}
          <button type="button" className={`${bigButton} border-bad text-bad`} disabled={linkDown} onClick={() => act(commands.stop())}>
            Stop
          </button>
        </footer>
      ) : null}
    </div>
  );
}
