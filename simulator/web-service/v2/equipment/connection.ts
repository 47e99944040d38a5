// Connection.cs (notes §3.1, §3.9): the equipment bundle and the generic device routes
// list-devices, rescan, connect and disconnect for every `{device}`.

import type { Router } from '../../../http/router';
import { isDeviceKind, type ChooserEntry, type Device } from '../../../rig/device';
import { err, ok } from '../../../wire/envelope';
import type { NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';
import { cameraInfoResponse } from './camera';
import { domeInfo } from './dome';
import { filterWheelInfo } from './filter-wheel';
import { guiderInfo } from './guider';
import { mountInfo } from './mount';

/** IDevice as STJ writes chooser.Devices. */
function chooserEntry(entry: ChooserEntry): NetValue {
  return {
    HasSetupDialog: entry.hasSetupDialog,
    Id: entry.id,
    Name: entry.name,
    DisplayName: entry.displayName,
    Category: entry.category,
    Connected: entry.connected,
    Description: entry.description,
    DriverInfo: entry.driverInfo,
    DriverVersion: entry.driverVersion,
    SupportedActions: entry.supportedActions,
  };
}

/** `.First(x => x.Id == to)` with no match throws, which the catch-all turns into 500 Unknown error. */
class NoMatchingDeviceError extends Error {}

export function registerConnectionRoutes(router: Router, context: ApiContext): void {
  const { rig } = context;
  const deviceFor = (name: string | undefined): Device | null => (name !== undefined && isDeviceKind(name) ? rig.devices[name] : null);
  const invalidEquipment = () => err('Invalid equipment', 400);

  // One exception anywhere turns the whole bundle into 500 Unknown error; there is no per-device isolation.
  router.get('/equipment/info', {}, () =>
    ok({
      Camera: cameraInfoResponse(context),
      Dome: domeInfo(context),
      FilterWheel: filterWheelInfo(context),
      FlatDevice: rig.flatDevice.info(),
      Focuser: rig.focuser.info(),
      Guider: guiderInfo(context),
      Mount: mountInfo(context),
      Rotator: rig.rotator.info(),
      SafetyMonitor: rig.safetyMonitor.info(),
      Switch: rig.powerBox.info(),
      WeatherData: rig.weather.info(),
    }),
  );

  router.get('/equipment/{device}/list-devices', {}, (_query, request) => {
    const device = deviceFor(request.params.device);
    if (device === null) return invalidEquipment();
    return ok(device.chooserDevices().map(chooserEntry));
  });

  router.get('/equipment/{device}/rescan', {}, async (_query, request) => {
    const device = deviceFor(request.params.device);
    if (device === null) return invalidEquipment();
    await device.rescan();
    return ok(device.chooserDevices().map(chooserEntry));
  });

  router.get('/equipment/{device}/connect', { to: queryField.string() }, async ({ to }, request) => {
    const device = deviceFor(request.params.device);
    if (device === null) return invalidEquipment();
    if (request.query.has('to') && !device.select(to ?? '')) throw new NoMatchingDeviceError(to ?? '');
    const connected = await device.connect();
    return connected ? ok('Connected') : err('Failed to connect', 400);
  });

  router.get('/equipment/{device}/disconnect', {}, async (_query, request) => {
    const device = deviceFor(request.params.device);
    if (device === null) return invalidEquipment();
    await device.disconnect();
    return ok('Disconnected');
  });
}
