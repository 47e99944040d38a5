import { describe, expect, it } from 'vitest';
import { dotNetDouble, gaussianFitting, hyperbolicFitting, quadraticFitting, roundHalfEven, trendlineFitting, type FocusMeasurement } from './curve-fitting';

/** A V-curve sampled like NINA's AF: 9 points, 60 steps apart, on an exact hyperbola. */
function curve(focus: number, a: number, b: number, error = 0.1): FocusMeasurement[] {
  return Array.from({ length: 9 }, (_, i) => {
    const position = focus - 240 + 60 * i + 7;
    return { positionSteps: position, hfr: a * Math.cosh(Math.asinh((focus - position) / b)), error };
  });
}

describe('NINA autofocus fittings', () => {
  it('writes doubles the way C# does with the invariant culture', () => {
    expect(dotNetDouble(15342)).toBe('15342');
    expect(dotNetDouble(1.5)).toBe('1.5');
    expect(dotNetDouble(-0.000032)).toBe('-3.2E-05');
    expect(dotNetDouble(Number.NaN)).toBe('NaN');
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-2.5)).toBe(-2);
  });

  it('finds the hyperbola minimum by NINA grid search, with its formula string', () => {
    const fit = hyperbolicFitting(curve(15_362, 1.6, 80));
    expect(Math.abs(fit.extremum.position - 15_362)).toBeLessThanOrEqual(2);
    expect(fit.extremum.value).toBeCloseTo(1.6, 1);
    expect(fit.rSquared).toBeGreaterThan(0.999);
    expect(fit.expression).toMatch(/^y = [\d.]+ \* cosh\(asinh\(\([\d.]+ - x\) \/ [\d.]+\)\)$/);
  });

  it('fits the weighted parabola and the trend lines with their intersection', () => {
    const points = curve(15_000, 1.8, 70);
    const quadratic = quadraticFitting(points);
    expect(Math.abs(quadratic.extremum.position - 15_000)).toBeLessThan(15);
    expect(quadratic.expression).toMatch(/^y = [\d.E-]+ \* x\^2 \+ -[\d.]+ \* x \+ [\d.]+$/);
    const trend = trendlineFitting(points);
    expect(trend.leftCount).toBe(4);
    expect(trend.rightCount).toBe(4);
    expect(Math.abs(trend.intersection.position - 15_000)).toBeLessThan(10);
    expect(trend.left.expression).toMatch(/^y = -[\d.]+ \* x \+ [\d.]+$/);
    expect(trend.right.expression).toMatch(/^y = [\d.]+ \* x \+ -[\d.]+$/);
    expect(trend.left.rSquared).toBeGreaterThan(0.95);
  });

  it('leaves the trend lines at 0 with fewer than two points, and gives a Gaussian expression', () => {
    const flat = [
      { positionSteps: 100, hfr: 0, error: 1000 },
      { positionSteps: 160, hfr: 0, error: 1000 },
    ];
    const trend = trendlineFitting(flat);
    expect(trend.left.expression).toBe('y = 0 * x + 0');
    expect(trend.intersection).toEqual({ position: 0, value: 0 });
    expect(hyperbolicFitting(flat).expression).toBeNull();
    expect(gaussianFitting(curve(15_000, 1.8, 70)).expression).toMatch(/^y = \S+ \* exp\(-1 \* \(x - \S+\) \* \(x - \S+\) \/ \(2 \* \S+ \* \S+\)\) \+ \S+$/);
  });
});
