// Camera.cs: GET /equipment/camera/info (CameraInfoResponse, notes §3.2).

import type { Router } from '../../../http/router';
import { ok } from '../../../wire/envelope';
import { double, netNumber, type NetValue } from '../../../wire/net-values';
import type { ApiContext } from '../api-context';

/**
 * CameraInfoResponse.FromCam: NINA's CameraInfo plus TargetTemp and AtTargetTemp. FromCam never
 * copies HasBattery, so it is always false; AtTargetTemp is exact float equality, so it is
 * usually false while the cooler regulates (and true for a reset camera, where both are 0).
 */
export function cameraInfoResponse(context: ApiContext): Record<string, NetValue> {
  const camera = context.rig.camera;
  const info = camera.info();
  const atTargetTemp = netNumber(info.Temperature ?? null) === netNumber(info.TemperatureSetPoint ?? null);
  return { TargetTemp: double(camera.targetTempC), AtTargetTemp: atTargetTemp, ...info, HasBattery: false };
}

export function registerCameraRoutes(router: Router, context: ApiContext): void {
  router.get('/equipment/camera/info', {}, () => ok(cameraInfoResponse(context)));
}
