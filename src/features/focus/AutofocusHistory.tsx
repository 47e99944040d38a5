import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { axisProps, chartColors, filterColor } from '../../components/chart/chart-colors';
import { Panel } from '../../components/Panel';
import { DASH, formatClockTime, formatInteger, formatNumber, formatSigned, isPresent } from '../../lib/format';
import { niceTicks } from '../../lib/nice-ticks';
import type { AutofocusRun } from '../../store/autofocus-history';
import { focusDriftStepsPerDegC } from './autofocus-curves';
import { summarizeRun, type RunSummary } from './run-presentation';

const statusText: Record<RunSummary['status'], { text: string; className: string }> = {
  running: { text: 'Running', className: 'text-accent' },
  finished: { text: 'Done', className: 'text-ok' },
  failed: { text: 'Failed', className: 'text-bad' },
  canceled: { text: 'Canceled', className: 'text-muted' },
  unfinished: { text: 'No end', className: 'text-warn' },
};

const DRIFT_CHART_HEIGHT_PX = 180;

/** Focus position against temperature, one dot per finished run, coloured by filter. */
function DriftChart({ rows }: { rows: readonly RunSummary[] }) {
  const points = rows.filter((row) => row.status === 'finished' && isPresent(row.temperatureC) && isPresent(row.positionSteps));
  if (points.length < 2) return null;
  const filters = [...new Set(points.map((row) => row.filter ?? ''))];
  const slope = focusDriftStepsPerDegC(points);
  const temperatures = points.map((row) => row.temperatureC as number);
  const positions = points.map((row) => row.positionSteps as number);
  const xDomain = [Math.min(...temperatures) - 0.5, Math.max(...temperatures) + 0.5];
  const yDomain = [Math.min(...positions) - 20, Math.max(...positions) + 20];
  return (
    <figure className="space-y-2">
      <ChartFrame height={DRIFT_CHART_HEIGHT_PX} label={`Focus position against temperature for ${points.length} runs`} points={points.length}>
        {(width) => (
          <ScatterChart width={width} height={DRIFT_CHART_HEIGHT_PX} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="temperatureC"
              domain={xDomain}
              ticks={niceTicks(xDomain[0] as number, xDomain[1] as number, Math.max(3, Math.floor(width / 80)))}
              tickFormatter={(value: number) => `${formatSigned(value)}°`}
              {...axisProps}
            />
            <YAxis
              type="number"
              dataKey="positionSteps"
              domain={yDomain}
              ticks={niceTicks(yDomain[0] as number, yDomain[1] as number, 5)}
              width={52}
              tickFormatter={(value: number) => formatInteger(value)}
              {...axisProps}
            />
            <ZAxis range={[50, 50]} />
            {filters.map((filter) => (
              <Scatter
                key={filter}
                name={filter || 'No filter'}
                data={points.filter((row) => (row.filter ?? '') === filter)}
                fill={filterColor(filter || undefined)}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        )}
      </ChartFrame>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <span>Focus position (steps) against focuser temperature</span>
        {filters.map((filter) => (
          <span key={filter} className="flex items-center gap-1">
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: filterColor(filter || undefined) }} />
            {filter || 'No filter'}
          </span>
        ))}
        {isPresent(slope) ? (
          <span className="text-fg" data-testid="focus-drift">
            Focus moves {formatNumber(Math.abs(slope), 0)} steps {slope < 0 ? 'in' : 'out'} per °C warmer
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** Tonight's runs, newest first; choosing one shows its curve in the Autofocus panel. */
export function AutofocusHistory({ runs, shownId, onShow }: { runs: readonly AutofocusRun[]; shownId?: number; onShow: (id: number) => void }) {
  const rows = runs.map(summarizeRun).reverse();
  return (
    <Panel title="Runs tonight" aside={rows.length > 0 ? <span className="text-xs text-muted">{rows.length === 1 ? '1 run' : `${rows.length} runs`}</span> : null}>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">No autofocus run seen yet. Each run NINA makes (from here, a sequence or NINA itself) is listed here.</p>
      ) : (
        <div className="space-y-4">
          <table className="w-full table-fixed text-left text-xs sm:text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="w-14 py-1 font-normal">
                  Time
                </th>
                <th scope="col" className="py-1 font-normal">
                  Filter
                </th>
                <th scope="col" className="w-12 py-1 text-right font-normal">
                  °C
                </th>
                <th scope="col" className="w-[4.75rem] py-1 text-right font-normal">
                  Position
                </th>
                <th scope="col" className="w-12 py-1 text-right font-normal">
                  HFR
                </th>
                <th scope="col" className="hidden w-16 py-1 text-right font-normal sm:table-cell">
                  R²
                </th>
                <th scope="col" className="w-[4.5rem] py-1 pl-2 text-right font-normal">
                  Result
                </th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {rows.map((row) => {
                const shown = row.id === shownId;
                return (
                  <tr key={row.id} className={`border-t border-border ${shown ? 'bg-accent/10' : ''}`} data-testid="autofocus-run-row">
                    <td className="p-0">
                      <button
                        type="button"
                        aria-pressed={shown}
                        aria-label={`Show the run at ${formatClockTime(row.atMs)}`}
                        onClick={() => onShow(row.id)}
                        className={`min-h-11 w-full text-left underline-offset-2 hover:underline ${shown ? 'text-accent' : ''}`}
                      >
                        {formatClockTime(row.atMs).slice(0, 5)}
                      </button>
                    </td>
                    <td className="truncate font-sans">{row.filter ?? DASH}</td>
                    <td className="text-right">{isPresent(row.temperatureC) ? formatSigned(row.temperatureC) : DASH}</td>
                    <td className="text-right">{formatInteger(row.positionSteps)}</td>
                    <td className="text-right">{formatNumber(row.hfr, 2)}</td>
                    <td className="hidden text-right sm:table-cell">{formatNumber(row.rSquared, 4)}</td>
                    <td className={`truncate pl-2 text-right font-sans text-xs ${statusText[row.status].className}`}>{statusText[row.status].text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <DriftChart rows={rows} />
        </div>
      )}
    </Panel>
  );
}
