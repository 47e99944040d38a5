// A rotating dome (NexDome through ASCOM) that NINA's dome follower keeps in line with the mount.

import { double, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import type { Mount } from './mount';
import { ShutterState, type ShutterStateName } from './nina-enums';

export class Dome extends Device {
  shutter: ShutterStateName = 'ShutterOpen';
  /** NINA's dome follower (not the driver's own following) keeps the slit on the telescope. */
  followingScope = true;
  private parkedAzimuthDeg = 180;

  constructor(
    services: DeviceServices,
    private readonly mount: Mount,
  ) {
    super(
      {
        kind: 'dome',
        driver: {
          id: 'ASCOM.NexDome.Dome',
          name: 'NexDome',
          displayName: 'NexDome',
          description: 'NexDome 2.2 m observatory',
          driverInfo: 'ASCOM Dome driver for NexDome',
          driverVersion: '3.2',
          category: 'ASCOM',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Dome',
        logLabel: 'Dome',
        connectOrigin: { source: 'DomeVM.cs', member: 'Connect', line: 246 },
        disconnectOrigin: { source: 'DomeVM.cs', member: 'Disconnect', line: 318 },
        connectDurationMs: 2000,
        rescanDurationMs: 1000,
      },
      services,
    );
  }

  /** The slit follows the mount's azimuth (tenths of a degree, as the driver reports). */
  azimuthDeg(): number {
    if (!this.followingScope || !this.mount.connected) return this.parkedAzimuthDeg;
    return Math.round(this.mount.horizontal().azDeg * 10) / 10;
  }

  get isSynchronized(): boolean {
    return this.followingScope && this.mount.connected;
  }

  protected onConnected(): void {}

  protected onDisconnected(): void {}

  /** NINA's DomeInfo (3.2 property set); a reset brings back ShutterNone and an Azimuth of NaN. */
  info(): Record<string, NetValue> {
    const connected = this.connected;
    return {
      ShutterStatus: ShutterState[connected ? this.shutter : 'ShutterNone'],
      DriverCanFollow: false,
      CanSetShutter: connected,
      CanSetPark: connected,
      CanSetAzimuth: connected,
      CanSyncAzimuth: connected,
      CanPark: connected,
      CanFindHome: connected,
      AtPark: false,
      AtHome: false,
      DriverFollowing: false,
      Slewing: false,
      Azimuth: double(connected ? this.azimuthDeg() : Number.NaN),
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      shutter: this.shutter,
      followingScope: this.followingScope,
      azimuthDeg: this.azimuthDeg(),
    };
  }
}
