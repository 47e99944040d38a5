// Guider.cs: GET /equipment/guider/info, start, stop, clear-calibration and graph (notes §3.5, §9).

import type { Router } from '../../../http/router';
import type { GuideRms } from '../../../rig/guider';
import { GUIDER_SCALES, type GuideStepsHistory, type HistoryStep } from '../../../rig/guider-history';
import { err, ok } from '../../../wire/envelope';
import { double, int, netEnum, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';

/** RMSError: each value in pixels and, through the graph's pixel scale, in arcseconds. */
function rmsError(rms: GuideRms): NetValue {
  const unit = (pixels: number): NetValue => ({ Pixel: double(pixels), Arcseconds: double(pixels * rms.arcsecPerPx) });
  return { RA: unit(rms.raPx), Dec: unit(rms.decPx), Total: unit(rms.totalPx), PeakRA: unit(rms.peakRaPx), PeakDec: unit(rms.peakDecPx) };
}

/**
 * GuideInfo: RMSError is GuiderInfo's (absent while disconnected, as GuiderInfo.Reset leaves it
 * null), LastGuideStep is absent until the first guide step since the plugin loaded, and State
 * is absent without a guider.
 */
export function guiderInfo(context: ApiContext): Record<string, NetValue> {
  const guider = context.rig.guider;
  const connected = guider.connected;
  const step = context.plugin.lastGuideStep;
  return {
    ...guider.deviceInfo(),
    CanClearCalibration: connected,
    CanSetShiftRate: connected,
    CanGetLockPosition: connected,
    SupportedActions: guider.supportedActions(),
    RMSError: guider.rmsError === null ? null : rmsError(guider.rmsError),
    PixelScale: double(connected ? guider.pixelScaleArcsecPerPx : 0),
    LastGuideStep:
      step === null
        ? null
        : {
            RADistanceRaw: double(step.raDistanceRawPx),
            DECDistanceRaw: double(step.decDistanceRawPx),
            RADuration: double(step.raDurationMs),
            DECDuration: double(step.decDurationMs),
          },
    State: connected ? guider.state : null,
  };
}

/** NINA's en-US RMS labels (LblPHD2RARMS and friends), values formatted "0.00"; Dec and Tot have no space. */
function rmsTexts(history: GuideStepsHistory): Record<string, string> {
  const { rms } = history;
  const pair = (pixels: number): [string, string] => [pixels.toFixed(2), (pixels * rms.scale).toFixed(2)];
  const [raPx, raArcsec] = pair(rms.raPx);
  const [decPx, decArcsec] = pair(rms.decPx);
  const [totalPx, totalArcsec] = pair(rms.totalPx);
  const [peakRaPx, peakRaArcsec] = pair(rms.peakRaPx);
  const [peakDecPx, peakDecArcsec] = pair(rms.peakDecPx);
  return {
    RAText: `RA: ${raPx} (${raArcsec}")`,
    DecText: `Dec: ${decPx}(${decArcsec}")`,
    TotalText: `Tot: ${totalPx}(${totalArcsec}")`,
    PeakRAText: `Peak RA: ${peakRaPx} (${peakRaArcsec}")`,
    PeakDecText: `Peak Dec: ${peakDecPx} (${peakDecArcsec}")`,
  };
}

function historyStep(step: HistoryStep): NetValue {
  return {
    Id: int(step.id),
    IdOffsetLeft: double(step.id - 0.15),
    IdOffsetRight: double(step.id + 0.15),
    RADistanceRaw: double(step.raDistanceRawPx),
    RADistanceRawDisplay: double(step.raDistanceRawDisplay),
    RADuration: double(step.raDurationMs),
    DECDistanceRaw: double(step.decDistanceRawPx),
    DECDistanceRawDisplay: double(step.decDistanceRawDisplay),
    DECDuration: double(step.decDurationMs),
    Dither: double(step.dither),
  };
}

/** GuideStepsHistory as STJ writes it: its public properties in declaration order. */
export function guideStepsHistory(history: GuideStepsHistory): NetValue {
  const { rms } = history;
  const texts = rmsTexts(history);
  return {
    RMS: {
      RA: double(rms.raPx),
      Dec: double(rms.decPx),
      Total: double(rms.totalPx),
      RAText: texts.RAText,
      DecText: texts.DecText,
      TotalText: texts.TotalText,
      PeakRAText: texts.PeakRAText,
      PeakDecText: texts.PeakDecText,
      Scale: double(rms.scale),
      PeakRA: double(rms.peakRaPx),
      PeakDec: double(rms.peakDecPx),
      DataPoints: int(rms.dataPoints),
    },
    ChangeId: int(history.changeId),
    Interval: double(history.maxY / 4),
    MaxY: double(history.maxY),
    MinY: double(-history.maxY),
    MaxDurationY: double(history.maxDurationY),
    MinDurationY: double(-history.maxDurationY),
    GuideSteps: history.guideSteps.map(historyStep),
    HistorySize: int(history.historySize),
    PixelScale: double(history.pixelScale),
    Scale: netEnum(history.scale, GUIDER_SCALES.indexOf(history.scale)),
  };
}

export function registerGuiderRoutes(router: Router, context: ApiContext): void {
  const { guider } = context.rig;
  const notConnected = () => err('Guider not connected', 409);
  /** The plugin's static GuideToken: every start cancels the start before it. */
  let guideToken: AbortController | null = null;

  router.get('/equipment/guider/info', {}, () => ok(guiderInfo(context)));

  // Awaited, possibly through a calibration; StartGuiding's result is ignored.
  router.get('/equipment/guider/start', { calibrate: queryField.boolean() }, async ({ calibrate }) => {
    if (!guider.connected) return notConnected();
    guideToken?.abort();
    guideToken = new AbortController();
    await guider.startGuiding(calibrate, guideToken.signal);
    return ok('Guiding started');
  });

  router.get('/equipment/guider/stop', {}, async () => {
    if (!guider.connected) return notConnected();
    await guider.stopGuiding();
    return ok('Guiding stopped');
  });

  router.get('/equipment/guider/clear-calibration', {}, async () => {
    if (!guider.connected) return notConnected();
    const cleared = await guider.clearCalibration();
    return { ...ok('Calibration cleared'), Success: cleared };
  });

  // No connected check: NINA's guide graph exists whether or not a guider is connected.
  router.get('/equipment/guider/graph', {}, () => ok(guideStepsHistory(guider.history)));
}
