// A flip-flat panel (Alnitak Flip-Flat) and NINA's FlatDeviceInfo.

import { int, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import { CoverState, type CoverStateName } from './nina-enums';

/** NINA's "LblFlatDevice<state>" strings in English. */
const LOCALIZED_COVER_STATE: Readonly<Record<CoverStateName, string>> = {
  Unknown: 'Unknown',
  NeitherOpenNorClosed: 'Neither open nor closed',
  Closed: 'Closed',
  Open: 'Open',
  Error: 'Error',
  NotPresent: 'Not present',
};

export class FlatDevice extends Device {
  coverState: CoverStateName = 'Open';
  lightOn = false;
  brightness = 0;

  constructor(services: DeviceServices) {
    super(
      {
        kind: 'flatdevice',
        driver: {
          id: 'Alnitak_FlipFlat_COM5',
          name: 'Alnitak Flip-Flat',
          displayName: 'Alnitak Flip-Flat',
          description: 'Flip-Flat on COM5',
          driverInfo: 'Serial Driver for Alnitak Flat Devices',
          driverVersion: '1.1',
          category: 'Alnitak Astrosystems',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Flat Device',
        logLabel: 'flat device',
        connectOrigin: { source: 'FlatDeviceVM.cs', member: 'Connect', line: 221 },
        disconnectOrigin: { source: 'FlatDeviceVM.cs', member: 'Disconnect', line: 297 },
        connectDurationMs: 1000,
        rescanDurationMs: 1000,
      },
      services,
    );
  }

  protected onConnected(): void {}

  protected onDisconnected(): void {}

  /** NINA's FlatDeviceInfo; a reset leaves CoverState at default(CoverState) = Unknown and the light "Off". */
  info(): Record<string, NetValue> {
    const connected = this.connected;
    const coverState: CoverStateName = connected ? this.coverState : 'Unknown';
    const lightOn = connected && this.lightOn;
    return {
      CoverState: CoverState[coverState],
      LocalizedCoverState: LOCALIZED_COVER_STATE[coverState],
      LocalizedLightOnState: lightOn ? 'On' : 'Off',
      LightOn: lightOn,
      Brightness: int(connected ? this.brightness : 0),
      SupportsOpenClose: connected,
      MinBrightness: int(0),
      MaxBrightness: int(connected ? 255 : 0),
      SupportsOnOff: connected,
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      coverState: this.coverState,
      lightOn: this.lightOn,
      brightness: this.brightness,
    };
  }
}
