// Focuser.cs (notes §8): move, stop-move, auto-focus (with its not-connected quirk), last-af, and the
// FocuserWatcher's AUTOFOCUS-* events. /equipment/focuser/info is NINA's FocuserInfo (device-info.ts).

import type { Router } from '../../../http/router';
import type { AutofocusReport, FocusPointValue } from '../../../rig/imaging/autofocus';
import type { Rig } from '../../../rig/rig';
import { err, ok, type Envelope } from '../../../wire/envelope';
import { dateTimeLocal, double, int, timeSpan, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';

/** The plugin's static cancellation tokens: one for API moves, one for API-started autofocus. */
interface FocuserPluginState {
  move: AbortController | null;
  autofocus: AbortController | null;
  /** The API's last AF run; a new one starts once the cancelled one has put the focuser back. */
  autofocusRun: Promise<unknown>;
}

const states = new WeakMap<Rig, FocuserPluginState>();

function pluginState(rig: Rig): FocuserPluginState {
  let state = states.get(rig);
  if (state === undefined) {
    state = { move: null, autofocus: null, autofocusRun: Promise.resolve() };
    states.set(rig, state);
  }
  return state;
}

function focusPoint(point: FocusPointValue): NetValue {
  return { Position: double(point.position), Value: double(point.value), Error: double(point.error) };
}

/** NINA's AutoFocusReport as the plugin re-serializes the JSON file with STJ (null fittings omitted). */
export function autofocusReportValue(report: AutofocusReport): NetValue {
  return {
    Version: int(2),
    Filter: report.filter,
    AutoFocuserName: 'NINA',
    StarDetectorName: 'NINA',
    Timestamp: dateTimeLocal(report.timestampMs),
    Temperature: double(report.temperatureC),
    Method: report.method,
    Fitting: report.fitting,
    InitialFocusPoint: focusPoint(report.initialFocusPoint),
    CalculatedFocusPoint: focusPoint(report.calculatedFocusPoint),
    PreviousFocusPoint: focusPoint(report.previousFocusPoint),
    MeasurePoints: report.measurePoints.map(focusPoint),
    Intersections: {
      TrendLineIntersection: focusPoint(report.intersections.trendLineIntersection),
      HyperbolicMinimum: focusPoint(report.intersections.hyperbolicMinimum),
      QuadraticMinimum: focusPoint(report.intersections.quadraticMinimum),
      GaussianMaximum: focusPoint(report.intersections.gaussianMaximum),
    },
    Fittings: {
      Quadratic: report.fittings.quadratic,
      Hyperbolic: report.fittings.hyperbolic,
      Gaussian: report.fittings.gaussian,
      LeftTrend: report.fittings.leftTrend,
      RightTrend: report.fittings.rightTrend,
    },
    RSquares: {
      Quadratic: double(report.rSquares.quadratic),
      Hyperbolic: double(report.rSquares.hyperbolic),
      LeftTrend: double(report.rSquares.leftTrend),
      RightTrend: double(report.rSquares.rightTrend),
    },
    BacklashCompensation: {
      BacklashCompensationModel: report.backlashCompensation.model,
      BacklashIN: int(report.backlashCompensation.backlashIn),
      BacklashOUT: int(report.backlashCompensation.backlashOut),
    },
    Duration: timeSpan(report.durationMs),
  };
}

/** FocuserWatcher: NINA's IFocuserConsumer callbacks for every AF run (ERROR-AF comes from the log watcher). */
export function startFocuserWatcher(context: ApiContext): void {
  const { rig, events } = context;
  const autofocus = rig.imaging.autofocus;
  autofocus.starting.subscribe(() => events.sendAndAddEvent('AUTOFOCUS-STARTING'));
  // DataPoint X and Y are doubles, so the socket's Newtonsoft writes the position as 12345.0.
  autofocus.pointAdded.subscribe(({ hfr, positionSteps }) =>
    events.sendAndAddEvent('AUTOFOCUS-POINT-ADDED', { HFR: double(hfr), Position: double(positionSteps) }),
  );
  autofocus.finished.subscribe(() => events.sendAndAddEvent('AUTOFOCUS-FINISHED'));
}

export function registerFocuserRoutes(router: Router, context: ApiContext): void {
  const { rig } = context;
  const { focuser, imaging } = rig;
  const state = pluginState(rig);
  const notConnected = (): Envelope => err('Focuser not connected', 409);

  router.get('/equipment/focuser/move', { position: queryField.int32() }, ({ position }) => {
    if (!focuser.connected) return notConnected();
    state.move?.abort();
    const move = new AbortController();
    state.move = move;
    void focuser.moveTo(position, move.signal).catch(() => undefined);
    return ok('Move started');
  });

  /** Cancels the API move's token only: a move the AF or NINA started goes on. */
  router.get('/equipment/focuser/stop-move', {}, () => {
    if (!focuser.connected) return notConnected();
    state.move?.abort();
    state.move = null;
    return ok('Focuser move stopped');
  });

  /**
   * Focuser.cs builds the not-connected error table but carries on (notes §8): the AF still starts
   * or is cancelled, and the reply carries both the error fields and the Response text.
   */
  router.get('/equipment/focuser/auto-focus', { cancel: queryField.boolean() }, ({ cancel }) => {
    const reply = (text: string): Envelope => (focuser.connected ? ok(text) : { ...notConnected(), Response: text });
    state.autofocus?.abort();
    state.autofocus = null;
    if (cancel) return reply('Autofocus canceled');
    const run = new AbortController();
    state.autofocus = run;
    state.autofocusRun = state.autofocusRun.then(() => imaging.autofocus.run(run.signal));
    return reply('Autofocus started');
  });

  router.get('/equipment/focuser/last-af', {}, () => {
    const report = imaging.autofocus.lastReport;
    return report === null ? err('No AF available', 500) : ok(autofocusReportValue(report));
  });
}
