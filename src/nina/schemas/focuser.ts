import { z } from 'zod';
import { parseTimeSpanMs } from '../../lib/timespan';
import { maybe, ninaNumber } from './common';

/**
 * `GET /equipment/focuser/last-af`: NINA's AutoFocusReport (Version 2), the newest JSON file in
 * NINA's AutoFocus folder re-serialized by the plugin (notes §8). Every number may be "NaN" and
 * every field may be missing on an older NINA, so the domain report keeps only finite numbers
 * (undefined otherwise). That also makes it plain JSON, fit for the session history.
 */

const finite = maybe(ninaNumber).transform((value) => (value !== undefined && Number.isFinite(value) ? value : undefined));
const text = maybe(z.string());
/** NINA writes "" for a fitting it did not compute; the plugin omits a null one. */
const formula = text.transform((value) => (value?.trim() ? value : undefined));

const focusPointSchema = z
  .object({ Position: finite, Value: finite, Error: finite })
  .transform(({ Position, Value, Error }) => ({ positionSteps: Position, value: Value, error: Error }));

const optionalPoint = maybe(focusPointSchema);

/** NINA's DateTime text (local, with the NINA PC's offset) as epoch ms; undefined when unreadable. */
function dateTimeMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export const autofocusReportSchema = z
  .object({
    Version: finite,
    Filter: text,
    AutoFocuserName: text,
    StarDetectorName: text,
    Timestamp: text,
    Temperature: finite,
    Method: text,
    Fitting: text,
    InitialFocusPoint: optionalPoint,
    CalculatedFocusPoint: focusPointSchema,
    PreviousFocusPoint: optionalPoint,
    MeasurePoints: maybe(z.array(focusPointSchema)),
    Intersections: maybe(
      z.object({ TrendLineIntersection: optionalPoint, HyperbolicMinimum: optionalPoint, QuadraticMinimum: optionalPoint, GaussianMaximum: optionalPoint }),
    ),
    Fittings: maybe(z.object({ Quadratic: formula, Hyperbolic: formula, Gaussian: formula, LeftTrend: formula, RightTrend: formula })),
    RSquares: maybe(z.object({ Quadratic: finite, Hyperbolic: finite, LeftTrend: finite, RightTrend: finite })),
    BacklashCompensation: maybe(z.object({ BacklashCompensationModel: text, BacklashIN: finite, BacklashOUT: finite })),
    Duration: text,
  })
  .transform((report) => ({
    filter: report.Filter || undefined,
    autoFocuserName: report.AutoFocuserName,
    starDetectorName: report.StarDetectorName,
    /** NINA's own text: its wall clock, which may differ from this device's. */
    timestamp: report.Timestamp,
    timestampMs: dateTimeMs(report.Timestamp),
    temperatureC: report.Temperature,
    method: report.Method,
    fitting: report.Fitting,
    initialFocusPoint: report.InitialFocusPoint,
    /** Its position is where NINA left the focuser: the run's result. */
    calculatedFocusPoint: report.CalculatedFocusPoint,
    previousFocusPoint: report.PreviousFocusPoint,
    measurePoints: (report.MeasurePoints ?? [])
      .filter((point): point is typeof point & { positionSteps: number } => point.positionSteps !== undefined)
      .sort((a, b) => a.positionSteps - b.positionSteps),
    intersections: {
      trendLine: report.Intersections?.TrendLineIntersection,
      hyperbolicMinimum: report.Intersections?.HyperbolicMinimum,
      quadraticMinimum: report.Intersections?.QuadraticMinimum,
      gaussianMaximum: report.Intersections?.GaussianMaximum,
    },
    fittings: {
      quadratic: report.Fittings?.Quadratic,
      hyperbolic: report.Fittings?.Hyperbolic,
      gaussian: report.Fittings?.Gaussian,
      leftTrend: report.Fittings?.LeftTrend,
      rightTrend: report.Fittings?.RightTrend,
    },
    rSquared: {
      quadratic: report.RSquares?.Quadratic,
      hyperbolic: report.RSquares?.Hyperbolic,
      leftTrend: report.RSquares?.LeftTrend,
      rightTrend: report.RSquares?.RightTrend,
    },
    backlash: report.BacklashCompensation
      ? {
          model: report.BacklashCompensation.BacklashCompensationModel,
          inSteps: report.BacklashCompensation.BacklashIN,
          outSteps: report.BacklashCompensation.BacklashOUT,
        }
      : undefined,
    durationMs: report.Duration === undefined ? undefined : parseTimeSpanMs(report.Duration),
  }));

export type AutofocusReport = z.output<typeof autofocusReportSchema>;
export type AutofocusFocusPoint = z.output<typeof focusPointSchema>;
export type AutofocusMeasurePoint = AutofocusReport['measurePoints'][number];
