import { parseFitting, sampleFitting } from '../../lib/af-formula';
import { isPresent } from '../../lib/format';
import type { AutofocusReport } from '../../nina/schemas/focuser';

/** The fittings an AutoFocusReport can carry, by their key in `Fittings`. */
export type CurveName = 'hyperbolic' | 'quadratic' | 'leftTrend' | 'rightTrend' | 'gaussian';

export const curveLabels: Record<CurveName, string> = {
  hyperbolic: 'Hyperbolic',
  quadratic: 'Parabolic',
  leftTrend: 'Left trend',
  rightTrend: 'Right trend',
  gaussian: 'Gaussian',
};

/** NINA's AFCurveFittingEnum: which fittings chose the focus position. */
const usedByFitting: Record<string, readonly CurveName[]> = {
  HYPERBOLIC: ['hyperbolic'],
  PARABOLIC: ['quadratic'],
  TRENDLINES: ['leftTrend', 'rightTrend'],
  TRENDHYPERBOLIC: ['leftTrend', 'rightTrend', 'hyperbolic'],
  TRENDPARABOLIC: ['leftTrend', 'rightTrend', 'quadratic'],
  GAUSSIAN: ['gaussian'],
};

/** The curves NINA used for this report; an unknown fitting name shows every curve it carries. */
export function curvesUsed(report: AutofocusReport): readonly CurveName[] {
  const used = usedByFitting[(report.fitting ?? '').toUpperCase()];
  if (used) return used;
  return (Object.keys(curveLabels) as CurveName[]).filter((name) => report.fittings[name] !== undefined);
}

/** The R² that judged the run: the hyperbola's or the parabola's, or the weaker trend line's. */
export function headlineRSquared(report: AutofocusReport): number | undefined {
  const used = curvesUsed(report);
  if (used.includes('hyperbolic')) return report.rSquared.hyperbolic;
  if (used.includes('quadratic')) return report.rSquared.quadratic;
  const { leftTrend, rightTrend } = report.rSquared;
  if (used.includes('leftTrend') && isPresent(leftTrend) && isPresent(rightTrend)) return Math.min(leftTrend, rightTrend);
  return undefined;
}

export interface CurveSeries {
  name: CurveName;
  points: { x: number; y: number }[];
}

export interface CurveProblem {
  name: CurveName;
  problem: string;
}

/**
 * Every fitting in the report as points to draw over [fromX, toX]. The trend lines are drawn on
 * their own side of their intersection, as NINA draws them; a formula that cannot be read is
 * reported, not drawn.
 */
export function fittedCurves(report: AutofocusReport, fromX: number, toX: number, samples: number): { curves: CurveSeries[]; problems: CurveProblem[] } {
  const curves: CurveSeries[] = [];
  const problems: CurveProblem[] = [];
  const crossing = report.intersections.trendLine?.positionSteps;
  const splitX = isPresent(crossing) && crossing > fromX && crossing < toX ? crossing : undefined;
  for (const name of Object.keys(curveLabels) as CurveName[]) {
    const formula = report.fittings[name];
    if (formula === undefined) continue;
    const parsed = parseFitting(formula);
    if (!parsed.ok) {
      problems.push({ name, problem: parsed.error });
      continue;
    }
    const [from, to] = name === 'leftTrend' ? [fromX, splitX ?? toX] : name === 'rightTrend' ? [splitX ?? fromX, toX] : [fromX, toX];
    curves.push({ name, points: sampleFitting(parsed.fitting, from, to, samples) });
  }
  return { curves, problems };
}

/** Position vs temperature across runs, in steps per °C, with each filter's own offset taken out. */
export function focusDriftStepsPerDegC(runs: readonly { filter?: string; temperatureC?: number; positionSteps?: number }[]): number | undefined {
  const byFilter = new Map<string, { x: number; y: number }[]>();
  for (const run of runs) {
    if (!isPresent(run.temperatureC) || !isPresent(run.positionSteps)) continue;
    const key = run.filter ?? '';
    byFilter.set(key, [...(byFilter.get(key) ?? []), { x: run.temperatureC, y: run.positionSteps }]);
  }
  let sxx = 0;
  let sxy = 0;
  let count = 0;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const points of byFilter.values()) {
    if (points.length < 2) continue;
    const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
    const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
    for (const point of points) {
      sxx += (point.x - meanX) ** 2;
      sxy += (point.x - meanX) * (point.y - meanY);
      minX = Math.min(minX, point.x);
      maxX = Math.max(maxX, point.x);
      count += 1;
    }
  }
  // Fewer runs, or less than half a degree of change, says nothing about drift.
  if (count < 3 || maxX - minX < 0.5 || sxx === 0) return undefined;
  return sxy / sxx;
}
