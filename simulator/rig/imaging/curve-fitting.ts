// NINA's autofocus curve fittings (NINA.WPF.Base/Utility/AutoFocus), reimplemented so the report's
// numbers come out of the same procedures: the hyperbola's iterative grid search, the weighted
// parabola, the weighted trend lines and their intersection, and the 4-parameter Gaussian by
// Levenberg–Marquardt. The formula strings use NINA's formats, C# interpolation of doubles with the
// invariant culture (shortest round-trip text, e.g. `1.6034`, `15342`, `-3.2E-05`):
//   Hyperbolic  `y = {a} * cosh(asinh(({p} - x) / {b}))`
//   Quadratic   `y = {x²} * x^2 + {x} * x + {intercept}`
//   Gaussian    `y = {c2} * exp(-1 * (x - {c0}) * (x - {c0}) / (2 * {c1} * {c1})) + {c3}`
//   Left/RightTrend `y = {slope} * x + {offset}`
// Minima and the trend intersection are rounded to whole steps with .NET's Math.Round (half to even).

import { formatDouble } from '../../wire/net-format';

export interface FocusMeasurement {
  positionSteps: number;
  hfr: number;
  /** The HFR's standard deviation, at least 0.001 (NINA's ScatterErrorPoint ErrorY). */
  error: number;
}

export interface CurvePoint {
  position: number;
  value: number;
}

export interface Fitting {
  expression: string | null;
  extremum: CurvePoint;
}

export interface RatedFitting extends Fitting {
  rSquared: number;
}

export interface TrendlineFitting {
  left: { expression: string; rSquared: number };
  right: { expression: string; rSquared: number };
  intersection: CurvePoint;
}

/** C# double.ToString() with the invariant culture. */
export function dotNetDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return formatDouble(value);
}

/** .NET Math.Round(x): midpoints to the even neighbour. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function rSquared(outputs: readonly number[], predicted: readonly number[], weights?: readonly number[]): number {
  const w = (i: number): number => weights?.[i] ?? 1;
  let weightSum = 0;
  let mean = 0;
  for (let i = 0; i < outputs.length; i++) {
    weightSum += w(i);
    mean += w(i) * (outputs[i] ?? 0);
  }
  mean /= weightSum;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < outputs.length; i++) {
    residual += w(i) * ((outputs[i] ?? 0) - (predicted[i] ?? 0)) ** 2;
    total += w(i) * ((outputs[i] ?? 0) - mean) ** 2;
  }
  return 1 - residual / total;
}

/** Aggregate((l, r) => better(l, r) ? l : r): on a tie the later element wins, as in C#. */
function aggregate<T>(items: readonly T[], keepLeft: (left: T, right: T) => boolean): T | undefined {
  let result = items[0];
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    if (result === undefined || !keepLeft(result, item)) result = item;
  }
  return result;
}

const hyperbolaHfr = (position: number, focus: number, a: number, b: number): number => a * Math.cosh(Math.asinh((focus - position) / b));

export function hyperbolicFitting(points: readonly FocusMeasurement[]): RatedFitting {
  const empty: RatedFitting = { expression: null, rSquared: 0, extremum: { position: 0, value: 0 } };
  const usable = points.filter((point) => point.hfr >= 0.1);
  if (usable.length === 0) return empty;
  const lowest = aggregate(usable, (l, r) => l.hfr < r.hfr) as FocusMeasurement;
  const highest = aggregate(usable, (l, r) => l.hfr > r.hfr) as FocusMeasurement;
  let highestPosition = highest.positionSteps;
  const lowestPosition = lowest.positionSteps;
  if (highestPosition < lowestPosition) highestPosition = 2 * lowestPosition - highestPosition;
  let a = lowest.hfr;
  let b = Math.sqrt(((highestPosition - lowestPosition) ** 2 * a * a) / (highest.hfr ** 2 - a * a));
  let p = lowestPosition;
  let aRange = a;
  let bRange = b;
  let pRange = highestPosition - lowestPosition;
  if (Number.isNaN(aRange) || Number.isNaN(bRange) || aRange === 0 || bRange === 0 || pRange === 0) return empty;
  const scaledError = (focus: number, aValue: number, bValue: number): number =>
    Math.sqrt(usable.reduce((sum, point) => sum + ((hyperbolaHfr(point.positionSteps, focus, aValue, bValue) - point.hfr) / point.error) ** 2, 0));
  let lowestError = Number.MAX_VALUE;
  let oldError = Number.MAX_VALUE;
  let cycles = 0;
  do {
    const [p0, a0, b0] = [p, a, b];
    aRange *= 0.5;
    bRange *= 0.5;
    pRange *= 0.5;
    for (let p1 = p0 - pRange; p1 <= p0 + pRange; p1 += pRange * 0.1) {
      for (let a1 = a0 - aRange; a1 <= a0 + aRange; a1 += aRange * 0.1) {
        for (let b1 = b0 - bRange; b1 <= b0 + bRange; b1 += bRange * 0.1) {
          const error = scaledError(p1, a1, b1);
          if (error < lowestError) {
            oldError = lowestError;
            lowestError = error;
            [a, b, p] = [a1, b1, p1];
          }
        }
      }
    }
    cycles += 1;
  } while (oldError - lowestError >= 0.0001 && lowestError > 0.0001 && cycles < 30);
  const predicted = usable.map((point) => hyperbolaHfr(point.positionSteps, p, a, b));
  return {
    expression: `y = ${dotNetDouble(a)} * cosh(asinh((${dotNetDouble(p)} - x) / ${dotNetDouble(b)}))`,
    rSquared: rSquared(
      usable.map((point) => point.hfr),
      predicted,
    ),
    extremum: { position: roundHalfEven(p), value: a },
  };
}

/** Solves a small dense linear system by Gaussian elimination with partial pivoting; null if singular. */
function solveLinear(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length;
  const m = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(m[row]![column]!) > Math.abs(m[pivot]![column]!)) pivot = row;
    if (Math.abs(m[pivot]![column]!) < 1e-300) return null;
    [m[column], m[pivot]] = [m[pivot]!, m[column]!];
    for (let row = column + 1; row < n; row++) {
      const factor = m[row]![column]! / m[column]![column]!;
      for (let k = column; k <= n; k++) m[row]![k]! -= factor * m[column]![k]!;
    }
  }
  const result = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= m[row]![k]! * result[k]!;
    result[row] = sum / m[row]![row]!;
  }
  return result;
}

const weightsOf = (points: readonly FocusMeasurement[]): number[] => points.map((point) => 1 / (point.error * point.error));

export function quadraticFitting(points: readonly FocusMeasurement[]): RatedFitting {
  const weights = weightsOf(points);
  // Centred abscissae keep the normal equations well conditioned at positions around 15000.
  const centre = points.reduce((sum, point) => sum + point.positionSteps, 0) / Math.max(1, points.length);
  const sums = new Array<number>(5).fill(0);
  const moments = new Array<number>(3).fill(0);
  points.forEach((point, i) => {
    const u = point.positionSteps - centre;
    for (let k = 0; k < 5; k++) sums[k]! += (weights[i] ?? 0) * u ** k;
    for (let k = 0; k < 3; k++) moments[k]! += (weights[i] ?? 0) * point.hfr * u ** k;
  });
  const solution = solveLinear(
    [
      [sums[0]!, sums[1]!, sums[2]!],
      [sums[1]!, sums[2]!, sums[3]!],
      [sums[2]!, sums[3]!, sums[4]!],
    ],
    moments,
  ) ?? [Number.NaN, Number.NaN, Number.NaN];
  const [k0 = Number.NaN, k1 = Number.NaN, k2 = Number.NaN] = solution;
  const squared = k2;
  const linear = k1 - 2 * k2 * centre;
  const intercept = k0 - k1 * centre + k2 * centre * centre;
  const fitting = (x: number): number => squared * x * x + linear * x + intercept;
  const minimumX = roundHalfEven((linear / (2 * squared)) * -1);
  return {
    expression: `y = ${dotNetDouble(squared)} * x^2 + ${dotNetDouble(linear)} * x + ${dotNetDouble(intercept)}`,
    rSquared: rSquared(
      points.map((point) => point.hfr),
      points.map((point) => fitting(point.positionSteps)),
      weights,
    ),
    extremum: { position: Number.isFinite(minimumX) ? minimumX : 0, value: fitting(minimumX) },
  };
}

interface Trendline {
  slope: number;
  offset: number;
  rSquared: number;
}

/** Accord's weighted OrdinaryLeastSquares; fewer than two points leave the defaults (0). */
function trendline(points: readonly FocusMeasurement[]): Trendline {
  if (points.length < 2) return { slope: 0, offset: 0, rSquared: 0 };
  const weights = weightsOf(points);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  points.forEach((point, i) => {
    sw += weights[i]!;
    sx += weights[i]! * point.positionSteps;
    sy += weights[i]! * point.hfr;
  });
  const meanX = sx / sw;
  const meanY = sy / sw;
  let sxx = 0;
  let sxy = 0;
  points.forEach((point, i) => {
    sxx += weights[i]! * (point.positionSteps - meanX) ** 2;
    sxy += weights[i]! * (point.positionSteps - meanX) * (point.hfr - meanY);
  });
  const slope = sxy / sxx;
  const offset = meanY - slope * meanX;
  return {
    slope,
    offset,
    rSquared: rSquared(
      points.map((point) => point.hfr),
      points.map((point) => slope * point.positionSteps + offset),
      weights,
    ),
  };
}

export function trendlineFitting(points: readonly FocusMeasurement[]): TrendlineFitting & { leftCount: number; rightCount: number; minimum: FocusMeasurement | undefined } {
  // The minimum weighs the HFR with its error, so a point without stars (HFR 0, error 1000) is never it.
  const minimum = aggregate(points, (l, r) => l.hfr + l.error < r.hfr + r.error);
  const leftPoints = minimum === undefined ? [] : points.filter((point) => point.positionSteps < minimum.positionSteps && point.hfr > minimum.hfr + 0.1);
  const rightPoints = minimum === undefined ? [] : points.filter((point) => point.positionSteps > minimum.positionSteps && point.hfr > minimum.hfr + 0.1);
  const left = trendline(leftPoints);
  const right = trendline(rightPoints);
  let intersection: CurvePoint = { position: 0, value: 0 };
  if (left.slope !== right.slope) {
    const x = (right.offset - left.offset) / (left.slope - right.slope);
    intersection = { position: roundHalfEven(x), value: left.slope * x + left.offset };
  }
  return {
    left: { expression: `y = ${dotNetDouble(left.slope)} * x + ${dotNetDouble(left.offset)}`, rSquared: left.rSquared },
    right: { expression: `y = ${dotNetDouble(right.slope)} * x + ${dotNetDouble(right.offset)}`, rSquared: right.rSquared },
    intersection,
    leftCount: leftPoints.length,
    rightCount: rightPoints.length,
    minimum,
  };
}

/** Accord's NonlinearLeastSquares with Levenberg–Marquardt (30 iterations), from NINA's start values. */
export function gaussianFitting(points: readonly FocusMeasurement[]): Fitting {
  const usable = points.filter((point) => point.hfr >= 0.1);
  const lowest = aggregate(usable, (l, r) => l.hfr < r.hfr);
  const highest = aggregate(points, (l, r) => l.hfr > r.hfr);
  if (lowest === undefined || highest === undefined) return { expression: null, extremum: { position: 0, value: 0 } };
  const xs = points.map((point) => point.positionSteps);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const sigma = Math.sqrt(xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0) / Math.max(1, xs.length - 1));
  let w = [highest.positionSteps, sigma, highest.hfr, lowest.hfr];
  const model = (c: number[], x: number): number => c[2]! * Math.exp((-1 * (x - c[0]!) * (x - c[0]!)) / (2 * c[1]! * c[1]!)) + c[3]!;
  const sse = (c: number[]): number => points.reduce((sum, point) => sum + (point.hfr - model(c, point.positionSteps)) ** 2, 0);
  let lambda = 0.1;
  let error = sse(w);
  for (let iteration = 0; iteration < 30; iteration++) {
    const jtj = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
    const jtr = [0, 0, 0, 0];
    for (const point of points) {
      const x = point.positionSteps;
      const e = Math.exp((-1 * (x - w[0]!) * (x - w[0]!)) / (2 * w[1]! * w[1]!));
      const gradient = [(w[2]! * (x - w[0]!) * e) / (w[1]! * w[1]!), (w[2]! * (x - w[0]!) ** 2 * e) / w[1]! ** 3, e, 1];
      const residual = point.hfr - model(w, x);
      for (let i = 0; i < 4; i++) {
        jtr[i]! += gradient[i]! * residual;
        for (let j = 0; j < 4; j++) jtj[i]![j]! += gradient[i]! * gradient[j]!;
      }
    }
    const damped = jtj.map((row, i) => row.map((value, j) => (i === j ? value * (1 + lambda) : value)));
    const step = solveLinear(damped, jtr);
    if (step === null) break;
    const candidate = w.map((value, i) => value + step[i]!);
    const candidateError = sse(candidate);
    if (Number.isFinite(candidateError) && candidateError < error) {
      w = candidate;
      error = candidateError;
      lambda /= 10;
    } else {
      lambda *= 10;
    }
  }
  const [c0, c1, c2, c3] = w as [number, number, number, number];
  return {
    expression: `y = ${dotNetDouble(c2)} * exp(-1 * (x - ${dotNetDouble(c0)}) * (x - ${dotNetDouble(c0)}) / (2 * ${dotNetDouble(c1)} * ${dotNetDouble(c1)})) + ${dotNetDouble(c3)}`,
    extremum: { position: roundHalfEven(c0), value: c2 + c3 },
  };
}
