// NINA's AutoFocusVM.StartAutoFocus with the profile's STARHFR / HYPERBOLIC settings: move out by
// initialOffsetSteps × stepSize, measure while stepping in, keep stepping until both trend lines have
// initialOffsetSteps points, fit, move to the hyperbola's minimum, take a validation frame, write the
// report. Every point comes from a real synthetic frame, so the curve is the focus model's.

import { Signal } from '../device';
import type { Focuser } from '../focuser';
import type { FilterWheel, ProfileFilter } from '../filter-wheel';
import type { NinaLog } from '../nina-log';
import { ClockDisposedError, type SimClock } from '../sim-clock';
import {
  gaussianFitting,
  hyperbolicFitting,
  quadraticFitting,
  trendlineFitting,
  type CurvePoint,
  type FocusMeasurement,
} from './curve-fitting';
import { AUTOFOCUS_SETTINGS } from './profile';

export interface FocusPointValue {
  position: number;
  value: number;
  error: number;
}

/** NINA's AutoFocusReport (Version 2), as the JSON file in %LOCALAPPDATA%\NINA\AutoFocus holds it. */
export interface AutofocusReport {
  filter: string;
  timestampMs: number;
  temperatureC: number;
  method: string;
  fitting: string;
  initialFocusPoint: FocusPointValue;
  calculatedFocusPoint: FocusPointValue;
  previousFocusPoint: FocusPointValue;
  measurePoints: FocusPointValue[];
  intersections: {
    trendLineIntersection: FocusPointValue;
    hyperbolicMinimum: FocusPointValue;
    quadraticMinimum: FocusPointValue;
    gaussianMaximum: FocusPointValue;
  };
  fittings: {
    quadratic: string | null;
    hyperbolic: string | null;
    gaussian: string | null;
    leftTrend: string;
    rightTrend: string;
  };
  rSquares: { quadratic: number; hyperbolic: number; leftTrend: number; rightTrend: number };
  backlashCompensation: { model: string; backlashIn: number; backlashOut: number };
  durationMs: number;
}

/** One focus frame's measurement: NINA's MeasureAndError. */
export interface FocusFrameMeasurement {
  hfr: number;
  hfrStDev: number;
}

/** What the routine needs from the camera side: one AF exposure at the current focuser position (`clouded`: no stars get through). */
export type FocusFrameTaker = (filter: ProfileFilter | null, signal: AbortSignal, clouded: boolean) => Promise<FocusFrameMeasurement>;

export interface AutofocusServices {
  clock: SimClock;
  log: NinaLog;
  focuser: Focuser;
  filterWheel: FilterWheel;
  takeFocusFrame: FocusFrameTaker;
}

/** NINA's own failures (not enough points, a bad fit); anything else thrown inside is a "Failure during AutoFocus". */
class AutofocusRejected extends Error {}

const ORIGIN = { source: 'AutoFocusVM.cs', member: 'StartAutoFocus', line: 0 } as const;
const at = (line: number) => ({ ...ORIGIN, line });
const focusPoint = (point: CurvePoint): FocusPointValue => ({ position: point.position, value: point.value, error: 0 });

export class Autofocus {
  readonly starting = new Signal();
  readonly pointAdded = new Signal<{ hfr: number; positionSteps: number }>();
  readonly finished = new Signal<AutofocusReport>();
  /** The newest report file, whichever run wrote it (last-af reads the newest file). */
  lastReport: AutofocusReport | null = null;
  /** Test control: the next run sees no stars at all (clouds), so it cannot find a curve. */
  failNextRun = false;
  running = false;

  constructor(private readonly services: AutofocusServices) {}

  /**
   * Runs one autofocus. Resolves with the report, or null when the run failed (ERROR-AF) or was
   * cancelled through `signal` (no ERROR-AF); either way the focuser goes back where it started.
   */
  async run(signal: AbortSignal = new AbortController().signal): Promise<AutofocusReport | null> {
    const { clock, log, focuser, filterWheel } = this.services;
    const startMs = clock.nowMs();
    const clouded = this.failNextRun;
    this.failNextRun = false;
    this.running = true;
    const initialPosition = focuser.positionSteps;
    let completed = false;
    this.starting.emit();
    try {
      const filter = filterWheel.connected ? filterWheel.selectedFilter : null;
      const points: FocusMeasurement[] = [];
      const measure = async (): Promise<FocusMeasurement> => {
        const frame = await this.services.takeFocusFrame(filter, signal, clouded);
        const hfr = Number.isFinite(frame.hfr) ? frame.hfr : 0;
        const stDev = hfr === 0 ? 1000 : Number.isFinite(frame.hfrStDev) ? frame.hfrStDev : 0;
        if (hfr === 0) log.write('WARNING', at(591), `No stars detected in step ${points.length + 1}. Setting a high stddev to ignore the point.`);
        return { positionSteps: focuser.positionSteps, hfr, error: Math.max(0.001, stDev) };
      };
      const addPoint = (point: FocusMeasurement): void => {
        points.push(point);
        points.sort((a, b) => a.positionSteps - b.positionSteps);
        this.pointAdded.emit({ hfr: point.hfr, positionSteps: point.positionSteps });
      };
      const moveBy = (steps: number): Promise<number> => focuser.moveTo(focuser.positionSteps + steps, signal);
      const { stepSizeSteps: step, initialOffsetSteps: offsetSteps } = AUTOFOCUS_SETTINGS;

      await moveBy(offsetSteps * step);
      for (let i = 0; i <= offsetSteps; i++) {
        const point = await measure();
        if (i < offsetSteps) await moveBy(-step);
        addPoint(point);
      }
      const maximumPoints = AUTOFOCUS_SETTINGS.framesPerPoint * offsetSteps * 10;
      const zeroPoints = (side: -1 | 1, minimum: number): number =>
        points.filter((point) => Math.sign(point.positionSteps - minimum) === side && point.hfr === 0).length;
      for (;;) {
        const trend = trendlineFitting(points);
        const minimum = trend.minimum?.positionSteps ?? 0;
        if (trend.leftCount + zeroPoints(-1, minimum) >= offsetSteps && trend.rightCount + zeroPoints(1, minimum) >= offsetSteps) break;
        if (trend.leftCount === 0 && trend.rightCount === 0) throw new AutofocusRejected('Not enough spread points');
        if (trend.leftCount < offsetSteps && zeroPoints(-1, minimum) < offsetSteps) {
          const leftmost = points[0]?.positionSteps ?? focuser.positionSteps;
          if (focuser.positionSteps !== leftmost) await focuser.moveTo(leftmost, signal);
          await moveBy(-step);
        } else {
          const rightmost = points.at(-1)?.positionSteps ?? focuser.positionSteps;
          if (focuser.positionSteps !== rightmost) await focuser.moveTo(rightmost, signal);
          await moveBy(step);
        }
        addPoint(await measure());
        if (points.length > maximumPoints) {
          log.write('ERROR', at(228), `Autofocus failed to complete. Maximum number of focus points exceeded (${maximumPoints}).`);
          break;
        }
        if (focuser.positionSteps === 0) {
          log.write('ERROR', at(234), 'Autofocus failed to complete. Focuser Position reached 0.');
          break;
        }
      }

      const trend = trendlineFitting(points);
      const hyperbolic = hyperbolicFitting(points);
      const quadratic = quadraticFitting(points);
      const gaussian = gaussianFitting(points);
      const final = hyperbolic.extremum;
      let good = true;
      if (hyperbolic.rSquared < AUTOFOCUS_SETTINGS.rSquaredThreshold) {
        log.write(
          'ERROR',
          at(520),
          `Auto Focus Failed! R² (Coefficient of determination) for Hyperbolic Fitting is below threshold. ${Math.round(hyperbolic.rSquared * 100) / 100} / ${AUTOFOCUS_SETTINGS.rSquaredThreshold}`,
        );
        good = false;
      }
      const minPosition = points[0]?.positionSteps ?? 0;
      const maxPosition = points.at(-1)?.positionSteps ?? 0;
      if (good && (final.position < minPosition || final.position > maxPosition)) {
        log.write(
          'ERROR',
          at(541),
          `Determined focus point position is outside of the overall measurement points of the curve. Fitting is incorrect and autofocus settings are incorrect. FocusPosition ${final.position}; Min: ${minPosition}; Max:${maxPosition}`,
        );
        good = false;
      }
      if (good) {
        await focuser.moveTo(final.position, signal);
        await measure();
      }
      // NINA writes the report before it looks at `good`, and records the final point as the
      // "previous" one just before (LastAutoFocusPoint), so both points are the same.
      const calculated = focusPoint(final);
      this.lastReport = {
        filter: filter?.name ?? '',
        timestampMs: clock.nowMs(),
        temperatureC: focuser.connected ? focuser.temperatureC() : Number.NaN,
        method: AUTOFOCUS_SETTINGS.method,
        fitting: AUTOFOCUS_SETTINGS.curveFitting,
        initialFocusPoint: { position: initialPosition, value: Number.NaN, error: 0 },
        calculatedFocusPoint: calculated,
        previousFocusPoint: { ...calculated },
        measurePoints: points.map((point) => ({ position: point.positionSteps, value: point.hfr, error: point.error })),
        intersections: {
          trendLineIntersection: focusPoint(trend.intersection),
          hyperbolicMinimum: focusPoint(hyperbolic.extremum),
          quadraticMinimum: focusPoint(quadratic.extremum),
          gaussianMaximum: focusPoint(gaussian.extremum),
        },
        fittings: {
          quadratic: quadratic.expression,
          hyperbolic: hyperbolic.expression,
          gaussian: gaussian.expression,
          leftTrend: trend.left.expression,
          rightTrend: trend.right.expression,
        },
        rSquares: {
          quadratic: quadratic.rSquared,
          hyperbolic: hyperbolic.rSquared,
          leftTrend: trend.left.rSquared,
          rightTrend: trend.right.rSquared,
        },
        backlashCompensation: {
          model: AUTOFOCUS_SETTINGS.backlashModel,
          backlashIn: AUTOFOCUS_SETTINGS.backlashIn,
          backlashOut: AUTOFOCUS_SETTINGS.backlashOut,
        },
        durationMs: clock.nowMs() - startMs,
      };
      if (!good) {
        log.write('WARNING', at(271), 'Potentially bad auto-focus. Restoring original focus position.');
        throw new AutofocusRejected('Potentially bad auto-focus');
      }
      completed = true;
      log.info(at(279), 'AutoFocus completed');
      this.finished.emit(this.lastReport);
      return this.lastReport;
    } catch (error) {
      if (error instanceof ClockDisposedError) return null;
      if (signal.aborted) {
        log.write('WARNING', at(281), 'AutoFocus cancelled');
        return null;
      }
      const reason = error instanceof Error ? error.message : String(error);
      if (!(error instanceof AutofocusRejected)) log.write('ERROR', at(284), `Failure during AutoFocus: ${reason}`);
      return this.fail(reason);
    } finally {
      if (!completed) await this.restore(initialPosition);
      this.running = false;
    }
  }

  /** The line the plugin's log watcher turns into ERROR-AF; its pattern needs text after "run". */
  private fail(reason: string): null {
    this.services.log.write('ERROR', { source: 'RunAutofocus.cs', member: 'Execute', line: 96 }, `Autofocus failed to run: ${reason}`);
    return null;
  }

  private async restore(initialPosition: number): Promise<void> {
    const { log, focuser } = this.services;
    log.write('WARNING', at(290), `AutoFocus did not complete successfully, so restoring the focuser position to ${initialPosition}`);
    if (!focuser.connected) return;
    try {
      await focuser.moveTo(initialPosition);
    } catch {
      log.write('ERROR', at(294), 'Failed to restore focuser position after AutoFocus failure');
    }
  }
}
