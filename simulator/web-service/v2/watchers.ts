// The plugin's *Watcher classes: they subscribe to NINA's mediator events when the plugin loads
// and turn them into /v2/socket events (notes §13.3).

import type { DeviceKind } from '../../rig/device';
import type { ApiContext } from './api-context';
import { startImageWatcher } from './application/image';
import { startSequenceWatcher } from './application/sequence';
import { startLiveStackWatcher } from './application/livestack';
import { filterInfo } from './equipment/filter-wheel';
import { startFocuserWatcher } from './equipment/focuser';
import { startMountWatcher } from './equipment/mount';
import { startLogWatcher } from './log-watcher';

/** The event-name prefix each watcher uses for its device's connect and disconnect. */
const EVENT_PREFIX: Readonly<Record<DeviceKind, string>> = {
  camera: 'CAMERA',
  dome: 'DOME',
  filterwheel: 'FILTERWHEEL',
  flatdevice: 'FLAT',
  focuser: 'FOCUSER',
  guider: 'GUIDER',
  mount: 'MOUNT',
  rotator: 'ROTATOR',
  safetymonitor: 'SAFETY',
  switch: 'SWITCH',
  weather: 'WEATHER',
};

export function startWatchers(context: ApiContext): void {
  const { rig, events, plugin } = context;
  for (const device of Object.values(rig.devices)) {
    const prefix = EVENT_PREFIX[device.kind];
    device.connectedSignal.subscribe(() => events.sendAndAddEvent(`${prefix}-CONNECTED`));
    device.disconnectedSignal.subscribe(() => events.sendAndAddEvent(`${prefix}-DISCONNECTED`));
  }
  startMountWatcher(context);
  startLogWatcher(context);
  startImageWatcher(context);
  startFocuserWatcher(context);
  startSequenceWatcher(context);
  startLiveStackWatcher(context);
  rig.safetyMonitor.isSafeChanged.subscribe((isSafe) => events.sendAndAddEvent('SAFETY-CHANGED', { IsSafe: isSafe }));
  rig.filterWheel.filterChanged.subscribe(({ previous, next }) =>
    events.sendAndAddEvent('FILTERWHEEL-CHANGED', { Previous: filterInfo(previous), New: filterInfo(next) }),
  );
  rig.guider.guideEvent.subscribe((step) => {
    plugin.lastGuideStep = step;
  });
  rig.guider.guidingStarted.subscribe(() => events.sendAndAddEvent('GUIDER-START'));
  rig.guider.guidingStopped.subscribe(() => events.sendAndAddEvent('GUIDER-STOP'));
  rig.guider.afterDither.subscribe(() => events.sendAndAddEvent('GUIDER-DITHER'));
}
