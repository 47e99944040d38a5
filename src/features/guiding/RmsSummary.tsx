import { chartColors } from '../../components/chart/chart-colors';
import type { GuideRms } from '../../lib/guide-stats';
import type { GuideUnit } from '../../store/guide-graph-settings';
import { formatGuideValue, unitFactor, validPixelScale } from './graph-data';

interface Figure {
  key: string;
  label: string;
  px: number;
  colour?: string;
  emphasis?: boolean;
}

/** RMS and peaks over the steps on the graph, in the graph's unit with the other one beside it. */
export function RmsSummary({ rms, unit, arcsecPerPx }: { rms: GuideRms; unit: GuideUnit; arcsecPerPx: number | undefined }) {
  const other: GuideUnit = unit === 'arcsec' ? 'px' : 'arcsec';
  const showOther = validPixelScale(arcsecPerPx);
  const empty = rms.count === 0;
  const figures: Figure[] = [
    { key: 'total', label: 'Total RMS', px: rms.totalPx, emphasis: true },
    { key: 'ra', label: 'RA RMS', px: rms.raPx, colour: chartColors.ra },
    { key: 'dec', label: 'Dec RMS', px: rms.decPx, colour: chartColors.dec },
    { key: 'peak-ra', label: 'Peak RA', px: rms.peakRaPx, colour: chartColors.ra },
    { key: 'peak-dec', label: 'Peak Dec', px: rms.peakDecPx, colour: chartColors.dec },
  ];
  return (
    <div>
      <dl aria-label="Guiding error" className="grid grid-cols-2 gap-x-3 gap-y-3 xl:grid-cols-1">
        {figures.map((figure) => (
          <div key={figure.key} className={`min-w-0 ${figure.emphasis ? 'col-span-2 xl:col-span-1' : ''}`}>
            <dt className="flex items-center gap-1.5 truncate text-xs text-muted">
              {figure.colour ? <span aria-hidden className="inline-block h-0.5 w-3 rounded" style={{ background: figure.colour }} /> : null}
              {figure.label}
            </dt>
            <dd data-testid={`rms-${figure.key}`} className={`font-mono ${figure.emphasis ? 'text-2xl font-semibold' : 'text-base'} ${empty ? 'text-muted' : 'text-fg'}`}>
              {empty ? '—' : formatGuideValue(figure.px * unitFactor(unit, arcsecPerPx), unit)}
              {!empty && showOther ? (
                <span className="ml-1.5 text-xs font-normal text-muted">{formatGuideValue(figure.px * unitFactor(other, arcsecPerPx), other)}</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-muted">
        {empty ? 'No guide steps on the graph.' : `Over the ${rms.count} guide steps on the graph.`}
      </p>
    </div>
  );
}
