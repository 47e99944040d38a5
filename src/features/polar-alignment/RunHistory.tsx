import { StatusPill, type Tone } from '../../components/StatusPill';
import { formatClockTime } from '../../lib/format';
import { formatPolarAngleArcmin } from '../../lib/polar-guidance';
import type { PolarRun } from '../../store/polar-history';
import { totalArcmin } from './run-presentation';

const statusPill: Record<PolarRun['status'], { tone: Tone; text: string }> = {
  running: { tone: 'info', text: 'Running' },
  aligned: { tone: 'ok', text: 'Aligned' },
  stopped: { tone: 'idle', text: 'Stopped' },
  unfinished: { tone: 'idle', text: 'Ended' },
};

function duration(run: PolarRun): string {
  const endMs = run.endedAtMs ?? run.readings.at(-1)?.atMs ?? run.lastEventAtMs;
  const minutes = Math.round((endMs - run.startedAtMs) / 60_000);
  return minutes < 1 ? 'under a minute' : `${minutes} min`;
}

/** This NINA's runs, newest first; choosing one shows it on the target and the chart. */
export function RunHistory({ runs, shownId, onShow }: { runs: readonly PolarRun[]; shownId: number | undefined; onShow: (id: number) => void }) {
  return (
    <ul className="space-y-1.5" aria-label="Polar alignment runs">
      {[...runs].reverse().map((run) => {
        const last = run.readings.at(-1);
        const first = run.readings[0];
        const pill = statusPill[run.status];
        const shown = run.id === shownId;
        return (
          <li key={run.id}>
            <button
              type="button"
              aria-pressed={shown}
              onClick={() => onShow(run.id)}
              className={`flex min-h-11 w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-2 text-left text-sm ${
                shown ? 'border-accent bg-accent/10' : 'border-border bg-surface-2 hover:border-muted'
              }`}
            >
              <span className="font-mono">{formatClockTime(run.startedAtMs).slice(0, 5)}</span>
              <StatusPill tone={pill.tone}>{pill.text}</StatusPill>
              <span className="text-muted">
                {duration(run)} · {run.readings.length} reading{run.readings.length === 1 ? '' : 's'}
              </span>
              {first && last ? (
                <span className="ml-auto font-mono">
                  {formatPolarAngleArcmin(totalArcmin(first))} → {formatPolarAngleArcmin(totalArcmin(last))}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
