import { describe, expect, it } from 'vitest';
import { evaluateFitting, parseFitting, sampleFitting, type Fitting } from './af-formula';

/** Formulas as NINA wrote them in a real report (the simulator's run reproduces NINA's formats). */
const report = {
  hyperbolic: 'y = 1.649748607415829 * cosh(asinh((15353.75 - x) / 80.88824682100692))',
  quadratic: 'y = 5.9323995179898356E-05 * x^2 + -1.8214827716818718 * x + 13983.525104133761',
  gaussian:
    'y = 2.6216476725039075 * exp(-1 * (x - 15079.884388995128) * (x - 15079.884388995128) / (2 * 57.82449882155419 * 57.82449882155419)) + 3.1602456017284446',
  leftTrend: 'y = -0.018190805593049354 * x + 280.0991469613',
  rightTrend: 'y = 0.01779801224656167 * x + -272.4054448549043',
};

function parsed(text: string): Fitting {
  const result = parseFitting(text);
  if (!result.ok) throw new Error(result.error);
  return result.fitting;
}

describe('parseFitting', () => {
  it('reads the hyperbola: its minimum is at the focus position with the value a', () => {
    const fitting = parsed(report.hyperbolic);
    expect(fitting).toEqual({ kind: 'hyperbolic', a: 1.649748607415829, focus: 15353.75, b: 80.88824682100692 });
    expect(evaluateFitting(fitting, 15353.75)).toBeCloseTo(1.649748607415829, 12);
    // a·cosh(asinh(d/b)) = a·sqrt(1 + (d/b)²)
    expect(evaluateFitting(fitting, 15353.75 + 80.88824682100692)).toBeCloseTo(1.649748607415829 * Math.SQRT2, 9);
  });

  it('reads the parabola with an exponent and a negative term after its plus', () => {
    const fitting = parsed(report.quadratic);
    expect(fitting).toEqual({ kind: 'quadratic', squared: 5.9323995179898356e-5, linear: -1.8214827716818718, constant: 13983.525104133761 });
    // Its vertex is where NINA put QuadraticMinimum (15352).
    const vertex = -(fitting.kind === 'quadratic' ? fitting.linear / (2 * fitting.squared) : 0);
    expect(Math.round(vertex)).toBe(15352);
    expect(evaluateFitting(fitting, 15352)).toBeCloseTo(1.8323781492945272, 3);
  });

  it('reads both trend lines; they cross where NINA put TrendLineIntersection', () => {
    const left = parsed(report.leftTrend);
    const right = parsed(report.rightTrend);
    expect(left).toEqual({ kind: 'line', slope: -0.018190805593049354, offset: 280.0991469613 });
    expect(right).toEqual({ kind: 'line', slope: 0.01779801224656167, offset: -272.4054448549043 });
    if (left.kind !== 'line' || right.kind !== 'line') throw new Error('lines expected');
    const crossing = (right.offset - left.offset) / (left.slope - right.slope);
    expect(Math.round(crossing)).toBe(15352);
    expect(evaluateFitting(left, crossing)).toBeCloseTo(0.8317460761953157, 6);
  });

  it('reads the Gaussian, whose peak is amplitude + offset at the mean', () => {
    const fitting = parsed(report.gaussian);
    expect(fitting).toEqual({ kind: 'gaussian', amplitude: 2.6216476725039075, mean: 15079.884388995128, sigma: 57.82449882155419, offset: 3.1602456017284446 });
    expect(evaluateFitting(fitting, 15079.884388995128)).toBeCloseTo(5.7818932742323526, 9);
    expect(evaluateFitting(fitting, 20_000)).toBeCloseTo(3.1602456017284446, 9);
  });

  it('reads C# number forms: integers, exponents with either sign, NaN and infinities', () => {
    expect(parsed('y = 2 * cosh(asinh((15342 - x) / 80))')).toEqual({ kind: 'hyperbolic', a: 2, focus: 15342, b: 80 });
    expect(parsed('y = 1.5E-05 * x^2 + 3E+15 * x + -2.5e-3')).toEqual({ kind: 'quadratic', squared: 1.5e-5, linear: 3e15, constant: -0.0025 });
    const nan = parsed('y = NaN * x^2 + NaN * x + NaN');
    expect(nan.kind).toBe('quadratic');
    expect(evaluateFitting(nan, 100)).toBeNaN();
    expect(parsed('y = 0 * x + -Infinity')).toEqual({ kind: 'line', slope: 0, offset: Number.NEGATIVE_INFINITY });
    expect(parsed('y = 1 * x + ∞')).toEqual({ kind: 'line', slope: 1, offset: Number.POSITIVE_INFINITY });
    expect(parsed('y = -5 * cosh(asinh((-7 - x) / 3))')).toEqual({ kind: 'hyperbolic', a: -5, focus: -7, b: 3 });
  });

  it('reads a NINA PC in a decimal-comma culture, with a Unicode minus, and any spacing', () => {
    expect(parsed('y = 1,6497 * cosh(asinh((15353,75 - x) / 80,888))')).toEqual({ kind: 'hyperbolic', a: 1.6497, focus: 15353.75, b: 80.888 });
    expect(parsed('y = −0,0181 * x + 280,09')).toEqual({ kind: 'line', slope: -0.0181, offset: 280.09 });
    expect(parsed('y=5.9E-05*x^2+-1.82*x+13983.5')).toEqual({ kind: 'quadratic', squared: 5.9e-5, linear: -1.82, constant: 13983.5 });
  });

  it('refuses anything that is not one of NINA’s shapes, without running it', () => {
    for (const text of [
      '',
      '   ',
      'y = 1.6 * cosh(asinh((15353 - x) / 80)); alert(1)',
      'y = 1.6 * sinh(asinh((15353 - x) / 80))',
      'y = 1.6 * x^3 + 2 * x + 1',
      'y = 1.6 * x + 2 * x',
      'y = a * x + 2',
      'y = 1.6 * x',
      'fetch("https://example.com")',
      'y = 2 * exp(-1 * (x - 100) * (x - 101) / (2 * 5 * 5)) + 1',
    ]) {
      const result = parseFitting(text);
      expect(result.ok, text).toBe(false);
    }
    expect(parseFitting('')).toEqual({ ok: false, error: 'empty formula' });
    expect(parseFitting('y = 1 * x + 2 ; 3')).toEqual({ ok: false, error: 'not a NINA fitting: unexpected “;”' });
  });
});

describe('sampleFitting', () => {
  it('samples evenly, ends included', () => {
    const points = sampleFitting({ kind: 'line', slope: 2, offset: 1 }, 0, 10, 6);
    expect(points).toEqual([
      { x: 0, y: 1 },
      { x: 2, y: 5 },
      { x: 4, y: 9 },
      { x: 6, y: 13 },
      { x: 8, y: 17 },
      { x: 10, y: 21 },
    ]);
  });

  it('drops points without a finite value and never asks for fewer than two', () => {
    expect(sampleFitting({ kind: 'quadratic', squared: Number.NaN, linear: 1, constant: 0 }, -1, 1, 3)).toEqual([]);
    expect(sampleFitting({ kind: 'gaussian', amplitude: 1, mean: 0, sigma: 0, offset: 0 }, -1, 1, 3).map((point) => point.x)).toEqual([-1, 1]);
    expect(sampleFitting({ kind: 'line', slope: 1, offset: 0 }, 0, 1, 1)).toHaveLength(2);
  });
});
