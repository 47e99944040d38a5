import { filterColor } from '../../components/chart/chart-colors';
import { formatExposureS, statusPresentation } from './presentation';
import type { PlanRowProgress } from './sequence-progress';

const toneText = { ok: 'text-ok', warn: 'text-warn', bad: 'text-bad', idle: 'text-muted', info: 'text-accent' } as const;

function groupsOf(rows: readonly PlanRowProgress[]): { group: string; rows: PlanRowProgress[] }[] {
  const groups: { group: string; rows: PlanRowProgress[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}

function Row({ row }: { row: PlanRowProgress }) {
  const { label, tone } = statusPresentation[row.status];
  const filter = row.filter && row.filter !== 'Current' ? row.filter : undefined;
  const settings = [
    row.imageType && row.imageType !== 'LIGHT' ? row.imageType.toLowerCase() : undefined,
    row.gain !== undefined && row.gain >= 0 ? `gain ${row.gain}` : undefined,
    row.offset !== undefined && row.offset >= 0 ? `offset ${row.offset}` : undefined,
    row.binning && row.binning !== '1x1' ? `bin ${row.binning}` : undefined,
  ].filter(Boolean);
  return (
    <li
      data-testid="plan-row"
      data-status={row.status}
      data-filter={filter ?? ''}
      className={`rounded-lg border px-3 py-2 ${row.status === 'RUNNING' ? 'border-accent bg-accent/10' : 'border-border'}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="inline-flex min-w-12 items-center gap-1.5 font-medium">
          <span aria-hidden className="size-2.5 rounded-full" style={{ background: filterColor(filter) }} />
          {filter ?? 'No filter change'}
        </span>
        <span className="font-mono text-sm">{formatExposureS(row.exposureTimeS)}</span>
        {settings.length > 0 ? <span className="text-xs text-muted">{settings.join(' · ')}</span> : null}
        <span className={`ml-auto text-xs font-medium ${toneText[tone]}`}>{label}</span>
      </div>
      <div className="mt-1.5 flex items-center gap-3">
        <progress
          className="h-2 min-w-0 flex-1 overflow-hidden rounded-full bg-surface-2 [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-surface-2 [&::-webkit-progress-value]:bg-accent"
          max={Math.max(row.total, 1)}
          value={row.done}
          aria-label={`${filter ?? 'Frames'} ${formatExposureS(row.exposureTimeS)}: ${row.done} of ${row.total} frames`}
        />
        <span className="shrink-0 font-mono text-sm" data-testid="plan-row-count">
          {row.done}/{row.total}
        </span>
      </div>
    </li>
  );
}

/** Frames done over frames planned, per line of exposures, grouped by target. */
export function PlanProgress({ rows }: { rows: readonly PlanRowProgress[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted">This sequence takes no exposures.</p>;
  return (
    <div className="space-y-3">
      {groupsOf(rows).map(({ group, rows: groupRows }, index) => (
        <section key={`${group}-${index}`} aria-label={`Exposures: ${group}`}>
          <h3 className="mb-1.5 text-xs font-medium tracking-wide text-muted uppercase">{group}</h3>
          <ul className="space-y-1.5">
            {groupRows.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
