import { describe, expect, it } from 'vitest';
import { autofocusReportSchema } from '../../nina/schemas/focuser';
import { curvesUsed, fittedCurves, focusDriftStepsPerDegC, headlineRSquared } from './autofocus-curves';

const report = (fields: Record<string, unknown> = {}) =>
  autofocusReportSchema.parse({
    Fitting: 'TRENDHYPERBOLIC',
    CalculatedFocusPoint: { Position: 15354, Value: 1.65, Error: 0 },
    Intersections: { TrendLineIntersection: { Position: 15352, Value: 0.83, Error: 0 } },
    Fittings: {
      Hyperbolic: 'y = 1.65 * cosh(asinh((15353.75 - x) / 80.9))',
      Quadratic: 'y = 5.93E-05 * x^2 + -1.8215 * x + 13983.5',
      Gaussian: 'y = 2.62 * exp(-1 * (x - 15079.9) * (x - 15079.9) / (2 * 57.8 * 57.8)) + 3.16',
      LeftTrend: 'y = -0.01819 * x + 280.099',
      RightTrend: 'y = 0.01780 * x + -272.405',
    },
    RSquares: { Hyperbolic: 0.9998, Quadratic: 0.973, LeftTrend: 0.9986, RightTrend: 0.9966 },
    ...fields,
  });

describe('curvesUsed and headlineRSquared', () => {
  it('follow NINA’s fitting setting', () => {
    expect(curvesUsed(report())).toEqual(['leftTrend', 'rightTrend', 'hyperbolic']);
    expect(headlineRSquared(report())).toBe(0.9998);
    expect(curvesUsed(report({ Fitting: 'PARABOLIC' }))).toEqual(['quadratic']);
    expect(headlineRSquared(report({ Fitting: 'TRENDPARABOLIC' }))).toBe(0.973);
    expect(headlineRSquared(report({ Fitting: 'TRENDLINES' }))).toBe(0.9966);
    expect(curvesUsed(report({ Fitting: 'GAUSSIAN' }))).toEqual(['gaussian']);
    expect(headlineRSquared(report({ Fitting: 'GAUSSIAN' }))).toBeUndefined();
  });

  it('show every curve the report carries when the fitting is unknown', () => {
    expect(curvesUsed(report({ Fitting: 'SOMETHINGNEW', Fittings: { Hyperbolic: 'y = 1 * cosh(asinh((1 - x) / 1))', Quadratic: '' } }))).toEqual(['hyperbolic']);
  });
});

describe('fittedCurves', () => {
  it('samples every fitting over the range, each trend line on its side of the intersection', () => {
    const { curves, problems } = fittedCurves(report(), 15_000, 15_700, 71);
    expect(problems).toEqual([]);
    const byName = Object.fromEntries(curves.map((curve) => [curve.name, curve.points]));
    expect(Object.keys(byName).sort()).toEqual(['gaussian', 'hyperbolic', 'leftTrend', 'quadratic', 'rightTrend']);
    expect(byName.hyperbolic).toHaveLength(71);
    const lowest = byName.hyperbolic!.reduce((best, point) => (point.y < best.y ? point : best));
    expect(lowest.x).toBe(15_350);
    expect(byName.leftTrend!.at(0)!.x).toBe(15_000);
    expect(byName.leftTrend!.at(-1)!.x).toBe(15_352);
    expect(byName.rightTrend!.at(0)!.x).toBe(15_352);
    expect(byName.rightTrend!.at(-1)!.x).toBe(15_700);
  });

  it('reports a formula it cannot read instead of drawing it', () => {
    const { curves, problems } = fittedCurves(report({ Fittings: { Hyperbolic: 'y = x * x', Quadratic: 'y = 1 * x^2 + 2 * x + 3' } }), 0, 10, 11);
    expect(curves.map((curve) => curve.name)).toEqual(['quadratic']);
    expect(problems).toEqual([{ name: 'hyperbolic', problem: 'not one of NINA’s fitting formulas' }]);
  });
});

describe('focusDriftStepsPerDegC', () => {
  it('finds the steps per °C within each filter, ignoring the filters’ own offsets', () => {
    const runs = [
      { filter: 'L', temperatureC: 12, positionSteps: 15_340 },
      { filter: 'L', temperatureC: 10, positionSteps: 15_384 },
      { filter: 'Ha', temperatureC: 11, positionSteps: 15_389 },
      { filter: 'Ha', temperatureC: 9, positionSteps: 15_433 },
    ];
    expect(focusDriftStepsPerDegC(runs)).toBeCloseTo(-22, 9);
  });

  it('says nothing from too few runs or too little temperature change', () => {
    expect(focusDriftStepsPerDegC([{ filter: 'L', temperatureC: 12, positionSteps: 1 }, { filter: 'L', temperatureC: 10, positionSteps: 2 }])).toBeUndefined();
    expect(
      focusDriftStepsPerDegC([
        { filter: 'L', temperatureC: 12, positionSteps: 1 },
        { filter: 'L', temperatureC: 12.1, positionSteps: 2 },
        { filter: 'L', temperatureC: 12.2, positionSteps: 3 },
      ]),
    ).toBeUndefined();
    expect(focusDriftStepsPerDegC([{ temperatureC: 12, positionSteps: 1 }, { temperatureC: undefined, positionSteps: 2 }, { filter: 'R', temperatureC: 9, positionSteps: 3 }])).toBeUndefined();
  });
});
