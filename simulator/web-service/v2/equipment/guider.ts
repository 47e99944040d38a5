// Guider.cs: GET /equipment/guider/info (GuideInfo, notes §3.5).

import type { Router } from '../../../http/router';
import { ok } from '../../../wire/envelope';
import { double, type NetValue } from '../../../wire/net-values';
import type { ApiContext } from '../api-context';

function rmsValue(pixels: number, pixelScale: number): NetValue {
  return { Pixel: double(pixels), Arcseconds: double(pixels * pixelScale) };
}

/** GuideInfo: LastGuideStep is absent until the first guide step since the plugin loaded; State is absent without a guider. */
export function guiderInfo(context: ApiContext): Record<string, NetValue> {
  const guider = context.rig.guider;
  const connected = guider.connected;
  const pixelScale = connected ? guider.pixelScaleArcsecPerPx : 0;
  const rms = guider.rms();
  const step = context.plugin.lastGuideStep;
  return {
    ...guider.deviceInfo(),
    CanClearCalibration: connected,
    CanSetShiftRate: connected,
    CanGetLockPosition: connected,
    SupportedActions: guider.supportedActions(),
    RMSError: {
      RA: rmsValue(rms.raPx, pixelScale),
      Dec: rmsValue(rms.decPx, pixelScale),
      Total: rmsValue(rms.totalPx, pixelScale),
      PeakRA: rmsValue(rms.peakRaPx, pixelScale),
      PeakDec: rmsValue(rms.peakDecPx, pixelScale),
    },
    PixelScale: double(pixelScale),
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

export function registerGuiderRoutes(router: Router, context: ApiContext): void {
  router.get('/equipment/guider/info', {}, () => ok(guiderInfo(context)));
}
