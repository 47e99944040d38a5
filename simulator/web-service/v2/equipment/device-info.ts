// The devices whose */info is NINA's own *Info object, unchanged by the plugin: focuser, rotator,
// flat device, safety monitor, switch and weather (Focuser.cs, Rotator.cs, FlatDevice.cs, …).

import type { Router } from '../../../http/router';
import { ok } from '../../../wire/envelope';
import type { ApiContext } from '../api-context';

export function registerDeviceInfoRoutes(router: Router, context: ApiContext): void {
  const { focuser, rotator, flatDevice, safetyMonitor, powerBox, weather } = context.rig;
  router.get('/equipment/focuser/info', {}, () => ok(focuser.info()));
  router.get('/equipment/rotator/info', {}, () => ok(rotator.info()));
  router.get('/equipment/flatdevice/info', {}, () => ok(flatDevice.info()));
  router.get('/equipment/safetymonitor/info', {}, () => ok(safetyMonitor.info()));
  router.get('/equipment/switch/info', {}, () => ok(powerBox.info()));
  router.get('/equipment/weather/info', {}, () => ok(weather.info()));
}
