import { filterColor } from '../../components/chart/chart-colors';
import { useLiveStackInfos } from '../../nina/api/livestack';
import { stackCountsOf, type StackCounts } from '../../nina/schemas/livestack';
import { formatCounts, formatIntegration, formatSubExposure, integrationOf, totalIntegration, type Integration } from './integration';
import { useSavedFrames } from './saved-frames';
import type { TargetGroup } from './stack-groups';

interface Row {
  key: string;
  filter: string;
  counts?: StackCounts;
  integration?: Integration;
}

/** Frames, sub-exposure and integration time per filter of one target, with each filter's share drawn as a bar. */
export function IntegrationTable({ group }: { group: TargetGroup }) {
  const infos = useLiveStackInfos(group.stacks);
  const saved = useSavedFrames();

  const rows: Row[] = group.stacks.map((stack, index) => {
    const data = infos[index]?.data;
    const counts = data ? stackCountsOf(data) : undefined;
    return { key: stack.key, filter: stack.filter, counts, integration: integrationOf(counts, saved.get(stack.key)) };
  });
  const mono = rows.filter((row) => row.counts?.kind === 'mono');
  const total = totalIntegration(mono.map((row) => row.integration));
  const totalFrames = mono.reduce((sum, row) => sum + (row.counts?.kind === 'mono' ? row.counts.frames : 0), 0);
  const longestS = Math.max(0, ...mono.map((row) => row.integration?.seconds ?? 0));
  const unknown = mono.some((row) => row.integration === undefined);

  return (
    <div data-testid="integration-table" data-target={group.target}>
      <table className="w-full text-sm">
        <caption className="sr-only">Integration time per filter for {group.target}</caption>
        <thead>
          <tr className="text-left text-xs text-muted">
            <th scope="col" className="py-1 pr-2 font-normal">
              Filter
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              Frames
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              Sub
            </th>
            <th scope="col" className="py-1 text-right font-normal">
              Integration
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-filter={row.filter} className="border-t border-border/60 align-top">
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                <span className="flex items-center gap-1.5">
                  <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: filterColor(row.filter) }} />
                  <span className="truncate">{row.filter}</span>
                </span>
                {row.integration && longestS > 0 ? (
                  <span aria-hidden className="mt-1 block h-1 rounded-full bg-border">
                    <span className="block h-1 rounded-full" style={{ width: `${(row.integration.seconds / longestS) * 100}%`, background: filterColor(row.filter) }} />
                  </span>
                ) : null}
              </th>
              {row.counts?.kind === 'color' ? (
                <td colSpan={3} className="py-1.5 text-right text-xs text-muted">
                  {formatCounts(row.counts)}
                </td>
              ) : (
                <>
                  <td className="py-1.5 pr-2 text-right">{row.counts ? row.counts.frames : '—'}</td>
                  <td className="py-1.5 pr-2 text-right text-muted">{row.integration ? formatSubExposure(row.integration) : '—'}</td>
                  <td data-testid="integration" className="py-1.5 text-right">
                    {formatIntegration(row.integration)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
        {mono.length > 1 ? (
          <tfoot>
            <tr className="border-t border-border">
              <th scope="row" className="py-1.5 pr-2 text-left font-semibold">
                Total
              </th>
              <td className="py-1.5 pr-2 text-right">{totalFrames}</td>
              <td />
              <td data-testid="integration-total" className="py-1.5 text-right font-semibold">
                {formatIntegration(total)}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
      {unknown ? (
        <p className="mt-1 text-xs text-muted">— : neither NINA’s image history nor Skydeck has these frames (NINA restarted?), so their exposure is unknown.</p>
      ) : null}
    </div>
  );
}
