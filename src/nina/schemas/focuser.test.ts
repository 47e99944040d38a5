import { describe, expect, it } from 'vitest';
import { autofocusReportSchema } from './focuser';

/** last-af's Response as the plugin sends it (STJ: NaN as a string, nulls omitted; notes §8). */
const lastAfResponse = {
  Version: 2,
  Filter: 'L',
  AutoFocuserName: 'NINA',
  StarDetectorName: 'NINA',
  Timestamp: '2026-11-21T00:33:40.875574+01:00',
  Temperature: 12.15,
  Method: 'STARHFR',
  Fitting: 'HYPERBOLIC',
  InitialFocusPoint: { Position: 15320, Value: 'NaN', Error: 0 },
  CalculatedFocusPoint: { Position: 15354, Value: 1.649748607415829, Error: 0 },
  PreviousFocusPoint: { Position: 15354, Value: 1.649748607415829, Error: 0 },
  MeasurePoints: [
    { Position: 15200, Value: 3.5278447142424043, Error: 0.27151998425771073 },
    { Position: 15080, Value: 5.829842592035677, Error: 0.358374684412823 },
    { Position: 15380, Value: 1.7280509144781184, Error: 0.12449922777258256 },
  ],
  Intersections: {
    TrendLineIntersection: { Position: 15352, Value: 0.8317460761953157, Error: 0 },
    HyperbolicMinimum: { Position: 15354, Value: 1.649748607415829, Error: 0 },
    QuadraticMinimum: { Position: 15352, Value: 1.8323781492945272, Error: 0 },
    GaussianMaximum: { Position: 15080, Value: 5.7818932742323526, Error: 0 },
  },
  Fittings: {
    Quadratic: 'y = 5.9323995179898356E-05 * x^2 + -1.8214827716818718 * x + 13983.525104133761',
    Hyperbolic: 'y = 1.649748607415829 * cosh(asinh((15353.75 - x) / 80.88824682100692))',
    Gaussian: 'y = 2.6216476725039075 * exp(-1 * (x - 15079.884388995128) * (x - 15079.884388995128) / (2 * 57.82449882155419 * 57.82449882155419)) + 3.1602456017284446',
    LeftTrend: 'y = -0.018190805593049354 * x + 280.0991469613',
    RightTrend: 'y = 0.01779801224656167 * x + -272.4054448549043',
  },
  RSquares: { Quadratic: 0.9730926949038348, Hyperbolic: 0.9998224770772525, LeftTrend: 0.9986358519364218, RightTrend: 'NaN' },
  BacklashCompensation: { BacklashCompensationModel: 'ABSOLUTE', BacklashIN: 0, BacklashOUT: 0 },
  Duration: '00:00:59.9820354',
};

describe('autofocusReportSchema', () => {
  it('turns NINA’s report into the domain report: units in names, points by position, NaN gone', () => {
    const report = autofocusReportSchema.parse(lastAfResponse);
    expect(report.filter).toBe('L');
    expect(report.temperatureC).toBe(12.15);
    expect(report.timestampMs).toBe(Date.parse('2026-11-21T00:33:40.875+01:00'));
    expect(report.calculatedFocusPoint).toEqual({ positionSteps: 15354, value: 1.649748607415829, error: 0 });
    expect(report.initialFocusPoint).toEqual({ positionSteps: 15320, value: undefined, error: 0 });
    expect(report.measurePoints.map((point) => point.positionSteps)).toEqual([15080, 15200, 15380]);
    expect(report.intersections.quadraticMinimum?.positionSteps).toBe(15352);
    expect(report.intersections.gaussianMaximum?.positionSteps).toBe(15080);
    expect(report.fittings.hyperbolic).toBe(lastAfResponse.Fittings.Hyperbolic);
    expect(report.rSquared).toEqual({ quadratic: 0.9730926949038348, hyperbolic: 0.9998224770772525, leftTrend: 0.9986358519364218, rightTrend: undefined });
    expect(report.backlash).toEqual({ model: 'ABSOLUTE', inSteps: 0, outSteps: 0 });
    expect(report.durationMs).toBeCloseTo(59_982.0354, 6);
    // Plain JSON: it survives the session history's storage unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('tolerates what an older or odder NINA leaves out: fittings, RSquares, intersections, empty formulas', () => {
    const report = autofocusReportSchema.parse({
      CalculatedFocusPoint: { Position: 15000, Value: 2.1, Error: 0 },
      Fittings: { Quadratic: '', Hyperbolic: 'y = 2 * cosh(asinh((15000 - x) / 80))' },
      Temperature: 'NaN',
      Filter: '',
      Timestamp: 'not a time',
      Duration: 'soon',
      Extra: { anything: true },
    });
    expect(report.fittings).toEqual({ hyperbolic: 'y = 2 * cosh(asinh((15000 - x) / 80))', quadratic: undefined, gaussian: undefined, leftTrend: undefined, rightTrend: undefined });
    expect(report.measurePoints).toEqual([]);
    expect(report.temperatureC).toBeUndefined();
    expect(report.filter).toBeUndefined();
    expect(report.timestampMs).toBeUndefined();
    expect(report.durationMs).toBeUndefined();
    expect(report.rSquared.hyperbolic).toBeUndefined();
  });

  it('refuses a reply without the chosen position', () => {
    expect(autofocusReportSchema.safeParse({ Filter: 'L' }).success).toBe(false);
    expect(autofocusReportSchema.safeParse('No AF available').success).toBe(false);
  });
});
