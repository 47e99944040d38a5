// A field rotator (Pegasus Astro Falcon through ASCOM) and NINA's RotatorInfo.

import { float, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';

export class Rotator extends Device {
  mechanicalPositionDeg = 87.5;
  /** Sky angle minus mechanical angle, as established by the last sync. */
  syncOffsetDeg = 4.81;
  reverse = false;
  isMoving = false;

  constructor(services: DeviceServices) {
    super(
      {
        kind: 'rotator',
        driver: {
          id: 'ASCOM.PegasusAstroFalcon.Rotator',
          name: 'Pegasus Astro Falcon Rotator',
          displayName: 'Pegasus Astro Falcon Rotator',
          description: 'Pegasus Astro Falcon Rotator v2',
          driverInfo: 'ASCOM Rotator driver for Pegasus Astro Falcon',
          driverVersion: '1.4',
          category: 'ASCOM',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Rotator',
        logLabel: 'Rotator',
        connectOrigin: { source: 'RotatorVM.cs', member: 'Connect', line: 298 },
        disconnectOrigin: { source: 'RotatorVM.cs', member: 'Disconnect', line: 372 },
        connectDurationMs: 800,
        rescanDurationMs: 800,
      },
      services,
    );
  }

  get skyPositionDeg(): number {
    return (((this.mechanicalPositionDeg + this.syncOffsetDeg) % 360) + 360) % 360;
  }

  protected onConnected(): void {
    this.isMoving = false;
  }

  protected onDisconnected(): void {
    this.isMoving = false;
  }

  /** NINA's RotatorInfo: the angles are System.Single. */
  info(): Record<string, NetValue> {
    const connected = this.connected;
    return {
      CanReverse: connected,
      Reverse: connected && this.reverse,
      MechanicalPosition: float(connected ? this.mechanicalPositionDeg : 0),
      Position: float(connected ? this.skyPositionDeg : 0),
      StepSize: float(connected ? 0.01 : 0),
      IsMoving: connected && this.isMoving,
      Synced: connected,
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      mechanicalPositionDeg: this.mechanicalPositionDeg,
      skyPositionDeg: this.skyPositionDeg,
      reverse: this.reverse,
      isMoving: this.isMoving,
    };
  }
}
